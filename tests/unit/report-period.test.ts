import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, DEFAULT_WEEK_WINDOWS } from '../../src/domain/calendar/working-calendar.js';
import { digestInstants } from '../../src/domain/digest/instants.js';
import { answerFlags, median, taskFlags, type AnswerFact, type TaskFact } from '../../src/domain/report/metrics.js';
import { parseLocalDate, parsePeriod } from '../../src/domain/report/period.js';

const TODAY = '2026-12-08';

describe('evaluation periods as heads type them', () => {
  it.each([
    ['thang', { kind: 'month', from: '2026-12-01', to: '2026-12-31', index: 12 }],
    ['Tháng trước', { kind: 'month', from: '2026-11-01', to: '2026-11-30', index: 11 }],
    ['thang 2', { kind: 'month', from: '2026-02-01', to: '2026-02-28' }],
    ['thang 2/2028', { kind: 'month', from: '2028-02-01', to: '2028-02-29' }],
    ['month 2025-07', { kind: 'month', from: '2025-07-01', to: '2025-07-31' }],
    ['quy', { kind: 'quarter', from: '2026-10-01', to: '2026-12-31', index: 4 }],
    ['quý 1', { kind: 'quarter', from: '2026-01-01', to: '2026-03-31' }],
    ['quy truoc', { kind: 'quarter', from: '2026-07-01', to: '2026-09-30', index: 3 }],
    ['quarter 3/2025', { kind: 'quarter', from: '2025-07-01', to: '2025-09-30' }],
    ['năm', { kind: 'year', from: '2026-01-01', to: '2026-12-31' }],
    ['nam truoc', { kind: 'year', from: '2025-01-01', to: '2025-12-31' }],
    ['year 2024', { kind: 'year', from: '2024-01-01', to: '2024-12-31' }],
    ['01/11/2026 30/11/2026', { kind: 'range', from: '2026-11-01', to: '2026-11-30' }],
    ['từ 1/11 đến 15/11', { kind: 'range', from: '2026-11-01', to: '2026-11-15' }],
    ['01/11/2026-30/11/2026', { kind: 'range', from: '2026-11-01', to: '2026-11-30' }],
  ])('%s', (input, expected) => {
    expect(parsePeriod(input, TODAY)).toMatchObject(expected);
  });

  it("January's previous month is December of the year before", () => {
    expect(parsePeriod('thang truoc', '2027-01-05')).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(parsePeriod('quy truoc', '2027-02-05')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
  });

  it.each(['', 'thang 13', 'quy 5', 'nam 20', 'hom qua', '30/11/2026 01/11/2026', '31/02/2026 01/03/2026', 'thang 1 2 3'])('refuses "%s"', (input) => {
    expect(parsePeriod(input, TODAY)).toBeUndefined();
  });

  it('reads dates the way officials write them', () => {
    expect(parseLocalDate('05/12/2026', 2026)).toBe('2026-12-05');
    expect(parseLocalDate('5/1', 2027)).toBe('2027-01-05');
    expect(parseLocalDate('2026-12-05', 2000)).toBe('2026-12-05');
    expect(parseLocalDate('29/02/2026', 2026)).toBeUndefined();
  });
});

describe('figures from items', () => {
  const cal = createWorkingCalendar({ timezone: 'Asia/Ho_Chi_Minh', weekWindows: DEFAULT_WEEK_WINDOWS, extraHolidays: [], extraWorkdays: [] });
  const wm = (a: Date, b: Date) => cal.workingMsBetween(a, b);
  const d = (s: string) => new Date(`${s}:00+07:00`);
  const bounds = { from: d('2026-11-01T00:00'), to: d('2026-12-01T00:00'), cutoff: d('2026-12-01T00:00') };
  const task = (x: Partial<TaskFact>): TaskFact => ({
    id: 1,
    code: 'NV-2026-0001',
    title: 't',
    priority: 'NORMAL',
    status: 'IN_PROGRESS',
    assigneeId: 1,
    assignerId: 2,
    unitId: 1,
    receivedAt: d('2026-11-02T09:00'),
    acceptDueAt: d('2026-11-02T15:00'),
    acceptedAt: null,
    deadline: d('2026-11-20T17:00'),
    completedAt: null,
    cancelledAt: null,
    ...x,
  });

  it('accepting exactly at the limit is in time; completing exactly at the deadline is on time', () => {
    const f = taskFlags(task({ acceptedAt: d('2026-11-02T15:00'), completedAt: d('2026-11-20T17:00'), status: 'DONE' }), bounds, wm);
    expect(f).toMatchObject({ received: true, acceptedInTime: true, completedOnTime: true, completedLate: false, overdueNow: false, acceptMs: 4 * 3_600_000 });
  });

  it('a task completed after the period was still overdue at its end', () => {
    expect(taskFlags(task({ completedAt: d('2026-12-03T10:00'), status: 'DONE' }), bounds, wm)).toMatchObject({ overdueNow: true, completedLate: false });
  });

  it('a task received after the period counts nowhere; one cancelled in the period counts nowhere either', () => {
    expect(taskFlags(task({ receivedAt: d('2026-12-02T09:00'), deadline: d('2026-12-20T17:00') }), bounds, wm)).toMatchObject({
      received: false,
      overdueNow: false,
    });
    expect(taskFlags(task({ cancelledAt: d('2026-11-25T09:00'), status: 'CANCELLED' }), bounds, wm)).toMatchObject({
      cancelled: true,
      received: false,
      overdueNow: false,
    });
  });

  it('an answer is late only with a stance after the deadline; silence past it is "overdue, unanswered"', () => {
    const a = (x: Partial<AnswerFact>): AnswerFact => ({
      id: 1,
      consultationId: 1,
      code: 'YK-2026-0001',
      subject: 's',
      status: 'OPEN',
      officialId: 1,
      unitId: 1,
      askerId: 2,
      askedAt: d('2026-11-02T09:00'),
      deadline: d('2026-11-05T17:00'),
      closedAt: null,
      answeredAt: null,
      stance: null,
      noStanceReply: false,
      ...x,
    });
    expect(answerFlags(a({ answeredAt: d('2026-11-06T08:00'), stance: 'AGREE' }), bounds, wm)).toMatchObject({
      answeredLate: true,
      unansweredOverdue: false,
      answerMs: (6 + 7.5 * 3 + 0.5) * 3_600_000,
    });
    expect(answerFlags(a({ noStanceReply: true }), bounds, wm)).toMatchObject({ unansweredOverdue: true, noStance: true, answerMs: null });
    expect(answerFlags(a({ status: 'CLOSED', closedAt: d('2026-11-04T09:00') }), bounds, wm)).toMatchObject({ unansweredOverdue: false });
  });

  it('medians', () => {
    expect(median([])).toBeNull();
    expect(median([7, 1, 0.5])).toBe(1);
    expect(median([16, 30])).toBe(23);
  });
});

describe('digest instants', () => {
  const cal = createWorkingCalendar({ timezone: 'Asia/Ho_Chi_Minh', weekWindows: DEFAULT_WEEK_WINDOWS, extraHolidays: [], extraWorkdays: [] });
  const d = (s: string) => new Date(`${s}:00+07:00`);

  it('on a Monday the previous working day is Friday and the reminders window covers the weekend', () => {
    const { window, instants } = digestInstants(cal, d('2026-12-07T07:30'), { dueSoonWorkingDays: 2 });
    expect(window).toEqual({ date: '2026-12-07', previousWorkingDay: '2026-12-04', lastDayBefore: '2026-12-06' });
    expect(instants.remindersFrom).toEqual(d('2026-12-04T00:00'));
    expect(instants.remindersTo).toEqual(d('2026-12-07T00:00'));
  });

  it("due soon and the overdue buckets count in working days, a window's opening equal to the last closing", () => {
    const { instants } = digestInstants(cal, d('2026-12-08T07:30'), { dueSoonWorkingDays: 2 });
    // Tuesday 07:30 + 2 working days = Wednesday 17:00 = Thursday 07:30.
    expect(instants.dueSoonUntil).toEqual(d('2026-12-10T07:30'));
    // 2 working days back: Friday 07:30 = Thursday 17:00; 5 back: Tuesday 07:30 = Monday 17:00 a week before.
    expect(instants.shortSince).toEqual(d('2026-12-03T17:00'));
    expect(instants.mediumSince).toEqual(d('2026-11-30T17:00'));
  });

  it('after Tết the previous working day is the one before the break', () => {
    const { window } = digestInstants(cal, d('2027-02-11T07:30'), { dueSoonWorkingDays: 2 });
    expect(window.previousWorkingDay < '2027-02-05').toBe(true);
  });
});
