import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// One identity, two channels: member TCKH-03 is linked on Telegram and on Zalo; head TCKH-01 assigns.
describe('an official on Telegram and Zalo: the preferred channel, the fallback, replies on either', () => {
  let h: Harness;
  let head: TelegramUser;
  let onTelegram: TelegramUser;
  let onZalo: ZaloUser;
  let headId: number;
  let memberId: number;

  const assign = (title: string) =>
    h.give(headId, memberId, { title, expectedResult: 'Báo cáo bằng văn bản gửi Trưởng phòng', deadline: new Date('2026-12-11T09:00:00Z') });

  beforeAll(async () => {
    // A short back-off, so the retry after a first 403 does not slow the test down.
    h = await createHarness({ workerOptions: { deliveryBackoffMs: 100 } });
    await h.importSample();
    head = telegramUser(h, await h.link('TCKH-01', 1001));
    onTelegram = telegramUser(h, await h.link('TCKH-03', 1003));
    onZalo = zaloUser(h, 'vinh');
    await h.linkZalo('TCKH-03', onZalo.id);
    headId = await h.officialId('TCKH-01');
    memberId = await h.officialId('TCKH-03');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the channel in use and switches to Zalo with /kenh zalo', async () => {
    await onZalo.command('kenh');
    expect(onZalo.last()).toContain('Thông báo đang được gửi cho đồng chí qua Telegram');
    expect(onZalo.last()).toContain('Telegram, Zalo');
    await onZalo.command('kenh', 'vietel');
    expect(onZalo.last()).toBe('Dùng: /kenh telegram, /kenh zalo hoặc /kenh oa (Zalo OA của đơn vị).');
    await onZalo.command('kenh', 'zalo');
    expect(onZalo.last()).toContain('Từ nay thông báo được gửi cho đồng chí qua Zalo');
    expect((await h.db.db.official.findUniqueOrThrow({ where: { id: memberId } })).preferredChannel).toBe('ZALO');
  });

  it('sends notifications to the preferred channel only; a reply on the other channel acts on the same item', async () => {
    const telegramBefore = onTelegram.texts().length;
    const task = await assign('Tổng hợp dự toán ngân sách năm 2027');
    expect(onZalo.last()).toContain(`📌 Nhiệm vụ mới ${task.code}`);
    expect(onTelegram.texts().length).toBe(telegramBefore);
    // Accepted from Telegram with the typed command, though the notification came on Zalo.
    await onTelegram.command('nhan', task.code);
    expect(onTelegram.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${task.code}`);
    expect(head.last()).toContain(`✅ ${task.code} đã được nhận`);
    // And the Zalo numbers of that notification now meet a task already accepted: a clear refusal, no change.
    await onZalo.say('1');
    expect(onZalo.last()).not.toContain('Đồng chí đã nhận');
    expect(await h.db.db.taskEvent.count({ where: { taskId: task.id, kind: 'ACCEPTED' } })).toBe(1);
  });

  it('falls back to Telegram when Zalo keeps refusing (403), with a notice, and the Telegram buttons act on the item', async () => {
    h.zalo.blockChat(onZalo.id);
    const telegramBefore = onTelegram.texts().length;
    const task = await assign('Rà soát danh mục đầu tư công trung hạn');
    // Zalo's 403 is retried once (it is labelled "Internal server error"), then the chat counts as unreachable.
    const refused = h.zalo.callsForChat(onZalo.id).filter((c) => !c.outcome.ok);
    expect(refused.length).toBe(2);
    const moved = onTelegram.since(telegramBefore);
    expect(moved[0]).toContain('không gửi được tin nhắn cho đồng chí qua Zalo nên chuyển sang gửi qua Telegram');
    expect(moved[1]).toContain(`📌 Nhiệm vụ mới ${task.code}`);
    expect(onTelegram.buttons().map((b) => b.text)).toEqual(['Nhận việc', 'Xin gia hạn', 'Từ chối / đề xuất chuyển']);
    const zaloIdentity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { officialId: memberId, channel: 'ZALO' } });
    expect(zaloIdentity.unreachableAt).not.toBeNull();
    const original = await h.db.db.outbox.findFirstOrThrow({ where: { channel: 'ZALO', chatId: onZalo.id, status: 'UNREACHABLE' } });
    expect(original.lastError).toBe('rerouted to TELEGRAM');

    await onTelegram.press('Nhận việc');
    expect(onTelegram.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${task.code}`);

    // While Zalo is unreachable, new notifications go straight to Telegram.
    const zaloCalls = h.zalo.callsForChat(onZalo.id).length;
    const next = await assign('Tổng hợp báo cáo thu chi quý IV');
    expect(onTelegram.last()).toContain(`📌 Nhiệm vụ mới ${next.code}`);
    expect(h.zalo.callsForChat(onZalo.id).length).toBe(zaloCalls);
  });

  it('goes back to Zalo once the official writes there again', async () => {
    h.zalo.unblockChat(onZalo.id);
    await onZalo.command('viec');
    expect(onZalo.last()).toContain('NV-2026-0003');
    const task = await assign('Kiểm tra hồ sơ quyết toán dự án trường học');
    expect(onZalo.last()).toContain(`📌 Nhiệm vụ mới ${task.code}`);
    await onZalo.say('1');
    expect(onZalo.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${task.code}`);
  });

  it('switches back to Telegram with /kenh telegram, typed on Telegram', async () => {
    await onTelegram.command('kenh', 'telegram');
    expect(onTelegram.last()).toContain('qua Telegram');
    const task = await assign('Chuẩn bị số liệu họp giao ban tháng 12');
    expect(onTelegram.last()).toContain(`📌 Nhiệm vụ mới ${task.code}`);
  });

  it('refuses a channel that is not linked', async () => {
    await head.command('kenh', 'zalo');
    expect(head.last()).toContain('chưa liên kết tài khoản Zalo');
  });
});
