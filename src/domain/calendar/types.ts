import type { Duration } from '../time/duration.js';

/** "07:30" */
export type ClockTime = string;
/** "2026-02-16" in the organisation's time zone. */
export type IsoDate = string;

export interface WorkingWindow {
  start: ClockTime;
  end: ClockTime;
}

export interface CalendarConfig {
  timezone: string;
  /** Index 0 = Sunday … 6 = Saturday; an empty list is a day off. */
  weekWindows: WorkingWindow[][];
  /** Days off added by the admin (the government's Tết decision, a bridge day). */
  extraHolidays: IsoDate[];
  /** Days that are working days although the law or the week says otherwise (make-up Saturdays). */
  extraWorkdays: IsoDate[];
  /** How many of the 5 days of Tết Nguyên đán come before lunar New Year's day (default 1: the last day of the year). */
  tetDaysBefore?: number;
  /** The day joined to Quốc khánh 2/9 (default 'auto': the neighbour that joins a weekend, else 1/9). */
  nationalDayExtra?: 'auto' | 'before' | 'after';
}

/** What `createWorkingCalendar` accepts: a CalendarConfig, or one built from frozen lists (DEFAULT_WEEK_WINDOWS). */
export type CalendarConfigInput = Omit<CalendarConfig, 'weekWindows' | 'extraHolidays' | 'extraWorkdays'> & {
  weekWindows: readonly (readonly WorkingWindow[])[];
  extraHolidays: readonly IsoDate[];
  extraWorkdays: readonly IsoDate[];
};

/** The statutory holidays of the Labour Code 2019 art. 112. */
export type HolidayKind = 'new-year' | 'lunar-new-year' | 'hung-kings' | 'victory-day' | 'labour-day' | 'national-day';

/**
 * Why a day is working or not: a working weekday, a weekly day off, a statutory holiday, a compensation day
 * (art. 111), or the admin's adjustment.
 */
export type DayReason = 'workday' | 'weekend' | HolidayKind | 'compensation' | 'extra-holiday' | 'extra-workday';

export interface CalendarDay {
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  working: boolean;
  reason: DayReason;
  /** For a compensation day: the holiday (on a weekly day off) it makes up for. */
  compensates?: { date: IsoDate; holiday: HolidayKind };
}

/**
 * The Vietnamese working calendar of one organisation: time zone, working windows, public holidays (statutory
 * ones from the Labour Code, including the lunar ones) and the admin's yearly adjustments. Pure.
 */
export interface WorkingCalendar {
  readonly timezone: string;
  /** Is this instant inside a working window of a working day? Windows are half-open: 07:30 is in, 11:30 is out. */
  isWorkingTime(at: Date): boolean;
  /** Is the calendar date containing this instant (in the org time zone) a working day? */
  isWorkingDay(at: Date | IsoDate): boolean;
  /** The instant itself when inside a window, else the start of the next window. */
  nextOpening(at: Date): Date;
  /**
   * `from` plus the duration: working durations count only working time; wall durations are plain. A working
   * result that lands on the end of a window stays there (Friday 16:00 + 1 h = Friday 17:00).
   */
  add(from: Date, duration: Duration): Date;
  /**
   * `from` minus the duration (for "remind 4 working hours before the deadline"). A working result that lands
   * between windows is the later opening (Monday 08:30 − 1 h = Monday 07:30, not Friday 17:00).
   */
  subtract(from: Date, duration: Duration): Date;
  /** Working milliseconds between two instants (0 when `to` <= `from`). */
  workingMsBetween(from: Date, to: Date): number;
  /** Length of a standard working day in ms (7.5 h by default); a working "1d" means this. */
  readonly workingDayMs: number;
  /**
   * Why a date is off, for `calendar list`: undefined when it is a working day. The answer is a message key of
   * locales/<locale>/calendar.ftl (e.g. "calendar-day-lunar-new-year"): the domain holds no user-facing text.
   */
  holidayName(date: IsoDate): string | undefined;

  /** The org-local calendar date of an instant. */
  localDate(at: Date): IsoDate;
  /** The instant of a local wall-clock time on a local date ("2026-12-05", "17:00"). */
  instantOf(date: IsoDate, time: ClockTime): Date;
  /** The end of that day's last working window; on a day off, of a standard day's (17:00 by default). */
  closingTime(date: IsoDate): Date;
  /** The working windows of a date as instants (none on a day off). */
  windowsOn(date: IsoDate): { start: Date; end: Date }[];
  /** Everything known about a date. */
  dayInfo(date: IsoDate): CalendarDay;
  /** The days of a year whose status differs from the normal week: weekdays off and working weekend days. */
  exceptionsIn(year: number): CalendarDay[];
}
