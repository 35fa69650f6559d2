import { afterEach, describe, expect, it } from 'vitest';
import { createFaultRig, type FaultRig } from '../support/fault-rig.js';
import { waitUntil } from '../support/wait.js';

// Workers as child processes on the system clock, killed with SIGKILL (no clean-up at all).
// PRODUCT.md §8: no reminder is lost or sent twice when a worker dies.

let rig: FaultRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('a clock worker killed in the middle of a batch', () => {
  it('every one of 1,000 due reminders arrives exactly once', { timeout: 120_000 }, async () => {
    rig = await createFaultRig(1000);
    const delivery = rig.start('delivery', { WORKER_QUEUES: 'delivery,maintenance' });
    // One wave at a time (a job fires up to 200 due levels in one transaction), each holding its transaction 1 s:
    // the kill lands once the first wave is committed, in the middle of the second.
    const first = rig.start('clocks-1', { WORKER_QUEUES: 'clocks', CLOCK_CONCURRENCY: '1', SLOW_FIRE_MS: '1000' });
    await Promise.all([delivery.ready, first.ready]);
    await waitUntil(async () => (await rig!.db.db.reminder.count()) > 0, { timeoutMs: 30_000, intervalMs: 5, message: 'a first wave fired' });
    await first.kill();
    const firedByFirst = await rig.db.db.reminder.count();
    expect(firedByFirst).toBeGreaterThan(0);
    expect(firedByFirst).toBeLessThan(1000);

    const second = rig.start('clocks-2', { WORKER_QUEUES: 'clocks' });
    await second.ready;
    await rig.settled(60_000);
    expect([...rig.deliveries().values()].every((n) => n === 1)).toBe(true);
    expect(await rig.db.db.reminder.count()).toBe(1000);
    expect(await rig.db.db.outbox.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    expect(rig.duplicateMessages()).toEqual([]);
  });
});

describe('a delivery worker killed while a message is on its way', () => {
  it('loses nothing; the one message in flight may arrive twice (no chat platform has an idempotency key)', { timeout: 120_000 }, async () => {
    rig = await createFaultRig(120);
    // Each of the first sends takes 1.5 s at the platform, so the kill lands while one is on its way.
    rig.tg.delayNext('sendMessage', 1500, 3);
    const clocks = rig.start('clocks', { WORKER_QUEUES: 'clocks,maintenance' });
    const first = rig.start('delivery-1', { WORKER_QUEUES: 'delivery', DELIVERY_CONCURRENCY: '1' });
    await Promise.all([clocks.ready, first.ready]);
    await waitUntil(async () => (await rig!.db.db.outbox.count({ where: { status: 'SENDING' } })) > 0, { timeoutMs: 30_000, intervalMs: 5, message: 'a send in flight' });
    await new Promise((r) => setTimeout(r, 500)); // the request has reached the platform, which is still answering
    await first.kill();

    const second = rig.start('delivery-2', { WORKER_QUEUES: 'delivery' });
    await second.ready;
    await rig.settled(60_000);
    const counts = [...rig.deliveries().values()];
    expect(counts.every((n) => n >= 1)).toBe(true);
    // The platform got the message in flight, but the process died before marking it sent: once the hold ran out,
    // the next process sent it again. At most that one message came twice (it lists a wave, so several codes).
    expect(rig.duplicateMessages().length).toBeLessThanOrEqual(1);
    expect(await rig.db.db.reminder.count()).toBe(120);
  });
});
