// The "everyone" view: every message the built-in platforms carried, to and from anyone, newest first, narrowed by
// person, unit (with the units under it) and item code: what the escalations look like from above.
import type { ChatEntry } from './platforms/chat-log.js';
import type { PersonView, SandboxChannel, UnitView } from './ports.js';

/** NV-2026-0001 (task), YK-… (consultation), GT-… (demand for explanation). */
export const ITEM_CODE = /^(NV|YK|GT)-\d{4}-\d{4,}$/i;

export interface EveryoneFilter {
  person?: string;
  unit?: string;
  item?: string;
  limit: number;
}

export interface EveryoneEntry extends ChatEntry {
  channel: SandboxChannel;
  /** The official whose chat it is (undefined for a chat nobody in the directory owns). */
  person?: { code: string; fullName: string; title: string; unitCode: string };
}

export interface PeopleIndex {
  byCode: Map<string, PersonView>;
  /** "telegram:<chatId>" / "zalo:<chatId>" / "oa:<chatId>" → person. */
  byChat: Map<string, PersonView>;
  /** unit code → the codes of the unit and every unit under it. */
  subtree: Map<string, Set<string>>;
  unitNames: Map<string, string>;
}

export function indexPeople(tree: UnitView[]): PeopleIndex {
  const index: PeopleIndex = { byCode: new Map(), byChat: new Map(), subtree: new Map(), unitNames: new Map() };
  const walk = (unit: UnitView): Set<string> => {
    const codes = new Set([unit.code]);
    index.unitNames.set(unit.code, unit.name);
    for (const p of unit.people) {
      index.byCode.set(p.code, p);
      if (p.telegramUserId !== undefined) index.byChat.set(`telegram:${p.telegramUserId}`, p);
      if (p.zaloUserId !== undefined) index.byChat.set(`zalo:${p.zaloUserId}`, p);
      if (p.oaUserId !== undefined) index.byChat.set(`oa:${p.oaUserId}`, p);
    }
    for (const child of unit.children) for (const c of walk(child)) codes.add(c);
    index.subtree.set(unit.code, codes);
    return codes;
  };
  tree.forEach(walk);
  return index;
}

/** Entries of every platform, newest first (by the sandbox clock, then by the order the platform carried them). */
export function everyone(sources: { channel: SandboxChannel; entries: ChatEntry[] }[], people: PeopleIndex, filter: EveryoneFilter): EveryoneEntry[] {
  const units = filter.unit === undefined ? undefined : (people.subtree.get(filter.unit) ?? new Set<string>());
  const item = filter.item?.toUpperCase();
  const all: { entry: EveryoneEntry; order: number }[] = [];
  for (const { channel, entries } of sources) {
    entries.forEach((e, order) => {
      const p = people.byChat.get(`${channel}:${e.chatId}`);
      if (filter.person !== undefined && p?.code !== filter.person) return;
      if (units && (!p || !units.has(p.unitCode))) return;
      if (item !== undefined && !(e.text ?? '').toUpperCase().includes(item)) return;
      const person = p ? { code: p.code, fullName: p.fullName, title: p.title, unitCode: p.unitCode } : undefined;
      all.push({ entry: { ...e, channel, ...(person ? { person } : {}) }, order });
    });
  }
  all.sort((a, b) => b.entry.at - a.entry.at || b.order - a.order);
  return all.slice(0, filter.limit).map((x) => x.entry);
}
