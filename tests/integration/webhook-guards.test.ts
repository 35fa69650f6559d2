// What reaches the webhooks that is not a platform's update: bodies too big, not JSON, not an update, a wrong secret.
// Telegram retries a 5xx answer for hours, so anything that is the sender's fault must get a 4xx.
import { Bot } from 'grammy';
import { Hono } from 'hono';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TELEGRAM_WEBHOOK_PATH, mountTelegramWebhook } from '../../src/channels/telegram/webhook.js';
import { ZALO_ORG_WEBHOOK_PATH, ZALO_WEBHOOK_PATH, mountZaloWebhook, mountZaloWebhooks } from '../../src/channels/zalo/webhook.js';
import { OrganisationWebhooks, organisationSecret } from '../../src/runtime/organisation-webhooks.js';
import { BOT_TOKEN, WEBHOOK_SECRET, createHarness, type Harness } from '../support/app-harness.js';
import { DEFAULT_TELEGRAM_BOT } from '../support/telegram-stand-in.js';
import { command, user, zaloId, zaloText } from '../support/updates.js';
import { waitUntil } from '../support/wait.js';

interface LogLine {
  level: number;
  msg: string;
  count?: number;
  sources?: Record<string, number>;
}

function capturingLogger(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) });
  return { logger, lines };
}

describe('the Telegram webhook refuses what is not an update with a 4xx', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ workers: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function post(body: string | Uint8Array, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
    const res = await fetch(`http://127.0.0.1:${h.http.port}${TELEGRAM_WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET, ...headers },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  it('413 for a body over 1 MiB', async () => {
    const big = JSON.stringify({ update_id: 1, padding: 'x'.repeat(1024 * 1024) });
    expect((await post(big)).status).toBe(413);
  });

  it('400 for an empty body, garbage, null, an array or a number', async () => {
    for (const body of ['', '{"update_id": 5', 'garbage', 'null', '[]', '42']) {
      const r = await post(body);
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
    }
  });

  it('400 for an object without a whole-number update_id', async () => {
    for (const body of ['{}', '{"message":{"text":"hi"}}', '{"update_id":"7"}', '{"update_id":1.5}', '{"update_id":-1}']) {
      const r = await post(body);
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
    }
  });

  it('still answers 200 to a real update, and 401 to a wrong secret', async () => {
    expect(await h.post(command(user(4242), '/start'))).toBe(200);
    await h.tg.waitFor((c) => c.method === 'sendMessage' && String(c.params.chat_id) === '4242');
    expect((await post(JSON.stringify(command(user(4243), '/start')), { 'x-telegram-bot-api-secret-token': 'not-the-secret-1' })).status).toBe(401);
  });
});

describe('the Telegram webhook while the bot is still starting', () => {
  it('answers 503 to a good update (Telegram sends it again later), and still 400 to garbage', async () => {
    const http = new Hono();
    let bot: Bot | undefined;
    mountTelegramWebhook(http, () => bot, WEBHOOK_SECRET);
    const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET };
    const update = JSON.stringify(command(user(4300), '/start'));
    const waiting = await http.request(TELEGRAM_WEBHOOK_PATH, { method: 'POST', headers, body: update });
    expect(waiting.status).toBe(503);
    expect(waiting.headers.get('retry-after')).toBe('5');
    expect((await http.request(TELEGRAM_WEBHOOK_PATH, { method: 'POST', headers, body: 'null' })).status).toBe(400);
    // Ready: the same route hands updates to grammY.
    bot = new Bot(BOT_TOKEN, { botInfo: DEFAULT_TELEGRAM_BOT });
    let seen = 0;
    bot.on('message', () => void seen++);
    expect((await http.request(TELEGRAM_WEBHOOK_PATH, { method: 'POST', headers, body: update })).status).toBe(200);
    expect(seen).toBe(1);
  });
});

describe('requests with a wrong secret are summed up in one log line per minute', () => {
  it('Telegram: 30 refused requests, no line each, then one line with the count and the sources', async () => {
    const { logger, lines } = capturingLogger();
    const http = new Hono();
    const bot = new Bot(BOT_TOKEN, { botInfo: DEFAULT_TELEGRAM_BOT });
    const summary = mountTelegramWebhook(http, bot, WEBHOOK_SECRET, { logger });
    for (let i = 0; i < 30; i++) {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': i < 20 ? '203.0.113.7' : '198.51.100.9' };
      if (i % 2 === 0) headers['x-telegram-bot-api-secret-token'] = `wrong-secret-${i}`;
      const res = await http.request(TELEGRAM_WEBHOOK_PATH, { method: 'POST', headers, body: '{"update_id":1}' });
      expect(res.status).toBe(401);
    }
    expect(lines).toHaveLength(0); // nothing per request: a flood must not flood the log
    summary?.flush(); // what the minute's timer (or the shutdown) does
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ count: 30, sources: { '203.0.113.7': 20, '198.51.100.9': 10 } });
    expect(lines[0]!.msg).toBe('telegram webhook: 30 requests refused for a wrong or missing secret in the last minute');
  });

  it('Zalo: the same, where it used to log one line per request', async () => {
    const { logger, lines } = capturingLogger();
    const http = new Hono();
    const summary = mountZaloWebhook(http, { secret: 'zalo-secret-123', onUpdate: () => {}, logger });
    for (let i = 0; i < 30; i++) {
      const res = await http.request(ZALO_WEBHOOK_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 'wrong' },
        body: '{}',
      });
      expect(res.status).toBe(401);
    }
    expect(lines).toHaveLength(0);
    summary?.flush();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ count: 30 });
    expect(lines[0]!.msg).toMatch(/^zalo webhook: 30 requests refused for a wrong or missing secret/);
  });

  it('the line comes by itself at the end of the window, and a quiet window writes nothing', async () => {
    const { logger, lines } = capturingLogger();
    const http = new Hono();
    mountZaloWebhook(http, { secret: 'zalo-secret-123', onUpdate: () => {}, logger, refusalWindowMs: 100 });
    await http.request(ZALO_WEBHOOK_PATH, { method: 'POST', headers: { 'x-bot-api-secret-token': 'wrong' }, body: '{}' });
    const line = await waitUntil(() => lines[0], { message: 'the summary line' });
    expect(line).toMatchObject({ count: 1, msg: 'zalo webhook: 1 request refused for a wrong or missing secret in the last 0.1 s' });
    // The timer is not started again without a refusal: no empty lines.
    const waited = Date.now();
    await waitUntil(() => Date.now() - waited > 300, { intervalMs: 50 });
    expect(lines).toHaveLength(1);
  });
});

describe('one Zalo route for every organisation (README "A province")', () => {
  it('hands an event to the organisation the path names, with its own secret; 404 for one not running', async () => {
    const { logger } = capturingLogger();
    const http = new Hono();
    const webhooks = new OrganisationWebhooks();
    mountZaloWebhooks(http, ZALO_WEBHOOK_PATH, webhooks.zaloFor, { logger });
    mountZaloWebhooks(http, ZALO_ORG_WEBHOOK_PATH, webhooks.zaloFor, { logger });
    const got: Record<string, string[]> = { default: [], 'huyen-b': [] };
    for (const org of ['default', 'huyen-b'])
      webhooks.zalo.set(org, { secret: organisationSecret('zalo-secret-123', org), onUpdate: (u) => got[org]!.push(u.message?.text ?? '') });
    const post = async (path: string, secret: string, text: string) =>
      (
        await http.request(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': secret },
          body: JSON.stringify(zaloText(zaloId(1), text)),
        })
      ).status;
    const secretB = organisationSecret('zalo-secret-123', 'huyen-b');
    expect(await post(ZALO_WEBHOOK_PATH, 'zalo-secret-123', 'cho mặc định')).toBe(200);
    expect(await post('/zalo/huyen-b/webhook', secretB, 'cho huyện B')).toBe(200);
    // Each path takes its own organisation's secret only; 'default' has no path of the other form.
    expect(await post('/zalo/huyen-b/webhook', 'zalo-secret-123', 'sai')).toBe(401);
    expect(await post(ZALO_WEBHOOK_PATH, secretB, 'sai')).toBe(401);
    expect(await post('/zalo/default/webhook', 'zalo-secret-123', 'sai')).toBe(404);
    expect(await post('/zalo/huyen-z/webhook', secretB, 'sai')).toBe(404);
    expect(got).toEqual({ default: ['cho mặc định'], 'huyen-b': ['cho huyện B'] });
    // Stopped: gone.
    webhooks.forget('huyen-b');
    expect(await post('/zalo/huyen-b/webhook', secretB, 'muộn')).toBe(404);
  });
});
