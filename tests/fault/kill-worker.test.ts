import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxPayload } from '../../src/db/repositories/outbox.repository.js';
import { createFaultRig, type FaultRig } from '../support/fault-rig.js';
import { waitUntil } from '../support/wait.js';

// Workers as child processes on the system clock, killed with SIGKILL (no clean-up at all).
// PRODUCT.md §8: no reminder is lost or sent twice when a worker dies.
// Deadlines come from the rig's budget (what this machine showed); the test timeout only guards against a hang.
const HANG_GUARD_MS = 900_000;

let rig: FaultRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('a clock worker killed in the middle of a batch', () => {
  it('every one of 1,000 due reminders arrives exactly once', { timeout: HANG_GUARD_MS }, async () => {
    rig = await createFaultRig(1000);
    const delivery = rig.start('delivery', { WORKER_QUEUES: 'delivery,maintenance' });
    // One wave at a time (a job fires up to 200 due levels in one transaction), each holding its transaction 1 s:
    // the kill lands once the first wave is committed, in the middle of the second. Short job locks on the one to be
    // killed, so the job it held is taken back soon after.
    const first = rig.start('clocks-1', { WORKER_QUEUES: 'clocks', CLOCK_CONCURRENCY: '1', SLOW_FIRE_MS: '1000', LOCK_MS: '2000' });
    await Promise.all([delivery.ready, first.ready]);
    await waitUntil(async () => (await rig!.db.db.reminder.count()) > 0, { timeoutMs: rig.budgetMs(), intervalMs: 5, message: 'a first wave fired' });
    await first.kill();
    const firedByFirst = await rig.db.db.reminder.count();
    expect(firedByFirst).toBeGreaterThan(0);
    expect(firedByFirst).toBeLessThan(1000);

    const second = rig.start('clocks-2', { WORKER_QUEUES: 'clocks' });
    await second.ready;
    await rig.settled();
    // Killing a process that only fires clocks doubles nothing: no message was on its way from it.
    expect([...rig.deliveries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(await rig.db.db.reminder.count()).toBe(1000);
    expect(await rig.db.db.outbox.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    expect(rig.duplicateMessages()).toEqual([]);
  });
});

describe('a delivery worker killed while a message is on its way', () => {
  it('loses nothing; the one message in flight may arrive twice (no chat platform has an idempotency key)', { timeout: HANG_GUARD_MS }, async () => {
    rig = await createFaultRig(120);
    // Each of the first sends takes 1.5 s at the platform, so the kill lands while one is on its way.
    rig.tg.delayNext('sendMessage', 1500, 3);
    const clocks = rig.start('clocks', { WORKER_QUEUES: 'clocks,maintenance' });
    // The one to be killed sends one message at a time and holds it 3 s (past the platform's 1.5 s): once killed,
    // what it held goes again that soon after. While it lives nothing else sends, so the hold's length is only that.
    const first = rig.start('delivery-1', { WORKER_QUEUES: 'delivery', DELIVERY_CONCURRENCY: '1', LOCK_MS: '2000', LEASE_MS: '3000' });
    await Promise.all([clocks.ready, first.ready]);
    await waitUntil(async () => (await rig!.db.db.outbox.count({ where: { status: 'SENDING' } })) > 0, {
      timeoutMs: rig.budgetMs(),
      intervalMs: 5,
      message: 'a send in flight',
    });
    await new Promise((r) => setTimeout(r, 500)); // likely at the platform by now, which is still answering (either way is fine)
    await first.kill();
    // What it held when it died: the only messages the platform may have accepted without them being marked sent.
    const held = await rig.db.db.outbox.findMany({ where: { status: 'SENDING' }, select: { payload: true } });
    const heldCodes = new Set(held.map((r) => (r.payload as unknown as OutboxPayload).itemCode));
    expect(held.length).toBeGreaterThan(0);

    const second = rig.start('delivery-2', { WORKER_QUEUES: 'delivery' });
    await second.ready;
    await rig.settled();
    const counts = [...rig.deliveries()];
    expect(counts.filter(([, n]) => n === 0)).toEqual([]);
    // The platform got the message in flight, but the process died before marking it sent: once the hold ran out,
    // the next process sent it again. Only that message can come twice (it lists a wave, so several codes), and once
    // more at most.
    expect(counts.filter(([code, n]) => n > 1 && !heldCodes.has(code))).toEqual([]);
    expect(counts.filter(([, n]) => n > 2)).toEqual([]);
    expect(rig.duplicateMessages().length).toBeLessThanOrEqual(1);
    expect(await rig.db.db.reminder.count()).toBe(120);
  });
});
