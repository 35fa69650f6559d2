// The pacer's Redis traffic, counted on a real connection: a free turn is one EVALSHA (not CHAT_WAIT, RESERVE and
// TAKE each sent as a full script), its release one more; when the chat is busy the slow path still waits its turn.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pacer } from '../../jobs/delivery/pacer.js';
import { TEST_REDIS_URL } from '../support/env.js';

/** A real Redis connection that records the name of every command it sends. */
class CountingRedis extends Redis {
  sent: string[] = [];
  override sendCommand(...args: Parameters<Redis['sendCommand']>): ReturnType<Redis['sendCommand']> {
    this.sent.push(args[0].name);
    return super.sendCommand(...args);
  }
}

describe('pacer fast path', () => {
  let redis: CountingRedis;
  let pacer: Pacer;

  beforeAll(async () => {
    redis = new CountingRedis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
    pacer = new Pacer(redis, `t-pace-${randomBytes(4).toString('hex')}`, { globalPerSecond: 30, perChatPerSecond: 1 });
    // Loads the scripts on the connection (a first EVALSHA may meet NOSCRIPT and fall back to EVAL once).
    await (await pacer.acquire('TELEGRAM', 'warm-up'))();
    await (await pacer.tryAcquire('TELEGRAM', 'warm-up-2'))?.();
  });
  afterAll(() => redis.disconnect());

  it('takes a free turn in one EVALSHA and releases it in one more', async () => {
    redis.sent = [];
    // A channel of its own: its line is empty (the warm-up's turn keeps the TELEGRAM line taken for 1/30 s).
    const done = await pacer.acquire('ZALO', '501');
    expect(redis.sent).toEqual(['evalsha']);
    await done();
    expect(redis.sent).toEqual(['evalsha', 'evalsha']);
  });

  it('a reply turn (tryAcquire) is one EVALSHA too, and says no at once when the chat is busy', async () => {
    redis.sent = [];
    const done = await pacer.tryAcquire('TELEGRAM', '502');
    expect(done).toBeDefined();
    await done!();
    expect(await pacer.tryAcquire('TELEGRAM', '502')).toBeUndefined();
    expect(redis.sent).toEqual(['evalsha', 'evalsha', 'evalsha']);
  });

  it('a busy chat takes the slow path and gets its turn only a second after the last answer', async () => {
    const first = await pacer.acquire('TELEGRAM', '503');
    await first();
    const answered = performance.now();
    redis.sent = [];
    const second = await pacer.acquire('TELEGRAM', '503');
    const waited = performance.now() - answered;
    await second();
    expect(redis.sent.length).toBeGreaterThan(2);
    expect(redis.sent.every((c) => c === 'evalsha')).toBe(true);
    // One second plus the jitter margin from the answer, less the time the answer took to reach Redis (at most the
    // round trip this process measured: the release was the last command before the clock started).
    expect(waited).toBeGreaterThanOrEqual(1000);
  });
  it('a send still on its way holds its chat: the next turn there comes a second after its answer, not after its turn', async () => {
    // Two processes' pacers on one prefix (two workers, or a worker and a bot replying). A's send takes longer than a
    // second from its turn to the platform's answer (a loaded machine); B's turn to the same chat must wait for it,
    // else the platform could see two messages to one chat within a second (a 429).
    const other = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 3 });
    try {
      const prefix = `t-hold-${randomBytes(4).toString('hex')}`;
      const a = new Pacer(redis, prefix, { globalPerSecond: 30, perChatPerSecond: 1 });
      const b = new Pacer(other, prefix, { globalPerSecond: 30, perChatPerSecond: 1 });
      const doneA = await a.acquire('TELEGRAM', '777');
      const taken = performance.now();
      const bTurn = b.acquire('TELEGRAM', '777').then((done) => ({ at: performance.now(), done }));
      await new Promise((r) => setTimeout(r, 1500));
      const answered = performance.now();
      await doneA();
      const { at, done } = await bTurn;
      await done();
      // The send was on its way for over a second (timers may fire a fraction of a millisecond early: what matters is
      // that the old rule, a second after the turn, would have let B in before the answer).
      expect(answered - taken).toBeGreaterThan(1000);
      // One second after the answer (Redis' clock and ours tick together on one machine; 10 ms for the rounding).
      expect(at - answered).toBeGreaterThanOrEqual(990);
    } finally {
      other.disconnect();
    }
  });
});
