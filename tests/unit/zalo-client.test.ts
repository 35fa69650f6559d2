import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloClient, type ZaloClient } from '../../src/channels/zalo/client.js';
import { ZaloApiError } from '../../src/channels/zalo/errors.js';
import { isZaloTextUpdate, parseZaloUpdate, zaloPhotoUrl, type ZaloUpdate } from '../../src/channels/zalo/types.js';
import { zaloImage, zaloText, zaloUnsupported } from '../support/updates.js';
import { createZaloStandIn, type ZaloStandIn } from '../support/zalo-stand-in.js';

const TOKEN = '1234567890:very-secret-token';

/** Runs `promise`, expecting it to fail with a ZaloApiError, and returns the error. */
async function zaloError(promise: Promise<unknown>): Promise<ZaloApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloApiError);
  return error as ZaloApiError;
}

describe('Zalo client against the Zalo stand-in', () => {
  let zalo: ZaloStandIn;
  let client: ZaloClient;

  beforeEach(async () => {
    zalo = await createZaloStandIn({ token: TOKEN });
    client = createZaloClient({ token: TOKEN, apiRoot: zalo.url, timeoutMs: 2_000 });
  });

  afterEach(async () => {
    await zalo.close();
  });

  it('getMe', async () => {
    expect(await client.getMe()).toEqual(zalo.botInfo);
    expect(zalo.calls[0]).toMatchObject({ method: 'getMe', token: TOKEN, outcome: { ok: true } });
  });

  it('sendMessage posts chat_id and text and returns the message id and date', async () => {
    const sent = await client.sendMessage({ chatId: 'abc123', text: 'Nhắc việc: báo cáo tuần' });
    expect(sent).toEqual({ message_id: expect.stringMatching(/^[0-9a-f]{20}$/), date: expect.any(Number) });
    expect(zalo.callsTo('sendMessage')[0]?.params).toEqual({ chat_id: 'abc123', text: 'Nhắc việc: báo cáo tuần' });
    expect(zalo.messagesTo('abc123')).toEqual(['Nhắc việc: báo cáo tuần']);
  });

  it('refuses text over 2000 characters with a 400 ZaloApiError', async () => {
    const error = await zaloError(client.sendMessage({ chatId: 'abc', text: 'a'.repeat(2001) }));
    expect(error).toMatchObject({ kind: 'api', errorCode: 400, method: 'sendMessage', isRetryable: false });
    expect(zalo.messagesTo('abc')).toEqual([]);
  });

  it('sendPhoto sends the URL as `photo`, with or without a caption', async () => {
    await client.sendPhoto({ chatId: 'abc', photoUrl: 'https://files.example.gov.vn/a.jpg', caption: 'Ảnh' });
    await client.sendPhoto({ chatId: 'abc', photoUrl: 'https://files.example.gov.vn/b.jpg' });
    expect(zalo.callsTo('sendPhoto').map((c) => c.params)).toEqual([
      { chat_id: 'abc', photo: 'https://files.example.gov.vn/a.jpg', caption: 'Ảnh' },
      { chat_id: 'abc', photo: 'https://files.example.gov.vn/b.jpg' },
    ]);
  });

  it('sendChatAction', async () => {
    await client.sendChatAction({ chatId: 'abc', action: 'typing' });
    expect(zalo.callsTo('sendChatAction')[0]?.params).toEqual({ chat_id: 'abc', action: 'typing' });
  });

  it('setWebhook, getWebhookInfo, deleteWebhook', async () => {
    expect(await client.setWebhook({ url: 'https://bot.example.gov.vn/zalo', secretToken: 'a-long-secret' })).toEqual({
      url: 'https://bot.example.gov.vn/zalo',
      updated_at: expect.any(Number),
    });
    expect(zalo.callsTo('setWebhook')[0]?.params).toEqual({ url: 'https://bot.example.gov.vn/zalo', secret_token: 'a-long-secret' });
    expect(await client.getWebhookInfo()).toMatchObject({ url: 'https://bot.example.gov.vn/zalo' });
    expect(await client.deleteWebhook()).toMatchObject({ url: '' });
    expect(await client.getWebhookInfo()).toMatchObject({ url: '' });

    const refused = await zaloError(client.setWebhook({ url: 'https://bot.example.gov.vn/zalo', secretToken: 'short' }));
    expect(refused.errorCode).toBe(400);
  });

  describe('getUpdates', () => {
    it('returns the queued update, typed and parsed', async () => {
      zalo.queueUpdate(zaloText('u1', 'xong 123', { displayName: 'Nguyễn Văn A' }));
      const update = await client.getUpdates({ timeoutSeconds: 1 });
      expect(update).toMatchObject({
        event_name: 'message.text.received',
        message: { text: 'xong 123', from: { id: 'u1', display_name: 'Nguyễn Văn A', is_bot: false } },
      });
      expect(update && isZaloTextUpdate(update)).toBe(true);
      // Zalo documents `timeout` as a string.
      expect(zalo.callsTo('getUpdates')[0]?.params).toEqual({ timeout: '1' });
    });

    it('returns null when the long poll times out (408)', async () => {
      expect(await client.getUpdates({ timeoutSeconds: 0 })).toBeNull();
      expect(zalo.callsTo('getUpdates')[0]?.outcome).toMatchObject({ ok: false, errorCode: 408 });
    });

    it('waits for an update that arrives during the poll', async () => {
      setTimeout(() => zalo.queueUpdate(zaloText('u1', 'đến muộn')), 100);
      expect((await client.getUpdates({ timeoutSeconds: 5 }))?.message?.text).toBe('đến muộn');
    });

    it('accepts an array result and hands its updates out one by one', async () => {
      zalo.queueUpdate([zaloText('u1', 'một'), zaloText('u1', 'hai')]);
      expect((await client.getUpdates({ timeoutSeconds: 0 }))?.message?.text).toBe('một');
      expect((await client.getUpdates({ timeoutSeconds: 0 }))?.message?.text).toBe('hai');
      expect(zalo.callsTo('getUpdates')).toHaveLength(1);
      expect(await client.getUpdates({ timeoutSeconds: 0 })).toBeNull();
    });

    it('fails while a webhook is set', async () => {
      await client.setWebhook({ url: 'https://bot.example.gov.vn/zalo', secretToken: 'a-long-secret' });
      const error = await zaloError(client.getUpdates({ timeoutSeconds: 0 }));
      expect(error.isPollingTimeout).toBe(false);
    });

    it('reports an unreadable update instead of returning it', async () => {
      zalo.queueUpdate({ event_name: 'message.text.received' });
      expect(await zaloError(client.getUpdates({ timeoutSeconds: 0 }))).toMatchObject({ kind: 'invalid-response' });
    });

    it('stops when its signal is aborted', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error('shutting down')), 50);
      await expect(client.getUpdates({ timeoutSeconds: 10, signal: controller.signal })).rejects.toThrow('shutting down');
    });
  });

  describe('errors', () => {
    it('429 is rate limited and retryable', async () => {
      zalo.failNext('sendMessage', { status: 429 });
      expect(await zaloError(client.sendMessage({ chatId: 'a', text: 'x' }))).toMatchObject({
        kind: 'api',
        errorCode: 429,
        description: 'Quota exceeded',
        isRateLimited: true,
        isRetryable: true,
      });
    });

    it('403 is forbidden and, per Zalo’s table, retryable', async () => {
      zalo.blockChat('blocked');
      expect(await zaloError(client.sendMessage({ chatId: 'blocked', text: 'x' }))).toMatchObject({ errorCode: 403, isForbidden: true, isRetryable: true });
    });

    it('500 in the envelope is an api error', async () => {
      zalo.failNext('getMe', { status: 500 });
      expect(await zaloError(client.getMe())).toMatchObject({ kind: 'api', errorCode: 500, isRetryable: true });
    });

    it('a non-JSON 502 is an http error carrying the status', async () => {
      zalo.failNext('sendMessage', { status: 502 });
      const error = await zaloError(client.sendMessage({ chatId: 'a', text: 'x' }));
      expect(error).toMatchObject({ kind: 'http', errorCode: 502, httpStatus: 502, isRetryable: true });
    });

    it('reads the error from the body when the HTTP status is 200', async () => {
      const lenient = await createZaloStandIn({ errorHttpStatus: 200 });
      try {
        const lenientClient = createZaloClient({ token: TOKEN, apiRoot: lenient.url });
        lenient.failNext('sendMessage', { status: 429 });
        expect(await zaloError(lenientClient.sendMessage({ chatId: 'a', text: 'x' }))).toMatchObject({ kind: 'api', errorCode: 429, httpStatus: 200 });
        expect(await lenientClient.getUpdates({ timeoutSeconds: 0 })).toBeNull();
      } finally {
        await lenient.close();
      }
    });

    it('a wrong token is unauthorized, and the token never appears in the error', async () => {
      const wrong = createZaloClient({ token: '999:wrong-token', apiRoot: zalo.url });
      const error = await zaloError(wrong.getMe());
      expect(error).toMatchObject({ errorCode: 401, isUnauthorized: true, isRetryable: false });
      expect(`${error.message} ${error.description} ${JSON.stringify(error)}`).not.toContain('wrong-token');
    });

    it('times out a slow answer', async () => {
      const impatient = createZaloClient({ token: TOKEN, apiRoot: zalo.url, timeoutMs: 100 });
      zalo.delayNext('sendMessage', 1_000);
      expect(await zaloError(impatient.sendMessage({ chatId: 'a', text: 'x' }))).toMatchObject({ kind: 'timeout', isRetryable: true });
    });

    it('a network failure is a ZaloApiError without the token', async () => {
      const url = zalo.url;
      await zalo.close();
      zalo = await createZaloStandIn(); // for afterEach
      const error = await zaloError(createZaloClient({ token: TOKEN, apiRoot: url }).getMe());
      expect(error).toMatchObject({ kind: 'network', errorCode: 0, isRetryable: true });
      expect(error.message).not.toContain(TOKEN);
    });

    it('removes the token from any text it reports', async () => {
      // A URL the runtime cannot parse ends up in fetch's error message, token included.
      const broken = createZaloClient({ token: TOKEN, apiRoot: 'http://exa mple' });
      const error = await zaloError(broken.getMe());
      expect(`${error.message} ${error.description}`).not.toContain(TOKEN);
    });
  });
});

describe('parseZaloUpdate', () => {
  const event = zaloText('6ede9afa66b88fe6d6a9', 'Trả lời 1');

  it('reads the wrapped and the flat webhook shapes to the same update', () => {
    const wrapped = parseZaloUpdate({ ok: true, result: event });
    const flat = parseZaloUpdate(event);
    expect(wrapped).toEqual({ ok: true, update: event });
    expect(flat).toEqual(wrapped);
  });

  it('passes unknown events through by name', () => {
    expect(parseZaloUpdate({ event_name: 'message.reaction.received', message: { reaction: '❤️' } })).toEqual({
      ok: true,
      update: { event_name: 'message.reaction.received' },
    });
  });

  it('accepts message.unsupported.received without a message', () => {
    expect(parseZaloUpdate({ ok: true, result: zaloUnsupported('u1', { withMessage: false }) })).toEqual({
      ok: true,
      update: { event_name: 'message.unsupported.received' },
    });
  });

  it('reads the picture of an image event from photo or photo_url', () => {
    for (const field of ['photo', 'photo_url'] as const) {
      const parsed = parseZaloUpdate(zaloImage('u1', { url: 'https://img.example/a.jpg', field }));
      expect(parsed.ok && parsed.update.message && zaloPhotoUrl(parsed.update.message)).toBe('https://img.example/a.jpg');
    }
  });

  it('converts dates in seconds to milliseconds', () => {
    const parsed = parseZaloUpdate({ ...event, message: { ...event.message, date: 1_750_316_131 } });
    expect(parsed.ok && parsed.update.message?.date).toBe(1_750_316_131_000);
  });

  it('rejects a text event without text, or bodies that are not events', () => {
    expect(parseZaloUpdate({ event_name: 'message.text.received', message: { ...event.message, text: undefined } }).ok).toBe(false);
    expect(parseZaloUpdate({ ok: false, error_code: 408, description: 'Request timeout' }).ok).toBe(false);
    expect(parseZaloUpdate('hello').ok).toBe(false);
  });

  it('parses bodies a webhook receives from postWebhook, in both shapes', async () => {
    const zalo = await createZaloStandIn();
    const parsed: ZaloUpdate[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const result = parseZaloUpdate(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        if (result.ok) parsed.push(result.update);
        res.writeHead(result.ok ? 200 : 400).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      expect(await zalo.postWebhook(url, event, { secret: 'secret-123', shape: 'wrapped' })).toBe(200);
      expect(await zalo.postWebhook(url, event, { secret: 'secret-123', shape: 'flat' })).toBe(200);
      expect(parsed).toEqual([event, event]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await zalo.close();
    }
  });
});
