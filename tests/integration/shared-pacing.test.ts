import { randomBytes } from 'node:crypto';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPacing } from '../../src/channels/telegram/shared-pacing.js';
import { createRedis, type Redis } from '../../jobs/connection.js';
import { Pacer } from '../../jobs/delivery/pacer.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';

const TOKEN = '7000000001:AAshared-pacing-test-token-000000';

describe('replies and queued messages share one pace', () => {
  let tg: TelegramStandIn;
  let redis: Redis;
  const prefix = `sp-${randomBytes(4).toString('hex')}`;
  beforeAll(async () => {
    tg = await createTelegramStandIn();
    redis = createRedis(TEST_REDIS_URL, 'producer');
    await new Promise((resolve) => redis.once('ready', resolve));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await tg.close();
  });

  it('two senders (a bot replying and a delivery worker) stay within 5/s overall and 1/s per chat together', async () => {
    tg.enforceLimits({ globalPerSecond: 5, perChatPerSecond: 1 });
    const limits = { globalPerSecond: 5, perChatPerSecond: 1 };
    // Two processes' worth: each with its own Pacer object on the same Redis keys.
    const replies = new Api(TOKEN, { apiRoot: tg.url });
    replies.config.use(sharedPacing(new Pacer(redis, prefix, limits)));
    const worker = new Pacer(redis, prefix, limits);
    const direct = new Api(TOKEN, { apiRoot: tg.url });
    const started = Date.now();
    await Promise.all([
      ...[1, 2, 3].flatMap((chat) => [0, 1].map((i) => replies.sendMessage(chat, `reply ${i}`))),
      ...[1, 2, 3].flatMap((chat) =>
        [0, 1].map(async (i) => {
          const done = await worker.acquire('TELEGRAM', String(chat));
          try {
            await direct.sendMessage(chat, `queued ${i}`);
          } finally {
            await done();
          }
        }),
      ),
    ]);
    expect(tg.tooManyRequests).toBe(0);
    expect(tg.callsTo('sendMessage').filter((c) => c.outcome.ok)).toHaveLength(12);
    // Four sends to each chat, one a second: at least three seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
  });

  it('a reply still goes out when Redis is away for a moment', async () => {
    tg.enforceLimits(null);
    const away = createRedis('redis://127.0.0.1:1', 'producer');
    away.on('error', () => {});
    const api = new Api(TOKEN, { apiRoot: tg.url });
    api.config.use(sharedPacing(new Pacer(away, prefix, { globalPerSecond: 30, perChatPerSecond: 1 })));
    const sent = await api.sendMessage(42, 'vẫn gửi được');
    expect(sent.text).toBe('vẫn gửi được');
    away.disconnect();
  });
});
