// Where each of the sandbox's time moves lands, on the organisation's working calendar. Pure: the calendar and "now"
// in, an instant out, always later than now.
import type { WorkingCalendar } from '../domain/calendar/types.js';
import { formatIsoDate, parseIsoDate } from '../domain/calendar/civil.js';
import { formatTime } from '../domain/time/local-time.js';
import { HOUR_MS } from '../domain/time/duration.js';

export type TimeMove = 'hour' | 'working-day' | 'morning';
export const TIME_MOVES: readonly TimeMove[] = ['hour', 'working-day', 'morning'];

/** A move that would not go forward (or a target nobody can read): answered with a clear message, never applied. */
export class TimeMoveRefused extends Error {
  constructor(
    readonly reason: 'backwards' | 'unreadable' | 'busy',
    message: string,
  ) {
    super(message);
    this.name = 'TimeMoveRefused';
  }
}

/** The first working day after the local date of `at` (n = 1), or the n-th. */
export function nextWorkingDate(calendar: WorkingCalendar, at: Date, n = 1): string {
  let day = parseIsoDate(calendar.localDate(at))!;
  for (let found = 0; found < n; ) {
    day += 1;
    if (calendar.isWorkingDay(formatIsoDate(day))) found++;
  }
  return formatIsoDate(day);
}

/** The same local time of day on the n-th next working day. */
export function workingDaysLater(calendar: WorkingCalendar, now: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 1) throw new TimeMoveRefused('backwards', `a move of ${n} working days does not go forward`);
  return calendar.instantOf(nextWorkingDate(calendar, now, n), formatTime(now, calendar.timezone));
}

/**
 * Reads a target: "HH:MM tomorrow" is that time on the next working day (a trainer's "07:30 sáng mai" on a Friday
 * means Monday's digest, not Saturday's quiet); an ISO instant with its offset is taken as it is.
 */
export function resolveTarget(calendar: WorkingCalendar, now: Date, target: string): Date {
  const morning = /^(\d{1,2}):(\d{2}) tomorrow$/.exec(target.trim());
  if (morning) {
    const [h, m] = [Number(morning[1]), Number(morning[2])];
    if (h > 23 || m > 59) throw new TimeMoveRefused('unreadable', `"${target}" is not a time of day`);
    return calendar.instantOf(nextWorkingDate(calendar, now), `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(target.trim())) {
    const at = new Date(target.trim());
    if (!Number.isNaN(at.getTime())) return at;
  }
  throw new TimeMoveRefused('unreadable', `"${target}" is neither "HH:MM tomorrow" nor an ISO instant with its offset`);
}

/** Where a named move lands from `now`. */
export function moveTarget(calendar: WorkingCalendar, now: Date, move: TimeMove, digestTime: string): Date {
  switch (move) {
    case 'hour':
      return new Date(now.getTime() + HOUR_MS);
    case 'working-day':
      return workingDaysLater(calendar, now, 1);
    case 'morning':
      return resolveTarget(calendar, now, `${digestTime} tomorrow`);
  }
}
