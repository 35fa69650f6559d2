import { describe, expect, test as base } from 'vitest';
import type { Harness } from '../support/app-harness.js';
import { sampleHarness } from '../support/harness-fixture.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { unitPool } from '../support/zalo-pair.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// One identity, two channels: a unit's member is linked on Telegram and then on Zalo (Telegram stays preferred); its
// head, on Telegram, assigns. One harness per file; each test takes a unit no other test uses, links its people in
// fresh chats and gives its own tasks, reading their codes back, so no test continues another's state.
const nextUnit = unitPool('zalo-channels');

interface Given {
  h: Harness;
  head: TelegramUser;
  onTelegram: TelegramUser;
  onZalo: ZaloUser;
  memberId: number;
  /** Gives the member a task through the use case, due Fri 11/12 16:00. */
  assign(title: string): Promise<{ id: number; code: string }>;
}

const test = base.extend<{ $test: { given: Given }; $file: { harness: Harness } }>({
  // A short back-off, so the retry after a first 403 does not slow the test down.
  harness: sampleHarness({ workerOptions: { deliveryBackoffMs: 100 } }),
  given: async ({ harness: h }, use) => {
    const unit = nextUnit();
    const headId = await h.officialId(`${unit}-01`);
    const memberId = await h.officialId(`${unit}-03`);
    // Telegram user ids of this unit's people only: 5,000,000 + the official's row id.
    const head = telegramUser(h, await h.link(`${unit}-01`, 5_000_000 + headId));
    const onTelegram = telegramUser(h, await h.link(`${unit}-03`, 5_000_000 + memberId));
    const onZalo = zaloUser(h, `member-${unit}`);
    await h.linkZalo(`${unit}-03`, onZalo.id);
    await h.idle();
    await use({
      h,
      head,
      onTelegram,
      onZalo,
      memberId,
      assign: (title) =>
        h.give(headId, memberId, { title, expectedResult: 'Báo cáo bằng văn bản gửi Trưởng phòng', deadline: new Date('2026-12-11T09:00:00Z') }),
    });
  },
});

/** The member makes Zalo the preferred channel by typing /kenh zalo there. */
async function preferZalo({ h, onZalo, memberId }: Given): Promise<void> {
  await onZalo.command('kenh', 'zalo');
  expect(onZalo.last()).toContain('Từ nay thông báo được gửi cho đồng chí qua Zalo');
  expect((await h.db.db.official.findUniqueOrThrow({ where: { id: memberId } })).preferredChannel).toBe('ZALO');
}

const zaloIdentity = ({ h, memberId }: Given) => h.db.db.chatIdentity.findFirstOrThrow({ where: { officialId: memberId, channel: 'ZALO' } });

describe('an official on Telegram and Zalo: the preferred channel, the fallback, replies on either', () => {
  test('shows the channel in use and switches to Zalo with /kenh zalo', async ({ given }) => {
    const { onZalo } = given;
    await onZalo.command('kenh');
    expect(onZalo.last()).toContain('Thông báo đang được gửi cho đồng chí qua Telegram');
    expect(onZalo.last()).toContain('Telegram, Zalo');
    await onZalo.command('kenh', 'vietel');
    expect(onZalo.last()).toBe('Dùng: /kenh telegram, /kenh zalo hoặc /kenh oa (Zalo OA của đơn vị).');
    await preferZalo(given);
  });

  test('sends notifications to the preferred channel only; a reply on the other channel acts on the same item', async ({ given }) => {
    const { h, head, onTelegram, onZalo, assign } = given;
    await preferZalo(given);
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

  test('falls back to Telegram when Zalo keeps refusing (403), with a notice, and the Telegram buttons act on the item', async ({ given }) => {
    const { h, onTelegram, onZalo, assign } = given;
    await preferZalo(given);
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
    expect((await zaloIdentity(given)).unreachableAt).not.toBeNull();
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

  test('goes back to Zalo once the official writes there again', async ({ given }) => {
    const { h, onTelegram, onZalo, assign } = given;
    // Zalo preferred, then refused until the chat counts as unreachable: this task and the next go to Telegram.
    await preferZalo(given);
    h.zalo.blockChat(onZalo.id);
    const rerouted = await assign('Rà soát danh mục đầu tư công trung hạn');
    expect((await zaloIdentity(given)).unreachableAt).not.toBeNull();
    const waiting = await assign('Tổng hợp báo cáo thu chi quý IV');
    expect(onTelegram.last()).toContain(`📌 Nhiệm vụ mới ${waiting.code}`);

    h.zalo.unblockChat(onZalo.id);
    await onZalo.command('viec');
    expect(onZalo.last()).toContain(waiting.code);
    expect(onZalo.last()).toContain(rerouted.code);
    expect((await zaloIdentity(given)).unreachableAt).toBeNull();
    const task = await assign('Kiểm tra hồ sơ quyết toán dự án trường học');
    expect(onZalo.last()).toContain(`📌 Nhiệm vụ mới ${task.code}`);
    await onZalo.say('1');
    expect(onZalo.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${task.code}`);
  });

  test('switches back to Telegram with /kenh telegram, typed on Telegram', async ({ given }) => {
    const { h, onTelegram, onZalo, memberId, assign } = given;
    await preferZalo(given);
    await onTelegram.command('kenh', 'telegram');
    expect(onTelegram.last()).toContain('qua Telegram');
    expect((await h.db.db.official.findUniqueOrThrow({ where: { id: memberId } })).preferredChannel).toBe('TELEGRAM');
    const zaloBefore = onZalo.texts().length;
    const task = await assign('Chuẩn bị số liệu họp giao ban tháng 12');
    expect(onTelegram.last()).toContain(`📌 Nhiệm vụ mới ${task.code}`);
    expect(onZalo.texts().length).toBe(zaloBefore);
  });

  test('refuses a channel that is not linked', async ({ given: { head } }) => {
    await head.command('kenh', 'zalo');
    expect(head.last()).toContain('chưa liên kết tài khoản Zalo');
  });
});
