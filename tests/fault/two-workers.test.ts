import { afterAll, describe, expect, it } from 'vitest';
import { createFaultRig, type FaultRig } from '../support/fault-rig.js';

// PRODUCT.md §8: no reminder is lost or sent twice when several workers run.
describe('two worker processes on one Redis, both firing clocks and delivering', () => {
  let rig: FaultRig | undefined;
  afterAll(async () => {
    await rig?.close();
  });

  // The test's own limit is a hang guard; how long the workers may take is measured (rig.budgetMs: a few times the
  // slowest child start), since 120 s fixed ran out at load 42.
  it('every one of 240 due reminders arrives exactly once', { timeout: 600_000 }, async () => {
    rig = await createFaultRig(240);
    // A platform a little slow to answer, so both processes are often busy with the same chats at the same time.
    rig.tg.delayNext('sendMessage', 30, 1000);
    const a = rig.start('worker-a', { CLOCK_CONCURRENCY: '8' });
    const b = rig.start('worker-b', { CLOCK_CONCURRENCY: '8' });
    await Promise.all([a.ready, b.ready]);
    await rig.settled();
    expect([...rig.deliveries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(rig.duplicateMessages()).toEqual([]);
    expect(await rig.db.db.reminder.count()).toBe(240);
    expect(await rig.db.db.outbox.count({ where: { status: { not: 'SENT' } } })).toBe(0);
    // Both did part of the work.
    expect(a.output()).toContain('ready');
    expect(b.output()).toContain('ready');
  });
});
