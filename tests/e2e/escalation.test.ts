import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClockHandlers, fireClock } from '../../src/app/clocks/fire-clock.js';
import { taskClockHandler } from '../../src/app/clocks/task-clock-handler.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// Times are Hà Nội (UTC+7). Monday 07/12/2026 09:00 the head of Phòng TCKH gives a NORMAL task to TCKH-03.
// Time to accept: 4 working hours → 15:00. Step: half of it, 2 working hours.
const at = (local: string) => new Date(`${local}+07:00`).toISOString();

describe('a task nobody accepts climbs the ladder on queued jobs', () => {
  let h: Harness;
  let member: TelegramUser;
  let head: TelegramUser;
  let deputyChair: TelegramUser;
  let chair: TelegramUser;
  let taskId: number;

  beforeAll(async () => {
    h = await createHarness({ start: at('2026-12-07T09:00:00') });
    await h.importSample();
    member = telegramUser(h, await h.link('TCKH-03', 2003));
    head = telegramUser(h, await h.link('TCKH-01', 2001));
    deputyChair = telegramUser(h, await h.link('UB-02', 2102));
    chair = telegramUser(h, await h.link('UB-01', 2101));
    const r = await assignTask(h.app, OfficialId(await h.officialId('TCKH-01')), {
      assigneeId: OfficialId(await h.officialId('TCKH-03')),
      title: 'Rà soát hồ sơ đề nghị hỗ trợ thiệt hại do bão',
      expectedResult: 'Danh sách hộ đủ điều kiện, có xác nhận của xã',
      deadline: new Date(at('2026-12-18T17:00:00')),
      priority: 'NORMAL',
    });
    taskId = r.task.id;
    await h.idle();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts the time to accept on the working calendar', async () => {
    const clock = await h.db.db.clock.findFirstOrThrow({ where: { itemId: taskId, kind: 'TASK_ACCEPT' } });
    expect(clock.dueAt.toISOString()).toBe(at('2026-12-07T15:00:00').replace('.000', '.000'));
    expect(clock.stepMs).toBe(2 * 3_600_000);
  });

  it('says nothing before the time runs out', async () => {
    const before = member.texts().length;
    await h.setTime(at('2026-12-07T14:59:00'));
    expect(member.since(before)).toEqual([]);
  });

  it('level 0 reminds the person when the time runs out', async () => {
    await h.setTime(at('2026-12-07T15:00:00'));
    expect(member.last()).toContain('⏰ Nhắc: NV-2026-0001 chưa được nhận việc');
    expect(member.buttons().map((b) => b.text)).toContain('Nhận việc');
  });

  it('a job run twice sends once, also when two workers race', async () => {
    const clock = await h.db.db.clock.findFirstOrThrow({ where: { itemId: taskId, kind: 'TASK_ACCEPT' } });
    const handlers = new ClockHandlers([taskClockHandler]);
    const sentBefore = h.tg.callsTo('sendMessage').length;
    // Level 0 already fired: running its job again finds the clock moved on.
    expect((await fireClock(h.app, handlers, { id: clock.id, generation: clock.generation, level: 0, cycle: 0 })).outcome).toBe('stale');
    // Level 1 is due at 07:30 tomorrow (17:00 is the end of the day); fire it from two "workers" at once.
    h.clock.set(at('2026-12-08T07:30:00'));
    const pos = { id: clock.id, generation: clock.generation, level: 1, cycle: 0 };
    const outcomes = await Promise.all([fireClock(h.app, handlers, pos), fireClock(h.app, handlers, pos), fireClock(h.app, handlers, pos)]);
    expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(1);
    await h.idle();
    expect(h.tg.callsTo('sendMessage').length).toBe(sentBefore + 1);
    expect(await h.db.db.reminder.count({ where: { clockId: clock.id, level: 1 } })).toBe(1);
  });

  it('level 1 repeats and names the superior who is told next, the next morning (no reminders at night)', async () => {
    const text = member.last();
    expect(text).toContain('⏰ Nhắc lần 2: NV-2026-0001 chưa được nhận việc');
    expect(text).toContain('09:30 08/12/2026');
    expect(text).toContain('đ/c Võ Thanh Sơn');
  });

  it('level 2 informs the superior, with nudge and details', async () => {
    const before = head.texts().length;
    await h.setTime(at('2026-12-08T09:30:00'));
    const [escalation] = head.since(before);
    expect(escalation).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    expect(escalation).toContain('đ/c Đào Quang Vinh, Chuyên viên');
    expect(head.buttons().map((b) => b.text)).toEqual(['Nhắc lại', 'Xem chi tiết', 'Yêu cầu giải trình']);
  });

  it('the superior nudges with one tap', async () => {
    await head.press('Nhắc lại');
    expect(member.last()).toContain('🔔 đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch nhắc đồng chí về NV-2026-0001');
    expect(head.last()).toContain('Đã nhắc');
  });

  it("level 3 informs the superior's superior after the lunch break", async () => {
    await h.setTime(at('2026-12-08T11:30:00'));
    expect(deputyChair.texts().filter((t) => t.includes('⚠️'))).toEqual([]);
    await h.setTime(at('2026-12-08T13:30:00'));
    expect(deputyChair.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    expect(chair.texts().filter((t) => t.includes('⚠️'))).toEqual([]);
  });

  it('the top level repeats once per working day, to the same person', async () => {
    const before = deputyChair.texts().length;
    await h.setTime(at('2026-12-09T13:29:00'));
    expect(deputyChair.since(before)).toEqual([]);
    await h.setTime(at('2026-12-09T13:30:00'));
    expect(deputyChair.since(before)).toHaveLength(1);
  });

  it('accepting stops the ladder at once', async () => {
    await member.press('Nhận việc');
    const accept = await h.db.db.clock.findFirstOrThrow({ where: { itemId: taskId, kind: 'TASK_ACCEPT' } });
    expect(accept.state).toBe('STOPPED');
    const before = deputyChair.texts().length;
    await h.setTime(at('2026-12-10T14:00:00'));
    expect(deputyChair.since(before)).toEqual([]);
    const reminders = await h.db.db.reminder.findMany({ where: { clockId: accept.id }, orderBy: { id: 'asc' } });
    const codes = await Promise.all(reminders.map(async (r) => (await h.db.db.official.findUniqueOrThrow({ where: { id: r.recipientId } })).code));
    expect(reminders.map((r) => [r.level, r.cycle, r.kind])).toEqual([
      [0, 0, 'REMINDER'],
      [1, 0, 'REMINDER'],
      [2, 0, 'ESCALATION'],
      [3, 0, 'ESCALATION'],
      [3, 1, 'ESCALATION'],
    ]);
    expect(codes).toEqual(['TCKH-03', 'TCKH-03', 'TCKH-01', 'UB-02', 'UB-02']);
    expect(reminders.every((r) => r.delivered === true)).toBe(true);
  });
});
