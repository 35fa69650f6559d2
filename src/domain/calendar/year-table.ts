// One year of a working calendar, precomputed: the UTC instant of every local midnight, every working interval as
// UTC instants, and running totals of working time. Lookups are then O(1) by day and O(log n) by working time, so
// `add` and `workingMsBetween` never walk minute by minute.
import { DAY_MS, MINUTE_MS } from '../time/duration.js';
import { daysFromCivil, weekdayOfDays } from './civil.js';
import type { TimeZone } from '../time/time-zone.js';
import type { DayReason, HolidayKind } from './types.js';
import type { MinuteWindow } from './week-windows.js';
import { vietnamHolidays, type HolidayRules } from './vietnam-holidays.js';

export const DAY_REASONS = [
  'workday',
  'weekend',
  'new-year',
  'lunar-new-year',
  'hung-kings',
  'victory-day',
  'labour-day',
  'national-day',
  'compensation',
  'extra-holiday',
  'extra-workday',
] as const satisfies readonly DayReason[];

const REASON_INDEX = new Map<DayReason, number>(DAY_REASONS.map((r, i) => [r, i]));
const code = (r: DayReason): number => REASON_INDEX.get(r)!;

export interface YearTable {
  readonly year: number;
  /** Day number (days since 1970-01-01) of 1 January. */
  readonly firstDay: number;
  readonly days: number;
  /** UTC ms of local 1 January 00:00 and of the next 1 January 00:00. */
  readonly start: number;
  readonly end: number;
  /** UTC ms of each local midnight; `days + 1` entries. */
  readonly dayStart: Float64Array;
  /** Working ms of the year before each day; `days + 1` entries. */
  readonly dayCum: Float64Array;
  /** Index of each day's first interval; the day's intervals are [dayIv[d], dayIv[d + 1]). */
  readonly dayIv: Int32Array;
  readonly ivStart: Float64Array;
  readonly ivEnd: Float64Array;
  /** Working ms of the year before each interval starts / after it ends. */
  readonly ivCumStart: Float64Array;
  readonly ivCumEnd: Float64Array;
  readonly intervals: number;
  /** Working ms in the whole year. */
  readonly total: number;
  /** Index into DAY_REASONS per day. */
  readonly reason: Uint8Array;
  readonly working: Uint8Array;
  /** Day index of a compensation day → day number of the holiday it makes up for. */
  readonly compensates: Map<number, number>;
  readonly holidays: Map<number, HolidayKind>;
}

export interface YearTableInput {
  year: number;
  zone: TimeZone;
  /** Minute windows per weekday, 0 = Sunday. */
  week: readonly (readonly MinuteWindow[])[];
  /** Windows of a working day whose weekday normally has none (a make-up Saturday). */
  standard: readonly MinuteWindow[];
  rules: HolidayRules;
  extraHolidays: ReadonlySet<number>;
  extraWorkdays: ReadonlySet<number>;
}

export function buildYearTable(input: YearTableInput): YearTable {
  const { year, zone, week, standard } = input;
  const firstDay = daysFromCivil(year, 1, 1);
  const days = daysFromCivil(year + 1, 1, 1) - firstDay;
  const { holidays, compensations } = vietnamHolidays(year, input.rules);

  const dayStart = new Float64Array(days + 1);
  const offsets = new Float64Array(days + 1);
  let hint: number | undefined;
  for (let i = 0; i <= days; i++) {
    const local = (firstDay + i) * DAY_MS;
    const utc = zone.localToUtc(local, hint);
    dayStart[i] = utc;
    offsets[i] = local - utc;
    hint = offsets[i];
  }

  const reason = new Uint8Array(days);
  const working = new Uint8Array(days);
  const compensates = new Map<number, number>();
  const maxWindows = Math.max(standard.length, ...week.map((w) => w.length));
  const ivStart = new Float64Array(days * maxWindows);
  const ivEnd = new Float64Array(days * maxWindows);
  const ivCumStart = new Float64Array(days * maxWindows);
  const ivCumEnd = new Float64Array(days * maxWindows);
  const dayIv = new Int32Array(days + 1);
  const dayCum = new Float64Array(days + 1);
  let n = 0;
  let cum = 0;

  for (let i = 0; i < days; i++) {
    const dayNumber = firstDay + i;
    const weekly = week[weekdayOfDays(dayNumber)] ?? [];
    let why: DayReason;
    let windows: readonly MinuteWindow[] = [];
    // The admin's make-up day beats everything; a statutory reason is kept over the admin's own day off.
    if (input.extraWorkdays.has(dayNumber)) {
      why = 'extra-workday';
      windows = weekly.length > 0 ? weekly : standard;
    } else if (holidays.has(dayNumber)) why = holidays.get(dayNumber)!;
    else if (compensations.has(dayNumber)) {
      why = 'compensation';
      compensates.set(i, compensations.get(dayNumber)!);
    } else if (input.extraHolidays.has(dayNumber)) why = 'extra-holiday';
    else if (weekly.length === 0) why = 'weekend';
    else {
      why = 'workday';
      windows = weekly;
    }
    reason[i] = code(why);
    working[i] = windows.length > 0 ? 1 : 0;
    dayIv[i] = n;
    dayCum[i] = cum;
    const steady = offsets[i] === offsets[i + 1];
    for (const w of windows) {
      // Same offset all day (always, outside DST switch days): plain arithmetic; else ask the zone.
      const s = steady ? dayStart[i]! + w.start * MINUTE_MS : zone.localToUtc(dayNumber * DAY_MS + w.start * MINUTE_MS);
      const e = steady ? dayStart[i]! + w.end * MINUTE_MS : zone.localToUtc(dayNumber * DAY_MS + w.end * MINUTE_MS);
      if (e <= s) continue;
      ivStart[n] = s;
      ivEnd[n] = e;
      ivCumStart[n] = cum;
      cum += e - s;
      ivCumEnd[n] = cum;
      n++;
    }
  }
  dayIv[days] = n;
  dayCum[days] = cum;

  return {
    year,
    firstDay,
    days,
    start: dayStart[0]!,
    end: dayStart[days]!,
    dayStart,
    dayCum,
    dayIv,
    ivStart: ivStart.subarray(0, n),
    ivEnd: ivEnd.subarray(0, n),
    ivCumStart: ivCumStart.subarray(0, n),
    ivCumEnd: ivCumEnd.subarray(0, n),
    intervals: n,
    total: cum,
    reason,
    working,
    compensates,
    holidays,
  };
}

/** The day index of an instant inside the table's year. */
export function dayIndexOf(t: YearTable, at: number): number {
  let d = Math.floor((at - t.start) / DAY_MS);
  if (d < 0) d = 0;
  else if (d >= t.days) d = t.days - 1;
  // Days are 23–25 h long around DST switches: nudge the guess.
  while (d > 0 && at < t.dayStart[d]!) d--;
  while (d < t.days - 1 && at >= t.dayStart[d + 1]!) d++;
  return d;
}

/** Working ms of the year before an instant inside the table's year. */
export function cumulativeAt(t: YearTable, at: number): number {
  const d = dayIndexOf(t, at);
  let c = t.dayCum[d]!;
  const last = t.dayIv[d + 1]!;
  for (let i = t.dayIv[d]!; i < last; i++) {
    const s = t.ivStart[i]!;
    if (at <= s) break;
    const e = t.ivEnd[i]!;
    if (at < e) return c + (at - s);
    c = t.ivCumEnd[i]!;
  }
  return c;
}

/** The earliest instant at which the year's working total reaches `c` (0 < c <= total). */
export function instantAtCumulative(t: YearTable, c: number): number {
  let lo = 0;
  let hi = t.intervals - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.ivCumEnd[mid]! >= c) hi = mid;
    else lo = mid + 1;
  }
  return t.ivEnd[lo]! - (t.ivCumEnd[lo]! - c);
}

/** The latest instant at which the year's working total is `c` (0 <= c < total): an opening when between windows. */
export function latestInstantAtCumulative(t: YearTable, c: number): number {
  let lo = 0;
  let hi = t.intervals - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.ivCumStart[mid]! <= c) lo = mid;
    else hi = mid - 1;
  }
  return t.ivStart[lo]! + (c - t.ivCumStart[lo]!);
}
