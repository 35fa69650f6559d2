// The assigner's decisions on a task, in process (tests/support/app-fixture.ts): each test starts from the sample
// district with its own database, so one failure hides nothing else. The webhook and delivery paths of the same
// flows stay in tests/e2e/task-decisions.test.ts.
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`);

async function cast(fx: AppFixture) {
  return {
    head: await fx.person('BTC-01'),
    an: await fx.person('BTC-03'),
    anh: await fx.person('BTC-04'),
    outsider: await fx.person('TNMT-03'), // another unit
  };
}

const give = (fx: AppFixture, title: string, assignee = 'BTC-03', deadline = '2026-12-18T17:00:00') =>
  fx.give('BTC-01', assignee, { title, expectedResult: 'Báo cáo bằng văn bản gửi Ban Thường vụ', deadline: at(deadline) });

describe('the assigner decides: decline, reassign, insist, extension, cancel', () => {
  test('a decline needs a reason', async ({ fx }) => {
    const { an, head } = await cast(fx);
    const task = await give(fx, 'Thẩm định hồ sơ quy hoạch cán bộ xã');
    await an.press('Từ chối');
    expect(an.last()).toContain('Đề nghị nêu lý do');
    await an.say('x');
    expect(an.last()).toContain('lý do cụ thể');
    await an.say('Đồng chí Ánh đang phụ trách mảng quy hoạch cán bộ xã');
    expect(an.last()).toContain('Đã gửi ý kiến từ chối');
    expect(head.last()).toContain(`↩️ ${task.code} bị từ chối`);
    expect(head.last()).toContain('Lý do: Đồng chí Ánh đang phụ trách mảng quy hoạch cán bộ xã');
    expect(head.buttons().map((b) => b.label)).toEqual(['Giao người khác', 'Giữ nguyên, đúng chức trách', 'Hủy nhiệm vụ']);
  });

  test('after a decline the assigner reassigns; the new assignee’s time to accept starts now', async ({ fx }) => {
    const { an, head, anh } = await cast(fx);
    const task = await give(fx, 'Thẩm định hồ sơ quy hoạch cán bộ xã');
    await an.press('Từ chối');
    await an.say('Đồng chí Ánh đang phụ trách mảng quy hoạch cán bộ xã');
    await head.press('Giao người khác');
    await head.say('Lê Thị Ngọc Ánh');
    expect(head.last()).toContain(`Đã giao lại ${task.code} cho đ/c Lê Thị Ngọc Ánh`);
    expect(anh.last()).toContain(`📌 Nhiệm vụ mới ${task.code}`);
    const row = await fx.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.status).toBe('ASSIGNED');
    expect(row.bounceCount).toBe(2); // the decline and the reassignment
    const clocks = await fx.db.clock.findMany({ where: { itemId: task.id, kind: 'TASK_ACCEPT' } });
    expect(clocks.map((c) => [c.officialId, c.state]).sort()).toEqual(
      [
        [await fx.officialId('BTC-03'), 'STOPPED'],
        [await fx.officialId('BTC-04'), 'ACTIVE'],
      ].sort(),
    );
    // The new clock went to the scheduler port (the fast path), from now.
    const active = clocks.find((c) => c.state === 'ACTIVE')!;
    expect(fx.scheduled.some((s) => s.id === active.id)).toBe(true);
  });

  test('insisting sends the task back to the same person and records it', async ({ fx }) => {
    const { an, head } = await cast(fx);
    const task = await give(fx, 'Tổng hợp ý kiến góp ý dự thảo quy chế làm việc');
    await an.press('Từ chối');
    await an.say('Việc này thuộc Văn phòng Huyện ủy');
    await head.press('Giữ nguyên');
    expect(an.last()).toContain(`⚠️ ${task.code}: người giao xác định việc thuộc chức trách của đồng chí`);
    expect(an.buttons().map((b) => b.label)).toContain('Nhận việc');
    const events = await fx.db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['CREATED', 'DECLINED', 'INSISTED']);
    await an.press('Nhận việc');
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('ACCEPTED');
  });

  test('an extension asks for a later date and a reason; the deadline moves only when approved', async ({ fx }) => {
    const { an, head } = await cast(fx);
    const task = await give(fx, 'Xây dựng kế hoạch kiểm tra chuyên đề năm 2027');
    await an.press('Nhận việc');
    await an.press('Xin gia hạn');
    await an.say('10/12');
    expect(an.last()).toContain('phải sau thời hạn hiện tại');
    await an.say('22/12 16:00');
    await an.say('Chờ số liệu từ các xã');
    expect(an.last()).toContain('Thời hạn chỉ thay đổi khi được đồng ý');
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: task.id } })).deadline.toISOString()).toBe(at('2026-12-18T17:00:00').toISOString());
    expect(head.last()).toContain(`🕒 Đề nghị gia hạn ${task.code}`);
    await head.press('Đồng ý gia hạn');
    expect(an.last()).toContain(`Đề nghị gia hạn ${task.code} được đồng ý. Thời hạn mới: 16:00 22/12/2026`);
    const after = await fx.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.deadline.toISOString()).toBe(at('2026-12-22T16:00:00').toISOString());
    expect(after.originalDeadline.toISOString()).toBe(at('2026-12-18T17:00:00').toISOString());
    const overdue = await fx.db.clock.findFirstOrThrow({ where: { itemId: task.id, kind: 'TASK_OVERDUE' } });
    expect(overdue.dueAt.toISOString()).toBe(at('2026-12-22T16:00:00').toISOString());
  });

  test('a second tap on an extension already decided gets a clear answer', async ({ fx }) => {
    const { an, head } = await cast(fx);
    await give(fx, 'Xây dựng kế hoạch kiểm tra chuyên đề năm 2027');
    await an.press('Nhận việc');
    await an.press('Xin gia hạn');
    await an.say('22/12 16:00');
    await an.say('Chờ số liệu từ các xã');
    await head.press('Đồng ý gia hạn');
    await head.press('Đồng ý gia hạn');
    expect(head.last()).toContain('đã được xử lý');
  });

  test('the assigner cancels with a reason; every clock stops', async ({ fx }) => {
    const { an, head } = await cast(fx);
    const task = await give(fx, 'Khảo sát nhu cầu đào tạo cán bộ nguồn');
    await head.pressData(encodeAction('task.cancel', task.id));
    await head.say('Đã lồng ghép vào kế hoạch chung của tỉnh');
    expect(an.last()).toContain(`⚫ Nhiệm vụ ${task.code}`);
    expect(await fx.db.clock.count({ where: { itemId: task.id, state: 'ACTIVE' } })).toBe(0);
  });

  test("acting on someone else's task or outside one's reach is refused", async ({ fx }) => {
    const { an, anh, outsider } = await cast(fx);
    const task = await give(fx, 'Rà soát tiêu chuẩn chức danh');
    await anh.pressData(encodeAction('task.accept', task.id));
    expect(anh.last()).toContain('không giao cho đồng chí');
    await outsider.pressData(encodeAction('task.view', task.id));
    expect(outsider.last()).toContain('ngoài phạm vi');
    await an.pressData(encodeAction('task.confirm', task.id));
    expect(an.last()).toContain('Chỉ người giao');
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('ASSIGNED');
  });

  test('a member may not assign to their head', async ({ fx }) => {
    const { an } = await cast(fx);
    await an.say('/giaoviec Phan Thị Thu');
    expect(an.last()).toContain('chưa phụ trách ai');
  });

  test('malformed or forged callback data gets a clear answer', async ({ fx }) => {
    const { an } = await cast(fx);
    for (const data of ['zz:1', 'ta:abc', 'ta:999999', 'ta:1:2:3', '💥', 'x'.repeat(80)]) {
      await an.pressData(data);
      expect(an.last()).toMatch(/không còn hợp lệ|Không tìm thấy nhiệm vụ/);
    }
  });
});
