// @ts-check
// The "everyone" view: every message to and from anyone, newest first, narrowed by person, unit (with the units
// under it) and item code. What escalations look like from above.
import { call } from './api.js';
import { attachmentView, el, richText, stamp } from './format.js';
import { t } from './i18n.js';
import { flatten } from './people.js';

/** @typedef {import('./format.js').Entry & { channel: 'telegram' | 'zalo' | 'oa', person?: { code: string, fullName: string, title: string, unitCode: string } }} FeedEntry */

/** Fills the person and unit filters from the people tree. */
export function fillFilters(/** @type {import('./people.js').Unit[]} */ units) {
  const { people, units: unitList } = flatten(units);
  const person = /** @type {HTMLSelectElement} */ (document.getElementById('filter-person'));
  const unit = /** @type {HTMLSelectElement} */ (document.getElementById('filter-unit'));
  const [p, u] = [person.value, unit.value];
  person.replaceChildren(el('option', { value: '' }, [t('sandbox-filter-all')]), ...people.map(({ person: x }) => el('option', { value: x.code }, [`${x.fullName} – ${x.title}`])));
  unit.replaceChildren(el('option', { value: '' }, [t('sandbox-filter-all')]), ...unitList.map(({ unit: x, depth }) => el('option', { value: x.code }, [`${'  '.repeat(depth)}${x.name}`])));
  person.value = p;
  unit.value = u;
}

/** Loads and draws the feed with the filters as they are. Throws the API's message for a bad item code. */
export async function loadFeed() {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('everyone-filters'));
  const data = new FormData(form);
  const query = new URLSearchParams();
  for (const key of ['person', 'unit', 'item']) {
    const value = String(data.get(key) ?? '').trim();
    if (value) query.set(key, value);
  }
  const body = await call(`/everyone?${query}`);
  const list = /** @type {HTMLElement} */ (document.getElementById('everyone-list'));
  /** @type {FeedEntry[]} */
  const messages = body.messages;
  if (messages.length === 0) {
    list.replaceChildren(el('li', { class: 'empty' }, [t('sandbox-everyone-empty')]));
    return;
  }
  list.replaceChildren(...messages.map(feedItem));
}

function feedItem(/** @type {FeedEntry} */ m) {
  const who = m.person ? `${m.person.fullName} – ${m.person.title}` : m.chatId;
  const text = m.pressed ? `▸ ${t('sandbox-pressed')}: ${m.pressed.text}` : (m.text ?? '');
  return el('li', { class: `feed-item ${m.direction}`, 'data-person': m.person?.code ?? '', 'data-channel': m.channel }, [
    el('div', { class: 'feed-head' }, [
      el('time', {}, [stamp(m.at)]),
      el('span', { class: `platform platform-${m.channel}` }, [m.channel === 'telegram' ? 'Telegram' : m.channel === 'zalo' ? 'Zalo' : 'Zalo OA']),
      el('span', { class: 'direction' }, [m.direction === 'out' ? `${t('sandbox-direction-out')} →` : `← ${t('sandbox-direction-in')}`]),
      el('strong', {}, [who]),
    ]),
    el('div', { class: 'feed-text' }, [richText(text.length > 1200 ? `${text.slice(0, 1200)}…` : text)]),
    attachmentView(m),
  ]);
}
