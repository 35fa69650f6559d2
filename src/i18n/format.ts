// Durations as officials write them: working days or hours (PRODUCT.md §6).
import type { Locale } from '../domain/locale.js';
import { HOUR_MS, MINUTE_MS } from '../domain/time/duration.js';

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
