// The instants a digest compares deadlines and reminders with, from "now" and the working calendar.
import { formatIsoDate, parseIsoDate } from '../calendar/civil.js';
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import type { DigestPolicy } from '../policy/types.js';
import { working } from '../time/duration.js';
import { OVERDUE_BUCKET_DAYS, type DigestInstants, type DigestWindow } from './types.js';

/** How far back to look for a previous working day (Tết can close offices for 9 days in a row). */
const MAX_DAYS_BACK = 40;

function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(parseIsoDate(date)! + days);
}

/**
 * The earliest instant with the same working time as `at`: a window's opening is "the same moment" as the previous
 * window's close, so a deadline at Wednesday 17:00 is as overdue on Monday 07:30 as one at Thursday 07:30.
 */
function earliestEquivalent(calendar: WorkingCalendar, at: Date): Date {
  return new Date(calendar.subtract(at, working(1)).getTime() + 1);
}

export function digestWindow(calendar: WorkingCalendar, now: Date): DigestWindow {
  const date = calendar.localDate(now);
  let previous = addDays(date, -1);
  for (let i = 0; i < MAX_DAYS_BACK && !calendar.isWorkingDay(previous); i++) previous = addDays(previous, -1);
  return { date, previousWorkingDay: previous, lastDayBefore: addDays(date, -1) };
}

export function digestInstants(
  calendar: WorkingCalendar,
  now: Date,
  policy: Pick<DigestPolicy, 'dueSoonWorkingDays'>,
): { instants: DigestInstants; window: DigestWindow } {
  const day = calendar.workingDayMs;
  const window = digestWindow(calendar, now);
  return {
    window,
    instants: {
      now,
      dueSoonUntil: calendar.nextOpening(calendar.add(now, working(policy.dueSoonWorkingDays * day))),
      shortSince: earliestEquivalent(calendar, calendar.subtract(now, working(OVERDUE_BUCKET_DAYS.short * day))),
      mediumSince: earliestEquivalent(calendar, calendar.subtract(now, working(OVERDUE_BUCKET_DAYS.medium * day))),
      remindersFrom: calendar.instantOf(window.previousWorkingDay, '00:00'),
      remindersTo: calendar.instantOf(window.date, '00:00'),
    },
  };
}
