// The router's tables (src/app/interaction): every button verb and every command has exactly one handler, an unknown
// or forged button gets the usual clear answer, and a dialog whose stored row no longer fits its flow (written by an
// older version, or damaged) ends with one clear message instead of reaching a use case. In process
// (tests/support/app-fixture.ts).
import { describe, expect } from 'vitest';
import { decodeAction, encodeAction, type Verb } from '../../src/app/actions.js';
import { DIALOG_VERBS, joinActionTables } from '../../src/app/interaction/action-table.js';
import { COMMANDS } from '../../src/app/interaction/commands.js';
import { ACTIONS, COMMAND_HANDLERS, FLOWS } from '../../src/app/interaction/index.js';
import { ITEM_COMMANDS } from '../../src/app/interaction/item-commands.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { test, type AppFixture, type FixturePerson } from '../support/app-fixture.js';

const vi = (key: Parameters<Catalogue['t']>[1]) => Catalogue.load().t('vi', key);

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
};

describe('the tables', () => {
  test('every button verb has exactly one handler; the dialog verbs are the router’s own', () => {
    const verbs = allVerbs();
    expect(verbs.length).toBeGreaterThan(DIALOG_VERBS.length);
    const handled = Object.keys(ACTIONS);
    expect(new Set([...handled, ...DIALOG_VERBS])).toEqual(new Set(verbs));
    expect(handled.filter((v) => (DIALOG_VERBS as readonly string[]).includes(v))).toEqual([]);
    for (const verb of handled) expect(typeof ACTIONS[verb as keyof typeof ACTIONS], verb).toBe('function');
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
