// Delivery faults on the Zalo OA (the Bot Platform's zalo-delivery, again on the OA): 5xx answers and the quota and
// rate-limit codes back off and send once, in order; an access token Zalo calls expired in the middle of a message of
// several parts is refreshed once and only the refused part goes again; a person Zalo says no longer follows, or who is
// outside the window, gets the notification on the next channel of channels.fallbackOrder.
// Member TCKH-03 (Đào Quang Vinh) is linked on the OA, on Telegram and on the Bot Platform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { notify } from '../../src/app/notify.js';
import { inTransaction } from '../../src/app/transaction.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { oaUser, type OaUser } from '../support/oa-user.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

const HOUR = 3_600_000;

describe('Zalo OA delivery: back-off, token refresh mid-message, fallback by the policy order', () => {
  let h: Harness;
  let member: OaUser;
  let onTelegram: TelegramUser;
  let onBot: ZaloUser;
  let memberId: number;

  const tell = async (...texts: string[]) => {
    await inTransaction(h.app, async (tx, effects) => {
      for (const text of texts) await notify(h.app, tx, effects, memberId, () => ({ text }));
    });
    await h.idle();
  };
  const delivered = (text: string) => member.texts().filter((t) => t === text).length;
  const outcomes = (text: string) =>
    h
      .oa!.callsTo('message/cs')
      .filter((c) => (c.params.message as { text?: string } | undefined)?.text === text)
      .map((c) => (c.outcome.error === 0 && c.outcome.httpStatus === 200 ? 'ok' : c.outcome.error || c.outcome.httpStatus));

  beforeAll(async () => {
    h = await createHarness({ zaloOa: { sendPolicy: { rateLimitBaseMs: 100, rateLimitMaxMs: 400 } }, workerOptions: { deliveryBackoffMs: 100 } });
    await h.importSample();
    memberId = await h.officialId('TCKH-03');
    member = oaUser(h, 'Đào Quang Vinh');
    await member.follow();
    await member.say((await issueInvite(h.app, { officialCode: 'TCKH-03', now: h.timeSource.now() })).code);
    onTelegram = telegramUser(h, await h.link('TCKH-03', 7303));
    onBot = zaloUser(h, 'vinh-oa-delivery');
    await h.linkZalo('TCKH-03', onBot.id);
    // The OA first, then the Bot Platform, then Telegram.
    h.app.policy.channels.fallbackOrder = ['ZALO_OA', 'ZALO', 'TELEGRAM'];
    await member.say('/viec'); // the window is fresh
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a webhook body over 1 MiB, signed as Zalo signs, gets 413 and has no effect', async () => {
    const before = member.texts().length;
    const delivery = await h.oa!.userSendsText(member.id, `/viec ${'x'.repeat(1024 * 1024)}`);
    await h.idle();
    expect(delivery.status).toBe(413);
    expect(member.texts()).toHaveLength(before);
  });

  it('backs off after 5xx answers and sends once, in order', async () => {
    h.oa!.failNext('message/cs', { kind: 'http', status: 502 }, 2);
    await tell('Thông báo thử 5xx – 1', 'Thông báo thử 5xx – 2');
    expect(member.texts().slice(-2)).toEqual(['Thông báo thử 5xx – 1', 'Thông báo thử 5xx – 2']);
    expect(outcomes('Thông báo thử 5xx – 1')).toEqual([502, 502, 'ok']);
    expect(delivered('Thông báo thử 5xx – 2')).toBe(1);
  });

  it('waits and sends again after the quota (-211) and the rate limit (-32), once', async () => {
    h.oa!.failNext('message/cs', { kind: 'error', code: -211, message: 'Out of quota' });
    await tell('Thông báo thử hạn mức');
    expect(delivered('Thông báo thử hạn mức')).toBe(1);
    expect(outcomes('Thông báo thử hạn mức')).toEqual([-211, 'ok']);
    h.oa!.failNext('message/cs', { kind: 'error', code: -32 }, 2);
    await tell('Thông báo thử giới hạn gọi API');
    expect(delivered('Thông báo thử giới hạn gọi API')).toBe(1);
    const calls = h.oa!.callsTo('message/cs').filter((c) => (c.params.message as { text?: string }).text === 'Thông báo thử giới hạn gọi API');
    expect(calls.map((c) => c.outcome.error)).toEqual([-32, -32, 0]);
  });

  it('retries a reply to a person who just wrote when the OA answers 5xx or drops the connection, and sends it once', async () => {
    const usage = 'Dùng: /lang vi hoặc /lang en.';
    // A minute on, as it would be.
    await h.advance(60_000);
    h.oa!.failNext('message/cs', { kind: 'http', status: 502 });
    await member.command('lang', 'xx');
    expect(member.last()).toBe(usage);
    expect(outcomes(usage)).toEqual([502, 'ok']);
    h.oa!.failNext('message/cs', { kind: 'drop' });
    await member.command('lang', 'yy');
    expect(delivered(usage)).toBe(2);
    expect(outcomes(usage).slice(2)).toEqual([0, 'ok']);
  });

  it('an access token refused as expired at the second part of a long message is refreshed once; no part goes twice', async () => {
    await h.advance(60_000);
    await member.say('/viec');
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}. Nội dung cần rà soát trước cuộc họp giao ban, mục số ${i + 1} của danh sách`);
    const long = `📋 Danh sách rà soát\n${lines.join('\n')}`;
    const before = member.texts().length;
    const refreshes = h.oa!.callsTo('access_token').length;
    h.oa!.failNext('message/cs', { kind: 'error', code: -220, message: 'access_token is expired or removed' }, 1, 1);
    await tell(long);
    const parts = member.since(before);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('\n')).toContain('1. Nội dung');
    expect(parts.join('\n')).toContain('60. Nội dung');
    expect(new Set(parts).size).toBe(parts.length);
    expect(h.oa!.callsTo('access_token').length - refreshes).toBe(1);
    const refused = h.oa!.callsTo('message/cs').filter((c) => c.outcome.error === -220);
    expect(refused).toHaveLength(1);
    // The refused part went once more with the new token, and nothing else was sent again.
    const partCalls = h
      .oa!.callsTo('message/cs')
      .filter((c) => c.params.message && (c.params.message as { text?: string }).text === (refused[0]!.params.message as { text: string }).text);
    expect(partCalls.map((c) => c.outcome.error)).toEqual([-220, 0]);
    expect(partCalls[1]!.credential).not.toBe(partCalls[0]!.credential);
  });

  it('a person Zalo says no longer follows (-213) gets the notification on the next channel of the order', async () => {
    h.oa!.failNext('message/cs', { kind: 'error', code: -213 });
    const botBefore = onBot.texts().length;
    const tgBefore = onTelegram.texts().length;
    await tell('Thông báo khi không còn quan tâm OA');
    expect(delivered('Thông báo khi không còn quan tâm OA')).toBe(0);
    const onBotNow = onBot.since(botBefore).join('\n');
    expect(onBotNow).toContain('Thông báo khi không còn quan tâm OA');
    expect(onBotNow).toContain('không gửi được tin nhắn cho đồng chí qua Zalo OA');
    expect(onTelegram.since(tgBefore).join('\n')).not.toContain('Thông báo khi không còn quan tâm OA');
    const identity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { channel: 'ZALO_OA', officialId: memberId } });
    expect(identity.unreachableAt).not.toBeNull();
  });

  it('writing on the OA brings notifications back; outside the window they follow the order (now Telegram first)', async () => {
    // The window counts what the OA sent since the person last wrote: a minute passes, as it would.
    await h.advance(60_000);
    await member.say('/viec');
    await tell('Thông báo khi đã nhắn lại');
    expect(delivered('Thông báo khi đã nhắn lại')).toBe(1);

    h.app.policy.channels.fallbackOrder = ['ZALO_OA', 'TELEGRAM', 'ZALO'];
    await h.advance(49 * HOUR);
    const botBefore = onBot.texts().length;
    const tgBefore = onTelegram.texts().length;
    await tell('Thông báo ngoài khung 48 giờ');
    expect(delivered('Thông báo ngoài khung 48 giờ')).toBe(0);
    expect(onTelegram.since(tgBefore).join('\n')).toContain('Thông báo ngoài khung 48 giờ');
    expect(onBot.since(botBefore).join('\n')).not.toContain('Thông báo ngoài khung 48 giờ');
    expect(h.oa!.usage()).toMatchObject({ billed: 0, template: 0 });
  });
});
