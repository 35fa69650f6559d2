import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// Phòng Tài chính – Kế hoạch: head TCKH-01 assigns to member TCKH-03; their superiors are UB-02 then UB-01.
describe('a task on Telegram, from assignment to confirmation', () => {
  let h: Harness;
  let head: TelegramUser;
  let member: TelegramUser;

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    head = telegramUser(h, await h.link('TCKH-01', 1001));
    member = telegramUser(h, await h.link('TCKH-03', 1003));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('links both accounts with their invite codes', () => {
    expect(head.last()).toContain('Võ Thanh Sơn');
    expect(member.last()).toContain('Đào Quang Vinh');
  });

  it('assigns step by step, refusing what is not clear, and the assignee gets the task with its buttons', async () => {
    await head.command('giaoviec');
    expect(head.last()).toContain('bước 1/5');
    await head.say('dao quang vinh'); // no diacritics: the fallback search finds him
    expect(head.last()).toContain('bước 2/5');
    await head.say('Tổng hợp dự toán ngân sách năm 2027');
    await head.say('ok');
    expect(head.last()).toContain('rõ hiệu quả'); // too short: "5 rõ" refuses
    await head.say('Bảng dự toán theo mẫu của Sở Tài chính, trình UBND huyện');
    await head.say('hôm qua');
    expect(head.last()).toMatch(/Chưa đọc được thời hạn|Thời hạn đã qua/);
    await head.say('11/12 16:00');
    expect(head.last()).toContain('bước 5/5');
    await head.press('Ưu tiên');
    expect(head.last()).toContain('16:00 11/12/2026');
    await head.press('Giao việc');
    expect(head.last()).toMatch(/Đã giao nhiệm vụ NV-2026-0001 cho đ\/c Đào Quang Vinh/);

    const notice = member.last();
    expect(notice).toContain('📌 Nhiệm vụ mới NV-2026-0001');
    expect(notice).toContain('Người giao: đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch');
    expect(notice).toContain('Thời hạn: 16:00 11/12/2026 · Mức độ: Ưu tiên');
    // HIGH: 2 working hours to accept, from Monday 09:00.
    expect(notice).toContain('trước 11:00 07/12/2026');
    expect(member.buttons().map((b) => b.text)).toEqual(['Nhận việc', 'Xin gia hạn', 'Từ chối / đề xuất chuyển']);
  });

  it('accepts, reports progress with a photo forwarded to the assigner, completes, and the head confirms', async () => {
    await member.press('Nhận việc');
    expect(member.last()).toContain('Đồng chí đã nhận nhiệm vụ NV-2026-0001');
    expect(head.last()).toContain('✅ NV-2026-0001 đã được nhận');

    await member.command('baocao');
    expect(member.last()).toContain('Báo cáo tiến độ NV-2026-0001');
    await member.say('40');
    await member.photo('photo-file-1', 'Đã tổng hợp xong 3/7 phòng');
    expect(member.last()).toContain('40%');
    const toHead = h.tg.callsForChat(1001);
    const photo = toHead.find((c) => c.method === 'sendPhoto');
    expect(photo?.params.photo).toBe('photo-file-1');
    expect(head.texts().some((t) => t.includes('📈 Báo cáo tiến độ NV-2026-0001: 40%') && t.includes('Đã tổng hợp xong 3/7 phòng'))).toBe(true);

    await member.press('Báo cáo hoàn thành');
    await member.say('Đã trình dự toán, kèm công văn số 125/TCKH');
    expect(head.last()).toContain('🏁 NV-2026-0001 báo cáo hoàn thành');
    await head.press('Xác nhận hoàn thành');
    expect(member.last()).toContain('🟢 NV-2026-0001 đã được xác nhận hoàn thành');
    const task = await h.db.db.task.findUniqueOrThrow({ where: { code: 'NV-2026-0001' } });
    expect(task.status).toBe('CLOSED');
    const events = await h.db.db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['CREATED', 'ACCEPTED', 'PROGRESS_REPORTED', 'COMPLETED', 'CONFIRMED']);
    expect(events[2]!.attachmentRef).toBe('photo-file-1');
    // Accepted and done: no clock runs any more.
    expect(await h.db.db.clock.count({ where: { itemId: task.id, state: 'ACTIVE' } })).toBe(0);
  });

  it('lists open work with /viec, paged, each task with its button', async () => {
    await member.command('viec');
    expect(member.last()).toContain('không có việc nào');
    for (let i = 1; i <= 7; i++) {
      await assignTask(h.app, OfficialId(await h.officialId('TCKH-01')), {
        assigneeId: OfficialId(await h.officialId('TCKH-03')),
        title: `Kiểm tra hồ sơ thanh toán đợt ${i}`,
        expectedResult: 'Biên bản kiểm tra',
        deadline: new Date(Date.UTC(2026, 11, 10 + i, 9)),
        priority: 'NORMAL',
      });
    }
    await h.idle();
    await member.command('viec');
    const page1 = member.last();
    expect(page1).toContain('📋 Việc cần đồng chí xử lý (7)');
    expect(page1).toContain('Trang 1/2');
    expect(page1).toContain('⚪ NV-2026-0002 · Kiểm tra hồ sơ thanh toán đợt 1 · hạn 16:00 11/12/2026 · Chờ nhận việc');
    expect(member.buttons().map((b) => b.text)).toHaveLength(6); // five tasks and "Sau ›"
    await member.press('Sau ›');
    expect(member.last()).toContain('Trang 2/2');
    expect(member.last()).toContain('đợt 7');
    await member.press('NV-2026-0008');
    expect(member.last()).toContain('Trạng thái: Chờ nhận việc');
    expect(member.buttons().map((b) => b.text)).toContain('Nhận việc');
  });
});
