import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = createConfig({});
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(c.telegram.apiRoot).toBe('https://api.telegram.org');
    expect(c.telegram.webhook).toBeUndefined();
    expect(c.httpPort).toBe(8080);
    expect(c.delivery).toEqual({ globalPerSecond: 30, perChatPerSecond: 1 });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('names every wrong variable with a clear reason', () => {
    try {
      createConfig({
        HTTP_PORT: 'eighty',
        APP_TIMEZONE: 'Hanoi/Nowhere',
        TELEGRAM_BOT_TOKEN: 'abc',
        TELEGRAM_WEBHOOK_URL: 'https://x.gov.vn/telegram/webhook',
        LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('HTTP_PORT must be a positive whole number, got "eighty"');
      expect(problems).toContain('APP_TIMEZONE is not an IANA time zone');
      expect(problems).toContain('TELEGRAM_BOT_TOKEN does not look like a bot token from BotFather');
      expect(problems).toContain('TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set');
      expect(problems).toContain('LOG_LEVEL');
    }
  });

  it('splits the worker queues between processes with WORKER_QUEUES', () => {
    expect(createConfig({}).workerQueues).toEqual(['clocks', 'delivery', 'maintenance', 'webhooks']);
    expect(createConfig({ WORKER_QUEUES: 'Delivery, maintenance' }).workerQueues).toEqual(['delivery', 'maintenance']);
    expect(() => createConfig({ WORKER_QUEUES: 'clocks,mail' })).toThrow(
      'WORKER_QUEUES must list queues among clocks, delivery, maintenance, webhooks separated by commas, got "clocks,mail"',
    );
  });

  it('reads the webhook secrets key, and says what is wrong with one', () => {
    expect(createConfig({}).webhookKeyring).toBeUndefined();
    const key = 'a'.repeat(64);
    expect(
      createConfig({ WEBHOOK_SECRET_KEY: key, WEBHOOK_SECRET_KEY_ID: 'k2', WEBHOOK_SECRET_OLD_KEYS: `k1:${'b'.repeat(64)}` }).webhookKeyring?.currentId,
    ).toBe('k2');
    expect(() => createConfig({ WEBHOOK_SECRET_KEY: 'short' })).toThrow('WEBHOOK_SECRET_KEY must be 32 random bytes');
    expect(() => createConfig({ WEBHOOK_SECRET_OLD_KEYS: `k1:${key}` })).toThrow(
      'WEBHOOK_SECRET_KEY is required when WEBHOOK_SECRET_KEY_ID or WEBHOOK_SECRET_OLD_KEYS is set',
    );
  });

  it('turns on webhook mode with URL and secret', () => {
    const c = createConfig({ TELEGRAM_WEBHOOK_URL: 'https://x.gov.vn/telegram/webhook', TELEGRAM_WEBHOOK_SECRET: 'a-long-enough-secret' });
    expect(c.telegram.webhook).toEqual({ url: 'https://x.gov.vn/telegram/webhook', secret: 'a-long-enough-secret' });
  });
});
