// The working calendar of one organisation (PRODUCT.md §4): windows per weekday in the org's time zone, Vietnamese
// public holidays by law, the admin's adjustments; working-time arithmetic on precomputed per-year tables.
import { formatClockTime, formatIsoDate, parseClockTime, parseIsoDate, weekdayOfDays } from './civil.js';
import { createTimeZone, type TimeZone } from '../time/time-zone.js';
import type { CalendarConfigInput, CalendarDay, ClockTime, IsoDate, WorkingCalendar } from './types.js';
import { standardDay, toMinuteWindows, type MinuteWindow } from './week-windows.js';
import type { HolidayRules } from './vietnam-holidays.js';
import { buildYearTable, cumulativeAt, DAY_REASONS, dayIndexOf, instantAtCumulative, latestInstantAtCumulative, type YearTable } from './year-table.js';
import { DAY_MS, MINUTE_MS, type Duration } from '../time/duration.js';

export { DEFAULT_WEEK_WINDOWS, standardDayMs } from './week-windows.js';

/** The lunar formulas and the law's rules are meaningful in this range; outside it, refuse rather than guess. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2399;
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

function dayNumberOf(date: IsoDate): number {
  const d = parseIsoDate(date);
  if (d === undefined) throw new RangeError(`"${date}" is not a date like 2026-02-17`);
  return d;
}

function timeOf(at: Date): number {
  const t = at.getTime();
  if (!Number.isFinite(t)) throw new RangeError('invalid Date');
  return t;
}

class Calendar implements WorkingCalendar {
  readonly timezone: string;
  readonly workingDayMs: number;
  private readonly tables = new Map<number, YearTable>();
  // Two recently used years: most calls stay in one, `workingMsBetween` may straddle two.
  private recentA: YearTable | undefined;
  private recentB: YearTable | undefined;

  constructor(
    private readonly zone: TimeZone,
    private readonly week: MinuteWindow[][],
    private readonly standard: MinuteWindow[],
    private readonly rules: HolidayRules,
    private readonly extraHolidays: ReadonlySet<number>,
    private readonly extraWorkdays: ReadonlySet<number>,
  ) {
    this.timezone = zone.name;
    this.workingDayMs = standard.reduce((s, w) => s + w.end - w.start, 0) * MINUTE_MS;
  }

  // === Tables

  private table(year: number): YearTable {
    let t = this.tables.get(year);
    if (!t) {
      if (year < MIN_YEAR || year > MAX_YEAR) throw new RangeError(`year ${year} is outside the working calendar (${MIN_YEAR}–${MAX_YEAR})`);
      t = buildYearTable({
        year,
        zone: this.zone,
        week: this.week,
        standard: this.standard,
        rules: this.rules,
        extraHolidays: this.extraHolidays,
        extraWorkdays: this.extraWorkdays,
      });
      this.tables.set(year, t);
    }
    return t;
  }

  private tableAt(at: number): YearTable {
    const a = this.recentA;
    if (a && at >= a.start && at < a.end) return a;
    const b = this.recentB;
    if (b && at >= b.start && at < b.end) {
      this.recentA = b;
      this.recentB = a;
      return b;
    }
    const year = new Date(at).getUTCFullYear();
    let t = this.table(year);
    if (at < t.start) t = this.table(year - 1);
    else if (at >= t.end) t = this.table(year + 1);
    this.recentB = a;
    this.recentA = t;
    return t;
  }

  private dayOf(date: IsoDate): { table: YearTable; index: number; dayNumber: number } {
    const dayNumber = dayNumberOf(date);
    const year = Number(date.slice(0, 4));
    const table = this.table(year);
    return { table, index: dayNumber - table.firstDay, dayNumber };
  }

  // === Instants

  isWorkingTime(at: Date): boolean {
    const a = timeOf(at);
    const t = this.tableAt(a);
    const d = dayIndexOf(t, a);
    for (let i = t.dayIv[d]!, last = t.dayIv[d + 1]!; i < last; i++) {
      if (a < t.ivStart[i]!) return false;
      if (a < t.ivEnd[i]!) return true;
    }
    return false;
  }

  isWorkingDay(at: Date | IsoDate): boolean {
    if (typeof at === 'string') {
      const { table, index } = this.dayOf(at);
      return table.working[index] === 1;
    }
    const a = timeOf(at);
    const t = this.tableAt(a);
    return t.working[dayIndexOf(t, a)] === 1;
  }

  nextOpening(at: Date): Date {
    const a = timeOf(at);
    let t = this.tableAt(a);
    // The first interval that has not ended yet: its start, or `at` itself when inside it.
    let i = t.dayIv[dayIndexOf(t, a)]!;
    for (;;) {
      for (; i < t.intervals; i++) {
        if (a < t.ivEnd[i]!) return a >= t.ivStart[i]! ? new Date(a) : new Date(t.ivStart[i]!);
      }
      t = this.table(t.year + 1);
      i = 0;
    }
  }

  add(from: Date, duration: Duration): Date {
    const a = timeOf(from);
    if (duration.basis === 'wall') return new Date(a + duration.ms);
    if (duration.ms < 0) return this.subtract(from, { ms: -duration.ms, basis: 'working' });
    if (duration.ms === 0) return new Date(a);
    let t = this.tableAt(a);
    let c = cumulativeAt(t, a) + duration.ms;
    while (c > t.total) {
      c -= t.total;
      t = this.table(t.year + 1);
    }
    return new Date(instantAtCumulative(t, c));
  }

  subtract(from: Date, duration: Duration): Date {
    const a = timeOf(from);
    if (duration.basis === 'wall') return new Date(a - duration.ms);
    if (duration.ms < 0) return this.add(from, { ms: -duration.ms, basis: 'working' });
    if (duration.ms === 0) return new Date(a);
    let t = this.tableAt(a);
    let c = cumulativeAt(t, a) - duration.ms;
    while (c < 0) {
      t = this.table(t.year - 1);
      c += t.total;
    }
    return new Date(latestInstantAtCumulative(t, c));
  }

  workingMsBetween(from: Date, to: Date): number {
    const a = timeOf(from);
    const b = timeOf(to);
    if (b <= a) return 0;
    const ta = this.tableAt(a);
    const ca = cumulativeAt(ta, a);
    const tb = this.tableAt(b);
    if (ta === tb) return cumulativeAt(tb, b) - ca;
    let sum = ta.total - ca;
    for (let y = ta.year + 1; y < tb.year; y++) sum += this.table(y).total;
    return sum + cumulativeAt(tb, b);
  }

  // === Dates

  localDate(at: Date): IsoDate {
    const a = timeOf(at);
    const t = this.tableAt(a);
    return formatIsoDate(t.firstDay + dayIndexOf(t, a));
  }

  instantOf(date: IsoDate, time: ClockTime): Date {
    const minutes = parseClockTime(time);
    if (minutes === undefined) throw new RangeError(`"${time}" is not a time like 17:00`);
    return new Date(this.zone.localToUtc(dayNumberOf(date) * DAY_MS + minutes * MINUTE_MS));
  }

  closingTime(date: IsoDate): Date {
    const { table, index, dayNumber } = this.dayOf(date);
    const last = table.dayIv[index + 1]!;
    if (last > table.dayIv[index]!) return new Date(table.ivEnd[last - 1]!);
    const weekly = this.week[weekdayOfDays(dayNumber)]!;
    const windows = weekly.length > 0 ? weekly : this.standard;
    return this.instantOf(date, formatClockTime(windows[windows.length - 1]!.end));
  }

  windowsOn(date: IsoDate): { start: Date; end: Date }[] {
    const { table, index } = this.dayOf(date);
    const out: { start: Date; end: Date }[] = [];
    for (let i = table.dayIv[index]!; i < table.dayIv[index + 1]!; i++) out.push({ start: new Date(table.ivStart[i]!), end: new Date(table.ivEnd[i]!) });
    return out;
  }

  dayInfo(date: IsoDate): CalendarDay {
    const { table, index, dayNumber } = this.dayOf(date);
    return this.describe(table, index, dayNumber);
  }

  holidayName(date: IsoDate): string | undefined {
    const day = this.dayInfo(date);
    return day.working ? undefined : `calendar-day-${day.reason}`;
  }

  exceptionsIn(year: number): CalendarDay[] {
    const t = this.table(year);
    const out: CalendarDay[] = [];
    for (let i = 0; i < t.days; i++) {
      const dayNumber = t.firstDay + i;
      const normallyWorks = this.week[weekdayOfDays(dayNumber)]!.length > 0;
      if (normallyWorks !== (t.working[i] === 1)) out.push(this.describe(t, i, dayNumber));
    }
    return out;
  }

  private describe(t: YearTable, index: number, dayNumber: number): CalendarDay {
    const day: CalendarDay = {
      date: formatIsoDate(dayNumber),
      weekday: weekdayOfDays(dayNumber),
      working: t.working[index] === 1,
      reason: DAY_REASONS[t.reason[index]!]!,
    };
    const holidayDay = t.compensates.get(index);
    if (holidayDay !== undefined) day.compensates = { date: formatIsoDate(holidayDay), holiday: t.holidays.get(holidayDay)! };
    return day;
  }
}

function dateSet(dates: readonly IsoDate[], what: string): Set<number> {
  return new Set(
    dates.map((d) => {
      const n = parseIsoDate(d);
      if (n === undefined) throw new RangeError(`${what}: "${d}" is not a date like 2026-02-17`);
      return n;
    }),
  );
}

/**
 * Builds a working calendar. Throws RangeError on a configuration that cannot work (unknown time zone, a window
 * that ends before it starts, a week without any working window); the policy loader reports these with paths first.
 * A date in both `extraHolidays` and `extraWorkdays` is a working day.
 */
export function createWorkingCalendar(config: CalendarConfigInput): WorkingCalendar {
  const zone = createTimeZone(config.timezone);
  if (config.weekWindows.length !== 7) throw new RangeError(`weekWindows must have 7 days (Sunday first), got ${config.weekWindows.length}`);
  const week = config.weekWindows.map((d, i) => toMinuteWindows(d, WEEKDAY_NAMES[i]!));
  const standard = standardDay(week);
  if (standard.length === 0) throw new RangeError('the week has no working window');
  const tetDaysBefore = config.tetDaysBefore ?? 1;
  if (!Number.isInteger(tetDaysBefore) || tetDaysBefore < 0 || tetDaysBefore > 4) throw new RangeError(`tetDaysBefore must be 0–4, got ${tetDaysBefore}`);
  const rules: HolidayRules = {
    isWeeklyWorkday: (weekday) => week[weekday]!.length > 0,
    tetDaysBefore,
    nationalDayExtra: config.nationalDayExtra ?? 'auto',
  };
  return new Calendar(zone, week, standard, rules, dateSet(config.extraHolidays, 'extraHolidays'), dateSet(config.extraWorkdays, 'extraWorkdays'));
}
