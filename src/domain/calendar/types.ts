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
}

/**
 * The Vietnamese working calendar of one organisation: time zone, working windows, public holidays (statutory
 * ones from the Labour Code, including the lunar ones) and the admin's yearly adjustments. Pure.
 */
export interface WorkingCalendar {
  readonly timezone: string;
  /** Is this instant inside a working window of a working day? */
  isWorkingTime(at: Date): boolean;
  /** Is the calendar date containing this instant (in the org time zone) a working day? */
  isWorkingDay(at: Date | IsoDate): boolean;
  /** The instant itself when inside a window, else the start of the next window. */
  nextOpening(at: Date): Date;
  /** `from` plus the duration: working durations count only working time; wall durations are plain. */
  add(from: Date, duration: Duration): Date;
  /** `from` minus the duration (for "remind 4 working hours before the deadline"). */
  subtract(from: Date, duration: Duration): Date;
  /** Working milliseconds between two instants (0 when `to` <= `from`). */
  workingMsBetween(from: Date, to: Date): number;
  /** Length of a standard working day in ms (7.5 h by default); a working "1d" means this. */
  readonly workingDayMs: number;
  /** Why a date is off, for `calendar list`: undefined when it is a working day. */
  holidayName(date: IsoDate): string | undefined;
}
