// Deadlines as officials type them: "05/12", "5/12/2026 9:30", "14h thứ 6", "mai", "ngay kia", "t2 tuần sau",
// "2026-12-05", "tomorrow 10:00". Vietnamese with or without diacritics, any case. A date without a time is due at
// the end of that day's last working window (17:00 by default). Never throws: any text gets a deadline or the key of
// a message that says what is wrong (unreadable, already past, further ahead than the policy allows).
import type { IsoDate, WorkingCalendar } from '../calendar/types.js';
import type { MessageArgs } from '../errors.js';
import { latestDeadline, withinHorizon } from '../policy/deadline-horizon.js';
import { DAY_MS } from '../time/duration.js';
import { fold as foldText } from './normalize.js';

export type DeadlineError = 'deadline-unreadable' | 'deadline-in-past' | 'deadline-too-far';
export type DeadlineResult = { ok: true; deadline: Date } | { ok: false; error: DeadlineError; args?: MessageArgs };

export interface DeadlineContext {
  now: Date;
  calendar: WorkingCalendar;
  /** The policy's `maxDeadlineYears`: a later date is refused as too far ahead. */
  maxYearsAhead?: number;
}

/** The search key of text/normalize.ts, with the punctuation a deadline may carry read as spaces: "Thứ Sáu," → "thu sau". */
function fold(text: string): string {
  return foldText(text.replace(/[,;]/g, ' '));
}

// === Day arithmetic on ISO dates (UTC-based, so the host's zone never matters)

const toDays = (iso: IsoDate): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const toIso = (days: number): IsoDate => new Date(days * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (days: number): number => new Date(days * DAY_MS).getUTCDay();

// A year from 1900 reads as a date; whether it is too far (or past) is decided before the calendar is asked.
function realDate(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? Date.UTC(year, month - 1, day) / DAY_MS : undefined;
}

// === Time of day

interface TimeOfDay {
  hour: number;
  minute: number;
}

// "17:30", "17h", "17h30", "9g", "9 gio 30 (phut)", each optionally followed by sáng/trưa/chiều/tối/am/pm.
const TIME = /(?:^|\s)(?:(?:luc|at|vao luc)\s+)?(\d{1,2})(?::(\d{2})|\s*(?:h|g|gio)\s*(?:(\d{2})(?:\s*phut)?)?)(?:\s*(sang|trua|chieu|toi|am|pm))?(?=\s|$)/;
const BARE_TIME_WITH_PERIOD = /(?:^|\s)(?:(?:luc|at)\s+)?(\d{1,2})\s*(am|pm)(?=\s|$)/;

function readTime(text: string): { time: TimeOfDay; rest: string } | undefined | 'bad' {
  const m = TIME.exec(text);
  const b = m ? null : BARE_TIME_WITH_PERIOD.exec(text);
  const hit = m ?? b;
  if (!hit) return undefined;
  let hour = Number(hit[1]);
  const minute = m ? Number(m[2] ?? m[3] ?? 0) : 0;
  const period = m ? m[4] : b![2];
  if (period === 'pm' || period === 'chieu' || period === 'toi') {
    if (hour > 12) return 'bad';
    if (hour < 12) hour += 12;
  } else if (period === 'trua') {
    if (hour < 11) hour += 12;
  } else if (period === 'am' || period === 'sang') {
    if (hour > 12) return 'bad';
    if (hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) return 'bad';
  const rest = `${text.slice(0, hit.index)} ${text.slice(hit.index + hit[0].length)}`.replace(/\s+/g, ' ').trim();
  return { time: { hour, minute }, rest };
}

// === Dates

const WEEKDAY_WORDS: [RegExp, number][] = [
  [/^(?:chu nhat|cn|sunday|sun)$/, 0],
  [/^(?:thu ?2|thu hai|t2|monday|mon)$/, 1],
  [/^(?:thu ?3|thu ba|t3|tuesday|tues?)$/, 2],
  [/^(?:thu ?4|thu tu|t4|wednesday|wed)$/, 3],
  [/^(?:thu ?5|thu nam|t5|thursday|thurs?)$/, 4],
  [/^(?:thu ?6|thu sau|t6|friday|fri)$/, 5],
  [/^(?:thu ?7|thu bay|t7|saturday|sat)$/, 6],
];
const NEXT_WEEK = /^(.*?)\s*(?:tuan sau|tuan toi|next week)$/;

function weekdayNumber(word: string): number | undefined {
  for (const [re, n] of WEEKDAY_WORDS) if (re.test(word)) return n;
  return undefined;
}

/** The date the words name, as a day number; undefined when unreadable. */
function readDate(text: string, today: number, calendar: WorkingCalendar): number | undefined {
  // Fillers officials put around a deadline: "hạn", "trước", "đến", "ngày 05/12", "by", "on".
  const t = text.replace(/^(?:(?:han|truoc|den|toi|vao|by|before|on|due)\s+)+/, '').replace(/^ngay\s+(?=\d)/, '');
  if (t === '' || t === 'hom nay' || t === 'nay' || t === 'today') return today;
  if (t === 'mai' || t === 'ngay mai' || t === 'tomorrow') return today + 1;
  if (t === 'ngay kia' || t === 'kia' || t === 'ngay mot' || t === 'mot' || t === 'day after tomorrow') return today + 2;

  const next = NEXT_WEEK.exec(t);
  if (next) {
    const mondayNext = today - ((weekdayOf(today) + 6) % 7) + 7;
    if (next[1] === '') {
      // "tuần sau" alone: the last working day of next week (Friday on a normal week).
      for (let d = mondayNext + 6; d >= mondayNext; d--) if (calendar.isWorkingDay(toIso(d))) return d;
      return mondayNext + 4;
    }
    const wd = weekdayNumber(next[1]!);
    return wd === undefined ? undefined : mondayNext + ((wd + 6) % 7);
  }
  const wd = weekdayNumber(t.replace(/^(?:next|this)\s+/, ''));
  if (wd !== undefined) return today + ((wd - weekdayOf(today) + 7) % 7 || 7);

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));

  const dm = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$/.exec(t);
  if (dm) {
    const day = Number(dm[1]);
    const month = Number(dm[2]);
    if (dm[3] !== undefined) return realDate(dm[3].length === 2 ? 2000 + Number(dm[3]) : Number(dm[3]), month, day);
    // No year: this year's, or next year's once this year's has passed.
    const year = Number(toIso(today).slice(0, 4));
    const thisYear = realDate(year, month, day);
    if (thisYear !== undefined && thisYear >= today) return thisYear;
    return realDate(year + 1, month, day) ?? thisYear;
  }
  return undefined;
}

export function parseDeadline(input: string, ctx: DeadlineContext): DeadlineResult {
  const text = fold(input);
  if (text === '') return { ok: false, error: 'deadline-unreadable' };
  const timed = readTime(text);
  if (timed === 'bad') return { ok: false, error: 'deadline-unreadable' };
  const dateText = timed ? timed.rest : text;
  if (!timed && dateText === '') return { ok: false, error: 'deadline-unreadable' };

  const today = toDays(ctx.calendar.localDate(ctx.now));
  const day = readDate(dateText, today, ctx.calendar);
  if (day === undefined) return { ok: false, error: 'deadline-unreadable' };
  if (day < today) return { ok: false, error: 'deadline-in-past' };
  const tooFar = (): DeadlineResult => ({
    ok: false,
    error: 'deadline-too-far',
    args: { years: ctx.maxYearsAhead!, latest: latestDeadline(ctx.now, ctx.maxYearsAhead!) },
  });
  // Checked on the day first, so a year the working calendar does not cover is "too far", not "unreadable".
  if (ctx.maxYearsAhead !== undefined && day > toDays(ctx.calendar.localDate(latestDeadline(ctx.now, ctx.maxYearsAhead)))) return tooFar();
  const date = toIso(day);
  let deadline: Date;
  try {
    deadline = timed
      ? ctx.calendar.instantOf(date, `${String(timed.time.hour).padStart(2, '0')}:${String(timed.time.minute).padStart(2, '0')}`)
      : ctx.calendar.closingTime(date);
  } catch {
    return { ok: false, error: 'deadline-unreadable' }; // a year the calendar does not cover
  }
  if (deadline.getTime() < ctx.now.getTime()) return { ok: false, error: 'deadline-in-past' };
  if (ctx.maxYearsAhead !== undefined && !withinHorizon(deadline, ctx.now, ctx.maxYearsAhead)) return tooFar();
  return { ok: true, deadline };
}
