// Dates and durations as officials write them: dd/mm/yyyy, hh:mm, working days or hours (PRODUCT.md §6).
import type { Locale } from '../domain/locale.js';
import { HOUR_MS, MINUTE_MS } from '../domain/time/duration.js';

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timezone, f);
  }
  return f;
}

function parts(d: Date, timezone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const out = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const p of formatter(timezone).formatToParts(d)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  return out;
}

/** 05/12/2026 */
export function formatDate(d: Date, timezone: string): string {
  const p = parts(d, timezone);
  return `${p.day}/${p.month}/${p.year}`;
}

/** 17:00 05/12/2026 */
export function formatDateTime(d: Date, timezone: string): string {
  const p = parts(d, timezone);
  return `${p.hour}:${p.minute} ${p.day}/${p.month}/${p.year}`;
}

/** 17:00 */
export function formatTime(d: Date, timezone: string): string {
  const p = parts(d, timezone);
  return `${p.hour}:${p.minute}`;
}

/** "1 ngày 2 giờ làm việc" / "2 h 30 min wall": for messages about how late or how long. */
export function formatWorkingDuration(ms: number, workingDayMs: number, locale: Locale, basis: 'working' | 'wall' = 'working'): string {
  const dayMs = basis === 'working' ? workingDayMs : 24 * HOUR_MS;
  const days = Math.floor(ms / dayMs);
  const hours = Math.floor((ms - days * dayMs) / HOUR_MS);
  const minutes = Math.round((ms - days * dayMs - hours * HOUR_MS) / MINUTE_MS);
  const bits: string[] = [];
  if (locale === 'vi') {
    if (days) bits.push(`${days} ngày`);
    if (hours) bits.push(`${hours} giờ`);
    if (minutes && days === 0) bits.push(`${minutes} phút`);
    if (bits.length === 0) bits.push('dưới 1 phút');
    return basis === 'working' ? `${bits.join(' ')} làm việc` : bits.join(' ');
  }
  if (days) bits.push(`${days} day${days > 1 ? 's' : ''}`);
  if (hours) bits.push(`${hours} h`);
  if (minutes && days === 0) bits.push(`${minutes} min`);
  if (bits.length === 0) bits.push('under 1 min');
  return basis === 'working' ? `${bits.join(' ')} of working time` : bits.join(' ');
}
