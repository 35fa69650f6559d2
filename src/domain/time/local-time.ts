// An instant as the organisation reads it on its wall clock, and the ways officials write it (PRODUCT.md §6:
// dd/mm/yyyy, hh:mm). The one place that turns instants into local dates and times; the zone's offset comes from
// time-zone.ts, so any IANA zone works.
import { civilFromDays, parseIsoDate } from '../calendar/civil.js';
import type { IsoDate } from '../calendar/types.js';
import { zoneNamed } from './time-zone.js';

export interface LocalTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/**
 * The instant as a Date whose UTC fields hold the wall-clock reading in `timezone`, to whole seconds (for Excel, which
 * has no time zones, and for reading the fields below).
 */
export function wallClockDate(at: Date, timezone: string): Date {
  const ms = at.getTime();
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return new Date(whole + zoneNamed(timezone).offsetAt(whole));
}

export function localTime(at: Date, timezone: string): LocalTime {
  const w = wallClockDate(at, timezone);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
  };
}

const two = (n: number) => String(n).padStart(2, '0');
const year = (n: number) => String(n).padStart(4, '0');

/** 05/12/2026 */
export function formatDate(d: Date, timezone: string): string {
  const p = localTime(d, timezone);
  return `${two(p.day)}/${two(p.month)}/${year(p.year)}`;
}

/** 17:00 05/12/2026 */
export function formatDateTime(d: Date, timezone: string): string {
  const p = localTime(d, timezone);
  return `${two(p.hour)}:${two(p.minute)} ${two(p.day)}/${two(p.month)}/${year(p.year)}`;
}

/** 17:00 */
export function formatTime(d: Date, timezone: string): string {
  const p = localTime(d, timezone);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** "2026-12-05" (a day of the calendar, no instant) as 05/12/2026. */
export function formatIsoDay(date: IsoDate): string {
  const c = civilFromDays(parseIsoDate(date)!);
  return `${two(c.day)}/${two(c.month)}/${year(c.year)}`;
}

/** "2026-12": the month in `timezone`. */
export function monthKey(at: Date, timezone: string): string {
  const p = localTime(at, timezone);
  return `${year(p.year)}-${two(p.month)}`;
}

/** The calendar year in `timezone`. */
export function yearIn(timezone: string, at: Date): number {
  return localTime(at, timezone).year;
}
