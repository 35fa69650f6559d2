// Durations as people write them in the policy file and in commands: "30m", "4h", "2d", "45s", "1h30m",
// "30m wall", "2d working", "4 giờ", "2 ngày liên tục". Working time unless marked wall (PRODUCT.md §4).
import { standardDayMs, DEFAULT_WEEK_WINDOWS } from '../calendar/week-windows.js';
import { fold } from '../text/normalize.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, type Duration, type DurationBasis } from '../time/duration.js';

export interface DurationTextOptions {
  /** What a working "1d" is (the calendar's standard day; 7.5 h by default). A wall "1d" is always 24 h. */
  workingDayMs?: number;
}

export const DEFAULT_WORKING_DAY_MS = standardDayMs(DEFAULT_WEEK_WINDOWS);

export type DurationReading = { ok: true; duration: Duration } | { ok: false; problem: 'empty' | 'syntax' | 'zero' };

const BASIS_MARK = /\s*\b(wall|lien tuc|working|lam viec)$/;
// Longest alternatives first so "ms" is not read as "m" + "s" and "min" not as "m".
const PART = /^(\d+(?:[.,]\d+)?)\s*(ms|days?|ngay|d|hours?|hrs?|gio|tieng|h|g|minutes?|mins?|phut|p|m|seconds?|secs?|giay|s)(?![a-z])\s*/;
type Unit = 'd' | 'h' | 'm' | 's' | 'ms';
const UNIT_OF: Record<string, Unit> = {
  ms: 'ms',
  d: 'd',
  day: 'd',
  days: 'd',
  ngay: 'd',
  h: 'h',
  hour: 'h',
  hours: 'h',
  hr: 'h',
  hrs: 'h',
  gio: 'h',
  tieng: 'h',
  g: 'h',
  m: 'm',
  minute: 'm',
  minutes: 'm',
  min: 'm',
  mins: 'm',
  phut: 'm',
  p: 'm',
  s: 's',
  second: 's',
  seconds: 's',
  sec: 's',
  secs: 's',
  giay: 's',
};

/** Reads a duration; never throws. */
export function readDuration(text: string, options: DurationTextOptions = {}): DurationReading {
  let rest = fold(text);
  if (rest === '') return { ok: false, problem: 'empty' };
  let basis: DurationBasis = 'working';
  const mark = BASIS_MARK.exec(rest);
  if (mark) {
    basis = mark[1] === 'wall' || mark[1] === 'lien tuc' ? 'wall' : 'working';
    rest = rest.slice(0, mark.index).trim();
  }
  const dayMs = basis === 'wall' ? DAY_MS : (options.workingDayMs ?? DEFAULT_WORKING_DAY_MS);
  const unitMs: Record<Unit, number> = { d: dayMs, h: HOUR_MS, m: MINUTE_MS, s: SECOND_MS, ms: 1 };
  let ms = 0;
  let parts = 0;
  let lastUnit: Unit | undefined;
  while (rest !== '') {
    const m = PART.exec(rest);
    // "1h30" as people write it: bare minutes after the hours.
    const minutes = !m && lastUnit === 'h' ? /^([0-5]?\d)$/.exec(rest) : null;
    if (minutes) {
      ms += Number(minutes[1]) * MINUTE_MS;
      break;
    }
    if (!m) return { ok: false, problem: 'syntax' };
    lastUnit = UNIT_OF[m[2]!]!;
    ms += Number(m[1]!.replace(',', '.')) * unitMs[lastUnit];
    parts++;
    rest = rest.slice(m[0].length);
  }
  if (parts === 0) return { ok: false, problem: 'syntax' };
  ms = Math.round(ms);
  if (ms <= 0) return { ok: false, problem: 'zero' };
  return { ok: true, duration: { ms, basis } };
}

export class InvalidDurationError extends RangeError {
  constructor(
    readonly text: string,
    readonly problem: 'empty' | 'syntax' | 'zero',
  ) {
    super(describeDurationProblem(text, problem));
    this.name = 'InvalidDurationError';
  }
}

export const DURATION_HINT = 'use 30m, 4h, 2d, add "wall" for clock time';

/** The admin-facing explanation (policy file, CLI); chat users never see it. */
export function describeDurationProblem(text: string, problem: 'empty' | 'syntax' | 'zero'): string {
  if (problem === 'zero') return `${JSON.stringify(text)} is not longer than zero (${DURATION_HINT})`;
  return `${JSON.stringify(text)} is not a duration (${DURATION_HINT})`;
}

/** "4h" → { ms: 14 400 000, basis: 'working' }; throws InvalidDurationError when unreadable. */
export function parseDuration(text: string, options: DurationTextOptions = {}): Duration {
  const r = readDuration(text, options);
  if (!r.ok) throw new InvalidDurationError(text, r.problem);
  return r.duration;
}

interface Split {
  d: number;
  h: number;
  m: number;
  s: number;
  ms: number;
}

function split(duration: Duration, options: DurationTextOptions): Split {
  const dayMs = duration.basis === 'wall' ? DAY_MS : (options.workingDayMs ?? DEFAULT_WORKING_DAY_MS);
  let rest = Math.abs(duration.ms);
  const d = Math.floor(rest / dayMs);
  rest -= d * dayMs;
  const h = Math.floor(rest / HOUR_MS);
  rest -= h * HOUR_MS;
  const m = Math.floor(rest / MINUTE_MS);
  rest -= m * MINUTE_MS;
  const s = Math.floor(rest / SECOND_MS);
  return { d, h, m, s, ms: rest - s * SECOND_MS };
}

/** The text form `parseDuration` reads back: "1h30m", "2d", "30m wall" (for policy files, logs, job payloads). */
export function toWireDuration(duration: Duration, options: DurationTextOptions = {}): string {
  const p = split(duration, options);
  const text =
    (['d', 'h', 'm', 's', 'ms'] as const)
      .filter((u) => p[u] > 0)
      .map((u) => `${p[u]}${u}`)
      .join('') || '0s';
  return duration.basis === 'wall' ? `${text} wall` : text;
}

/** The catalogue's words for durations (locales/<locale>/calendar.ftl); every one is a MessageKey. */
export type DurationKey = 'duration-days' | 'duration-hours' | 'duration-minutes' | 'duration-seconds' | 'duration-under-minute' | 'duration-working';

/** A translate function of the message catalogue (`catalogue.translator(locale)` fits). */
export type DurationTranslate = (key: DurationKey, args?: Record<string, string | number>) => string;

export interface DurationWordsOptions extends DurationTextOptions {
  /**
   * The smallest unit named: 'second' (default) or 'minute', for messages about how late something is: the
   * duration is rounded to whole minutes and less than one reads "dưới 1 phút" / "under 1 minute".
   */
  smallest?: 'second' | 'minute';
}

/**
 * "4 giờ làm việc", "1 day 3 hours of working time", "30 phút": the two largest units, words from the catalogue
 * (keys duration-* in locales/<locale>/calendar.ftl; no duration word is written in TypeScript).
 */
export function formatDurationForHumans(duration: Duration, t: DurationTranslate, options: DurationWordsOptions = {}): string {
  const byMinute = options.smallest === 'minute';
  const ms = byMinute ? Math.round(Math.abs(duration.ms) / MINUTE_MS) * MINUTE_MS : duration.ms;
  const p = split({ ms, basis: duration.basis }, options);
  const units: [DurationKey, number][] = [
    ['duration-days', p.d],
    ['duration-hours', p.h],
    ['duration-minutes', p.m],
  ];
  if (!byMinute) units.push(['duration-seconds', p.s]);
  const shown = units.filter(([, n]) => n > 0).slice(0, 2);
  const none = byMinute ? t('duration-under-minute') : t('duration-seconds', { count: 0 });
  const text = shown.length === 0 ? none : shown.map(([key, count]) => t(key, { count })).join(' ');
  return duration.basis === 'working' ? t('duration-working', { text }) : text;
}
