// Evaluation periods (PRODUCT.md §5, Decree 335/2025 scores monthly or quarterly): a month, a quarter, a year, or
// any from–to range of local dates. Parsed from what a head types after /danhgia or the admin gives the CLI.
import { civilFromDays, daysFromCivil, formatIsoDate, isValidCivil, parseIsoDate } from '../calendar/civil.js';
import type { IsoDate } from '../calendar/types.js';
import { fold } from '../text/normalize.js';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

export interface Period {
  kind: PeriodKind;
  /** First day, local. */
  from: IsoDate;
  /** Last day, local, inclusive. */
  to: IsoDate;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter. */
  index?: number;
}

const MONTH = new Set(['thang', 'month', 'm']);
const QUARTER = new Set(['quy', 'quarter', 'q']);
const YEAR = new Set(['nam', 'year', 'y']);
const PREVIOUS = new Set(['truoc', 'last', 'previous', 'prev']);

function civil(date: IsoDate) {
  return civilFromDays(parseIsoDate(date)!);
}

function iso(year: number, month: number, day: number): IsoDate {
  return formatIsoDate(daysFromCivil(year, month, day));
}

function lastDayOfMonth(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: 'month', year, index: month, from: iso(year, month, 1), to: iso(year, month, lastDayOfMonth(year, month)) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const first = (quarter - 1) * 3 + 1;
  return { kind: 'quarter', year, index: quarter, from: iso(year, first, 1), to: iso(year, first + 2, lastDayOfMonth(year, first + 2)) };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', year, from: iso(year, 1, 1), to: iso(year, 12, 31) };
}

/**
 * A date as officials write it: 05/12/2026, 5/12 (this year), or 2026-12-05. Undefined when it is not a real date.
 */
export function parseLocalDate(text: string, thisYear: number): IsoDate | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$/.exec(t);
  if (m) return valid(m[3] ? Number(m[3]) : thisYear, Number(m[2]), Number(m[1]));
  return undefined;
}

function valid(year: number, month: number, day: number): IsoDate | undefined {
  return year >= 1900 && year <= 2399 && isValidCivil(year, month, day) ? iso(year, month, day) : undefined;
}

/** "11", "11/2026", "2026-11" → [index, year]; "" → undefined (the current one). */
function indexAndYear(words: string[], thisYear: number): [number, number] | undefined | 'bad' {
  if (words.length === 0) return undefined;
  const joined = words.join('');
  const m = /^(\d{1,2})(?:[/.-](\d{4}))?$/.exec(joined) ?? /^(\d{4})[/.-](\d{1,2})$/.exec(joined);
  if (!m) return 'bad';
  if (m[1]!.length === 4) return [Number(m[2]), Number(m[1])];
  return [Number(m[1]), m[2] ? Number(m[2]) : thisYear];
}

/**
 * Reads a period relative to `today`:
 * - `thang` | `thang truoc` | `thang 11` | `thang 11/2026` (and `month`, `month last`, …)
 * - `quy` | `quy truoc` | `quy 3` | `quy 3/2026`
 * - `nam` | `nam truoc` | `nam 2025`
 * - `01/11/2026 30/11/2026` (from–to, both days included; `-` or `den` between them is fine)
 * Diacritics and case do not matter ("Tháng trước" = "thang truoc"). Undefined when it cannot be read.
 */
export function parsePeriod(input: string, today: IsoDate): Period | undefined {
  const words = fold(input)
    .split(/[\s,]+/)
    .filter((w) => w !== '' && w !== 'den' && w !== 'to' && w !== 'tu' && w !== 'from');
  const now = civil(today);
  if (words.length === 0) return undefined;
  const [head, ...rest] = words as [string, ...string[]];

  if (MONTH.has(head) || QUARTER.has(head) || YEAR.has(head)) {
    const previous = rest.length === 1 && PREVIOUS.has(rest[0]!);
    if (YEAR.has(head)) {
      if (previous) return yearPeriod(now.year - 1);
      if (rest.length === 0) return yearPeriod(now.year);
      if (rest.length === 1 && /^\d{4}$/.test(rest[0]!)) {
        const y = Number(rest[0]);
        return y >= 1900 && y <= 2399 ? yearPeriod(y) : undefined;
      }
      return undefined;
    }
    const isMonth = MONTH.has(head);
    const current = isMonth ? now.month : Math.floor((now.month - 1) / 3) + 1;
    const count = isMonth ? 12 : 4;
    let index = current;
    let year = now.year;
    if (previous) {
      index = current - 1;
      if (index === 0) {
        index = count;
        year--;
      }
    } else {
      const parsed = indexAndYear(rest, now.year);
      if (parsed === 'bad') return undefined;
      if (parsed) [index, year] = parsed;
    }
    if (index < 1 || index > count || year < 1900 || year > 2399) return undefined;
    return isMonth ? monthPeriod(year, index) : quarterPeriod(year, index);
  }

  // from–to: two dates, or one "a-b" token with dd/mm/yyyy dates.
  let pair = words;
  if (pair.length === 1) {
    const m = /^(\d{1,2}\/\d{1,2}(?:\/\d{4})?)-(\d{1,2}\/\d{1,2}(?:\/\d{4})?)$/.exec(pair[0]!);
    pair = m ? [m[1]!, m[2]!] : pair;
  }
  if (pair.length !== 2) return undefined;
  const from = parseLocalDate(pair[0]!, now.year);
  const to = parseLocalDate(pair[1]!, now.year);
  if (!from || !to || to < from) return undefined;
  return { kind: 'range', from, to, year: civil(from).year };
}

/** The day after `date`. */
export function nextDay(date: IsoDate): IsoDate {
  return formatIsoDate(parseIsoDate(date)! + 1);
}
