import { afterAll, describe, expect, it } from 'vitest';
import { createFaultRig, type FaultRig } from '../support/fault-rig.js';
import { waitUntil } from '../support/wait.js';

// PRODUCT.md §8: no reminder is lost or sent twice when Redis loses its data; the database is the source of truth
// and the schedule is rebuilt from it. Deadlines come from the rig's budget (what this machine showed); the test
// timeout only guards against a hang.
describe('Redis loses every key of the deployment in the middle of a batch', () => {
  let rig: FaultRig | undefined;
  afterAll(async () => {
    await rig?.close();
  });

  it('after a restart the reconciler rebuilds the schedule and every reminder arrives exactly once', { timeout: 900_000 }, async () => {
    rig = await createFaultRig(1000);
    // One slow wave (up to 200 levels) at a time, so Redis is wiped with part of the batch fired and a wave in flight.
    const clocks = rig.start('clocks-1', { WORKER_QUEUES: 'clocks', CLOCK_CONCURRENCY: '1', SLOW_FIRE_MS: '1000' });
    // Delivery keeps the production hold on what it sends (2 min): when the wipe loses the chats' deduplication keys,
    // two jobs for one chat run at once, and only the hold keeps the second from sending what the first is sending.
    // No periodic reconciler before the loss, so that it is the restart that rebuilds the schedule.
    const delivery = rig.start('delivery-1', { WORKER_QUEUES: 'delivery,maintenance', MAINTENANCE_EVERY_MS: '0' });
    await Promise.all([clocks.ready, delivery.ready]);
    await waitUntil(async () => (await rig!.db.db.reminder.count()) > 0, { timeoutMs: rig.budgetMs(), intervalMs: 5, message: 'a first wave fired' });

    const deleted = await rig.wipeRedis();
    expect(deleted).toBeGreaterThan(0);
    // Whatever was queued is gone; the clock worker dies, delivery is stopped (it finishes the send in hand).
    await clocks.kill();
    await delivery.stop();
    // The wipe is a SCAN and DELs, not one instant: a wave that was in flight may commit during it or before the kill
    // lands and schedule its next levels (seen once on Node 24: 200 delayed jobs). Redis lost everything, so what the
    // dying workers wrote after the wipe is lost too; the restart rebuilds from the database alone.
    await rig.wipeRedis();
    const firedBefore = await rig.db.db.reminder.count();
    expect(firedBefore).toBeLessThan(1000);
    expect([await rig.redis.llen(`${rig.prefix}:clocks:wait`), await rig.redis.zcard(`${rig.prefix}:clocks:delayed`)]).toEqual([0, 0]);

    const restarted = rig.start('restarted', {});
    await restarted.ready;
    await rig.settled();
    expect([...rig.deliveries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(rig.duplicateMessages()).toEqual([]);
    expect(await rig.db.db.reminder.count()).toBe(1000);
    expect(await rig.db.db.outbox.count({ where: { status: { not: 'SENT' } } })).toBe(0);
  });
});
