// Statutory public holidays of Viet Nam (Labour Code 2019 art. 112) and compensation days (art. 111), computed per
// Gregorian year as day numbers. The admin's yearly adjustments (the government's exact Tết break, make-up
// Saturdays) are applied on top by the working calendar, not here.
import { daysFromCivil, weekdayOfDays } from './civil.js';
import { lunarToSolarDays } from './lunar.js';
import type { CalendarConfig, HolidayKind } from './types.js';

export const HOLIDAY_KINDS = [
  'new-year',
  'lunar-new-year',
  'hung-kings',
  'victory-day',
  'labour-day',
  'national-day',
] as const satisfies readonly HolidayKind[];

/** Which day joins 2/9 (art. 112 lets the Prime Minister pick the day before or after). */
export type NationalDayExtra = NonNullable<CalendarConfig['nationalDayExtra']>;

export interface HolidayRules {
  /** Does this weekday (0 = Sunday) have working windows in the normal week? */
  isWeeklyWorkday(weekday: number): boolean;
  /** Tết Nguyên đán is 5 days; this many of them come before lunar New Year's day (default 1: the last day of the year). */
  tetDaysBefore: number;
  nationalDayExtra: NationalDayExtra;
}

export interface YearHolidays {
  /** Day number → the holiday observed that day. */
  holidays: Map<number, HolidayKind>;
  /** Day number of a compensation day → the day number of the holiday on a weekly day off it makes up for. */
  compensations: Map<number, number>;
}

export const TET_DAYS = 5;

/**
 * The adjacent day of Quốc khánh under 'auto': the neighbour that is a weekly working day; when both are, the one
 * whose other side is a weekly day off (so the break joins a weekend); otherwise the day before. With Mon–Fri
 * weeks: 2/9 on Mon → 3/9, Tue → 1/9, Wed → 1/9, Thu → 3/9, Fri → 1/9, Sat → 1/9, Sun → 3/9 (matches 2023–2025).
 */
function nationalDayCompanion(year: number, rules: HolidayRules): number {
  const day = daysFromCivil(year, 9, 2);
  if (rules.nationalDayExtra === 'before') return day - 1;
  if (rules.nationalDayExtra === 'after') return day + 1;
  const works = (d: number): boolean => rules.isWeeklyWorkday(weekdayOfDays(d));
  const before = day - 1;
  const after = day + 1;
  if (works(before) && !works(after)) return before;
  if (works(after) && !works(before)) return after;
  if (works(before) && works(after)) {
    const beforeJoinsWeekend = !works(before - 1);
    const afterJoinsWeekend = !works(after + 1);
    if (afterJoinsWeekend && !beforeJoinsWeekend) return after;
  }
  return before;
}

export function vietnamHolidays(year: number, rules: HolidayRules): YearHolidays {
  const holidays = new Map<number, HolidayKind>();
  // An earlier rule keeps a day that two holidays share (Giỗ Tổ can meet 30/4 in a rare year): one day off, as
  // the law gives no extra day for that case; the admin can add one.
  const put = (day: number, kind: HolidayKind): void => {
    if (!holidays.has(day)) holidays.set(day, kind);
  };
  put(daysFromCivil(year, 1, 1), 'new-year');
  const tet = lunarToSolarDays(1, 1, year);
  if (tet !== undefined) {
    const first = tet - rules.tetDaysBefore;
    for (let i = 0; i < TET_DAYS; i++) put(first + i, 'lunar-new-year');
  }
  const hungKings = lunarToSolarDays(10, 3, year);
  if (hungKings !== undefined) put(hungKings, 'hung-kings');
  put(daysFromCivil(year, 4, 30), 'victory-day');
  put(daysFromCivil(year, 5, 1), 'labour-day');
  put(daysFromCivil(year, 9, 2), 'national-day');
  put(nationalDayCompanion(year, rules), 'national-day');

  // Art. 111: a holiday on a weekly day off is made up on the next working day, one day for each such holiday.
  const compensations = new Map<number, number>();
  const ordered = [...holidays.keys()].sort((a, b) => a - b);
  for (const day of ordered) {
    if (rules.isWeeklyWorkday(weekdayOfDays(day))) continue;
    let next = day + 1;
    while (!rules.isWeeklyWorkday(weekdayOfDays(next)) || holidays.has(next) || compensations.has(next)) {
      if (++next > day + 366) break; // a week with no working day: nothing to make up on
    }
    if (next <= day + 366) compensations.set(next, day);
  }
  return { holidays, compensations };
}
