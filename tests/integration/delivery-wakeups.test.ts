// Delivery wake-ups on a real BullMQ queue: one pipeline per call, one job per chat, and a chat this process already
// woke with a delayed job of its own is not woken again before that job's time (BullMQ would deduplicate it anyway).
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullDeliveryKicker } from '../../jobs/delivery/kicker.js';
import { createRedis, type Redis } from '../../jobs/connection.js';
import { TEST_REDIS_URL } from '../support/env.js';

/** A real queue that counts the pipelines it sends and the jobs in them. */
class CountingQueue extends Queue {
  pipelines = 0;
  jobsSent = 0;
  override addBulk(jobs: Parameters<Queue['addBulk']>[0]): ReturnType<Queue['addBulk']> {
    this.pipelines++;
    this.jobsSent += jobs.length;
    return super.addBulk(jobs);
  }
}

const chat = (chatId: string, delayMs = 0) => ({ channel: 'TELEGRAM' as const, chatId, delayMs });

describe('delivery wake-ups', () => {
  let redis: Redis;
  let queue: CountingQueue;
  let kicker: BullDeliveryKicker;

  beforeAll(() => {
    redis = createRedis(TEST_REDIS_URL, 'producer');
    queue = new CountingQueue('delivery', { connection: redis, prefix: `t-wake-${randomBytes(4).toString('hex')}` });
    kicker = new BullDeliveryKicker(queue);
  });
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    redis.disconnect();
  });

  it('sends a wave in one pipeline, one job per chat with the longest delay asked', async () => {
    await kicker.kick([chat('1', 60_000), chat('2', 60_000), chat('1', 90_000)]);
    expect(queue.pipelines).toBe(1);
    expect(queue.jobsSent).toBe(2);
    const delayed = await queue.getDelayed();
    expect(delayed.map((j) => j.data.chatId).sort()).toEqual(['1', '2']);
    expect(delayed.find((j) => j.data.chatId === '1')!.opts.delay).toBe(90_000);
  });

  it('does not wake again a chat whose own delayed job has not started yet; others go', async () => {
    await kicker.kick([chat('1', 60_000), chat('3', 60_000)]);
    expect(queue.pipelines).toBe(2);
    expect(queue.jobsSent).toBe(3); // only chat 3 went to Redis
    await kicker.kick([chat('2', 0)]); // a wake-up without delay is skipped as well: the job exists and waits
    expect(queue.pipelines).toBe(2);
    expect((await queue.getDelayed()).map((j) => j.data.chatId).sort()).toEqual(['1', '2', '3']);
  });

  it('the outbox sweep does not trust the memo; BullMQ still keeps one job per chat', async () => {
    await kicker.wake([chat('1')]);
    expect(queue.pipelines).toBe(3);
    expect((await queue.getDelayed()).map((j) => j.data.chatId).sort()).toEqual(['1', '2', '3']);
  });

  it('a chat whose job another process made (deduplicated here) is not remembered: the next wake-up goes to Redis', async () => {
    const other = new BullDeliveryKicker(queue);
    await other.kick([chat('2', 60_000)]);
    await other.kick([chat('2', 60_000)]);
    expect(queue.pipelines).toBe(5);
    expect((await queue.getDelayed()).filter((j) => j.data.chatId === '2')).toHaveLength(1);
  });

  it('an immediate wake-up is never remembered (the job may run at once)', async () => {
    await kicker.kick([chat('4')]);
    await kicker.kick([chat('4')]);
    expect(queue.pipelines).toBe(7);
  });
});
