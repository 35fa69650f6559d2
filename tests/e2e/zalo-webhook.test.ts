import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, ZALO_WEBHOOK_SECRET, type Harness } from '../support/app-harness.js';
import { zaloText, zaloUnsupported } from '../support/updates.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// What reaches the Zalo webhook, good and bad: secrets, body shapes, repeats, events we do not use, size, order.
describe('the Zalo webhook', () => {
  let h: Harness;
  let member: ZaloUser;

  const raw = (body: string, headers: Record<string, string> = {}) =>
    fetch(h.zaloWebhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': ZALO_WEBHOOK_SECRET, ...headers },
      body,
    }).then(async (r) => (await r.arrayBuffer(), r.status));

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    member = zaloUser(h, 'vinh');
    await h.linkZalo('TCKH-03', member.id);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a forged event with 401 and does nothing with it', async () => {
    const before = h.zalo.callsTo('sendMessage').length;
    const claims = await h.db.db.processedUpdate.count();
    expect(await h.postZalo(zaloText(member.id, '/viec'), { secret: 'not-the-secret' })).toBe(401);
    expect(await h.postZalo(zaloText(member.id, '/viec'), { secret: null })).toBe(401);
    expect(await h.postZalo(zaloText(member.id, '/viec'), { secret: `${ZALO_WEBHOOK_SECRET}x` })).toBe(401);
    await h.idle();
    expect(h.zalo.callsTo('sendMessage').length).toBe(before);
    expect(await h.db.db.processedUpdate.count()).toBe(claims);
  });

  it('accepts the documented wrapped body and the flat body seen live', async () => {
    const before = member.texts().length;
    expect(await h.postZalo(zaloText(member.id, '/lang xx'), { shape: 'wrapped' })).toBe(200);
    expect(await h.postZalo(zaloText(member.id, '/lang yy'), { shape: 'flat' })).toBe(200);
    expect(member.since(before)).toEqual(['Dùng: /lang vi hoặc /lang en.', 'Dùng: /lang vi hoặc /lang en.']);
  });

  it('gives a repeated message_id one effect', async () => {
    const event = zaloText(member.id, '/lang en');
    const before = member.texts().length;
    expect(await h.postZalo(event)).toBe(200);
    expect(await h.postZalo(event, { shape: 'flat' })).toBe(200);
    expect(member.since(before)).toEqual(['Language set to English.']);
    await member.command('lang', 'vi');
  });

  it('ignores unknown events, bots and group chats; answers an unsupported message in a few words', async () => {
    const before = h.zalo.callsTo('sendMessage').length;
    expect(await h.postZalo({ event_name: 'message.reaction.received', message: { ...zaloText(member.id, '').message, text: undefined } })).toBe(200);
    expect(await h.postZalo({ event_name: 'bot.added.to.group' })).toBe(200);
    expect(await h.postZalo(zaloText(member.id, '/viec', { chatType: 'GROUP', chatId: 'group-1' }))).toBe(200);
    const fromBot = zaloText(member.id, '/viec');
    fromBot.message.from.is_bot = true;
    expect(await h.postZalo(fromBot)).toBe(200);
    expect(await h.postZalo(zaloUnsupported(member.id, { withMessage: false }))).toBe(200);
    expect(h.zalo.callsTo('sendMessage').length).toBe(before);

    expect(await h.postZalo(zaloUnsupported(member.id))).toBe(200);
    expect(member.last()).toBe('Hệ thống chưa xử lý được loại tin nhắn này. Đồng chí vui lòng gửi văn bản, ảnh hoặc dùng các lệnh trong /trogiup.');
  });

  it('answers 400 to a body that is not a Zalo event and 413 to one over 1 MiB', async () => {
    expect(await raw('{not json')).toBe(400);
    expect(await raw(JSON.stringify({ ok: true, result: { event_name: 'message.text.received' } }))).toBe(400);
    expect(await raw(JSON.stringify({ hello: 'world' }))).toBe(400);
    const big = JSON.stringify({ event_name: 'message.text.received', message: { ...zaloText(member.id, 'x').message, text: 'a'.repeat(1024 * 1024) } });
    expect(await raw(big)).toBe(413);
    // The secret is checked first: a forged big body is refused without being read.
    expect(await raw(big, { 'x-bot-api-secret-token': 'forged-secret' })).toBe(401);
  });

  it('answers at once and keeps the order of one chat: a whole dialog posted without waiting', async () => {
    const head = zaloUser(h, 'son');
    await h.linkZalo('TCKH-01', head.id);
    const steps = [
      '/giaoviec',
      'dao quang vinh',
      'Lập kế hoạch kiểm kê tài sản cuối năm',
      'Kế hoạch kiểm kê được Trưởng phòng ký ban hành',
      '15/12 10:00',
      '3',
      '1',
    ];
    // Posted back to back: each is answered 200 before the previous one was handled.
    for (const text of steps) expect(await h.zalo.postWebhook(h.zaloWebhookUrl, zaloText(head.id, text), { secret: ZALO_WEBHOOK_SECRET })).toBe(200);
    await h.idle();
    expect(head.last()).toMatch(/Đã giao nhiệm vụ NV-2026-0001 cho đ\/c Đào Quang Vinh/);
    expect(member.last()).toContain('📌 Nhiệm vụ mới NV-2026-0001');
    expect(member.last()).toContain('Mức độ: Thường');
  });
});
