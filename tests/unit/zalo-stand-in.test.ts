import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zaloText } from '../support/updates.js';
import { createZaloStandIn, type ZaloStandIn } from '../support/zalo-stand-in.js';

const TOKEN = '1234567890:zalo-secret';

interface Answer {
  status: number;
  body: unknown;
}

describe('Zalo stand-in over plain HTTP', () => {
  let zalo: ZaloStandIn;

  const call = async (method: string, params: Record<string, unknown> = {}): Promise<Answer> => {
    const response = await fetch(`${zalo.url}/bot${TOKEN}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    return { status: response.status, body: await response.json() };
  };

  beforeEach(async () => {
    zalo = await createZaloStandIn();
  });

  afterEach(async () => {
    await zalo.close();
  });

  it('describes the bot with getMe', async () => {
    expect(await call('getMe')).toEqual({
      status: 200,
      body: { ok: true, result: { id: expect.any(String), account_name: expect.any(String), account_type: 'BASIC', can_join_groups: false } },
    });
  });

  it('hands out one update object per getUpdates call, then 408 after the timeout', async () => {
    const first = zaloText('u1', 'một');
    const second = zaloText('u1', 'hai');
    zalo.queueUpdate(first, second);

    expect((await call('getUpdates', { timeout: '1' })).body).toEqual({ ok: true, result: first });
    expect((await call('getUpdates', { timeout: '1' })).body).toEqual({ ok: true, result: second });
    expect(await call('getUpdates', { timeout: '0' })).toEqual({ status: 408, body: { ok: false, error_code: 408, description: 'Request timeout' } });
    expect(zalo.callsTo('getUpdates')[0]?.params).toEqual({ timeout: '1' });
  });

  it('wakes a waiting long poll when an update is queued', async () => {
    setTimeout(() => zalo.queueUpdate(zaloText('u1', 'xong')), 100);
    const started = Date.now();
    const answer = await call('getUpdates', { timeout: '10' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(answer.body).toMatchObject({ ok: true, result: { event_name: 'message.text.received', message: { text: 'xong' } } });
  });

  it('validates setWebhook and refuses getUpdates while a webhook is set', async () => {
    expect((await call('setWebhook', { url: 'http://example.org/hook', secret_token: 'long-enough' })).status).toBe(400);
    expect((await call('setWebhook', { url: 'https://example.org/hook', secret_token: 'short' })).status).toBe(400);
    expect((await call('setWebhook', { url: 'https://example.org/hook', secret_token: 'x'.repeat(257) })).status).toBe(400);

    const set = await call('setWebhook', { url: 'https://example.org/hook', secret_token: 'long-enough' });
    expect(set.body).toEqual({ ok: true, result: { url: 'https://example.org/hook', updated_at: expect.any(Number) } });
    expect(zalo.webhook).toEqual({ url: 'https://example.org/hook', secretToken: 'long-enough' });
    expect((await call('getWebhookInfo')).body).toMatchObject({ result: { url: 'https://example.org/hook' } });
    expect(await call('getUpdates', { timeout: '0' })).toMatchObject({ status: 400, body: { ok: false, error_code: 400 } });

    expect((await call('deleteWebhook')).body).toMatchObject({ ok: true, result: { url: '' } });
    expect((await call('getUpdates', { timeout: '0' })).status).toBe(408);
  });

  it('accepts 1–2000 characters of text and refuses the rest', async () => {
    const sent = await call('sendMessage', { chat_id: 'abc', text: 'đ'.repeat(2000) });
    expect(sent.body).toEqual({ ok: true, result: { message_id: expect.stringMatching(/^[0-9a-f]{20}$/), date: expect.any(Number) } });
    expect(await call('sendMessage', { chat_id: 'abc', text: 'đ'.repeat(2001) })).toMatchObject({ status: 400, body: { ok: false, error_code: 400 } });
    expect((await call('sendMessage', { chat_id: 'abc', text: '' })).status).toBe(400);
    expect((await call('sendMessage', { text: 'no chat' })).status).toBe(400);
    expect(zalo.messagesTo('abc')).toEqual(['đ'.repeat(2000)]);
  });

  it('sends photos by public URL only, and typing actions', async () => {
    expect((await call('sendPhoto', { chat_id: 'abc', photo: 'https://example.org/a.jpg', caption: 'Ảnh' })).status).toBe(200);
    expect((await call('sendPhoto', { chat_id: 'abc', photo: 'file:///etc/passwd' })).status).toBe(400);
    expect((await call('sendChatAction', { chat_id: 'abc', action: 'typing' })).body).toEqual({ ok: true, result: true });
    expect((await call('sendChatAction', { chat_id: 'abc', action: 'upload_photo' })).status).toBe(400);
    expect(zalo.messagesTo('abc')).toEqual(['Ảnh']);
  });

  it('injects failures: failNext, blocked chats, a non-JSON 502', async () => {
    zalo.failNext('sendMessage', { status: 429 });
    expect(await call('sendMessage', { chat_id: 'abc', text: 'x' })).toEqual({
      status: 429,
      body: { ok: false, error_code: 429, description: 'Quota exceeded' },
    });

    zalo.blockChat('blocked');
    expect((await call('sendMessage', { chat_id: 'blocked', text: 'x' })).status).toBe(403);

    zalo.failNext('sendMessage', { status: 502 });
    const response = await fetch(`${zalo.url}/bot${TOKEN}/sendMessage`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('Bad Gateway');

    const reasons = zalo.callsTo('sendMessage').map((c) => (c.outcome.ok ? 'ok' : c.outcome.reason));
    expect(reasons).toEqual(['injected', 'blocked', 'injected']);
  });

  it('can answer errors with HTTP 200, as Zalo might', async () => {
    const lenient = await createZaloStandIn({ errorHttpStatus: 200 });
    try {
      const response = await fetch(`${lenient.url}/bot${TOKEN}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: 'a', text: '' }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: false, error_code: 400, description: expect.stringContaining('text') });
    } finally {
      await lenient.close();
    }
  });

  it('stops sending at the monthly quota', async () => {
    zalo.enforceQuota({ messages: 2 });
    const statuses: number[] = [];
    for (const text of ['1', '2', '3']) statuses.push((await call('sendMessage', { chat_id: 'abc', text })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('fails the same sends for the same seed', async () => {
    const run = async (): Promise<number[]> => {
      zalo.faultRate({ rate: 0.4, kinds: [429, 403, 500] }, 42);
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) statuses.push((await call('sendMessage', { chat_id: 'abc', text: `#${i}` })).status);
      return statuses;
    };
    const first = await run();
    expect(first.some((s) => s !== 200)).toBe(true);
    expect(await run()).toEqual(first);
  });

  it('answers unknown or wrongly cased methods with 404 (method names are case-sensitive)', async () => {
    expect((await call('sendmessage', { chat_id: 'a', text: 'x' })).status).toBe(404);
    expect((await call('sendSticker', { chat_id: 'a', sticker: 's1' })).status).toBe(200);
    expect((await call('editMessageText')).status).toBe(404);
  });

  describe('postWebhook', () => {
    const received: { headers: IncomingHttpHeaders; body: unknown }[] = [];
    let hook: { url: string; close: () => Promise<void> };

    beforeEach(async () => {
      received.length = 0;
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          received.push({ headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
          res.writeHead(req.headers['x-bot-api-secret-token'] === 'right-secret' ? 200 : 401).end();
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      hook = {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`,
        close: () => new Promise((resolve) => server.close(() => resolve())),
      };
    });

    afterEach(async () => {
      await hook.close();
    });

    it('posts wrapped and flat bodies with the secret header and returns the status', async () => {
      const event = zaloText('u1', 'xin chào');
      expect(await zalo.postWebhook(hook.url, event, { secret: 'right-secret' })).toBe(200);
      expect(await zalo.postWebhook(hook.url, event, { secret: 'right-secret', shape: 'flat' })).toBe(200);
      expect(await zalo.postWebhook(hook.url, event, { secret: 'wrong-secret' })).toBe(401);

      expect(received[0]?.body).toEqual({ ok: true, result: event });
      expect(received[1]?.body).toEqual(event);
      expect(received[0]?.headers['content-type']).toBe('application/json');
    });

    it('uses the secret of the webhook set through the API by default', async () => {
      await call('setWebhook', { url: 'https://bot.example.gov.vn/zalo/webhook', secret_token: 'right-secret' });
      expect(await zalo.postWebhook(hook.url, zaloText('u1', 'x'))).toBe(200);
      expect(await zalo.postWebhook(hook.url, zaloText('u1', 'x'), { secret: null })).toBe(401);
      expect(received[1]?.headers['x-bot-api-secret-token']).toBeUndefined();
    });
  });
});
