// A firing wave writes its rows set-based (issue 14): the reminders, outbox rows and audit rows of the whole wave,
// each in one statement whose rows travel as one JSON parameter, and the clocks advanced in one UPDATE. This holds
// what those statements must still do, on the real database: a wave of N due clocks writes N reminders, N outbox rows
// and N audit rows in the chain's order, each field where it belongs, once, even when two workers fire waves over the
// same due clocks at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClockHandlers, fireWave } from '../../src/app/clocks/fire-clock.js';
import { taskClockHandler } from '../../src/app/clocks/task-clock-handler.js';
import { verifyAudit } from '../../src/db/repositories/audit.repository.js';
import { createHarness, type Harness } from '../support/app-harness.js';

const N = 24;
const handlers = new ClockHandlers([taskClockHandler]);

describe('a firing wave writes its rows set-based', () => {
  let h: Harness;
  let taskIds: number[];
  let member: number;
  let chatId: string;

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z', workers: false });
    await h.importSample();
    taskIds = [];
    for (let i = 1; i <= N; i++) {
      const task = await h.give('BTC-01', 'BTC-03', { title: `Rà soát hồ sơ số ${i} "đợt 2" \\ năm 2026`, deadline: new Date('2026-12-31T10:00:00Z') });
      taskIds.push(task.id);
    }
    member = await h.officialId('BTC-03');
    // Linked only now, so giving the tasks queued nothing (no workers here to send it); the reminders find this chat.
    chatId = '7303';
    await h.db.db.chatIdentity.create({ data: { officialId: member, channel: 'TELEGRAM', externalUserId: chatId, chatId } });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('N due clocks, fired by two workers racing in waves smaller than N: N reminders, N outbox rows, N audit rows in chain order, once', async () => {
    const clocks = await h.db.db.clock.findMany({ where: { kind: 'TASK_ACCEPT', itemId: { in: taskIds } }, orderBy: { id: 'asc' } });
    expect(clocks).toHaveLength(N);
    // Past every time to accept: all N are due at once.
    const latest = Math.max(...clocks.map((c) => c.nextAt.getTime()));
    h.timeSource.set(new Date(latest + 60_000));
    const auditBefore = await h.db.db.auditLog.aggregate({ _max: { id: true } });

    // Two workers, each firing waves of 5 until nothing is due: they take the same due clocks at the same time.
    const worker = async () => {
      let fired = 0;
      for (;;) {
        const { fired: wave } = await fireWave(h.app, handlers, [], 5);
        if (wave.length === 0) return fired;
        fired += wave.length;
      }
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    expect(a + b).toBe(N);

    const reminders = await h.db.db.reminder.findMany({ where: { clockId: { in: clocks.map((c) => c.id) } }, orderBy: { clockId: 'asc' } });
    expect(reminders).toHaveLength(N);
    const now = h.timeSource.now();
    reminders.forEach((r, i) => {
      const c = clocks[i]!;
      expect(r).toMatchObject({
        clockId: c.id,
        generation: c.generation,
        level: 0,
        cycle: 0,
        itemKind: 'TASK',
        itemId: c.itemId,
        clockKind: 'TASK_ACCEPT',
        officialId: member,
        recipientId: member,
        kind: 'REMINDER',
        delivered: null,
      });
      expect(r.at.toISOString()).toBe(now.toISOString());
      expect(r.outboxId).not.toBeNull();
    });

    // Each reminder has its own outbox row, to the person's chat, with the message of its own task.
    const outbox = await h.db.db.outbox.findMany({ where: { id: { in: reminders.map((r) => r.outboxId!) } } });
    expect(outbox).toHaveLength(N);
    const byId = new Map(outbox.map((o) => [o.id, o]));
    const tasks = new Map((await h.db.db.task.findMany({ where: { id: { in: taskIds } } })).map((t) => [t.id, t]));
    for (const r of reminders) {
      const o = byId.get(r.outboxId!)!;
      const task = tasks.get(r.itemId)!;
      expect(o).toMatchObject({ channel: 'TELEGRAM', chatId, officialId: member, mergeable: true, status: 'PENDING' });
      const payload = o.payload as { locale: string; itemCode: string; message: { text: string; buttons: unknown[][] } };
      expect(payload.locale).toBe('vi');
      expect(payload.itemCode).toBe(task.code);
      // The title with its quotes and backslash survived the trip through JSON and SQL unchanged.
      expect(payload.message.text).toContain(task.code);
      expect(payload.message.text).toContain(task.title);
      expect(payload.message.buttons.length).toBeGreaterThan(0);
    }

    // N audit rows, one per reminder, appended in the chain's order (ids follow the chain) and the chain verifies.
    const audit = await h.db.db.auditLog.findMany({ where: { id: { gt: auditBefore._max.id ?? 0n } }, orderBy: { id: 'asc' } });
    const sent = audit.filter((x) => x.action === 'reminder.sent');
    expect(sent).toHaveLength(N);
    for (let i = 1; i < audit.length; i++) expect(audit[i]!.prevHash).toBe(audit[i - 1]!.hash);
    expect(new Set(sent.map((x) => (x.data as { clockId: number }).clockId))).toEqual(new Set(clocks.map((c) => c.id)));
    for (const x of sent) {
      const c = clocks.find((k) => k.id === (x.data as { clockId: number }).clockId)!;
      expect(x).toMatchObject({ actorId: null, entity: 'task', entityId: String(c.itemId), hashVersion: 2 });
      expect(x.at.toISOString()).toBe(now.toISOString());
      expect(x.data).toEqual({ clockId: c.id, kind: 'TASK_ACCEPT', level: 0, cycle: 0, recipientId: member, queued: true });
    }
    expect(await verifyAudit(h.db.db)).toMatchObject({ brokenAt: null, reason: null });

    // Every clock moved to level 1 at a later time; nothing is due any more, so another wave fires nothing.
    const after = await h.db.db.clock.findMany({ where: { id: { in: clocks.map((c) => c.id) } } });
    for (const c of after) {
      expect(c).toMatchObject({ state: 'ACTIVE', level: 1, cycle: 0 });
      expect(c.nextAt.getTime()).toBeGreaterThan(now.getTime());
    }
    expect((await fireWave(h.app, handlers, [], 5)).fired).toHaveLength(0);
    expect(await h.db.db.reminder.count({ where: { clockId: { in: clocks.map((c) => c.id) } } })).toBe(N);
  }, 120_000);
});
