// A task nobody accepts climbs the reminder ladder, in process (tests/support/app-fixture.ts): each test walks its
// own copy of the sample district to the rung it checks. Times are Hà Nội (UTC+7). Monday 07/12/2026 09:00 the head
// of Phòng TCKH gives a NORMAL task to TCKH-03. Time to accept: 4 working hours → 15:00. Step: half of it, 2 working
// hours. The same ladder on queued jobs stays in tests/e2e/escalation.test.ts.
import { describe, expect } from 'vitest';
import { ClockHandlers, fireClock } from '../../src/app/clocks/fire-clock.js';
import { taskClockHandler } from '../../src/app/clocks/task-clock-handler.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`).toISOString();

async function unaccepted(fx: AppFixture) {
  const people = {
    member: await fx.person('TCKH-03'),
    head: await fx.person('TCKH-01'),
    deputyChair: await fx.person('UB-02'),
    chair: await fx.person('UB-01'),
  };
  const task = await fx.give('TCKH-01', 'TCKH-03', {
    title: 'Rà soát hồ sơ đề nghị hỗ trợ thiệt hại do bão',
    expectedResult: 'Danh sách hộ đủ điều kiện, có xác nhận của xã',
    deadline: new Date(at('2026-12-18T17:00:00')),
    priority: 'NORMAL',
  });
  return { ...people, taskId: task.id };
}

const acceptClock = (fx: AppFixture, taskId: number) => fx.db.clock.findFirstOrThrow({ where: { itemId: taskId, kind: 'TASK_ACCEPT' } });

describe('a task nobody accepts climbs the ladder', () => {
  test('starts the time to accept on the working calendar', async ({ fx }) => {
    const { taskId } = await unaccepted(fx);
    const clock = await acceptClock(fx, taskId);
    expect(clock.dueAt.toISOString()).toBe(at('2026-12-07T15:00:00'));
    expect(clock.stepMs).toBe(2 * 3_600_000);
  });

  test('says nothing before the time runs out', async ({ fx }) => {
    const { member } = await unaccepted(fx);
    const before = member.texts().length;
    await fx.setTime(at('2026-12-07T14:59:00'));
    expect(member.since(before)).toEqual([]);
  });

  test('level 0 reminds the person when the time runs out', async ({ fx }) => {
    const { member } = await unaccepted(fx);
    await fx.setTime(at('2026-12-07T15:00:00'));
    expect(member.last()).toContain('⏰ Nhắc: NV-2026-0001 chưa được nhận việc');
    expect(member.buttons().map((b) => b.label)).toContain('Nhận việc');
  });

  test('a job run twice sends once, also when two workers race', async ({ fx }) => {
    const { member, taskId } = await unaccepted(fx);
    await fx.setTime(at('2026-12-07T15:00:00'));
    const clock = await acceptClock(fx, taskId);
    const handlers = new ClockHandlers([taskClockHandler]);
    const queuedBefore = await fx.db.outbox.count();
    const memberBefore = member.texts().length;
    // Level 0 already fired: running its job again finds the clock moved on.
    expect((await fireClock(fx.app, handlers, { id: clock.id, generation: clock.generation, level: 0, cycle: 0 })).outcome).toBe('stale');
    // Level 1 is due at 07:30 tomorrow (17:00 is the end of the day); fire it from two "workers" at once.
    fx.time.set(at('2026-12-08T07:30:00'));
    const pos = { id: clock.id, generation: clock.generation, level: 1, cycle: 0 };
    const outcomes = await Promise.all([fireClock(fx.app, handlers, pos), fireClock(fx.app, handlers, pos), fireClock(fx.app, handlers, pos)]);
    expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(1);
    await fx.deliver();
    expect(await fx.db.outbox.count()).toBe(queuedBefore + 1);
    expect(member.since(memberBefore)).toHaveLength(1);
    expect(await fx.db.reminder.count({ where: { clockId: clock.id, level: 1 } })).toBe(1);
  });

  test('level 1 repeats and names the superior who is told next, the next morning (no reminders at night)', async ({ fx }) => {
    const { member } = await unaccepted(fx);
    await fx.setTime(at('2026-12-08T07:30:00'));
    const text = member.last();
    expect(text).toContain('⏰ Nhắc lần 2: NV-2026-0001 chưa được nhận việc');
    expect(text).toContain('09:30 08/12/2026');
    expect(text).toContain('đ/c Võ Thanh Sơn');
  });

  test('level 2 informs the superior, with nudge and details', async ({ fx }) => {
    const { head } = await unaccepted(fx);
    await fx.setTime(at('2026-12-08T09:29:00'));
    const before = head.texts().length;
    await fx.setTime(at('2026-12-08T09:30:00'));
    const [escalation] = head.since(before);
    expect(escalation).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    expect(escalation).toContain('đ/c Đào Quang Vinh, Chuyên viên');
    expect(head.buttons().map((b) => b.label)).toEqual(['Nhắc lại', 'Xem chi tiết', 'Yêu cầu giải trình']);
  });

  test('the superior nudges with one tap', async ({ fx }) => {
    const { head, member } = await unaccepted(fx);
    await fx.setTime(at('2026-12-08T09:30:00'));
    await head.press('Nhắc lại');
    expect(member.last()).toContain('🔔 đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch nhắc đồng chí về NV-2026-0001');
    expect(head.last()).toContain('Đã nhắc');
  });

  test("level 3 informs the superior's superior after the lunch break", async ({ fx }) => {
    const { deputyChair, chair } = await unaccepted(fx);
    await fx.setTime(at('2026-12-08T11:30:00'));
    expect(deputyChair.texts().filter((t) => t.includes('⚠️'))).toEqual([]);
    await fx.setTime(at('2026-12-08T13:30:00'));
    expect(deputyChair.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    expect(chair.texts().filter((t) => t.includes('⚠️'))).toEqual([]);
  });

  test('the top level repeats once per working day, to the same person', async ({ fx }) => {
    const { deputyChair } = await unaccepted(fx);
    await fx.setTime(at('2026-12-08T13:30:00'));
    const before = deputyChair.texts().length;
    await fx.setTime(at('2026-12-09T13:29:00'));
    expect(deputyChair.since(before)).toEqual([]);
    await fx.setTime(at('2026-12-09T13:30:00'));
    expect(deputyChair.since(before)).toHaveLength(1);
  });

  test('accepting stops the ladder at once; every rung was delivered to the right person', async ({ fx }) => {
    const { member, deputyChair, taskId } = await unaccepted(fx);
    await fx.setTime(at('2026-12-09T13:30:00'));
    await member.press('Nhận việc');
    const accept = await acceptClock(fx, taskId);
    expect(accept.state).toBe('STOPPED');
    const before = deputyChair.texts().length;
    await fx.setTime(at('2026-12-10T14:00:00'));
    expect(deputyChair.since(before)).toEqual([]);
    const reminders = await fx.db.reminder.findMany({ where: { clockId: accept.id }, orderBy: { id: 'asc' } });
    const codes = await Promise.all(reminders.map(async (r) => (await fx.db.official.findUniqueOrThrow({ where: { id: r.recipientId } })).code));
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
