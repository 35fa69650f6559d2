// @ts-check
// The people panel: the units as a tree (nested, open), each official with title and role, and a button per
// platform that opens their chat. A search box narrows it by name, title or unit, with or without diacritics.
import { el } from './format.js';
import { t } from './i18n.js';

/**
 * @typedef {{ code: string, fullName: string, title: string, role: 'HEAD' | 'DEPUTY' | 'MEMBER', isAdmin: boolean,
 *   unitCode: string, superiorCode?: string, telegramUserId?: number, zaloUserId?: string, oaUserId?: string, commands: string[] }} Person
 * @typedef {{ code: string, name: string, people: Person[], children: Unit[] }} Unit
 */

/** Lower case without diacritics, "đ" as "d": what a search compares. */
export function fold(/** @type {string} */ text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/**
 * @param {HTMLElement} root
 * @param {Unit[]} units
 * @param {(person: Person, channel: 'telegram' | 'zalo' | 'oa') => void} open
 */
export function renderTree(root, units, open) {
  /** @returns {HTMLElement} */
  const unitView = (/** @type {Unit} */ unit) => {
    const people = el(
      'ul',
      { class: 'people-list' },
      unit.people.map((p) =>
        el('li', { class: 'person', 'data-person': p.code, 'data-search': fold(`${p.fullName} ${p.title} ${unit.name} ${p.code}`) }, [
          el('div', { class: 'person-name' }, [
            el('strong', {}, [p.fullName]),
            el('span', { class: `role role-${p.role}` }, [t(`sandbox-role-${p.role}`)]),
            p.isAdmin ? el('span', { class: 'role role-admin' }, [t('sandbox-admin')]) : null,
          ]),
          el('div', { class: 'person-title' }, [p.title]),
          el('div', { class: 'person-open' }, [
            channelButton(p, 'telegram', p.telegramUserId !== undefined, open),
            channelButton(p, 'zalo', p.zaloUserId !== undefined, open),
            channelButton(p, 'oa', p.oaUserId !== undefined, open),
          ]),
        ]),
      ),
    );
    const details = el('details', { class: 'unit', open: '', 'data-unit': unit.code }, [
      el('summary', {}, [el('span', { class: 'unit-name' }, [unit.name]), el('span', { class: 'unit-code' }, [unit.code])]),
      people,
      ...unit.children.map(unitView),
    ]);
    return details;
  };
  root.replaceChildren(...units.map(unitView));
}

/**
 * @param {Person} person
 * @param {'telegram' | 'zalo' | 'oa'} channel
 * @param {boolean} linked
 * @param {(person: Person, channel: 'telegram' | 'zalo' | 'oa') => void} open
 */
function channelButton(person, channel, linked, open) {
  const button = el('button', { type: 'button', class: `open open-${channel}`, 'data-open': channel }, [t(`sandbox-open-${channel}`)]);
  if (linked) button.addEventListener('click', () => open(person, channel));
  else {
    button.setAttribute('disabled', '');
    button.title = t('sandbox-not-linked');
  }
  return button;
}

/** Hides the people (and then the units) that do not match the search. */
export function filterTree(/** @type {HTMLElement} */ root, /** @type {string} */ query) {
  const q = fold(query.trim());
  for (const li of root.querySelectorAll('li.person')) /** @type {HTMLElement} */ (li).hidden = q !== '' && !(/** @type {HTMLElement} */ (li).dataset.search ?? '').includes(q);
  const units = /** @type {HTMLElement[]} */ ([...root.querySelectorAll('details.unit')]).reverse();
  for (const unit of units) unit.hidden = q !== '' && !unit.querySelector('li.person:not([hidden])');
}

/** Every person of the tree, in tree order. */
export function flatten(/** @type {Unit[]} */ units) {
  /** @type {{ person: Person, unit: Unit, depth: number }[]} */
  const people = [];
  /** @type {{ unit: Unit, depth: number }[]} */
  const unitList = [];
  const walk = (/** @type {Unit} */ u, /** @type {number} */ depth) => {
    unitList.push({ unit: u, depth });
    for (const p of u.people) people.push({ person: p, unit: u, depth });
    for (const c of u.children) walk(c, depth + 1);
  };
  units.forEach((u) => walk(u, 0));
  return { people, units: unitList };
}
