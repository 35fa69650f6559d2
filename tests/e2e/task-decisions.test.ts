import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { callbackQuery, command, textMessage, user } from '../support/updates.js';

const at = (local: string) => new Date(`${local}+07:00`);

describe('the assigner decides: decline, reassign, insist, extension, cancel', () => {
  let h: Harness;
  let head: TelegramUser;
  let an: TelegramUser; // BTC-03
  let anh: TelegramUser; // BTC-04
  let outsider: TelegramUser; // TNMT-03, another unit

  const give = (title: string, assignee = 'BTC-03', deadline = '2026-12-18T17:00:00') =>
    h.give('BTC-01', assignee, { title, expectedResult: 'Báo cáo bằng văn bản gửi Ban Thường vụ', deadline: at(deadline) });

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    await h.importSample();
    head = telegramUser(h, await h.link('BTC-01', 3001));
    an = telegramUser(h, await h.link('BTC-03', 3003));
    anh = telegramUser(h, await h.link('BTC-04', 3004));
    outsider = telegramUser(h, await h.link('TNMT-03', 3999));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('decline needs a reason; the assigner reassigns to someone else, whose time to accept starts now', async () => {
    const task = await give('Thẩm định hồ sơ quy hoạch cán bộ xã');
    await an.press('Từ chối');
    expect(an.last()).toContain('Đề nghị nêu lý do');
    await an.say('x');
    expect(an.last()).toContain('lý do cụ thể');
    await an.say('Đồng chí Ánh đang phụ trách mảng quy hoạch cán bộ xã');
    expect(an.last()).toContain('Đã gửi ý kiến từ chối');
    expect(head.last()).toContain('↩️ ' + task.code + ' bị từ chối');
    expect(head.last()).toContain('Lý do: Đồng chí Ánh đang phụ trách mảng quy hoạch cán bộ xã');
    expect(head.buttons().map((b) => b.text)).toEqual(['Giao người khác', 'Giữ nguyên, đúng chức trách', 'Hủy nhiệm vụ']);

    await head.press('Giao người khác');
    await head.say('Lê Thị Ngọc Ánh');
    expect(head.last()).toContain(`Đã giao lại ${task.code} cho đ/c Lê Thị Ngọc Ánh`);
    expect(anh.last()).toContain(`📌 Nhiệm vụ mới ${task.code}`);
    const row = await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.status).toBe('ASSIGNED');
    expect(row.bounceCount).toBe(2); // the decline and the reassignment
    const clocks = await h.db.db.clock.findMany({ where: { itemId: task.id, kind: 'TASK_ACCEPT' } });
    expect(clocks.map((c) => [c.officialId, c.state]).sort()).toEqual(
      [
        [await h.officialId('BTC-03'), 'STOPPED'],
        [await h.officialId('BTC-04'), 'ACTIVE'],
      ].sort(),
    );
  });

  it('insisting sends the task back to the same person and records it', async () => {
    const task = await give('Tổng hợp ý kiến góp ý dự thảo quy chế làm việc');
    await an.press('Từ chối');
    await an.say('Việc này thuộc Văn phòng Huyện ủy');
    await head.press('Giữ nguyên');
    expect(an.last()).toContain(`⚠️ ${task.code}: người giao xác định việc thuộc chức trách của đồng chí`);
    expect(an.buttons().map((b) => b.text)).toContain('Nhận việc');
    const events = await h.db.db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.kind)).toEqual(['CREATED', 'DECLINED', 'INSISTED']);
    await an.press('Nhận việc');
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('ACCEPTED');
  });

  it('an extension moves the deadline only when approved', async () => {
    const task = await give('Xây dựng kế hoạch kiểm tra chuyên đề năm 2027');
    await an.press('Nhận việc');
    await an.press('Xin gia hạn');
    await an.say('10/12');
    expect(an.last()).toContain('phải sau thời hạn hiện tại');
    await an.say('22/12 16:00');
    await an.say('Chờ số liệu từ các xã');
    expect(an.last()).toContain('Thời hạn chỉ thay đổi khi được đồng ý');
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).deadline.toISOString()).toBe(at('2026-12-18T17:00:00').toISOString());
    expect(head.last()).toContain(`🕒 Đề nghị gia hạn ${task.code}`);
    await head.press('Đồng ý gia hạn');
    expect(an.last()).toContain(`Đề nghị gia hạn ${task.code} được đồng ý. Thời hạn mới: 16:00 22/12/2026`);
    const after = await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(after.deadline.toISOString()).toBe(at('2026-12-22T16:00:00').toISOString());
    expect(after.originalDeadline.toISOString()).toBe(at('2026-12-18T17:00:00').toISOString());
    const overdue = await h.db.db.clock.findFirstOrThrow({ where: { itemId: task.id, kind: 'TASK_OVERDUE' } });
    expect(overdue.dueAt.toISOString()).toBe(at('2026-12-22T16:00:00').toISOString());
    // A second tap on the same button gets a clear answer.
    await head.press('Đồng ý gia hạn');
    expect(head.last()).toContain('đã được xử lý');
  });

  it('the assigner cancels with a reason; every clock stops', async () => {
    const task = await give('Khảo sát nhu cầu đào tạo cán bộ nguồn');
    await head.pressData(encodeAction('task.cancel', task.id));
    await head.say('Đã lồng ghép vào kế hoạch chung của tỉnh');
    expect(an.last()).toContain(`⚫ Nhiệm vụ ${task.code}`);
    expect(await h.db.db.clock.count({ where: { itemId: task.id, state: 'ACTIVE' } })).toBe(0);
  });

  it("refuses acting on someone else's task and seeing outside one's reach", async () => {
    const task = await give('Rà soát tiêu chuẩn chức danh');
    await anh.pressData(encodeAction('task.accept', task.id));
    expect(anh.last()).toContain(`không giao cho đồng chí`);
    await outsider.pressData(encodeAction('task.view', task.id));
    expect(outsider.last()).toContain('ngoài phạm vi');
    await an.pressData(encodeAction('task.confirm', task.id));
    expect(an.last()).toContain('Chỉ người giao');
    // A member may not assign to their head.
    await an.command('giaoviec', 'Phan Thị Thu');
    expect(an.last()).toContain('chưa phụ trách ai');
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('ASSIGNED');
  });

  it('answers malformed or forged callback data clearly', async () => {
    for (const data of ['zz:1', 'ta:abc', 'ta:999999', 'ta:1:2:3', '💥', 'x'.repeat(80)]) {
      await an.pressData(data);
      expect(an.last()).toMatch(/không còn hợp lệ|Không tìm thấy nhiệm vụ/);
    }
  });

  it('an update delivered twice has one effect', async () => {
    const task = await give('Chuẩn bị nội dung hội nghị sơ kết');
    const press = callbackQuery(user(3003), encodeAction('task.accept', task.id));
    expect(await h.post(press)).toBe(200);
    expect(await h.post(press)).toBe(200);
    await h.idle();
    const events = await h.db.db.taskEvent.count({ where: { taskId: task.id, kind: 'ACCEPTED' } });
    expect(events).toBe(1);
    expect(an.texts().filter((t) => t.includes(`Đồng chí đã nhận nhiệm vụ ${task.code}`))).toHaveLength(1);
    expect(head.texts().filter((t) => t.includes(`✅ ${task.code} đã được nhận`))).toHaveLength(1);
  });

  it('a forged webhook gets 401 and has no effect', async () => {
    const before = await h.db.db.processedUpdate.count();
    expect(await h.post(command(user(3003), '/viec'), 'wrong-secret-000000')).toBe(401);
    expect(await h.post(command(user(3003), '/viec'), '')).toBe(401);
    expect(await h.db.db.processedUpdate.count()).toBe(before);
  });

  it('an unlinked user can only link; odd text gets a clear answer', async () => {
    const stranger = telegramUser(h, 3777);
    await stranger.command('viec');
    expect(stranger.last()).toContain('chưa được liên kết');
    await stranger.command('start', 'WRONG123');
    expect(stranger.last()).toContain('Mã mời không đúng');
    await an.say('\u202Eabc\u0000 xin chào');
    expect(an.last()).toContain('/trogiup');
    await h.post(textMessage(user(3003), 'x'.repeat(5000)));
    await h.idle();
    expect(an.last()).toContain('quá dài');
  });
});
