// Every clock of a task on the working calendar, in process (tests/support/app-fixture.ts), by moving the injected
// clock; each test sets up its own task on its own copy of the sample district. Times are Hà Nội (UTC+7); working
// windows 07:30–11:30 and 13:30–17:00, Monday–Friday. Head TCKH-01 gives work to member TCKH-03; above the head are
// UB-02, then UB-01. A stale delayed job in Redis stays in tests/e2e/task-clocks.test.ts.
import { describe, expect } from 'vitest';
import { acceptTask, decideExtension, requestExtension } from '../../src/app/tasks/respond-to-task.js';
import { reportProgress } from '../../src/app/tasks/work-on-task.js';
import { clockJobId } from '../../src/domain/clocks/types.js';
import { OfficialId, type TaskId } from '../../src/domain/ids.js';
import type { Priority } from '../../src/domain/priority.js';
import { test, type AppFixture, type FixturePerson } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();
const HOUR = 3_600_000;

interface People {
  head: FixturePerson;
  member: FixturePerson;
  deputyChair: FixturePerson;
  headId: OfficialId;
  memberId: OfficialId;
}

async function setUp(fx: AppFixture, start: string): Promise<People> {
  await fx.setTime(iso(start));
  return {
    head: await fx.person('TCKH-01'),
    member: await fx.person('TCKH-03'),
    deputyChair: await fx.person('UB-02'),
    headId: OfficialId(await fx.officialId('TCKH-01')),
    memberId: OfficialId(await fx.officialId('TCKH-03')),
  };
}

async function give(fx: AppFixture, title: string, deadline: string, priority: Priority): Promise<TaskId> {
  return (await fx.give('TCKH-01', 'TCKH-03', { title, expectedResult: 'Báo cáo bằng văn bản gửi Phòng', deadline: at(deadline), priority })).id;
}

const clockOf = (fx: AppFixture, taskId: number, kind: string) => fx.db.clock.findFirst({ where: { itemId: taskId, kind: kind as never } });

async function accepted(fx: AppFixture, p: People, title: string, deadline: string, priority: Priority): Promise<TaskId> {
  const taskId = await give(fx, title, deadline, priority);
  await acceptTask(fx.app, p.memberId, taskId);
  await fx.deliver();
  return taskId;
}

describe('progress report interval (NORMAL: every 5 working days)', () => {
  // Deadline Thursday 31/12 17:00: longer than the interval, so reports are asked for.
  async function normal(fx: AppFixture) {
    const p = await setUp(fx, '2026-12-07T09:00:00');
    const taskId = await accepted(fx, p, 'Rà soát danh mục đầu tư công năm 2027', '2026-12-31T17:00:00', 'NORMAL');
    return { p, taskId };
  }

  // Two reminders, a report on 15/12 10:00, the restarted interval's first reminder, then (the clock jumping to
  // Friday 25/12 09:00 before its next level) a report that leaves less time than the interval.
  async function reportedLate(fx: AppFixture) {
    const { p, taskId } = await normal(fx);
    await fx.setTime(iso('2026-12-15T09:00:00'));
    fx.time.set(iso('2026-12-15T10:00:00'));
    await reportProgress(fx.app, p.memberId, taskId, 30, 'Đã rà soát 12/40 dự án');
    await fx.setTime(iso('2026-12-22T10:00:00'));
    fx.time.set(iso('2026-12-25T09:00:00'));
    await reportProgress(fx.app, p.memberId, taskId, 80, 'Còn 8 dự án');
    await fx.deliver();
    return { p, taskId };
  }

  test('starts with the acceptance: due 5 working days later, stepping by one working day', async ({ fx }) => {
    const { taskId } = await normal(fx);
    const progress = (await clockOf(fx, taskId, 'TASK_PROGRESS'))!;
    expect(progress.dueAt.toISOString()).toBe(iso('2026-12-14T09:00:00'));
    expect(progress.stepMs).toBe(7.5 * HOUR); // half of 5 days, at most one working day
  });

  test('asks for a report when the interval runs out, then once more a working day later', async ({ fx }) => {
    const { p } = await normal(fx);
    const before = p.member.texts().length;
    await fx.setTime(iso('2026-12-14T08:59:00'));
    expect(p.member.since(before)).toEqual([]);
    await fx.setTime(iso('2026-12-14T09:00:00'));
    expect(p.member.last()).toContain('⏰ Đến kỳ báo cáo tiến độ NV-2026-0001');
    await fx.setTime(iso('2026-12-15T09:00:00'));
    expect(p.member.last()).toContain('⏰ Nhắc lần 2: NV-2026-0001 chưa báo cáo tiến độ');
    expect(p.member.last()).toContain('09:00 16/12/2026'); // when the head will be told
    expect(p.member.since(before)).toHaveLength(2);
  });

  test('a report restarts the interval: the old ladder never reaches the head', async ({ fx }) => {
    const { p, taskId } = await normal(fx);
    await fx.setTime(iso('2026-12-15T09:00:00')); // reminded twice
    fx.time.set(iso('2026-12-15T10:00:00'));
    await reportProgress(fx.app, p.memberId, taskId, 30, 'Đã rà soát 12/40 dự án');
    await fx.deliver();
    const progress = (await clockOf(fx, taskId, 'TASK_PROGRESS'))!;
    expect(progress.generation).toBe(1);
    expect(progress.dueAt.toISOString()).toBe(iso('2026-12-22T10:00:00'));
    const headBefore = p.head.texts().filter((t) => t.includes('⚠️')).length;
    await fx.setTime(iso('2026-12-16T09:30:00')); // the old generation's level 2 was due at 09:00
    await fx.setTime(iso('2026-12-22T09:59:00'));
    expect(p.head.texts().filter((t) => t.includes('⚠️'))).toHaveLength(headBefore);
    const memberBefore = p.member.texts().length;
    await fx.setTime(iso('2026-12-22T10:00:00'));
    expect(p.member.since(memberBefore)).toEqual([expect.stringContaining('⏰ Đến kỳ báo cáo tiến độ NV-2026-0001')]);
  });

  test('stops when the time left is shorter than the interval', async ({ fx }) => {
    // Friday 25/12 + 5 working days = Monday 4/1/2027 (1/1 is a holiday): after the deadline.
    const { taskId } = await reportedLate(fx);
    const progress = (await clockOf(fx, taskId, 'TASK_PROGRESS'))!;
    expect(progress.state).toBe('STOPPED');
    expect(progress.stopReason).toBe('deadline-first');
    const reminders = await fx.db.reminder.findMany({ where: { clockId: progress.id }, orderBy: { id: 'asc' } });
    expect(reminders.map((r) => [r.generation, r.level])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  test('the reminder before the deadline comes once, one working day before', async ({ fx }) => {
    const { p, taskId } = await reportedLate(fx);
    const before = p.member.texts().length;
    await fx.setTime(iso('2026-12-31T07:29:00'));
    expect(p.member.since(before)).toEqual([]);
    await fx.setTime(iso('2026-12-31T07:30:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏳ NV-2026-0001 sắp đến hạn')]);
    expect(p.member.last()).toContain('80%');
    await fx.setTime(iso('2026-12-31T16:59:00'));
    expect(p.member.since(before)).toHaveLength(1);
    const clock = (await clockOf(fx, taskId, 'TASK_BEFORE_DEADLINE'))!;
    expect(clock.state).toBe('STOPPED');
  });

  test('past a deadline at closing time, the overdue reminder waits for the next opening after the 1/1 holiday', async ({ fx }) => {
    const { p } = await reportedLate(fx);
    await fx.setTime(iso('2026-12-31T16:59:00'));
    const before = p.member.texts().length;
    await fx.setTime(iso('2026-12-31T17:00:00'));
    await fx.setTime(iso('2027-01-01T09:00:00'));
    await fx.setTime(iso('2027-01-04T07:29:00'));
    expect(p.member.since(before)).toEqual([]);
    await fx.setTime(iso('2027-01-04T07:30:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('🔴 NV-2026-0001 đã quá hạn')]);
  });
});

describe('before the deadline, overdue ladder, and an approved extension (HIGH)', () => {
  async function high(fx: AppFixture) {
    const p = await setUp(fx, '2026-12-07T09:00:00');
    const taskId = await accepted(fx, p, 'Báo cáo giải ngân vốn đầu tư công quý IV', '2026-12-09T16:00:00', 'HIGH');
    return { p, taskId };
  }

  // Overdue since 9/12 16:00, reminded twice; on 11/12 10:00 an extension to 15/12 16:00 is asked for and approved.
  async function extended(fx: AppFixture) {
    const { p, taskId } = await high(fx);
    await fx.setTime(iso('2026-12-11T10:00:00'));
    const old = (await clockOf(fx, taskId, 'TASK_OVERDUE'))!;
    const { requestId } = await requestExtension(fx.app, p.memberId, taskId, at('2026-12-15T16:00:00'), 'Chờ số liệu của Kho bạc');
    await fx.deliver();
    await decideExtension(fx.app, p.headId, requestId, true);
    await fx.deliver();
    return { p, taskId, old };
  }

  test('a task shorter than the interval gets no progress clock', async ({ fx }) => {
    const { taskId } = await high(fx);
    const progress = await clockOf(fx, taskId, 'TASK_PROGRESS');
    expect(progress === null || progress.state === 'STOPPED').toBe(true);
  });

  test('reminds 4 working hours before the deadline, once', async ({ fx }) => {
    const { p } = await high(fx);
    const before = p.member.texts().length;
    await fx.setTime(iso('2026-12-09T09:59:00'));
    expect(p.member.since(before)).toEqual([]);
    await fx.setTime(iso('2026-12-09T10:00:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏳ NV-2026-0001 sắp đến hạn')]);
    await fx.setTime(iso('2026-12-09T15:59:00'));
    expect(p.member.since(before)).toHaveLength(1);
  });

  test('at the deadline, the overdue ladder starts; its step is half the task, at most a working day', async ({ fx }) => {
    const { p, taskId } = await high(fx);
    await fx.setTime(iso('2026-12-09T15:59:00'));
    const before = p.member.texts().length;
    await fx.setTime(iso('2026-12-09T16:00:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('🔴 NV-2026-0001 đã quá hạn')]);
    const overdue = (await clockOf(fx, taskId, 'TASK_OVERDUE'))!;
    expect(overdue.stepMs).toBe(7.5 * HOUR);
    await fx.setTime(iso('2026-12-10T16:00:00'));
    expect(p.member.last()).toContain('🔴 Nhắc lần 2: NV-2026-0001 đã quá hạn');
    expect(p.member.last()).toContain('16:00 11/12/2026');
  });

  test('an approved extension moves the deadline clocks', async ({ fx }) => {
    const { taskId, old } = await extended(fx);
    expect([old.generation, old.level]).toEqual([0, 2]);
    const moved = (await clockOf(fx, taskId, 'TASK_OVERDUE'))!;
    expect([moved.generation, moved.level, moved.dueAt.toISOString()]).toEqual([1, 0, iso('2026-12-15T16:00:00')]);
    const beforeDeadline = (await clockOf(fx, taskId, 'TASK_BEFORE_DEADLINE'))!;
    expect([beforeDeadline.state, beforeDeadline.generation, beforeDeadline.nextAt.toISOString()]).toEqual(['ACTIVE', 1, iso('2026-12-15T10:00:00')]);
  });

  test('the old generation never fires, even when its job runs after the extension', async ({ fx }) => {
    const { p, old } = await extended(fx);
    const headBefore = p.head.texts().length;
    // The old level 2 job runs anyway (as if its delay ran out): it finds the clock moved on and sends nothing.
    const stale = { id: old.id, generation: 0, level: 2, cycle: 0 };
    const { requested } = await fx.fire([stale]);
    expect(requested.get(clockJobId(stale))).toEqual({ outcome: 'stale' });
    await fx.setTime(iso('2026-12-11T16:30:00'));
    expect(p.head.since(headBefore).filter((t) => t.includes('⚠️'))).toEqual([]);
    expect(await fx.db.reminder.count({ where: { clockId: old.id, generation: 0, level: 2 } })).toBe(0);
  });

  test('the new deadline brings its own heads-up and overdue reminder', async ({ fx }) => {
    const { p, taskId } = await extended(fx);
    await fx.setTime(iso('2026-12-11T16:30:00'));
    const before = p.member.texts().length;
    await fx.setTime(iso('2026-12-15T10:00:00'));
    await fx.setTime(iso('2026-12-15T16:00:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏳ NV-2026-0001 sắp đến hạn'), expect.stringContaining('🔴 NV-2026-0001 đã quá hạn')]);
    const overdue = (await clockOf(fx, taskId, 'TASK_OVERDUE'))!;
    const reminders = await fx.db.reminder.findMany({ where: { clockId: overdue.id }, orderBy: { id: 'asc' } });
    expect(reminders.map((r) => [r.generation, r.level])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });
});

describe('URGENT runs on wall time, at night and over the weekend', () => {
  // Saturday 12/12/2026, 22:00.
  async function urgent(fx: AppFixture) {
    const p = await setUp(fx, '2026-12-12T22:00:00');
    const taskId = await give(fx, 'Kiểm tra đê bao xã Tân Lập trước triều cường', '2026-12-13T06:00:00', 'URGENT');
    return { p, taskId };
  }

  test('the 30-minute time to accept steps every 15 minutes, not every working hour', async ({ fx }) => {
    const { taskId } = await urgent(fx);
    const accept = (await clockOf(fx, taskId, 'TASK_ACCEPT'))!;
    expect(accept.dueAt.toISOString()).toBe(iso('2026-12-12T22:30:00'));
    expect(accept.stepMs).toBe(15 * 60_000);
  });

  test('reminds at 22:30 and 22:45 on a Saturday night, tells the head at 23:00 and the deputy chair at 23:15', async ({ fx }) => {
    const { p, taskId } = await urgent(fx);
    const memberBefore = p.member.texts().length;
    await fx.setTime(iso('2026-12-12T22:30:00'));
    expect(p.member.last()).toContain('⏰ Nhắc: NV-2026-0001 chưa được nhận việc');
    await fx.setTime(iso('2026-12-12T22:45:00'));
    expect(p.member.last()).toContain('⏰ Nhắc lần 2: NV-2026-0001 chưa được nhận việc');
    expect(p.member.last()).toContain('23:00 12/12/2026');
    expect(p.member.since(memberBefore)).toHaveLength(2);
    await fx.setTime(iso('2026-12-12T23:00:00'));
    expect(p.head.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    await fx.setTime(iso('2026-12-12T23:15:00'));
    expect(p.deputyChair.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    const accept = (await clockOf(fx, taskId, 'TASK_ACCEPT'))!;
    const sent = await fx.db.reminder.findMany({ where: { clockId: accept.id }, orderBy: { id: 'asc' } });
    expect(sent.map((r) => r.at.toISOString())).toEqual([
      iso('2026-12-12T22:30:00'),
      iso('2026-12-12T22:45:00'),
      iso('2026-12-12T23:00:00'),
      iso('2026-12-12T23:15:00'),
    ]);
  });

  test('its deadline clocks run through Sunday night too: 1 hour before, and at the deadline', async ({ fx }) => {
    const { p, taskId } = await urgent(fx);
    await fx.setTime(iso('2026-12-12T23:20:00')); // the ladder has reached the deputy chair
    await acceptTask(fx.app, p.memberId, taskId);
    await fx.deliver();
    const before = p.member.texts().length;
    await fx.setTime(iso('2026-12-13T04:59:00'));
    expect(p.member.since(before)).toEqual([]);
    await fx.setTime(iso('2026-12-13T05:00:00'));
    await fx.setTime(iso('2026-12-13T06:00:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏳ NV-2026-0001 sắp đến hạn'), expect.stringContaining('🔴 NV-2026-0001 đã quá hạn')]);
  });
});

describe('NORMAL reminders due when the office is closed go out at the next opening', () => {
  test('a time to accept running out at 17:00 before Tết reminds at 07:30 on Friday 12/2, not during Tết', async ({ fx }) => {
    // Thursday 4/2/2027, the last working day before Tết Nguyên đán (5/2–9/2, made up on 10/2 and 11/2).
    const p = await setUp(fx, '2027-02-04T11:00:00');
    const taskId = await give(fx, 'Tổng hợp tình hình trực Tết của các xã', '2027-02-26T17:00:00', 'NORMAL');
    const accept = (await clockOf(fx, taskId, 'TASK_ACCEPT'))!;
    expect(accept.dueAt.toISOString()).toBe(iso('2027-02-12T07:30:00'));
    const before = p.member.texts().length;
    for (const t of [
      '2027-02-04T17:00:00',
      '2027-02-04T23:00:00',
      '2027-02-06T09:00:00',
      '2027-02-08T09:00:00',
      '2027-02-10T09:00:00',
      '2027-02-11T16:00:00',
      '2027-02-12T07:29:00',
    ]) {
      await fx.setTime(iso(t));
    }
    expect(p.member.since(before)).toEqual([]);
    await fx.setTime(iso('2027-02-12T07:30:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏰ Nhắc: NV-2027-0001 chưa được nhận việc')]);
    // Its next level is 2 working hours later, on the same morning.
    await fx.setTime(iso('2027-02-12T09:30:00'));
    expect(p.member.last()).toContain('⏰ Nhắc lần 2: NV-2027-0001');
  });

  test('over 30/4–1/5 (1/5 is a Saturday, made up on Monday 3/5) it waits for Tuesday 4/5', async ({ fx }) => {
    const p = await setUp(fx, '2027-04-29T11:00:00');
    const taskId = await give(fx, 'Báo cáo kết quả tổng vệ sinh môi trường', '2027-05-14T17:00:00', 'NORMAL');
    const before = p.member.texts().length;
    for (const t of ['2027-04-29T17:00:00', '2027-04-30T09:00:00', '2027-05-01T09:00:00', '2027-05-03T09:00:00', '2027-05-04T07:29:00']) {
      await fx.setTime(iso(t));
    }
    expect(p.member.since(before)).toEqual([]);
    await fx.setTime(iso('2027-05-04T07:30:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏰ Nhắc: NV-2027-0001 chưa được nhận việc')]);
    const accept = (await clockOf(fx, taskId, 'TASK_ACCEPT'))!;
    const [first] = await fx.db.reminder.findMany({ where: { clockId: accept.id } });
    expect(first!.at.toISOString()).toBe(iso('2027-05-04T07:30:00'));
  });
});
