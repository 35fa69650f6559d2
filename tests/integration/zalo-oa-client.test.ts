// The OA client, OAuth and webhook pieces against the built-in OA platform over real HTTP: sends with buttons and
// their presses coming back signed, Zalo's errors mapped, an access token expiring mid-run refreshed once, and two
// holders of one refresh token racing (one wins, the other is refused: what the token store's lock must prevent).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planOaButtons } from '../../src/channels/zalo-oa/buttons.js';
import { createZaloOaClient, type AccessTokenProvider, type ZaloOaClient } from '../../src/channels/zalo-oa/client.js';
import { ZaloOaError } from '../../src/channels/zalo-oa/errors.js';
import { createPkcePair, createZaloOaOAuth, permissionUrl, ZaloOaAuthError, type ZaloOaOAuth } from '../../src/channels/zalo-oa/oauth.js';
import { OA_SIGNATURE_HEADER, verifyOaSignature } from '../../src/channels/zalo-oa/signature.js';
import { parseOaWebhook, type OaEvent } from '../../src/channels/zalo-oa/webhook-event.js';
import { encodeAction } from '../../src/app/actions.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { startZaloOaPlatform, type ZaloOaPlatform } from '../../src/sandbox/platforms/zalo-oa.js';

const HOUR = 3_600_000;
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e30000000049454e44ae426082',
  'hex',
);

/** A token holder as one process would keep it: the pair in memory, refreshed through the real OAuth client. */
class TokenHolder implements AccessTokenProvider {
  refreshes = 0;
  constructor(
    private readonly oauth: ZaloOaOAuth,
    public access: string,
    public refreshToken: string,
  ) {}
  async current(): Promise<string> {
    return this.access;
  }
  async refresh(stale: string): Promise<string> {
    if (stale !== this.access) return this.access; // someone here refreshed already
    this.refreshes++;
    const pair = await this.oauth.refresh(this.refreshToken);
    this.access = pair.accessToken;
    if (pair.refreshToken) this.refreshToken = pair.refreshToken;
    return this.access;
  }
}

/** Our side of the webhook, as the route will be: signature over the raw bytes first (401), then the event. */
async function startReceiver(keys: {
  appId: string;
  oaSecretKey: string;
}): Promise<{ url: string; events: OaEvent[]; refused: number; close(): Promise<void> }> {
  const state = { events: [] as OaEvent[], refused: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!verifyOaSignature(raw, req.headers[OA_SIGNATURE_HEADER], keys).ok) {
        state.refused++;
        res.writeHead(401).end();
        return;
      }
      const parsed = parseOaWebhook(raw);
      if (parsed.ok) state.events.push(parsed.event);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/zalo-oa/webhook`,
    events: state.events,
    get refused() {
      return state.refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function oaError(promise: Promise<unknown>): Promise<ZaloOaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ZaloOaError);
  return error as ZaloOaError;
}

describe('Zalo OA client against the built-in OA platform', () => {
  let time: ManualTime;
  let oa: ZaloOaPlatform;
  let oauth: ZaloOaOAuth;
  let holder: TokenHolder;
  let client: ZaloOaClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeEach(async () => {
    time = new ManualTime('2026-12-01T01:00:00Z');
    oa = await startZaloOaPlatform({ now: () => time.now().getTime(), approvedTemplates: ['tpl-nhac-viec'] });
    receiver = await startReceiver({ appId: oa.appId, oaSecretKey: oa.oaSecretKey });
    oa.setWebhook(receiver.url);
    oauth = createZaloOaOAuth({ appId: oa.appId, secretKey: oa.appSecretKey, oauthRoot: oa.url, now: () => time.now().getTime(), timeoutMs: 2_000 });
    const seeded = oa.issueTokens();
    holder = new TokenHolder(oauth, seeded.accessToken, seeded.refreshToken);
    client = createZaloOaClient({ accessToken: holder, apiRoot: oa.url, timeoutMs: 2_000 });
  });

  afterEach(async () => {
    await oa.close();
    await receiver.close();
  });

  it('sends a cs text with buttons; a press comes back signed as user_send_text and is read as the action', async () => {
    const anh = oa.addUser({ displayName: 'Nguyễn Văn An' });
    const accept = encodeAction('task.accept', 4812);
    const plan = planOaButtons([
      [
        { label: 'Nhận việc', action: accept },
        { label: 'Xin gia hạn', action: encodeAction('task.extend', 4812) },
      ],
    ]);
    if (plan.kind !== 'buttons') throw new Error('buttons expected');

    const sent = await client.sendText({ userId: anh.userId, text: 'Việc NV-2026-4812: Báo cáo tuần — hạn 17:00 hôm nay.', buttons: plan.buttons });
    expect(sent.messageId).toMatch(/^[0-9a-f]{20}$/);
    expect(sent.sentTime).toBe(time.now().getTime());
    const [record] = oa.messagesTo(anh.userId);
    expect(record).toMatchObject({ messageId: sent.messageId, route: 'cs', billing: 'free', buttons: plan.buttons });
    const call = oa.callsTo('message/cs')[0]!;
    expect(call.credential).toBe(holder.access);
    expect(call.params).toMatchObject({
      recipient: { user_id: anh.userId },
      message: { attachment: { type: 'template', payload: { buttons: plan.buttons } } },
    });
    expect((call.params.message as { attachment: { payload: object } }).attachment.payload).not.toHaveProperty('template_type');

    const press = await oa.pressButton(anh.userId, 'Nhận việc');
    expect(press.status).toBe(200);
    expect(receiver.events.at(-1)).toMatchObject({ kind: 'action', action: accept, userId: anh.userId, oaId: oa.oaId });
    // Our own send came back as an echo, which the receiver reads as one (to drop).
    await oa.echoesSettled();
    expect(receiver.events.find((e) => e.kind === 'echo')).toMatchObject({ kind: 'echo', msgId: sent.messageId, userId: anh.userId });
  });

  it('the webhook receiver takes a valid signature and refuses a forged or missing one (401, no event)', async () => {
    const binh = oa.addUser({ displayName: 'Trần Thị Bình' });
    expect((await oa.userSendsText(binh.userId, 'MOI-7Q4K2')).status).toBe(200);
    expect((await oa.userSendsText(binh.userId, 'giả mạo', { signature: 'forged' })).status).toBe(401);
    expect((await oa.userSendsText(binh.userId, 'không ký', { signature: 'missing' })).status).toBe(401);
    expect(receiver.events).toHaveLength(1);
    expect(receiver.events[0]).toMatchObject({ kind: 'text', text: 'MOI-7Q4K2', userId: binh.userId });
    expect(binh.userId.length).toBe(19);
    expect(receiver.refused).toBe(2);
    // A retry is the same bytes, so the same dedupe key.
    const first = oa.webhookDeliveries[0]!;
    await oa.redeliver(first);
    expect(receiver.events[1]).toEqual(receiver.events[0]);
  });

  it('quotes a message of the person; a stale quote is refused (-201)', async () => {
    const chi = oa.addUser({ displayName: 'Lê Văn Chí' });
    const delivery = await oa.userSendsText(chi.userId, 'Xin ý kiến đồng chí');
    const msgId = (JSON.parse(delivery.body) as { message: { msg_id: string } }).message.msg_id;
    await client.sendText({ userId: chi.userId, text: 'Đã nhận.', quoteMessageId: msgId });
    expect(oa.messagesTo(chi.userId)[0]).toMatchObject({ quoteMessageId: msgId });
    const stale = await oaError(client.sendText({ userId: chi.userId, text: 'Đã nhận.', quoteMessageId: 'ffffffffffffffffffff' }));
    expect(stale).toMatchObject({ kind: 'bad-request', code: -201, description: 'quote_message_id is invalid!' });
  });

  it('maps the window errors: never interacted (-232), 7 days silent (-230), unfollowed (-213); 48 h–7 d is billed', async () => {
    const stranger = oa.addUser({ displayName: 'Chưa tương tác', interacted: false });
    const never = await oaError(client.sendText({ userId: stranger.userId, text: 'Xin chào' }));
    expect(never).toMatchObject({ kind: 'never-interacted', code: -232, isRecipientUnreachable: true, isRetryable: false });

    const dung = oa.addUser({ displayName: 'Phạm Dũng' });
    time.advance(50 * HOUR);
    const fresh = oa.issueTokens(); // the seeded access token lives 25 h; this test is not about refreshing
    holder.access = fresh.accessToken;
    await client.sendText({ userId: dung.userId, text: 'Nhắc việc' });
    expect(oa.messagesTo(dung.userId)[0]).toMatchObject({ billing: 'billed' });
    expect(oa.usage()).toEqual({ free: 0, billed: 1, template: 0 });

    time.advance(7 * 24 * HOUR - 50 * HOUR); // exactly 7 days after the last interaction
    holder.access = oa.issueTokens().accessToken;
    const outside = await oaError(client.sendText({ userId: dung.userId, text: 'Nhắc việc' }));
    expect(outside).toMatchObject({ kind: 'outside-window', code: -230, isRecipientUnreachable: true });

    const em = oa.addUser({ displayName: 'Đỗ Em' });
    await oa.unfollow(em.userId);
    expect(receiver.events.at(-1)).toMatchObject({ kind: 'unfollow', userId: em.userId, oaId: oa.oaId });
    const gone = await oaError(client.sendText({ userId: em.userId, text: 'Nhắc việc' }));
    expect(gone).toMatchObject({ kind: 'not-follower', code: -213 });
    await oa.follow(em.userId);
    expect(receiver.events.at(-1)).toMatchObject({ kind: 'follow', userId: em.userId });
    await client.sendText({ userId: em.userId, text: 'Chào mừng đồng chí' });
  });

  it('maps payload errors: text over 2,000 (-210), six buttons or a bad button (-201)', async () => {
    const user = oa.addUser({ displayName: 'Vũ Giang' });
    expect(await oaError(client.sendText({ userId: user.userId, text: 'a'.repeat(2001) }))).toMatchObject({ kind: 'bad-request', code: -210 });
    const six = Array.from({ length: 6 }, (_, i) => ({ type: 'oa.query.hide' as const, title: `Lựa chọn ${i}`, payload: `#dd:dp:${i}` }));
    expect(await oaError(client.sendText({ userId: user.userId, text: 'Chọn', buttons: six }))).toMatchObject({
      kind: 'bad-request',
      code: -201,
      description: 'buttons is invalid!',
    });
    const bad = [{ type: 'oa.query.hide' as const, title: 'Xem', payload: '' }];
    expect(await oaError(client.sendText({ userId: user.userId, text: 'Chọn', buttons: bad }))).toMatchObject({ code: -201 });
    await client.sendText({ userId: user.userId, text: 'a'.repeat(2000), buttons: six.slice(0, 5) });
    expect(oa.messagesTo(user.userId)).toHaveLength(1);
  });

  it('maps faults: -32 rate limit, a 502 page, a dropped connection, no answer in time', async () => {
    const user = oa.addUser({ displayName: 'Hoàng Hà' });
    oa.failNext('message/cs', { kind: 'error', code: -32 });
    expect(await oaError(client.sendText({ userId: user.userId, text: 'x' }))).toMatchObject({
      kind: 'rate-limited',
      code: -32,
      httpStatus: 200,
      isRetryable: true,
    });
    oa.failNext('message/cs', { kind: 'http', status: 502 });
    expect(await oaError(client.sendText({ userId: user.userId, text: 'x' }))).toMatchObject({ kind: 'server', code: 502, isRetryable: true });
    oa.failNext('message/cs', { kind: 'drop' });
    expect(await oaError(client.sendText({ userId: user.userId, text: 'x' }))).toMatchObject({ kind: 'network', isRetryable: true });
    const impatient = createZaloOaClient({ accessToken: holder, apiRoot: oa.url, timeoutMs: 200 });
    oa.delayNext('message/cs', 3_000);
    expect(await oaError(impatient.sendText({ userId: user.userId, text: 'chậm' }))).toMatchObject({ kind: 'timeout', isRetryable: true });
    // A timeout says nothing about the message: the platform still took it after the client gave up (as Zalo may).
    await oa.waitForMessages(user.userId, 1);
    expect(oa.textsTo(user.userId)).toEqual(['chậm']);
    await client.sendText({ userId: user.userId, text: 'x' });
  });

  it('an access token expiring mid-run is refreshed once and the message goes; concurrent sends share the refresh', async () => {
    const users = [oa.addUser({ displayName: 'A' }), oa.addUser({ displayName: 'B' }), oa.addUser({ displayName: 'C' })];
    await client.sendText({ userId: users[0]!.userId, text: 'trước' });
    const oldRefresh = holder.refreshToken;
    time.advance(25 * HOUR); // the access token's 90,000 s are over
    for (const u of users) oa.setLastInteraction(u.userId, time.now().getTime());

    await Promise.all(users.map((u) => client.sendText({ userId: u.userId, text: 'sau khi hết hạn' })));
    expect(holder.refreshes).toBe(1);
    const tokenCalls = oa.callsTo('access_token');
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]).toMatchObject({ params: { grant_type: 'refresh_token', refresh_token: oldRefresh }, outcome: { error: 0 } });
    expect(oa.callsTo('message/cs').filter((c) => c.outcome.error === -220)).toHaveLength(3);
    expect(users.map((u) => oa.textsTo(u.userId).at(-1))).toEqual(['sau khi hết hạn', 'sau khi hết hạn', 'sau khi hết hạn']);
    // The used refresh token is dead; the new one works.
    expect(oa.refreshTokenUsable(oldRefresh)).toBe(false);
    expect(oa.refreshTokenUsable(holder.refreshToken)).toBe(true);
  });

  it('a revoked token (-216) is refreshed too; a refusal on the retry is not retried again', async () => {
    const user = oa.addUser({ displayName: 'D' });
    oa.revokeAccessToken(holder.access);
    await client.sendText({ userId: user.userId, text: 'sau khi thu hồi' });
    expect(holder.refreshes).toBe(1);

    oa.failNext('message/cs', { kind: 'error', code: -216, message: 'Access token is invalid' }, 2);
    const error = await oaError(client.sendText({ userId: user.userId, text: 'x' }));
    expect(error).toMatchObject({ kind: 'token-invalid', code: -216 });
    expect(holder.refreshes).toBe(2);
    expect(
      oa
        .callsTo('message/cs')
        .slice(-2)
        .map((c) => c.outcome.error),
    ).toEqual([-216, -216]);
  });

  it('two holders of one refresh token racing: one refresh succeeds, the other is refused and must re-authorise', async () => {
    const user = oa.addUser({ displayName: 'E' });
    // Two worker processes loaded the same pair (no lock): same access token, same refresh token.
    const shared = holder.refreshToken;
    const other = new TokenHolder(oauth, holder.access, shared);
    const otherClient = createZaloOaClient({ accessToken: other, apiRoot: oa.url, timeoutMs: 2_000 });
    time.advance(26 * HOUR);
    oa.setLastInteraction(user.userId, time.now().getTime());

    const results = await Promise.allSettled([
      client.sendText({ userId: user.userId, text: 'từ tiến trình 1' }),
      otherClient.sendText({ userId: user.userId, text: 'từ tiến trình 2' }),
    ]);
    const tokenCalls = oa.callsTo('access_token');
    expect(tokenCalls).toHaveLength(2);
    expect(tokenCalls.map((c) => c.params.refresh_token)).toEqual([shared, shared]);
    expect(tokenCalls.map((c) => c.outcome.error).sort()).toEqual([-14014, 0]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ZaloOaError);
    expect(refused.reason).toMatchObject({ kind: 'token-unavailable' });
    const cause = (refused.reason as ZaloOaError).cause;
    expect(cause).toBeInstanceOf(ZaloOaAuthError);
    expect(cause).toMatchObject({ kind: 'reauthorize', code: -14014, needsReauthorization: true, isRetryable: false });
    expect(oa.messagesTo(user.userId)).toHaveLength(1);
  });

  it('the ZBS template by user id: an approved template is sent and counted as paid; another is refused', async () => {
    const user = oa.addUser({ displayName: 'F', lastInteractionAt: time.now().getTime() - 30 * 24 * HOUR });
    const sent = await client.sendTemplate({ userId: user.userId, templateId: 'tpl-nhac-viec', templateData: { ma_viec: 'NV-2026-4812', han: '17:00' } });
    expect(oa.messagesTo(user.userId)[0]).toMatchObject({
      messageId: sent.messageId,
      route: 'template',
      billing: 'paid',
      templateData: { ma_viec: 'NV-2026-4812' },
    });
    expect(oa.callsTo('message/template')[0]!.params).toMatchObject({ user_id: user.userId, template_id: 'tpl-nhac-viec' });
    expect(await oaError(client.sendTemplate({ userId: user.userId, templateId: 'tpl-chua-duyet', templateData: {} }))).toMatchObject({
      kind: 'bad-request',
      code: -201,
    });
    expect(oa.usage()).toEqual({ free: 0, billed: 0, template: 1 });
  });

  it('uploads an image and a file and sends them; refuses what Zalo refuses', async () => {
    const user = oa.addUser({ displayName: 'G' });
    const { attachmentId } = await client.uploadImage({ bytes: PNG, filename: 'anh.png' });
    await client.sendImage({ userId: user.userId, attachmentId, caption: 'Ảnh minh chứng' });
    const { token } = await client.uploadFile({ bytes: Buffer.from('%PDF-1.4\n%…'), filename: 'bao-cao.pdf' });
    await client.sendFile({ userId: user.userId, token });
    expect(oa.messagesTo(user.userId).map((m) => [m.kind, m.text ?? null])).toEqual([
      ['image', 'Ảnh minh chứng'],
      ['file', null],
    ]);
    expect(oa.callsTo('upload/image')[0]!.params.file).toEqual({ filename: 'anh.png', size: PNG.length });
    expect(await oaError(client.uploadImage({ bytes: Buffer.alloc(1024 * 1024 + 1, 0xff), filename: 'to.jpg' }))).toMatchObject({
      kind: 'bad-request',
      code: -210,
    });
    expect(await oaError(client.uploadImage({ bytes: Buffer.from('GIF89a'), filename: 'x.png' }))).toMatchObject({ code: -201 });
    expect(await oaError(client.uploadFile({ bytes: Buffer.from('a,b'), filename: 'bao-cao.xlsx' }))).toMatchObject({ code: -201 });
    // Uploads live 7 days.
    time.advance(7 * 24 * HOUR);
    oa.setLastInteraction(user.userId, time.now().getTime());
    holder.access = oa.issueTokens().accessToken;
    expect(await oaError(client.sendImage({ userId: user.userId, attachmentId }))).toMatchObject({ kind: 'attachment-expired', code: -100 });
  });

  it('reads the OA and a follower’s profile', async () => {
    const user = oa.addUser({ displayName: 'Nguyễn Thị Hoa' });
    expect(await client.getOaInfo()).toEqual({ oaId: oa.oaId, name: oa.oaName, description: expect.any(String), isVerified: true, followers: 1 });
    expect(await client.getUserProfile(user.userId)).toEqual({ userId: user.userId, displayName: 'Nguyễn Thị Hoa', isFollower: true });
    expect(await oaError(client.getUserProfile('1000000000000000001'))).toMatchObject({ code: -201 });
  });

  it('no token at all is a clear error before any call', async () => {
    const none = createZaloOaClient({
      accessToken: {
        current: () => Promise.reject(new Error('no OA authorised yet: run zalo-oa authorize')),
        refresh: () => Promise.reject(new Error('unused')),
      },
      apiRoot: oa.url,
    });
    const error = await oaError(none.getOaInfo());
    expect(error).toMatchObject({ kind: 'token-unavailable' });
    expect(error.message).toContain('zalo-oa authorize');
    expect(oa.calls).toHaveLength(0);
  });
});

describe('OAuth v4 against the built-in OA platform', () => {
  let time: ManualTime;
  let oa: ZaloOaPlatform;
  let oauth: ZaloOaOAuth;

  beforeEach(async () => {
    time = new ManualTime('2026-12-01T01:00:00Z');
    oa = await startZaloOaPlatform({ now: () => time.now().getTime() });
    oauth = createZaloOaOAuth({ appId: oa.appId, secretKey: oa.appSecretKey, oauthRoot: oa.url, now: () => time.now().getTime(), timeoutMs: 2_000 });
  });

  afterEach(async () => {
    await oa.close();
  });

  async function consent(challenge?: string, redirectUri = oa.callbackUrl): Promise<Response> {
    const input = { appId: oa.appId, redirectUri, state: 'st-9f1c2e7a', oauthRoot: oa.url, ...(challenge ? { codeChallenge: challenge } : {}) };
    return fetch(permissionUrl(input), { redirect: 'manual' });
  }

  it('consent with PKCE, then the code for a pair (25 h access token, expires_in read from a string)', async () => {
    const pkce = createPkcePair();
    const answer = await consent(pkce.challenge);
    expect(answer.status).toBe(302);
    const callback = new URL(answer.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(oa.callbackUrl);
    expect(callback.searchParams.get('oa_id')).toBe(oa.oaId);
    expect(callback.searchParams.get('state')).toBe('st-9f1c2e7a');
    const code = callback.searchParams.get('code')!;

    const pair = await oauth.exchangeCode({ code, codeVerifier: pkce.verifier });
    expect(pair.accessExpiresAt).toEqual(new Date(time.now().getTime() + 25 * HOUR));
    expect(pair.refreshExpiresAt).toEqual(new Date(time.now().getTime() + 90 * 24 * HOUR));
    expect(pair.refreshToken).toEqual(expect.any(String));
    const call = oa.callsTo('access_token')[0]!;
    expect(call.credential).toBe(oa.appSecretKey);
    expect(call.params).toMatchObject({ app_id: oa.appId, grant_type: 'authorization_code', code, code_verifier: pkce.verifier });

    // A code works once.
    const again = await oauth.exchangeCode({ code, codeVerifier: pkce.verifier }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ZaloOaAuthError);
    expect(again).toMatchObject({ kind: 'refused', needsReauthorization: false });
  });

  it('refuses a wrong verifier, an expired code and a redirect URI other than the console’s', async () => {
    const pkce = createPkcePair();
    const code = new URL((await consent(pkce.challenge)).headers.get('location')!).searchParams.get('code')!;
    await expect(oauth.exchangeCode({ code, codeVerifier: createPkcePair().verifier })).rejects.toMatchObject({ kind: 'refused', code: -14020 });
    await expect(oauth.exchangeCode({ code })).rejects.toMatchObject({ kind: 'refused' });

    const late = new URL((await consent(pkce.challenge)).headers.get('location')!).searchParams.get('code')!;
    time.advance(10 * 60_000);
    await expect(oauth.exchangeCode({ code: late, codeVerifier: pkce.verifier })).rejects.toMatchObject({ kind: 'refused' });

    const wrong = await consent(pkce.challenge, 'https://evil.example/cb');
    expect(wrong.status).toBe(200);
    expect(await wrong.json()).toMatchObject({ error: -14003, error_name: 'Invalid redirect uri' });

    const badSecret = createZaloOaOAuth({ appId: oa.appId, secretKey: 'wrong', oauthRoot: oa.url });
    const code2 = new URL((await consent()).headers.get('location')!).searchParams.get('code')!;
    const refused = await badSecret.exchangeCode({ code: code2 }).catch((e: unknown) => e as ZaloOaAuthError);
    expect(refused).toMatchObject({ kind: 'refused' });
    expect((refused as Error).message).not.toContain(code2);
  });

  it('refresh rotates: the old refresh token is refused (HTTP 200, no access_token) and that is terminal', async () => {
    const seeded = oa.issueTokens();
    const next = await oauth.refresh(seeded.refreshToken);
    expect(next.refreshToken).not.toBe(seeded.refreshToken);
    const reused = await oauth.refresh(seeded.refreshToken).catch((e: unknown) => e);
    expect(reused).toBeInstanceOf(ZaloOaAuthError);
    expect(reused).toMatchObject({ kind: 'reauthorize', code: -14014, needsReauthorization: true, isRetryable: false });
    expect((reused as Error).message).not.toContain(seeded.refreshToken);
    expect(oa.callsTo('access_token').at(-1)!.outcome.httpStatus).toBe(200);
    await oauth.refresh(next.refreshToken!);
  });

  it('a 5xx or a timeout on refresh is retryable; a 5xx leaves the refresh token usable', async () => {
    const seeded = oa.issueTokens();
    oa.failNext('access_token', { kind: 'http', status: 502 });
    await expect(oauth.refresh(seeded.refreshToken)).rejects.toMatchObject({ kind: 'server', code: 502, isRetryable: true });
    expect(oa.refreshTokenUsable(seeded.refreshToken)).toBe(true);
    await oauth.refresh(seeded.refreshToken);

    const impatient = createZaloOaOAuth({ appId: oa.appId, secretKey: oa.appSecretKey, oauthRoot: oa.url, timeoutMs: 200 });
    oa.delayNext('access_token', 3_000);
    await expect(impatient.refresh(oa.issueTokens().refreshToken)).rejects.toMatchObject({ kind: 'timeout', isRetryable: true });
  });
});
