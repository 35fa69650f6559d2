import { Hono } from 'hono';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../src/app/interaction/index.js';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { ZALO_WEBHOOK_PATH } from '../../src/channels/zalo/webhook.js';
import { prepareZalo, ZaloTokenRefused, type ZaloRuntime } from '../../src/channels/zalo/start.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { zaloId, zaloText } from '../support/updates.js';
import { createZaloStandIn, type ZaloStandIn } from '../support/zalo-stand-in.js';

const TOKEN = '42:polling-token';

// The two ways of receiving, never both: long polling when no webhook secret is set, the webhook otherwise.
describe('receiving from Zalo: long polling or webhook', () => {
  let h: Harness;
  let zalo: ZaloStandIn;
  let runtime: ZaloRuntime | undefined;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    h = await createHarness({ workers: false });
    await h.importSample();
    zalo = await createZaloStandIn({ token: TOKEN });
  });
  afterAll(async () => {
    await runtime?.stop();
    await zalo?.close();
    await h?.close();
  });

  it('polls one event per call after removing a webhook left from before, and mounts no webhook route', async () => {
    // A webhook set earlier (another deployment, a test in Zalo Bot Manager) would make every getUpdates fail.
    await fetch(`${zalo.url}/bot${TOKEN}/setWebhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://old.example/zalo', secret_token: 'old-secret-1' }),
    });
    const http = new Hono();
    runtime = prepareZalo({
      token: TOKEN,
      apiRoot: zalo.url,
      webhook: undefined,
      monthlyCap: 3000,
      app: h.app,
      logger,
      receive: { router: createAppRouter(h.app), http },
      pollTimeoutSeconds: 1,
    });
    expect(runtime.mode).toBe('polling');
    const me = await runtime.start();
    expect(me?.account_name).toBe(zalo.botInfo.account_name);
    expect(zalo.webhook).toBeUndefined();
    expect(zalo.callsTo('deleteWebhook').length).toBe(1);
    expect(zalo.callsTo('setWebhook').length).toBe(1); // ours above only

    const user = zaloId('polling-user');
    const invite = await issueInvite(h.app, { officialCode: 'TCKH-03', now: h.timeSource.now() });
    zalo.queueUpdate(zaloText(user, invite.code), zaloText(user, '/lang xx'));
    const sent = await zalo.waitForCalls('sendMessage', 2);
    expect(sent.map((c) => String(c.params.text).slice(0, 40))).toEqual(['Đã liên kết tài khoản này với đồng chí Đ', 'Dùng: /lang vi hoặc /lang en.']);
    // Every getUpdates asked for one event with Zalo's string timeout; no offset exists.
    for (const call of zalo.callsTo('getUpdates')) expect(call.params).toEqual({ timeout: '1' });

    const res = await http.request(ZALO_WEBHOOK_PATH, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    await runtime.stop();
    runtime = undefined;
  });

  it('in webhook mode registers the URL and secret with Zalo and never polls', async () => {
    zalo.clear();
    const http = new Hono();
    runtime = prepareZalo({
      token: TOKEN,
      apiRoot: zalo.url,
      webhook: { url: 'https://dondoc.example.gov.vn/zalo/webhook', secret: 'a-long-webhook-secret' },
      monthlyCap: 3000,
      app: h.app,
      logger,
      receive: { router: createAppRouter(h.app), http },
    });
    expect(runtime.mode).toBe('webhook');
    await runtime.start();
    expect(zalo.webhook).toEqual({ url: 'https://dondoc.example.gov.vn/zalo/webhook', secretToken: 'a-long-webhook-secret' });
    expect(zalo.callsTo('getUpdates').length).toBe(0);
    const res = await http.request(ZALO_WEBHOOK_PATH, { method: 'POST', body: '{}', headers: { 'x-bot-api-secret-token': 'a-long-webhook-secret' } });
    expect(res.status).toBe(400);
    await runtime.stop();
    runtime = undefined;
  });

  it('stops at start with a clear message when Zalo refuses the token', async () => {
    const refused = prepareZalo({ token: '42:wrong', apiRoot: zalo.url, webhook: undefined, monthlyCap: 3000, app: h.app, logger });
    expect(refused.mode).toBe('send-only');
    await expect(refused.start()).rejects.toBeInstanceOf(ZaloTokenRefused);
  });
});
