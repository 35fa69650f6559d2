// A task's life, from the assignment dialog to confirmation, in process (tests/support/app-fixture.ts): each test
// sets up what it needs on its own copy of the sample district. Phòng Tài chính – Kế hoạch: head TCKH-01 assigns to
// member TCKH-03. The photo as Telegram sends it stays in tests/e2e/task-lifecycle.test.ts.
import { describe, expect } from 'vitest';
import { completeTask, reportProgress } from '../../src/app/tasks/work-on-task.js';
import { OfficialId, type TaskId } from '../../src/domain/ids.js';
import { test, type AppFixture, type FixturePerson } from '../support/app-fixture.js';

const cast = async (fx: AppFixture) => ({ head: await fx.person('TCKH-01'), member: await fx.person('TCKH-03') });
const memberId = async (fx: AppFixture) => OfficialId(await fx.officialId('TCKH-03'));

const give = (fx: AppFixture, title = 'Tổng hợp dự toán ngân sách năm 2027') =>
  fx.give('TCKH-01', 'TCKH-03', {
    title,
    expectedResult: 'Bảng dự toán theo mẫu của Sở Tài chính, trình UBND huyện',
    deadline: new Date('2026-12-11T09:00:00Z'), // 16:00 11/12/2026 in Hà Nội
    priority: 'HIGH',
  });

/** Given and accepted by the member's own press (its answer carries the buttons for the work that follows). */
async function accepted(fx: AppFixture, member: FixturePerson): Promise<TaskId> {
  const task = await give(fx);
  await member.press('Nhận việc');
  return task.id;
}

describe('a task on Telegram, from assignment to confirmation', () => {
  // Everyone else starts linked by the template; this one links through the router, replacing that link.
  test('links both accounts with their invite codes', async ({ fx }) => {
    const earlier = await fx.person('TCKH-03');
    const head = await fx.link('TCKH-01', 1001);
    const member = await fx.link('TCKH-03', 1003);
    expect(head.last()).toContain('Đã liên kết tài khoản này với đồng chí Võ Thanh Sơn');
    expect(member.last()).toContain('Đã liên kết tài khoản này với đồng chí Đào Quang Vinh');
    expect((await fx.person('TCKH-03')).id).toBe(1003);
    await earlier.say('/trogiup');
    expect(earlier.last()).toContain('chưa được liên kết với cán bộ nào');
  });

  test('assigns step by step, refusing what is not clear, and the assignee gets the task with its buttons', async ({ fx }) => {
    const { head, member } = await cast(fx);
    await head.say('/giaoviec');
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
    expect(member.buttons().map((b) => b.label)).toEqual(['Nhận việc', 'Xin gia hạn', 'Từ chối / đề xuất chuyển']);
  });

  test('accepting tells the assigner', async ({ fx }) => {
    const { head, member } = await cast(fx);
    await give(fx);
    await member.press('Nhận việc');
    expect(member.last()).toContain('Đồng chí đã nhận nhiệm vụ NV-2026-0001');
    expect(head.last()).toContain('✅ NV-2026-0001 đã được nhận');
  });

  test('a progress report with a photo is forwarded to the assigner with the photo', async ({ fx }) => {
    const { head, member } = await cast(fx);
    const taskId = await accepted(fx, member);
    await member.say('/baocao');
    expect(member.last()).toContain('Báo cáo tiến độ NV-2026-0001');
    await member.say('40');
    await member.file('photo', 'photo-file-1', 'Đã tổng hợp xong 3/7 phòng');
    expect(member.last()).toContain('40%');
    const photo = head.lines().find((l) => l.attachment?.type === 'photo');
    expect(photo?.attachment?.source).toEqual({ kind: 'channel-file', channel: 'TELEGRAM', fileRef: 'photo-file-1' });
    expect(head.texts().some((t) => t.includes('📈 Báo cáo tiến độ NV-2026-0001: 40%') && t.includes('Đã tổng hợp xong 3/7 phòng'))).toBe(true);
    const event = await fx.db.taskEvent.findFirstOrThrow({ where: { taskId, kind: 'PROGRESS_REPORTED' } });
    expect(event.attachmentRef).toBe('photo-file-1');
  });

  test('completes and the head confirms: the task closes with its whole history and no clock runs', async ({ fx }) => {
    const { head, member } = await cast(fx);
    const taskId = await accepted(fx, member);
    await reportProgress(fx.app, await memberId(fx), taskId, 40, 'Đã tổng hợp xong 3/7 phòng', {
      channel: 'TELEGRAM',
      file: { kind: 'photo', ref: 'photo-file-1' },
    });
    await fx.deliver();
    await member.press('Báo cáo hoàn thành');
    await member.say('Đã trình dự toán, kèm công văn số 125/TCKH');
    expect(head.last()).toContain('🏁 NV-2026-0001 báo cáo hoàn thành');
    await head.press('Xác nhận hoàn thành');
    expect(member.last()).toContain('🟢 NV-2026-0001 đã được xác nhận hoàn thành');
    const task = await fx.db.task.findUniqueOrThrow({ where: { id: taskId } });
    expect(task.status).toBe('CLOSED');
    const events = await fx.db.taskEvent.findMany({ where: { taskId }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['CREATED', 'ACCEPTED', 'PROGRESS_REPORTED', 'COMPLETED', 'CONFIRMED']);
    expect(events[2]!.attachmentRef).toBe('photo-file-1');
    // Accepted and done: no clock runs any more.
    expect(await fx.db.clock.count({ where: { itemId: taskId, state: 'ACTIVE' } })).toBe(0);
  });

  test('with nothing open, /viec says so', async ({ fx }) => {
    const { member } = await cast(fx);
    await member.say('/viec');
    expect(member.last()).toContain('không có việc nào');
  });

  test('a closed task is not open work', async ({ fx }) => {
    const { head, member } = await cast(fx);
    const taskId = await accepted(fx, member);
    await completeTask(fx.app, await memberId(fx), taskId, 'Đã trình dự toán');
    await fx.deliver();
    await head.press('Xác nhận hoàn thành');
    await member.say('/viec');
    expect(member.last()).toContain('không có việc nào');
  });

  test('lists open work with /viec, paged, each task with its button', async ({ fx }) => {
    const { member } = await cast(fx);
    for (let i = 1; i <= 7; i++) {
      await fx.give('TCKH-01', 'TCKH-03', {
        title: `Kiểm tra hồ sơ thanh toán đợt ${i}`,
        expectedResult: 'Biên bản kiểm tra',
        deadline: new Date(Date.UTC(2026, 11, 10 + i, 9)),
        priority: 'NORMAL',
      });
    }
    await member.say('/viec');
    const page1 = member.last();
    expect(page1).toContain('📋 Việc cần đồng chí xử lý (7)');
    expect(page1).toContain('Trang 1/2');
    expect(page1).toContain('⚪ NV-2026-0001 · Kiểm tra hồ sơ thanh toán đợt 1 · hạn 16:00 11/12/2026 · Chờ nhận việc');
    expect(member.buttons().map((b) => b.label)).toHaveLength(6); // five tasks and "Sau ›"
    await member.press('Sau ›');
    expect(member.last()).toContain('Trang 2/2');
    expect(member.last()).toContain('đợt 7');
    await member.press('NV-2026-0007');
    expect(member.last()).toContain('Trạng thái: Chờ nhận việc');
    expect(member.buttons().map((b) => b.label)).toContain('Nhận việc');
  });
});
