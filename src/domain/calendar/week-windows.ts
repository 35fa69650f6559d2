// The normal working week: windows per weekday as minutes after local midnight, and the standard day they imply.
import { parseClockTime } from './civil.js';
import type { WorkingWindow } from './types.js';

const MORNING: WorkingWindow = { start: '07:30', end: '11:30' };
const AFTERNOON: WorkingWindow = { start: '13:30', end: '17:00' };

/** Monday–Friday 07:30–11:30 and 13:30–17:00 (government offices); index 0 = Sunday. */
export const DEFAULT_WEEK_WINDOWS: readonly (readonly WorkingWindow[])[] = Object.freeze([
  [],
  [MORNING, AFTERNOON],
  [MORNING, AFTERNOON],
  [MORNING, AFTERNOON],
  [MORNING, AFTERNOON],
  [MORNING, AFTERNOON],
  [],
]);

/** A window as minutes after local midnight, [start, end). */
export interface MinuteWindow {
  start: number;
  end: number;
}

/** Parses and checks one day's windows: "HH:MM", start before end, in order, not overlapping. */
export function toMinuteWindows(windows: readonly WorkingWindow[], where = 'window'): MinuteWindow[] {
  const out: MinuteWindow[] = [];
  for (const [i, w] of windows.entries()) {
    const start = parseClockTime(w.start);
    const end = parseClockTime(w.end);
    if (start === undefined || end === undefined) throw new RangeError(`${where} ${i + 1}: "${w.start}-${w.end}" is not a pair of times like 07:30-11:30`);
    if (end <= start) throw new RangeError(`${where} ${i + 1}: ends (${w.end}) before it starts (${w.start})`);
    const prev = out[out.length - 1];
    if (prev && start < prev.end) throw new RangeError(`${where} ${i + 1}: starts (${w.start}) before the previous window ends`);
    out.push({ start, end });
  }
  return out;
}

const minutesOf = (day: readonly MinuteWindow[]): number => day.reduce((sum, w) => sum + w.end - w.start, 0);

/**
 * The standard working day: the windows most weekdays have (ties: the longest). A working "1d" is its length, and
 * a make-up Saturday works these windows.
 */
export function standardDay(week: readonly (readonly MinuteWindow[])[]): MinuteWindow[] {
  const counts = new Map<string, { day: readonly MinuteWindow[]; count: number }>();
  for (const day of week) {
    if (day.length === 0) continue;
    const key = day.map((w) => `${w.start}-${w.end}`).join(',');
    const entry = counts.get(key) ?? { day, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { day: readonly MinuteWindow[]; count: number } | undefined;
  for (const entry of counts.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && minutesOf(entry.day) > minutesOf(best.day))) best = entry;
  }
  return best ? [...best.day] : [];
}

/** Length in ms of the standard working day of a week (7.5 h for DEFAULT_WEEK_WINDOWS). */
export function standardDayMs(weekWindows: readonly (readonly WorkingWindow[])[]): number {
  const week = weekWindows.map((d, i) => toMinuteWindows(d, `weekday ${i}`));
  return minutesOf(standardDay(week)) * 60_000;
}
