// People of one unit of the sample district, linked on Zalo in fresh chats for one test. An e2e file keeps one harness
// (a file-scoped fixture) and gives each test a unit no other test of the file uses, so no test continues another's
// state: one failure hides nothing else, and any test runs alone or in any order (DEVELOPERS.md, "Tests").
import type { Harness } from './app-harness.js';
import { zaloUser, type ZaloUser } from './zalo-user.js';

/** Units with a head (-01), a deputy (-02) and a member (-03) and no unit under them (TCKH is zalo-tasks' own). */
export const PAIR_UNITS = ['TNMT', 'GDDT', 'PNV', 'VPUB', 'TTDS', 'XTL', 'XHB', 'XPM', 'BTG', 'UBKT', 'VPHU', 'BTC'] as const;
/** Of those, the units of exactly those three officials (VPUB and BTC have a fourth): a notice to the unit reaches two. */
export const THREE_OFFICIAL_UNITS = ['TNMT', 'GDDT', 'PNV', 'TTDS', 'XTL', 'XHB', 'XPM', 'BTG', 'UBKT', 'VPHU'] as const;

/** Hands out the units one at a time: each test of a file takes one no other test of that file took. */
export function unitPool(file: string, units: readonly string[] = PAIR_UNITS): () => string {
  let next = 0;
  return () => {
    const unit = units[next++];
    if (!unit) throw new Error(`${file}: more tests than units to give them`);
    return unit;
  };
}

/** A full name as a person may type it: lower case, without diacritics. */
export const fold = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** A head (-01) and a member (-03) of one unit, linked on Zalo in fresh chats. */
export interface Pair {
  h: Harness;
  unit: string;
  head: ZaloUser;
  member: ZaloUser;
  headId: number;
  memberId: number;
  /** The member's full name as a person may type it. */
  memberTyped: string;
  /** Gives the member a task through the use case, due Fri 11/12 16:00. */
  assign(title: string): Promise<{ id: number; code: string }>;
}

/** A pair and the unit's deputy (-02), also on Zalo. */
export interface Trio extends Pair {
  deputy: ZaloUser;
  deputyId: number;
  deputyTyped: string;
}

async function typedName(h: Harness, id: number): Promise<string> {
  return fold((await h.db.db.official.findUniqueOrThrow({ where: { id } })).fullName);
}

export async function zaloPair(h: Harness, unit: string): Promise<Pair> {
  const head = zaloUser(h, `head-${unit}`);
  const member = zaloUser(h, `member-${unit}`);
  await h.linkZalo(`${unit}-01`, head.id);
  await h.linkZalo(`${unit}-03`, member.id);
  await h.idle();
  const headId = await h.officialId(`${unit}-01`);
  const memberId = await h.officialId(`${unit}-03`);
  return {
    h,
    unit,
    head,
    member,
    headId,
    memberId,
    memberTyped: await typedName(h, memberId),
    assign: (title) => h.give(headId, memberId, { title, expectedResult: 'Báo cáo bằng văn bản gửi Trưởng phòng', deadline: new Date('2026-12-11T09:00:00Z') }),
  };
}

export async function zaloTrio(h: Harness, unit: string): Promise<Trio> {
  const pair = await zaloPair(h, unit);
  const deputy = zaloUser(h, `deputy-${unit}`);
  await h.linkZalo(`${unit}-02`, deputy.id);
  await h.idle();
  const deputyId = await h.officialId(`${unit}-02`);
  return { ...pair, deputy, deputyId, deputyTyped: await typedName(h, deputyId) };
}
