// The built-in OA platform itself, spoken to in raw HTTP: what it accepts and refuses, in Zalo's shapes, so the
// client tests stand on a platform that behaves as the fact sheet says Zalo does.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyOaSignature } from '../../src/channels/zalo-oa/signature.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { DEFAULT_OA_PLATFORM, startZaloOaPlatform, type ZaloOaPlatform } from '../../src/sandbox/platforms/zalo-oa.js';

const HOUR = 3_600_000;

describe('built-in Zalo OA platform', () => {
  let time: ManualTime;
  let oa: ZaloOaPlatform;
  let token: string;

  beforeEach(async () => {
    time = new ManualTime('2026-12-01T01:00:00Z');
    oa = await startZaloOaPlatform({ now: () => time.now().getTime(), approvedTemplates: ['tpl-1'] });
    token = oa.issueTokens().accessToken;
  });

  afterEach(async () => {
    await oa.close();
  });

  async function api(
    path: string,
    body?: unknown,
    headers: Record<string, string> = { access_token: token },
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const init: RequestInit =
      body === undefined ? { headers } : { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const response = await fetch(`${oa.url}${path}`, init);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  const cs = (userId: string, message: object) => api('/v3.0/oa/message/cs', { recipient: { user_id: userId }, message });

  it('takes the token only from the access_token header; errors come with HTTP 200', async () => {
    const user = oa.addUser({ displayName: 'A' });
    expect(await api(`/v3.0/oa/message/cs?access_token=${token}`, { recipient: { user_id: user.userId }, message: { text: 'x' } }, {})).toEqual({
      status: 200,
      json: { error: -216, message: 'Access token is invalid' },
    });
    expect(
      await api('/v3.0/oa/message/cs', { recipient: { user_id: user.userId }, message: { text: 'x' } }, { authorization: `Bearer ${token}` }),
    ).toMatchObject({ json: { error: -216 } });
    const ok = await cs(user.userId, { text: 'x' });
    expect(ok.json).toMatchObject({ error: 0, message: 'Success', data: { user_id: user.userId, sent_time: String(time.now().getTime()) } });
    time.advance(25 * HOUR);
    expect((await cs(user.userId, { text: 'x' })).json).toEqual({ error: -220, message: 'access_token is expired or removed' });
  });

  it('checks the recipient in Zalo’s order: never interacted, 7 days, not following', async () => {
    const never = oa.addUser({ displayName: 'B', interacted: false });
    expect((await cs(never.userId, { text: 'x' })).json.error).toBe(-232);
    expect((await cs('9999999999999999999', { text: 'x' })).json.error).toBe(-232);
    const silentAndGone = oa.addUser({ displayName: 'C', followed: false, lastInteractionAt: time.now().getTime() - 8 * 24 * HOUR });
    expect((await cs(silentAndGone.userId, { text: 'x' })).json.error).toBe(-230);
    oa.setLastInteraction(silentAndGone.userId, time.now().getTime());
    expect((await cs(silentAndGone.userId, { text: 'x' })).json).toEqual({ error: -213, message: 'User has not followed OA' });
  });

  it('validates the message: text, button types and payloads, templates that v3 does not know', async () => {
    const u = oa.addUser({ displayName: 'D' }).userId;
    const withButtons = (buttons: unknown[]) => cs(u, { text: 'Chọn', attachment: { type: 'template', payload: { buttons } } });
    expect((await cs(u, { text: '' })).json.error).toBe(-201);
    expect((await cs(u, {})).json.error).toBe(-201);
    expect((await withButtons([{ title: 'Mở', type: 'oa.open.url', payload: { url: 'https://dichvucong.gov.vn' } }])).json.error).toBe(0);
    expect((await withButtons([{ title: 'Gọi', type: 'oa.open.phone', payload: { phone_code: '0243' } }])).json.error).toBe(0);
    expect((await withButtons([{ title: 'Mở', type: 'oa.open.url', payload: 'https://x' }])).json.error).toBe(-201);
    expect((await withButtons([{ title: 'Bấm', type: 'postback', payload: 'x' }])).json.error).toBe(-201);
    expect((await withButtons([{ title: '', type: 'oa.query.hide', payload: 'x' }])).json.error).toBe(-201);
    expect((await withButtons([{ title: 'X', type: 'oa.query.hide', payload: 'p'.repeat(1001) }])).json.error).toBe(-201);
    expect((await cs(u, { attachment: { type: 'template', payload: { buttons: [{ title: 'X', type: 'oa.query.hide', payload: 'x' }] } } })).json.error).toBe(
      -201,
    );
    expect((await cs(u, { text: 'x', attachment: { type: 'template', payload: { template_type: 'button', text: 'x', buttons: [] } } })).json).toEqual({
      error: -201,
      message: 'template_type is invalid!',
    });
    expect((await cs(u, { text: 'x', attachment: { type: 'template', payload: { template_type: 'list', elements: [] } } })).json.error).toBe(-201);
    expect((await cs(u, { attachment: { type: 'image', payload: { url: 'https://x/a.jpg' } } })).json.error).toBe(-201);
    expect(
      (await cs(u, { attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', url: 'https://x/a.jpg' }] } } })).json
        .error,
    ).toBe(0);
    expect(
      (await cs(u, { attachment: { type: 'template', payload: { template_type: 'request_user_info', elements: [{ title: 'Cho phép', subtitle: 'SĐT' }] } } }))
        .json.error,
    ).toBe(0);
    expect(oa.messagesTo(u).map((m) => m.kind)).toEqual(['text', 'text', 'image', 'request_user_info']);
  });

  it('refuses transaction and promotion messages since their shutdown; templates need approval; both body shapes taken', async () => {
    const u = oa.addUser({ displayName: 'E' }).userId;
    expect((await api('/v3.0/oa/message/transaction', { recipient: { user_id: u }, message: {} })).json).toEqual({
      error: -233,
      message: 'message type is invalid or not support',
    });
    expect((await api('/v3.0/oa/message/promotion', { recipient: { user_id: u }, message: {} })).json.error).toBe(-233);
    expect((await api('/v3.0/oa/message/template', { user_id: u, template_id: 'tpl-1', template_data: { a: '1' } })).json.error).toBe(0);
    expect((await api('/v3.0/oa/message/template', { recipient: { user_id: u }, template_id: 'tpl-1', template_data: {} })).json.error).toBe(0);
    expect((await api('/v3.0/oa/message/template', { user_id: u, template_id: 'tpl-2', template_data: {} })).json.error).toBe(-201);
    oa.approveTemplate('tpl-2');
    expect((await api('/v3.0/oa/message/template', { user_id: u, template_id: 'tpl-2', template_data: {} })).json.error).toBe(0);
    expect(oa.usage()).toEqual({ free: 0, billed: 0, template: 3 });
  });

  it('answers unknown paths with 404, OA info and profiles, and the quota pre-flight', async () => {
    expect((await api('/v2.0/oa/message', { recipient: {} })).status).toBe(404);
    const u = oa.addUser({ displayName: 'Nguyễn Thị Giang' });
    expect((await api('/v2.0/oa/getoa')).json).toMatchObject({ error: 0, data: { oa_id: DEFAULT_OA_PLATFORM.oaId, is_verified: true, num_follower: 1 } });
    const detail = await api(`/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: u.userId }))}`);
    expect(detail.json).toMatchObject({
      error: 0,
      data: { user_id: u.userId, display_name: 'Nguyễn Thị Giang', user_is_follower: true, user_last_interaction_date: '01/12/2026' },
    });
    expect((await api('/v3.0/oa/quota/message', { user_id: u.userId })).json).toMatchObject({ data: { last_interaction: String(time.now().getTime()) } });
  });

  it('OAuth: HTTP 200 error bodies, wrong app or secret refused, unknown grant refused', async () => {
    const post = (form: Record<string, string>, secret = oa.appSecretKey) =>
      fetch(`${oa.url}/v4/oa/access_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: secret },
        body: new URLSearchParams(form),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as Record<string, unknown> }));
    const { refreshToken } = oa.issueTokens();
    expect(await post({ app_id: '1', refresh_token: refreshToken, grant_type: 'refresh_token' })).toMatchObject({ status: 200, json: { error: -14002 } });
    expect(await post({ app_id: oa.appId, refresh_token: refreshToken, grant_type: 'refresh_token' }, 'nope')).toMatchObject({
      status: 200,
      json: { error: -14001 },
    });
    expect(await post({ app_id: oa.appId, grant_type: 'password' })).toMatchObject({ json: { error: -1013 } });
    const ok = await post({ app_id: oa.appId, refresh_token: refreshToken, grant_type: 'refresh_token' });
    expect(ok.json).toEqual({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: '90000' });
    expect(await post({ app_id: oa.appId, refresh_token: refreshToken, grant_type: 'refresh_token' })).toMatchObject({
      status: 200,
      json: { error: -14014, error_name: 'Invalid refresh token' },
    });
    // A refresh token lives 90 days.
    const late = oa.issueTokens().refreshToken;
    time.advance(90 * 24 * HOUR);
    expect((await post({ app_id: oa.appId, refresh_token: late, grant_type: 'refresh_token' })).json.error).toBe(-14014);
  });

  it('signs webhooks as Zalo does, resends the same bytes on redelivery, echoes our sends', async () => {
    const received: Array<{ body: string; signature: string | undefined }> = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['x-zevent-signature'] as string | undefined });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      oa.setWebhook(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
      const u = oa.addUser({ displayName: 'H' });
      const first = await oa.userSendsText(u.userId, 'Xin chào');
      await oa.redeliver(first);
      expect(received[0]).toEqual(received[1]);
      expect(verifyOaSignature(received[0]!.body, received[0]!.signature, { appId: oa.appId, oaSecretKey: oa.oaSecretKey })).toEqual({ ok: true });
      expect(JSON.parse(received[0]!.body)).toMatchObject({
        event_name: 'user_send_text',
        sender: { id: u.userId },
        recipient: { id: oa.oaId },
        timestamp: String(time.now().getTime()),
      });

      await oa.unfollow(u.userId);
      expect(JSON.parse(received.at(-1)!.body)).toMatchObject({ event_name: 'unfollow', oa_id: oa.oaId, follower: { id: u.userId }, source: 'oa_profile' });
      expect(JSON.parse(received.at(-1)!.body)).not.toHaveProperty('sender');
      await oa.follow(u.userId);

      await cs(u.userId, { text: 'Trả lời' });
      await oa.echoesSettled();
      expect(JSON.parse(received.at(-1)!.body)).toMatchObject({
        event_name: 'oa_send_text',
        sender: { id: oa.oaId },
        recipient: { id: u.userId },
        message: { text: 'Trả lời' },
      });

      expect(() => oa.pressButton(u.userId, 'Không có')).toThrow(/no button/);
      const missing = await oa.userSendsText(u.userId, 'x', { signature: 'missing' });
      expect(missing.signature).toBeNull();
      expect(received.at(-1)!.signature).toBeUndefined();
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('records a message as free within 48 h of the last interaction and billed after', async () => {
    const u = oa.addUser({ displayName: 'I' }).userId;
    await cs(u, { text: '1' });
    time.advance(48 * HOUR);
    token = oa.issueTokens().accessToken;
    await cs(u, { text: '2' });
    await oa.userSendsText(u, 'trả lời', { url: 'http://127.0.0.1:9/unused' });
    await cs(u, { text: '3' });
    expect(oa.messagesTo(u).map((m) => [m.text, m.billing])).toEqual([
      ['1', 'free'],
      ['2', 'billed'],
      ['3', 'free'],
    ]);
  });

  it('bills the 9th cs message in a row without an answer, and the quota says how many free ones remain', async () => {
    const u = oa.addUser({ displayName: 'K' }).userId;
    for (let i = 1; i <= 9; i++) await cs(u, { text: String(i) });
    expect(oa.messagesTo(u).map((m) => m.billing)).toEqual([...Array(8).fill('free'), 'billed']);
    time.advance(60_000);
    await oa.userSendsText(u, 'đã đọc', { url: 'http://127.0.0.1:9/unused' });
    await cs(u, { text: '10' });
    expect(oa.messagesTo(u).at(-1)!.billing).toBe('free');
  });
});
