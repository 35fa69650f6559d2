// @ts-check
// The sandbox page: people panel, chats side by side, time bar, the "everyone" view, all kept live by the server's
// event stream. Plain ES modules with JSDoc types, served as they are: no build step to run or to go stale, nothing to
// install for a training room's laptop, and the browser checks nothing we did not write. The page holds no text of its
// own: every word comes from the bot's catalogue (locales/<vi|en>/sandbox.ftl) through /sandbox/api/texts.
import { attempt, call, toast } from './api.js';
import { ChatView } from './chat.js';
import { fillFilters, loadFeed } from './everyone.js';
import { currentLang, loadTexts, t, translate } from './i18n.js';
import { filterTree, renderTree } from './people.js';
import { refreshTime, setMoving } from './timebar.js';
import { setupTour } from './tour.js';

/** @typedef {import('./people.js').Person} Person */
/** @typedef {import('./people.js').Unit} Unit */

/** @type {Map<string, ChatView>} */
const chats = new Map();
/** @type {Unit[]} */
let units = [];
const OPEN_KEY = 'dondoc-sandbox-open-chats';

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

function people() {
  /** @type {Map<string, Person>} */
  const byCode = new Map();
  const walk = (/** @type {Unit} */ u) => {
    for (const p of u.people) byCode.set(p.code, p);
    u.children.forEach(walk);
  };
  units.forEach(walk);
  return byCode;
}

function remember() {
  localStorage.setItem(OPEN_KEY, JSON.stringify([...chats.keys()]));
  $('chats-empty').hidden = chats.size > 0;
}

/** Opens a person's chat (or brings it into view when it is open already). */
async function openChat(/** @type {Person} */ person, /** @type {'telegram' | 'zalo' | 'oa'} */ channel) {
  showTab('chats');
  const key = `${person.code}:${channel}`;
  const open = chats.get(key);
  if (open) {
    open.root.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    open.input.focus();
    return;
  }
  const view = new ChatView(person, channel, () => {
    view.root.remove();
    chats.delete(key);
    remember();
  });
  chats.set(key, view);
  $('chats').append(view.root);
  remember();
  // On a phone the people panel folds away once a chat is open; its title opens it again.
  if (matchMedia('(max-width: 760px)').matches) /** @type {HTMLDetailsElement} */ ($('people-panel')).open = false;
  await attempt(() => view.load());
  view.input.focus();
}

function showTab(/** @type {'chats' | 'everyone'} */ tab) {
  for (const b of document.querySelectorAll('[data-tab]')) b.setAttribute('aria-selected', String(/** @type {HTMLElement} */ (b).dataset.tab === tab));
  $('chats').hidden = tab !== 'chats';
  $('everyone').hidden = tab !== 'everyone';
  document.body.dataset.tab = tab;
  if (tab === 'everyone') attempt(loadFeed);
}

async function loadPeople() {
  units = (await call('/people')).units;
  renderTree($('tree'), units, (p, c) => void openChat(p, c));
  filterTree($('tree'), /** @type {HTMLInputElement} */ ($('people-filter')).value);
  fillFilters(units);
}

/** Draws everything again in the current language (after the switch). */
async function redraw() {
  translate();
  $('lang').textContent = t('sandbox-lang-switch');
  /** @type {HTMLInputElement} */ ($('people-filter')).placeholder = t('sandbox-people-filter');
  await loadPeople();
  await refreshTime();
  const open = [...chats.values()].map((c) => [c.person.code, c.channel]);
  for (const c of chats.values()) c.root.remove();
  chats.clear();
  const byCode = people();
  for (const [code, channel] of open) {
    const p = byCode.get(String(code));
    if (p) await openChat(p, /** @type {'telegram' | 'zalo' | 'oa'} */ (channel));
  }
  if (document.body.dataset.tab === 'everyone') showTab('everyone');
  remember();
}

/** The live stream: new and edited messages go to the open chats (and the feed), time moves to the time bar. */
function follow() {
  const live = $('live');
  const source = new EventSource('/sandbox/api/events');
  let refreshFeed = 0;
  source.addEventListener('open', () => {
    live.dataset.state = 'live';
    live.textContent = t('sandbox-live');
  });
  source.addEventListener('error', () => {
    live.dataset.state = 'offline';
    live.textContent = t('sandbox-offline');
  });
  source.addEventListener('hello', () => {
    // After a reconnect, what was missed is read again.
    for (const c of chats.values()) attempt(() => c.load());
    attempt(refreshTime);
  });
  source.addEventListener('chat', (event) => {
    const data = JSON.parse(/** @type {MessageEvent} */ (event).data);
    const view = data.person ? chats.get(`${data.person}:${data.channel}`) : undefined;
    view?.upsert(data.entry);
    if (document.body.dataset.tab === 'everyone') {
      clearTimeout(refreshFeed);
      refreshFeed = window.setTimeout(() => attempt(loadFeed), 300);
    }
  });
  source.addEventListener('time', (event) => {
    const data = JSON.parse(/** @type {MessageEvent} */ (event).data);
    setMoving(data.moving);
    if (!data.moving) attempt(refreshTime);
  });
}

async function start() {
  await loadTexts();
  translate();
  $('lang').textContent = t('sandbox-lang-switch');
  /** @type {HTMLInputElement} */ ($('people-filter')).placeholder = t('sandbox-people-filter');
  $('lang').addEventListener('click', async () => {
    await loadTexts(currentLang() === 'vi' ? 'en' : 'vi');
    await redraw();
  });
  for (const b of document.querySelectorAll('[data-tab]')) b.addEventListener('click', () => showTab(/** @type {'chats' | 'everyone'} */ (/** @type {HTMLElement} */ (b).dataset.tab)));
  $('people-filter').addEventListener('input', (e) => filterTree($('tree'), /** @type {HTMLInputElement} */ (e.target).value));
  $('everyone-filters').addEventListener('submit', (e) => {
    e.preventDefault();
    attempt(loadFeed);
  });
  await loadPeople();
  await refreshTime();
  showTab('chats');
  follow();
  setupTour();
  const byCode = people();
  /** @type {string[]} */
  const reopen = JSON.parse(localStorage.getItem(OPEN_KEY) ?? '[]');
  for (const key of reopen) {
    const [code, channel] = key.split(':');
    const p = byCode.get(code ?? '');
    if (p && (channel === 'telegram' || channel === 'zalo' || channel === 'oa')) await openChat(p, channel);
  }
  remember();
}

start().catch((e) => toast(e instanceof Error ? e.message : String(e)));
