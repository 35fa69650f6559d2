// jobs/self-heal.ts against the shared Redis: schedulers lost without a reconnect (a flush) are found by the timer,
// lost across a reconnect by the `ready` look; each time they are re-created once and the rebuild runs once.
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { watchForRedisLoss, type RedisLossWatch } from '../../jobs/self-heal.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { waitUntil } from '../support/wait.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setUp(everyMs: number) {
  const prefix = `heal-${randomBytes(4).toString('hex')}`;
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const admin = new Redis(TEST_REDIS_URL);
  const queue = new Queue('maintenance', { connection, prefix });
  const ensured: string[] = [];
  let rebuilds = 0;
  const owned = ['reconcile', 'digest-daily'].map((id) => ({
    id,
    ensure: async () => {
      ensured.push(id);
      await queue.upsertJobScheduler(id, { every: 3_600_000 }, { name: id });
    },
  }));
  for (const s of owned) await queue.upsertJobScheduler(s.id, { every: 3_600_000 }, { name: s.id });
  const watch: RedisLossWatch = watchForRedisLoss({
    queue,
    connection,
    owned,
    rebuild: async () => void rebuilds++,
    logger: pino({ level: 'silent' }),
    everyMs,
  });
  const wipe = async () => {
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length > 0) await admin.del(...keys);
    return keys.length;
  };
  cleanups.push(async () => {
    watch.stop();
    await wipe();
    await queue.close();
    connection.disconnect();
    admin.disconnect();
  });
  return { queue, connection, watch, wipe, ensured, rebuilds: () => rebuilds };
}

describe('a process re-creates the job schedulers it owns when Redis lost them', () => {
  it('finds nothing to do while they are there', async () => {
    const s = await setUp(3_600_000);
    expect(await s.watch.check()).toEqual([]);
    expect([s.ensured, s.rebuilds()]).toEqual([[], 0]);
  });

  it('a flush (no reconnect): the timer finds them gone, re-creates them and rebuilds once', async () => {
    const s = await setUp(50);
    expect(await s.wipe()).toBeGreaterThan(0);
    await waitUntil(() => s.rebuilds() > 0, { message: 'the timer to heal' });
    expect((await s.queue.getJobSchedulers()).map((j) => j.key).sort()).toEqual(['digest-daily', 'reconcile']);
    // Later ticks find them there: nothing more.
    const ticks = Date.now();
    await waitUntil(() => Date.now() - ticks > 200, { message: 'a few more ticks' });
    expect(s.ensured.sort()).toEqual(['digest-daily', 'reconcile']);
    expect(s.rebuilds()).toBe(1);
  });

  it('lost across a reconnect: the look at `ready` heals at once, without waiting for the timer', async () => {
    const s = await setUp(3_600_000);
    await s.wipe();
    s.connection.disconnect(true);
    await waitUntil(() => s.rebuilds() > 0, { message: 'the reconnect to heal' });
    expect(await s.queue.getJobScheduler('reconcile')).toBeDefined();
    expect(s.ensured.sort()).toEqual(['digest-daily', 'reconcile']);
  });

  it('while Redis does not answer, a look gives up quietly and the next one heals', async () => {
    const s = await setUp(3_600_000);
    const offline = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    offline.on('error', () => {});
    const deadQueue = new Queue('maintenance', { connection: offline, prefix: 'nowhere' });
    deadQueue.on('error', () => {});
    const dead = watchForRedisLoss({
      queue: deadQueue,
      connection: offline,
      owned: [{ id: 'x', ensure: async () => {} }],
      rebuild: async () => {},
      logger: pino({ level: 'silent' }),
      everyMs: 3_600_000,
    });
    expect(await dead.check()).toEqual([]);
    dead.stop();
    await deadQueue.close().catch(() => {});
    offline.disconnect();
    await s.wipe();
    expect((await s.watch.check()).sort()).toEqual(['digest-daily', 'reconcile']);
  });
});
