// `calendar add|remove|list`: the admin's yearly adjustments of the working calendar (the government's Tết break,
// make-up Saturdays) and a listing of every day that differs from the normal week.
import { loadConfiguredPolicy } from '../../config/policy-file.js';
import { parseIsoDate } from '../../domain/calendar/civil.js';
import type { CalendarDay, IsoDate } from '../../domain/calendar/types.js';
import { createWorkingCalendar, MAX_YEAR, MIN_YEAR } from '../../domain/calendar/working-calendar.js';
import { PolicyError } from '../../domain/policy/policy-error.js';
import type { Translate } from '../../i18n/catalogue.js';
import { listCalendarOverrides, mergeCalendarOverrides, removeCalendarOverride, setCalendarOverride } from '../../db/repositories/calendar.repository.js';
import { asLocale } from '../../domain/locale.js';
import { type CliCommand, type CliContext, runWithOrgOption } from '../context.js';
import { parseCommandArgs } from '../define-command.js';

const USAGE = 'calendar add|remove|list [date] [--workday] [--note …] [--year Y]';
const LANG = { lang: { type: 'string' } } as const;
const ADD_OPTIONS = { workday: { type: 'boolean' }, holiday: { type: 'boolean' }, note: { type: 'string' }, ...LANG } as const;
const REMOVE_OPTIONS = { ...LANG } as const;
const LIST_OPTIONS = { year: { type: 'string' }, ...LANG } as const;

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

async function add(ctx: CliContext, t: Translate, values: { workday?: boolean; holiday?: boolean; note?: string }, positionals: string[]): Promise<number> {
  if (values.workday && values.holiday) {
    ctx.err(t('calendar-usage'));
    return 2;
  }
  const date = positionals.length > 1 ? undefined : readDate(ctx, t, positionals[0]);
  if (!date) {
    if (positionals.length > 1) ctx.err(t('calendar-usage'));
    return 2;
  }
  const workday = values.workday === true;
  const note = values.note !== undefined && values.note.trim() !== '' ? values.note.trim() : null;
  const kind = workday ? 'WORKDAY' : 'HOLIDAY';
  const opened = await ctx.openDatabase();
  try {
    const { previous } = await setCalendarOverride(opened.db, { date, kind, note, actorId: null, at: ctx.time.now() });
    const weekday = t('calendar-weekday', { day: new Date(`${date}T00:00:00Z`).getUTCDay() });
    ctx.out(t('calendar-added', { date, weekday, kind: t(`calendar-kind-${kind}`) }));
    if (previous && previous.kind !== kind)
      ctx.out(t('calendar-replaced', { date, previous: t(`calendar-kind-${previous.kind}`), kind: t(`calendar-kind-${kind}`) }));
    return 0;
  } finally {
    await opened.close();
  }
}

async function remove(ctx: CliContext, t: Translate, positionals: string[]): Promise<number> {
  const date = positionals.length > 1 ? undefined : readDate(ctx, t, positionals[0]);
  if (!date) {
    if (positionals.length > 1) ctx.err(t('calendar-usage'));
    return 2;
  }
  // Read the policy first: a broken POLICY_FILE must stop the command before it writes anything.
  const policy = loadConfiguredPolicy(ctx.config);
  const opened = await ctx.openDatabase();
  try {
    const removed = await removeCalendarOverride(opened.db, { date, actorId: null, at: ctx.time.now() });
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

async function list(ctx: CliContext, t: Translate, values: { year?: string }, positionals: string[]): Promise<number> {
  if (positionals.length > 0) {
    ctx.err(t('calendar-usage'));
    return 2;
  }
  const policy = loadConfiguredPolicy(ctx.config);
  const opened = await ctx.openDatabase();
  try {
    const overrides = await listCalendarOverrides(opened.db);
    const calendar = createWorkingCalendar(mergeCalendarOverrides(policy.calendar, overrides));
    let year = Number(calendar.localDate(ctx.time.now()).slice(0, 4));
    if (values.year !== undefined) {
      const y = /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
      if (!Number.isInteger(y)) {
        ctx.err(t('calendar-error-year', { input: values.year }));
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

/** Each subcommand has its own options; a misspelt one (`--wrokday`) stops the command before it writes. */
async function runSubcommand(ctx: CliContext, sub: string | undefined, rest: string[]): Promise<number | undefined> {
  const translator = (lang: string | undefined) => ctx.catalogue.translator(asLocale(lang ?? 'vi'));
  if (sub === 'add') {
    const a = parseCommandArgs(ctx, 'calendar add DATE [--workday|--holiday] [--note TEXT] [--lang vi|en]', ADD_OPTIONS, rest);
    return a ? add(ctx, translator(a.values.lang), a.values, a.positionals) : 2;
  }
  if (sub === 'remove') {
    const a = parseCommandArgs(ctx, 'calendar remove DATE [--lang vi|en]', REMOVE_OPTIONS, rest);
    return a ? remove(ctx, translator(a.values.lang), a.positionals) : 2;
  }
  if (sub === 'list') {
    const a = parseCommandArgs(ctx, 'calendar list [--year YYYY] [--lang vi|en]', LIST_OPTIONS, rest);
    return a ? list(ctx, translator(a.values.lang), a.values, a.positionals) : 2;
  }
  return undefined;
}

export const calendarCommand: CliCommand = {
  path: ['calendar'],
  usage: USAGE,
  summary: 'add or remove a day off / make-up working day; list the days that differ from the normal week',
  run: (outer, all) => runWithOrgOption(outer, all, (ctx, args) => runCalendar(ctx, args)),
};

async function runCalendar(ctx: CliContext, args: string[]): Promise<number> {
  {
    const [sub, ...rest] = args;
    try {
      const code = await runSubcommand(ctx, sub, rest);
      if (code !== undefined) return code;
    } catch (e) {
      if (e instanceof PolicyError) {
        ctx.err(e.message);
        return 1;
      }
      throw e;
    }
    const langAt = rest.indexOf('--lang');
    const lang = rest.includes('--lang=en') || (langAt >= 0 && rest[langAt + 1] === 'en') ? 'en' : 'vi';
    ctx.err(ctx.catalogue.translator(lang)('calendar-usage'));
    return 2;
  }
}
