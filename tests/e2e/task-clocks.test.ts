import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptTask, decideExtension, requestExtension } from '../../src/app/tasks/respond-to-task.js';
import { reportProgress } from '../../src/app/tasks/work-on-task.js';
import { clockJobId } from '../../src/domain/clocks/types.js';
import { OfficialId, type TaskId } from '../../src/domain/ids.js';
import type { Priority } from '../../src/domain/priority.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// Every clock of a task on the working calendar, by moving the injected clock. Times are Hà Nội (UTC+7); working
// windows 07:30–11:30 and 13:30–17:00, Monday–Friday. Head TCKH-01 gives work to member TCKH-03; above the head are
// UB-02, then UB-01.
const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();
const HOUR = 3_600_000;

interface People {
  head: TelegramUser;
  member: TelegramUser;
  deputyChair: TelegramUser;
  headId: OfficialId;
  memberId: OfficialId;
}

async function setUp(start: string): Promise<{ h: Harness; p: People }> {
  const h = await createHarness({ start: iso(start) });
  await h.importSample();
  const p: People = {
    head: telegramUser(h, await h.link('TCKH-01', 3001)),
    member: telegramUser(h, await h.link('TCKH-03', 3003)),
    deputyChair: telegramUser(h, await h.link('UB-02', 3102)),
    headId: OfficialId(await h.officialId('TCKH-01')),
    memberId: OfficialId(await h.officialId('TCKH-03')),
  };
  return { h, p };
}

async function give(h: Harness, p: People, title: string, deadline: string, priority: Priority): Promise<TaskId> {
  return (await h.give(p.headId, p.memberId, { title, expectedResult: 'Báo cáo bằng văn bản gửi Phòng', deadline: at(deadline), priority })).id;
}

async function clockOf(h: Harness, taskId: number, kind: string) {
  return h.db.db.clock.findFirst({ where: { itemId: taskId, kind: kind as never } });
}

describe('progress report interval (NORMAL: every 5 working days)', () => {
  let h: Harness;
  let p: People;
  let taskId: TaskId;

  beforeAll(async () => {
    ({ h, p } = await setUp('2026-12-07T09:00:00'));
    // Deadline Thursday 31/12 17:00: longer than the interval, so reports are asked for.
    taskId = await give(h, p, 'Rà soát danh mục đầu tư công năm 2027', '2026-12-31T17:00:00', 'NORMAL');
    await acceptTask(h.app, p.memberId, taskId);
    await h.idle();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts with the acceptance: due 5 working days later, stepping by one working day', async () => {
    const progress = (await clockOf(h, taskId, 'TASK_PROGRESS'))!;
    expect(progress.dueAt.toISOString()).toBe(iso('2026-12-14T09:00:00'));
    expect(progress.stepMs).toBe(7.5 * HOUR); // half of 5 days, at most one working day
  });

  it('asks for a report when the interval runs out, then once more a working day later', async () => {
    const before = p.member.texts().length;
    await h.setTime(iso('2026-12-14T08:59:00'));
    expect(p.member.since(before)).toEqual([]);
    await h.setTime(iso('2026-12-14T09:00:00'));
    expect(p.member.last()).toContain('⏰ Đến kỳ báo cáo tiến độ NV-2026-0001');
    await h.setTime(iso('2026-12-15T09:00:00'));
    expect(p.member.last()).toContain('⏰ Nhắc lần 2: NV-2026-0001 chưa báo cáo tiến độ');
    expect(p.member.last()).toContain('09:00 16/12/2026'); // when the head will be told
    expect(p.member.since(before)).toHaveLength(2);
  });

  it('a report restarts the interval: the old ladder never reaches the head', async () => {
    h.clock.set(iso('2026-12-15T10:00:00'));
    await reportProgress(h.app, p.memberId, taskId, 30, 'Đã rà soát 12/40 dự án');
    await h.idle();
    const progress = (await clockOf(h, taskId, 'TASK_PROGRESS'))!;
    expect(progress.generation).toBe(1);
    expect(progress.dueAt.toISOString()).toBe(iso('2026-12-22T10:00:00'));
    const headBefore = p.head.texts().filter((t) => t.includes('⚠️')).length;
    await h.setTime(iso('2026-12-16T09:30:00')); // the old generation's level 2 was due at 09:00
    await h.setTime(iso('2026-12-22T09:59:00'));
    expect(p.head.texts().filter((t) => t.includes('⚠️'))).toHaveLength(headBefore);
    const memberBefore = p.member.texts().length;
    await h.setTime(iso('2026-12-22T10:00:00'));
    expect(p.member.since(memberBefore)).toEqual([expect.stringContaining('⏰ Đến kỳ báo cáo tiến độ NV-2026-0001')]);
  });

  it('stops when the time left is shorter than the interval', async () => {
    // Friday 25/12 + 5 working days = Monday 4/1/2027 (1/1 is a holiday): after the deadline.
    h.clock.set(iso('2026-12-25T09:00:00'));
    await reportProgress(h.app, p.memberId, taskId, 80, 'Còn 8 dự án');
    await h.idle();
    const progress = (await clockOf(h, taskId, 'TASK_PROGRESS'))!;
    expect(progress.state).toBe('STOPPED');
    expect(progress.stopReason).toBe('deadline-first');
    const reminders = await h.db.db.reminder.findMany({ where: { clockId: progress.id }, orderBy: { id: 'asc' } });
    expect(reminders.map((r) => [r.generation, r.level])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it('the reminder before the deadline comes once, one working day before', async () => {
    const before = p.member.texts().length;
    await h.setTime(iso('2026-12-31T07:29:00'));
    expect(p.member.since(before)).toEqual([]);
    await h.setTime(iso('2026-12-31T07:30:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏳ NV-2026-0001 sắp đến hạn')]);
    expect(p.member.last()).toContain('80%');
    await h.setTime(iso('2026-12-31T16:59:00'));
    expect(p.member.since(before)).toHaveLength(1);
    const clock = (await clockOf(h, taskId, 'TASK_BEFORE_DEADLINE'))!;
    expect(clock.state).toBe('STOPPED');
  });

  it('past a deadline at closing time, the overdue reminder waits for the next opening after the 1/1 holiday', async () => {
    const before = p.member.texts().length;
    await h.setTime(iso('2026-12-31T17:00:00'));
    await h.setTime(iso('2027-01-01T09:00:00'));
    await h.setTime(iso('2027-01-04T07:29:00'));
    expect(p.member.since(before)).toEqual([]);
    await h.setTime(iso('2027-01-04T07:30:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('🔴 NV-2026-0001 đã quá hạn')]);
  });
});

describe('before the deadline, overdue ladder, and an approved extension (HIGH)', () => {
  let h: Harness;
  let p: People;
  let taskId: TaskId;

  beforeAll(async () => {
    ({ h, p } = await setUp('2026-12-07T09:00:00'));
    taskId = await give(h, p, 'Báo cáo giải ngân vốn đầu tư công quý IV', '2026-12-09T16:00:00', 'HIGH');
    await acceptTask(h.app, p.memberId, taskId);
    await h.idle();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a task shorter than the interval gets no progress clock', async () => {
    const progress = await clockOf(h, taskId, 'TASK_PROGRESS');
    expect(progress === null || progress.state === 'STOPPED').toBe(true);
  });

  it('reminds 4 working hours before the deadline, once', async () => {
    const before = p.member.texts().length;
    await h.setTime(iso('2026-12-09T09:59:00'));
    expect(p.member.since(before)).toEqual([]);
    await h.setTime(iso('2026-12-09T10:00:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏳ NV-2026-0001 sắp đến hạn')]);
    await h.setTime(iso('2026-12-09T15:59:00'));
    expect(p.member.since(before)).toHaveLength(1);
  });

  it('at the deadline, the overdue ladder starts; its step is half the task, at most a working day', async () => {
    const before = p.member.texts().length;
    await h.setTime(iso('2026-12-09T16:00:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('🔴 NV-2026-0001 đã quá hạn')]);
    const overdue = (await clockOf(h, taskId, 'TASK_OVERDUE'))!;
    expect(overdue.stepMs).toBe(7.5 * HOUR);
    await h.setTime(iso('2026-12-10T16:00:00'));
    expect(p.member.last()).toContain('🔴 Nhắc lần 2: NV-2026-0001 đã quá hạn');
    expect(p.member.last()).toContain('16:00 11/12/2026');
  });

  it('an approved extension moves the deadline clocks; the old generation never fires', async () => {
    await h.setTime(iso('2026-12-11T10:00:00'));
    const old = (await clockOf(h, taskId, 'TASK_OVERDUE'))!;
    expect([old.generation, old.level]).toEqual([0, 2]);
    // Level 2 is due within the horizon: its delayed job is in Redis now.
    const staleJobId = clockJobId({ id: old.id, generation: 0, level: 2, cycle: 0 });
    expect(await (await h.queues.clocks.getJob(staleJobId))?.getState()).toBe('delayed');

    const { requestId } = await requestExtension(h.app, p.memberId, taskId, at('2026-12-15T16:00:00'), 'Chờ số liệu của Kho bạc');
    await h.idle();
    await decideExtension(h.app, p.headId, requestId, true);
    await h.idle();
    const moved = (await clockOf(h, taskId, 'TASK_OVERDUE'))!;
    expect([moved.generation, moved.level, moved.dueAt.toISOString()]).toEqual([1, 0, iso('2026-12-15T16:00:00')]);
    const beforeDeadline = (await clockOf(h, taskId, 'TASK_BEFORE_DEADLINE'))!;
    expect([beforeDeadline.state, beforeDeadline.generation, beforeDeadline.nextAt.toISOString()]).toEqual(['ACTIVE', 1, iso('2026-12-15T10:00:00')]);

    // The old job runs anyway (as if its delay ran out): it finds the clock moved on and sends nothing.
    const headBefore = p.head.texts().length;
    const job = (await h.queues.clocks.getJob(staleJobId))!;
    await job.promote();
    await h.idle();
    expect(await h.queues.clocks.getJob(staleJobId)).toBeUndefined(); // it ran and completed
    await h.setTime(iso('2026-12-11T16:30:00'));
    expect(p.head.since(headBefore).filter((t) => t.includes('⚠️'))).toEqual([]);
    expect(await h.db.db.reminder.count({ where: { clockId: old.id, generation: 0, level: 2 } })).toBe(0);
  });

  it('the new deadline brings its own heads-up and overdue reminder', async () => {
    const before = p.member.texts().length;
    await h.setTime(iso('2026-12-15T10:00:00'));
    await h.setTime(iso('2026-12-15T16:00:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏳ NV-2026-0001 sắp đến hạn'), expect.stringContaining('🔴 NV-2026-0001 đã quá hạn')]);
    const overdue = (await clockOf(h, taskId, 'TASK_OVERDUE'))!;
    const reminders = await h.db.db.reminder.findMany({ where: { clockId: overdue.id }, orderBy: { id: 'asc' } });
    expect(reminders.map((r) => [r.generation, r.level])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });
});

describe('URGENT runs on wall time, at night and over the weekend', () => {
  let h: Harness;
  let p: People;
  let taskId: TaskId;

  beforeAll(async () => {
    // Saturday 12/12/2026, 22:00.
    ({ h, p } = await setUp('2026-12-12T22:00:00'));
    taskId = await give(h, p, 'Kiểm tra đê bao xã Tân Lập trước triều cường', '2026-12-13T06:00:00', 'URGENT');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the 30-minute time to accept steps every 15 minutes, not every working hour', async () => {
    const accept = (await clockOf(h, taskId, 'TASK_ACCEPT'))!;
    expect(accept.dueAt.toISOString()).toBe(iso('2026-12-12T22:30:00'));
    expect(accept.stepMs).toBe(15 * 60_000);
  });

  it('reminds at 22:30 and 22:45 on a Saturday night, tells the head at 23:00 and the deputy chair at 23:15', async () => {
    const memberBefore = p.member.texts().length;
    await h.setTime(iso('2026-12-12T22:30:00'));
    expect(p.member.last()).toContain('⏰ Nhắc: NV-2026-0001 chưa được nhận việc');
    await h.setTime(iso('2026-12-12T22:45:00'));
    expect(p.member.last()).toContain('⏰ Nhắc lần 2: NV-2026-0001 chưa được nhận việc');
    expect(p.member.last()).toContain('23:00 12/12/2026');
    expect(p.member.since(memberBefore)).toHaveLength(2);
    await h.setTime(iso('2026-12-12T23:00:00'));
    expect(p.head.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    await h.setTime(iso('2026-12-12T23:15:00'));
    expect(p.deputyChair.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    const accept = (await clockOf(h, taskId, 'TASK_ACCEPT'))!;
    const sent = await h.db.db.reminder.findMany({ where: { clockId: accept.id }, orderBy: { id: 'asc' } });
    expect(sent.map((r) => r.at.toISOString())).toEqual([iso('2026-12-12T22:30:00'), iso('2026-12-12T22:45:00'), iso('2026-12-12T23:00:00'), iso('2026-12-12T23:15:00')]);
  });

  it('its deadline clocks run through Sunday night too: 1 hour before, and at the deadline', async () => {
    h.clock.set(iso('2026-12-12T23:20:00'));
    await acceptTask(h.app, p.memberId, taskId);
    await h.idle();
    const before = p.member.texts().length;
    await h.setTime(iso('2026-12-13T04:59:00'));
    expect(p.member.since(before)).toEqual([]);
    await h.setTime(iso('2026-12-13T05:00:00'));
    await h.setTime(iso('2026-12-13T06:00:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏳ NV-2026-0001 sắp đến hạn'), expect.stringContaining('🔴 NV-2026-0001 đã quá hạn')]);
  });
});

describe('NORMAL reminders due when the office is closed go out at the next opening', () => {
  let h: Harness;
  let p: People;

  beforeAll(async () => {
    // Thursday 4/2/2027, the last working day before Tết Nguyên đán (5/2–9/2, made up on 10/2 and 11/2).
    ({ h, p } = await setUp('2027-02-04T11:00:00'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a time to accept running out at 17:00 before Tết reminds at 07:30 on Friday 12/2, not during Tết', async () => {
    const taskId = await give(h, p, 'Tổng hợp tình hình trực Tết của các xã', '2027-02-26T17:00:00', 'NORMAL');
    const accept = (await clockOf(h, taskId, 'TASK_ACCEPT'))!;
    expect(accept.dueAt.toISOString()).toBe(iso('2027-02-12T07:30:00'));
    const before = p.member.texts().length;
    for (const t of ['2027-02-04T17:00:00', '2027-02-04T23:00:00', '2027-02-06T09:00:00', '2027-02-08T09:00:00', '2027-02-10T09:00:00', '2027-02-11T16:00:00', '2027-02-12T07:29:00']) {
      await h.setTime(iso(t));
    }
    expect(p.member.since(before)).toEqual([]);
    await h.setTime(iso('2027-02-12T07:30:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏰ Nhắc: NV-2027-0001 chưa được nhận việc')]);
    // Its next level is 2 working hours later, on the same morning.
    await h.setTime(iso('2027-02-12T09:30:00'));
    expect(p.member.last()).toContain('⏰ Nhắc lần 2: NV-2027-0001');
    await acceptTask(h.app, p.memberId, taskId);
    await h.idle();
  });

  it('over 30/4–1/5 (1/5 is a Saturday, made up on Monday 3/5) it waits for Tuesday 4/5', async () => {
    await h.setTime(iso('2027-04-29T11:00:00'));
    const taskId = await give(h, p, 'Báo cáo kết quả tổng vệ sinh môi trường', '2027-05-14T17:00:00', 'NORMAL');
    const before = p.member.texts().length;
    for (const t of ['2027-04-29T17:00:00', '2027-04-30T09:00:00', '2027-05-01T09:00:00', '2027-05-03T09:00:00', '2027-05-04T07:29:00']) {
      await h.setTime(iso(t));
    }
    expect(p.member.since(before)).toEqual([]);
    await h.setTime(iso('2027-05-04T07:30:00'));
    expect(p.member.since(before)).toEqual([expect.stringContaining('⏰ Nhắc: NV-2027-0002 chưa được nhận việc')]);
    const accept = (await clockOf(h, taskId, 'TASK_ACCEPT'))!;
    const [first] = await h.db.db.reminder.findMany({ where: { clockId: accept.id } });
    expect(first!.at.toISOString()).toBe(iso('2027-05-04T07:30:00'));
  });
});
