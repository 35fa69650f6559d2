// `calendar add|remove|list`: the admin's yearly adjustments of the working calendar (the government's Tết break,
// make-up Saturdays) and a listing of every day that differs from the normal week.
import { loadConfiguredPolicy } from '../../config/policy-file.js';
import { parseIsoDate } from '../../domain/calendar/civil.js';
import type { CalendarDay, IsoDate } from '../../domain/calendar/types.js';
import { createWorkingCalendar, MAX_YEAR, MIN_YEAR } from '../../domain/calendar/working-calendar.js';
import { PolicyError } from '../../domain/policy/policy-error.js';
import type { Translate } from '../../i18n/catalogue.js';
import {
  listCalendarOverrides,
  mergeCalendarOverrides,
  removeCalendarOverride,
  setCalendarOverride,
} from '../../db/repositories/calendar.repository.js';
import { parseFlags, type CliCommand, type CliContext } from '../context.js';

type Flags = ReturnType<typeof parseFlags>['flags'];

/** `--workday 2027-02-10` would read the date as the flag's value: give it back to the positionals. */
function booleanFlag(flags: Flags, positional: string[], name: string): boolean {
  const v = flags[name];
  if (typeof v === 'string') positional.unshift(v);
  return v !== undefined;
}

function readDate(ctx: CliContext, t: Translate, input: string | undefined): IsoDate | undefined {
  const date = input?.trim();
  if (!date || parseIsoDate(date) === undefined) {
    ctx.err(t('calendar-error-date', { input: input ?? '' }));
    return undefined;
  }
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    ctx.err(t('calendar-error-range', { year: String(year), min: String(MIN_YEAR), max: String(MAX_YEAR) }));
    return undefined;
  }
  return date;
}

export function describeDay(t: Translate, day: CalendarDay): string {
  if (day.reason === 'compensation' && day.compensates) {
    return t('calendar-day-compensation', { holiday: t(`calendar-day-${day.compensates.holiday}`), date: day.compensates.date });
  }
  return t(`calendar-day-${day.reason}`);
}

async function add(ctx: CliContext, t: Translate, args: string[]): Promise<number> {
  const { flags, positional } = parseFlags(args);
  const workday = booleanFlag(flags, positional, 'workday');
  booleanFlag(flags, positional, 'holiday');
  const date = readDate(ctx, t, positional[0]);
  if (!date) return 2;
  const note = typeof flags.note === 'string' && flags.note.trim() !== '' ? flags.note.trim() : null;
  const kind = workday ? 'WORKDAY' : 'HOLIDAY';
  const opened = await ctx.openDatabase();
  try {
    const { previous } = await setCalendarOverride(opened.db, { date, kind, note, actorId: null, at: ctx.clock.now() });
    const weekday = t('calendar-weekday', { day: new Date(`${date}T00:00:00Z`).getUTCDay() });
    ctx.out(t('calendar-added', { date, weekday, kind: t(`calendar-kind-${kind}`) }));
    if (previous && previous.kind !== kind) ctx.out(t('calendar-replaced', { date, previous: t(`calendar-kind-${previous.kind}`), kind: t(`calendar-kind-${kind}`) }));
    return 0;
  } finally {
    await opened.close();
  }
}

async function remove(ctx: CliContext, t: Translate, args: string[]): Promise<number> {
  const { positional } = parseFlags(args);
  const date = readDate(ctx, t, positional[0]);
  if (!date) return 2;
  // Read the policy first: a broken POLICY_FILE must stop the command before it writes anything.
  const policy = loadConfiguredPolicy(ctx.config);
  const opened = await ctx.openDatabase();
  try {
    const removed = await removeCalendarOverride(opened.db, { date, actorId: null, at: ctx.clock.now() });
    if (!removed) {
      ctx.err(t('calendar-remove-none', { date }));
      return 1;
    }
    const day = createWorkingCalendar(mergeCalendarOverrides(policy.calendar, await listCalendarOverrides(opened.db))).dayInfo(date);
    const status = `${t(day.working ? 'calendar-list-working' : 'calendar-list-off')} (${describeDay(t, day)})`;
    ctx.out(t('calendar-removed', { date, kind: t(`calendar-kind-${removed.kind}`), status }));
    return 0;
  } finally {
    await opened.close();
  }
}

async function list(ctx: CliContext, t: Translate, args: string[]): Promise<number> {
  const { flags } = parseFlags(args);
  const policy = loadConfiguredPolicy(ctx.config);
  const opened = await ctx.openDatabase();
  try {
    const overrides = await listCalendarOverrides(opened.db);
    const calendar = createWorkingCalendar(mergeCalendarOverrides(policy.calendar, overrides));
    let year = Number(calendar.localDate(ctx.clock.now()).slice(0, 4));
    if (flags.year !== undefined) {
      const y = typeof flags.year === 'string' && /^\d{4}$/.test(flags.year) ? Number(flags.year) : NaN;
      if (!Number.isInteger(y)) {
        ctx.err(t('calendar-error-year', { input: String(flags.year) }));
        return 2;
      }
      if (y < MIN_YEAR || y > MAX_YEAR) {
        ctx.err(t('calendar-error-range', { year: String(y), min: String(MIN_YEAR), max: String(MAX_YEAR) }));
        return 2;
      }
      year = y;
    }
    const byDate = new Map(overrides.map((o) => [o.date, o]));
    const exceptions = calendar.exceptionsIn(year);
    const days = [...exceptions];
    // An override that changes nothing (a day off added on a Sunday) is still shown, so `add` can be checked.
    const listed = new Set(days.map((d) => d.date));
    for (const o of overrides) if (o.date.startsWith(`${year}-`) && !listed.has(o.date)) days.push(calendar.dayInfo(o.date));
    days.sort((a, b) => a.date.localeCompare(b.date));

    ctx.out(t('calendar-list-title', { year: String(year), timezone: calendar.timezone }));
    if (days.length === 0) ctx.out(t('calendar-list-none'));
    for (const day of days) {
      const o = byDate.get(day.date);
      let reason = describeDay(t, day);
      if (o) reason += ` (${[t('calendar-list-override'), o.note ? t('calendar-list-note', { note: o.note }) : ''].filter(Boolean).join('; ')})`;
      ctx.out(
        t('calendar-list-line', {
          date: day.date,
          weekday: t('calendar-weekday', { day: day.weekday }),
          status: t(day.working ? 'calendar-list-working' : 'calendar-list-off'),
          reason,
        }),
      );
    }
    const off = exceptions.filter((d) => !d.working).length;
    ctx.out(t('calendar-list-summary', { off, working: exceptions.length - off }));
    return 0;
  } finally {
    await opened.close();
  }
}

export const calendarCommand: CliCommand = {
  path: ['calendar'],
  usage: 'calendar add|remove|list [date] [--workday] [--note …] [--year Y]',
  summary: 'add or remove a day off / make-up working day; list the days that differ from the normal week',
  async run(ctx, args) {
    const [sub, ...rest] = args;
    const t = ctx.catalogue.translator(parseFlags(rest).flags.lang === 'en' ? 'en' : 'vi');
    try {
      if (sub === 'add') return await add(ctx, t, rest);
      if (sub === 'remove') return await remove(ctx, t, rest);
      if (sub === 'list') return await list(ctx, t, rest);
    } catch (e) {
      if (e instanceof PolicyError) {
        ctx.err(e.message);
        return 1;
      }
      throw e;
    }
    ctx.err(t('calendar-usage'));
    return 2;
  },
};
