// What reaches the Zalo OA webhook, good and bad (the Bot Platform's zalo-webhook, again on the OA): events we do not
// use, events for another OA or app, group chats (GMF), bodies that are no event, bodies over 1 MiB, the signature
// checked before the event is read, and a whole dialog posted without waiting, handled in order with its buttons.
// Phòng Tài chính – Kế hoạch: head TCKH-01 (Võ Thanh Sơn), member TCKH-03 (Đào Quang Vinh).
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { actionPayload } from '../../src/channels/zalo-oa/buttons.js';
import { bodyTimestamp, signOaWebhook } from '../../src/channels/zalo-oa/signature.js';
import { ZALO_OA_WEBHOOK_PATH } from '../../src/channels/zalo-oa/webhook.js';
import { ZALO_WEBHOOK_PATH } from '../../src/channels/zalo/webhook.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { linkOaUser, oaUser, type OaUser } from '../support/oa-user.js';

interface LogLine {
  level: number;
  msg: string;
  event?: string;
  reason?: string;
}

const MIB = 1024 * 1024;

describe('the Zalo OA webhook', () => {
  let h: Harness;
  let member: OaUser;
  let url: string;
  const lines: LogLine[] = [];
  let seq = 0;

  const logged = (msg: string) => lines.filter((l) => l.msg === msg);
  /** A user event as Zalo shapes it (fact sheet §2.4), from the member to our OA unless told otherwise. */
  const userEvent = (eventName: string, over: Record<string, unknown> = {}) => ({
    app_id: h.oa!.appId,
    event_name: eventName,
    timestamp: String(Date.now()),
    sender: { id: member.id },
    recipient: { id: h.oa!.oaId },
    message: { msg_id: `webhook-test-${++seq}`, text: '/viec' },
    ...over,
  });
  /** Posts an event signed as Zalo signs it; the HTTP status. */
  const signed = async (event: Record<string, unknown>) => (await h.oa!.deliver(event)).status;
  /** Posts exact bytes with the given signature header (`valid`: computed as Zalo would, over these bytes). */
  const raw = async (body: string, signature: 'valid' | string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature === 'valid')
      headers['x-zevent-signature'] = signOaWebhook(body, bodyTimestamp(Buffer.from(body)) ?? '', { appId: h.oa!.appId, oaSecretKey: h.oa!.oaSecretKey });
    else if (signature !== null) headers['x-zevent-signature'] = signature;
    const r = await fetch(url, { method: 'POST', headers, body });
    await r.arrayBuffer();
    return r.status;
  };
  /** Everything an event could have changed: what the OA sent, the claims, the outbox. */
  const effects = async () => {
    await h.idle();
    return {
      sent: h.oa!.messages.length,
      claims: await h.db.db.processedUpdate.count(),
      outbox: await h.db.db.outbox.count(),
    };
  };

  beforeAll(async () => {
    const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) });
    h = await createHarness({ zaloOa: true, logger });
    await h.importSample();
    url = h.zaloWebhookUrl.replace(ZALO_WEBHOOK_PATH, ZALO_OA_WEBHOOK_PATH);
    member = oaUser(h, 'Đào Quang Vinh');
    await linkOaUser(h, member, 'TCKH-03');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers 200 to events it does not use, stores nothing, and logs each; an unsupported message gets a few words', async () => {
    const before = await effects();
    const names = [
      'user_reacted_message',
      'user_submit_info',
      'user_click_chatnow',
      'shop_has_order',
      'change_template_status',
      'permission_revoked',
      'some_future_event',
    ];
    for (const name of names) expect(await signed(userEvent(name))).toBe(200);
    expect(await signed({ ...userEvent('user_seen_message'), message: { msg_ids: ['m1', 'm2'] } })).toBe(200);
    expect(await signed({ ...userEvent('anonymous_send_text'), sender: { id: 'anon-1' } })).toBe(200);
    expect(await effects()).toEqual(before);
    const ignored = logged('zalo oa event ignored');
    expect(ignored.map((l) => l.event)).toEqual(expect.arrayContaining([...names, 'user_seen_message', 'anonymous_send_text']));

    await h.oa!.userSendsSticker(member.id);
    await h.idle();
    expect(member.last()).toBe('Hệ thống chưa xử lý được loại tin nhắn này. Đồng chí vui lòng gửi văn bản, ảnh hoặc dùng các lệnh trong /trogiup.');
  });

  it('a message from someone who does not follow cannot be answered (-213): logged as information, not as an error', async () => {
    const stranger = oaUser(h, 'Lý Thị Hoa');
    await stranger.say('Cho hỏi thủ tục cấp giấy phép xây dựng');
    expect(stranger.texts()).toEqual([]);
    expect(logged('zalo oa: cannot answer someone who does not follow the OA')).toHaveLength(1);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('ignores an event for another OA or another app id, and logs it', async () => {
    const before = await effects();
    expect(await signed(userEvent('user_send_text', { recipient: { id: '9990001112223334445' } }))).toBe(200);
    expect(await signed(userEvent('user_send_text', { app_id: '1110002223334445556' }))).toBe(200);
    expect(await signed({ ...userEvent('follow'), oa_id: '9990001112223334445', follower: { id: member.id } })).toBe(200);
    expect(await effects()).toEqual(before);
    expect(logged('zalo oa: event for another OA ignored').length).toBeGreaterThanOrEqual(2);
    expect(logged('zalo oa: event for another app ignored')).toHaveLength(1);
  });

  it('ignores group chats (Zalo GMF), whichever of the reported shapes they come in, and logs them', async () => {
    const before = await effects();
    const group = { id: '7770001112223334445' };
    // One source: recipient.id is the group. Another: recipient is the OA, the group in group_id / conversation_id.
    expect(await signed(userEvent('user_send_group_text', { recipient: group }))).toBe(200);
    expect(await signed(userEvent('user_send_group_text', { recipient: { id: h.oa!.oaId, group_id: group.id } }))).toBe(200);
    expect(
      await signed(
        userEvent('user_send_group_image', {
          message: { msg_id: `g-${++seq}`, conversation_id: group.id, attachments: [{ type: 'image', payload: { url: 'https://zalo.example/a.jpg' } }] },
        }),
      ),
    ).toBe(200);
    expect(await signed(userEvent('user_join_group', { recipient: group, message: undefined }))).toBe(200);
    expect(await signed({ ...userEvent('oa_send_group_text'), sender: { id: h.oa!.oaId }, recipient: group })).toBe(200);
    expect(await effects()).toEqual(before);
    expect(
      logged('zalo oa event ignored')
        .filter((l) => l.reason === 'group')
        .map((l) => l.event),
    ).toEqual(['user_send_group_text', 'user_send_group_text', 'user_send_group_image', 'user_join_group', 'oa_send_group_text']);
  });

  it('answers 400 to a signed body that is no OA event, 401 to one whose signature cannot be checked, 413 over 1 MiB; none has an effect', async () => {
    const before = await effects();
    const ts = String(Date.now());
    expect(await raw(JSON.stringify({ timestamp: ts, hello: 'world' }), 'valid')).toBe(400);
    expect(await raw(JSON.stringify({ ok: true, timestamp: ts, result: userEvent('user_send_text') }), 'valid')).toBe(400);
    expect(await raw(JSON.stringify({ ...userEvent('user_send_text'), sender: undefined }), 'valid')).toBe(400);
    expect(await raw(JSON.stringify({ ...userEvent('user_send_text'), message: { text: '/viec' } }), 'valid')).toBe(400);
    expect(await raw(JSON.stringify({ ...userEvent('user_send_text'), message: { msg_id: 'no-text' } }), 'valid')).toBe(400);
    expect(await raw(JSON.stringify({ app_id: h.oa!.appId, event_name: 'follow', oa_id: h.oa!.oaId, timestamp: ts }), 'valid')).toBe(400);
    expect(logged('zalo oa webhook: unreadable event')).toHaveLength(6);
    // The MAC takes the body's own timestamp: a body that is not JSON, or has none, cannot be verified, so it is refused.
    for (const body of ['{not json', '[]', JSON.stringify({ ...userEvent('user_send_text'), timestamp: undefined })]) {
      expect(await raw(body, signOaWebhook(body, '', { appId: h.oa!.appId, oaSecretKey: h.oa!.oaSecretKey }))).toBe(401);
    }
    const big = JSON.stringify(userEvent('user_send_text', { message: { msg_id: `big-${++seq}`, text: `/viec ${'a'.repeat(MIB)}` } }));
    expect(await raw(big, 'valid')).toBe(413);
    expect(logged('zalo oa webhook: unreadable event')).toHaveLength(6);
    expect(await effects()).toEqual(before);
  });

  it('checks the signature before the event is read: forged or missing signatures get 401, unread', async () => {
    const before = await effects();
    const unreadable = logged('zalo oa webhook: unreadable event').length;
    const forged = `mac=${'ab'.repeat(32)}`;
    // Not an event, but forged: refused for the signature, never parsed as an event (no "unreadable event").
    expect(await raw(JSON.stringify({ timestamp: String(Date.now()), hello: 'world' }), forged)).toBe(401);
    expect(await raw('{not json', forged)).toBe(401);
    // A real event, signed with another key or for another app.
    const event = JSON.stringify(userEvent('user_send_text'));
    expect(await raw(event, signOaWebhook(event, bodyTimestamp(Buffer.from(event))!, { appId: h.oa!.appId, oaSecretKey: 'not-the-key' }))).toBe(401);
    expect(await raw(event, signOaWebhook(event, bodyTimestamp(Buffer.from(event))!, { appId: 'another-app', oaSecretKey: h.oa!.oaSecretKey }))).toBe(401);
    // A body over 1 MiB with no signature, or one that cannot be a SHA-256, is refused before it is read.
    const big = JSON.stringify(userEvent('user_send_text', { message: { msg_id: `big-${++seq}`, text: 'a'.repeat(MIB) } }));
    expect(await raw(big, null)).toBe(401);
    expect(await raw(big, 'mac=not-a-signature')).toBe(401);
    // A well-formed one has to be checked over the body: the body is read only up to the limit.
    expect(await raw(big, forged)).toBe(413);
    expect(logged('zalo oa webhook: unreadable event')).toHaveLength(unreadable);
    expect(await effects()).toEqual(before);
  });

  it('answers at once and keeps the order of one chat: a whole dialog posted without waiting, buttons included', async () => {
    const head = oaUser(h, 'Võ Thanh Sơn');
    await linkOaUser(h, head, 'TCKH-01');
    const before = head.texts().length;
    const steps = [
      '/giaoviec',
      'dao quang vinh',
      'Lập kế hoạch kiểm kê tài sản cuối năm',
      'Kế hoạch kiểm kê được Trưởng phòng ký ban hành',
      '15/12 10:00',
      // What the "Thường" and "Giao việc" buttons carry, pressed as fast as they come.
      actionPayload(encodeAction('dialog.pick', 'NORMAL')),
      actionPayload(encodeAction('dialog.pick', 'yes')),
    ];
    // Posted back to back: each is answered 200 before the previous one was handled.
    for (const text of steps) expect((await h.oa!.userSendsText(head.id, text)).status).toBe(200);
    await h.idle();
    const replies = head.since(before);
    expect(replies.map((t) => /bước (\d)\/5/.exec(t)?.[1] ?? '')).toEqual(['1', '2', '3', '4', '5', '', '']);
    expect(replies.at(-1)).toMatch(/Đã giao nhiệm vụ NV-2026-0001 cho đ\/c Đào Quang Vinh/);
    // The payloads posted are those of the buttons the head was shown.
    const shown = h.oa!.messagesTo(head.id).flatMap((m) => m.buttons ?? []);
    expect(shown.find((b) => b.title === 'Thường')?.payload).toBe(steps[5]);
    expect(shown.find((b) => b.title === 'Giao việc')?.payload).toBe(steps[6]);
    expect(member.last()).toContain('📌 Nhiệm vụ mới NV-2026-0001');
    expect(member.last()).toContain('Mức độ: Thường');
    expect(member.buttons()).toEqual(['Nhận việc', 'Xin gia hạn', 'Từ chối / đề xuất chuyển']);
  });
});
