// The router's tables (src/app/interaction): every button verb and every command has exactly one handler, an unknown
// or forged button gets the usual clear answer, and a dialog whose stored row no longer fits its flow (written by an
// older version, or damaged) ends with one clear message instead of reaching a use case. In process
// (tests/support/app-fixture.ts).
import { describe, expect } from 'vitest';
import { decodeAction, encodeAction, type Verb } from '../../src/app/actions.js';
import { DIALOG_VERBS, joinActionTables, type ActionTable, type ButtonVerb, type FeatureActions } from '../../src/app/interaction/action-table.js';
import { COMMANDS } from '../../src/app/interaction/commands.js';
import { ACTIONS, COMMAND_HANDLERS, FLOWS } from '../../src/app/interaction/index.js';
import { ITEM_COMMANDS } from '../../src/app/interaction/item-commands.js';
import { NOTICE_ACTIONS } from '../../src/app/notices/notice-chat.js';
import { PRAISE_ACTIONS } from '../../src/app/recognition/commend-chat.js';
import { REVIEW_ACTIONS } from '../../src/app/review/review-chat.js';
import { SELF_REVIEW_ACTIONS } from '../../src/app/self-review/self-review-chat.js';
import { Catalogue, type MessageArgs } from '../../src/i18n/catalogue.js';
import { test, type AppFixture, type FixturePerson } from '../support/app-fixture.js';

const vi = (key: Parameters<Catalogue['t']>[1], args?: MessageArgs) => Catalogue.load().t('vi', key, args);

/** Every verb the wire knows: each is a two-letter code (src/app/actions.ts), so trying them all finds them all. */
function allVerbs(): Verb[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const found: Verb[] = [];
  for (const a of letters)
    for (const b of letters) {
      const action = decodeAction(a + b);
      if (action) found.push(action.verb);
    }
  return found;
}

/** Writes the chat's dialog row as an older version (or a damaged disk) might have left it. */
async function storeDialog(fx: AppFixture, who: FixturePerson, dialog: { flow: string; step: string; data: unknown }) {
  const identity = await fx.db.chatIdentity.findFirstOrThrow({ where: { channel: 'TELEGRAM', externalUserId: String(who.id) } });
  const row = { flow: dialog.flow, step: dialog.step, data: dialog.data as never, expiresAt: new Date(fx.time.now().getTime() + 3_600_000) };
  await fx.db.dialogState.upsert({ where: { identityId: identity.id }, create: { identityId: identity.id, ...row }, update: row });
  return identity.id;
}

/** A value of the wrong type under every field any flow keeps. */
const WRONG_EVERYWHERE = {
  ids: 'x',
  id: 'x',
  oid: 'x',
  taskId: 'x',
  assigneeId: 'x',
  personId: 'x',
  text: 5,
  target: 'x',
  purpose: 'x',
  stance: 'x',
  decision: 'x',
  // The year-end cycle, notices and commendations (review/, self-review/, notices/, recognition/).
  itemId: 'x',
  kind: 5,
  deadline: 5,
  formId: 'x',
  role: 5,
  officialId: 'x',
  scopes: 'x',
  who: 5,
  count: 'x',
  title: 5,
  summary: 5,
  file: 'x',
};

/**
 * The tables of the features outside handlers/, each with the verbs of its own prefix: true only when the table's
 * keys are exactly those verbs, so a verb added to src/app/actions.ts without its handler here fails tsc.
 */
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type VerbsOf<P extends string> = Extract<ButtonVerb, `${P}.${string}`>;
const FEATURE_TABLES = {
  review: [REVIEW_ACTIONS, true satisfies Exactly<keyof typeof REVIEW_ACTIONS, VerbsOf<'review'>>],
  self: [SELF_REVIEW_ACTIONS, true satisfies Exactly<keyof typeof SELF_REVIEW_ACTIONS, VerbsOf<'self'>>],
  notice: [NOTICE_ACTIONS, true satisfies Exactly<keyof typeof NOTICE_ACTIONS, VerbsOf<'notice'>>],
  praise: [PRAISE_ACTIONS, true satisfies Exactly<keyof typeof PRAISE_ACTIONS, VerbsOf<'praise'>>],
} as const;

describe('the tables', () => {
  test('every button verb has exactly one handler; the dialog verbs are the router’s own', () => {
    const verbs = allVerbs();
    expect(verbs.length).toBeGreaterThan(DIALOG_VERBS.length);
    const handled = Object.keys(ACTIONS);
    expect(new Set([...handled, ...DIALOG_VERBS])).toEqual(new Set(verbs));
    expect(handled.filter((v) => (DIALOG_VERBS as readonly string[]).includes(v))).toEqual([]);
    for (const verb of handled) expect(typeof ACTIONS[verb as keyof typeof ACTIONS], verb).toBe('function');
  });

  test('the year-end, notice and praise tables each answer every verb of their prefix, and the router uses them', () => {
    const verbs = allVerbs();
    for (const [prefix, [table, exact]] of Object.entries(FEATURE_TABLES)) {
      expect(exact).toBe(true);
      const own = verbs.filter((v) => v.startsWith(`${prefix}.`));
      expect(own.length, prefix).toBeGreaterThan(0);
      expect(new Set(Object.keys(table)), prefix).toEqual(new Set(own));
      for (const verb of own) expect(ACTIONS[verb as ButtonVerb], verb).toBe(table[verb as keyof typeof table]);
    }
  });

  // The @ts-expect-error lines are the test: were the table's type looser, tsc (run before every commit) would fail.
  test('tsc refuses a table that lacks a verb, a verb misspelled, and a feature table that claims a verb of another', () => {
    const { 'notice.view': dropped, ...lacking } = ACTIONS;
    // @ts-expect-error notice.view has no handler: this is no ActionTable
    const whole: ActionTable = lacking;
    expect(Object.keys(whole)).not.toContain('notice.view');
    expect(dropped).toBe(NOTICE_ACTIONS['notice.view']);
    // @ts-expect-error no such verb
    const misspelled = { 'notice.veiw': dropped } satisfies FeatureActions;
    expect(Object.keys(misspelled)).toEqual(['notice.veiw']);
    // @ts-expect-error the review table's keys are the review verbs, praise.task is none of them
    const widened: Exactly<keyof typeof REVIEW_ACTIONS, VerbsOf<'review'> | 'praise.task'> = true;
    expect(widened).toBe(true);
  });

  test('a verb two features both answer fails at once', () => {
    const one = async () => ({ replies: [] });
    expect(() => joinActionTables({ 'task.view': one }, { 'list.tasks': one }, { 'task.view': one })).toThrow(/task\.view/);
  });

  test('every command but /huy has a handler; the item commands name verbs the table answers', () => {
    expect(new Set(Object.keys(COMMAND_HANDLERS))).toEqual(new Set(Object.keys(COMMANDS).filter((c) => c !== 'cancel')));
    for (const c of ITEM_COMMANDS) for (const t of c.targets) expect(Object.keys(ACTIONS)).toContain(t.verb);
  });

  test('an item command word is no ordinary command, unless the table says which one it also is', () => {
    const ordinary = new Map(Object.entries(COMMANDS).flatMap(([name, words]) => words.map((w) => [w as string, name])));
    const seen = new Set<string>();
    for (const c of ITEM_COMMANDS) {
      for (const w of c.words) {
        expect(seen.has(w), w).toBe(false);
        seen.add(w);
        expect(ordinary.get(w), w).toBe(c.alone);
      }
    }
  });

  test('every flow has a name of its own and at least one step', () => {
    expect(new Set(FLOWS.map((f) => f.name)).size).toBe(FLOWS.length);
    for (const f of FLOWS) expect(f.steps.length, f.name).toBeGreaterThan(0);
  });
});

describe('the answers', () => {
  test('a forged button, one no message offers, and an unknown command each get the usual clear answer', async ({ fx }) => {
    const an = await fx.person('BTC-03');
    await an.pressData('zz:1');
    expect(an.last()).toBe(vi('error-malformed-action'));
    await an.pressData(encodeAction('digest.open', 1));
    expect(an.last()).toBe(vi('error-malformed-action'));
    await an.say('/khongcolenhnay');
    expect(an.last()).toBe(vi('unknown-input'));
  });

  test('a malformed or stale button of the year-end, notice and praise features gets the answer it always got', async ({ fx }) => {
    const an = await fx.person('BTC-03'); // a member: no review of his own, no right to send a notice
    const stale = '999999';
    const cases: [Verb, string, string][] = [
      ['review.start', '', vi('review-not-head')],
      ...(['review.detail', 'review.xlsx', 'review.close'] as const).flatMap((v): [Verb, string, string][] => [
        [v, 'x', vi('review-not-found')],
        [v, stale, vi('review-not-found')],
      ]),
      ...(['review.done', 'review.keep', 'review.transfer', 'review.drop', 'review.agree'] as const).flatMap((v): [Verb, string, string][] => [
        [v, 'x', vi('review-item-not-found')],
        [v, stale, vi('review-item-not-found')],
      ]),
      ['review.refuse', 'x', vi('review-item-decided', { code: '—' })],
      ['review.refuse', stale, vi('review-item-decided', { code: '—' })],
      ...(['self.view', 'self.write', 'self.comment'] as const).flatMap((v): [Verb, string, string][] => [
        [v, 'x', vi('self-review-not-found')],
        [v, stale, vi('self-review-not-found')],
      ]),
      ['self.xlsx', 'x', vi('self-review-not-found')],
      ['self.xlsx', `${stale}-1`, vi('self-review-not-found')],
      ['notice.new', '', vi('notice-not-allowed')],
      ...(['notice.confirm', 'notice.commit', 'notice.ask', 'notice.view'] as const).flatMap((v): [Verb, string, string][] => [
        [v, '', vi('error-malformed-action')],
        [v, 'x', vi('error-malformed-action')],
        [v, stale, vi('notice-not-found')],
      ]),
      ['praise.task', 'x', vi('error-malformed-action')],
      ['praise.task', stale, vi('task-not-found')],
    ];
    const pressed = new Set(cases.map(([verb]) => verb));
    expect(new Set([...pressed].map((v) => v.split('.')[0]))).toEqual(new Set(Object.keys(FEATURE_TABLES)));
    for (const tableVerbs of Object.values(FEATURE_TABLES)) for (const verb of Object.keys(tableVerbs[0])) expect(pressed, verb).toContain(verb);
    for (const [verb, arg, answer] of cases) {
      await an.pressData(encodeAction(verb, arg));
      expect(an.last(), `${verb}:${arg}`).toBe(answer);
    }
    // None of them left a dialog open.
    expect(await fx.db.dialogState.count()).toBe(0);
  });

  test('a dialog row whose data no longer fits its flow ends the dialog with one clear message, for every flow', async ({ fx }) => {
    const an = await fx.person('BTC-03');
    for (const flow of FLOWS) {
      const identityId = await storeDialog(fx, an, { flow: flow.name, step: flow.steps[0]!, data: WRONG_EVERYWHERE });
      await an.pressData(encodeAction('dialog.pick', 'o1'));
      expect(an.last(), flow.name).toBe(vi('dialog-unreadable'));
      expect(await fx.db.dialogState.findUnique({ where: { identityId } }), flow.name).toBeNull();
    }
    // Nothing was left half done: the next command works as usual.
    await an.say('/huy');
    expect(an.last()).toBe(vi('dialog-nothing'));
  });

  test('a step the flow no longer has ends the dialog the same way; a flow that no longer exists, as expired', async ({ fx }) => {
    const head = await fx.person('BTC-01');
    const identityId = await storeDialog(fx, head, { flow: 'assign', step: 'budget', data: {} });
    await head.say('Nguyễn');
    expect(head.last()).toBe(vi('dialog-unreadable'));
    expect(await fx.db.dialogState.findUnique({ where: { identityId } })).toBeNull();
    await storeDialog(fx, head, { flow: 'no-such-flow', step: 'who', data: {} });
    await head.say('Nguyễn');
    expect(head.last()).toBe(vi('dialog-expired'));
  });

  test('a text answer to a damaged /giaoviec row, typed on: the flow starts again cleanly', async ({ fx }) => {
    const head = await fx.person('BTC-01');
    await head.say('/giaoviec');
    expect(head.last()).toBe(vi('assign-step-who'));
    const identityId = (await fx.db.chatIdentity.findFirstOrThrow({ where: { channel: 'TELEGRAM', externalUserId: String(head.id) } })).id;
    // The row as a version that kept the deadline as a number of milliseconds would have left it.
    await fx.db.dialogState.update({
      where: { identityId },
      data: { step: 'priority', data: { assigneeId: 1, title: 'x', result: 'y', deadline: 1796000000000 } },
    });
    await head.pressData(encodeAction('dialog.pick', 'URGENT'));
    expect(head.last()).toBe(vi('dialog-unreadable'));
    await head.say('/giaoviec');
    expect(head.last()).toBe(vi('assign-step-who'));
  });
});
