// The shape of a policy override file: every setting optional, unknown settings refused (a typo must not be
// silently ignored), every leaf checked with a message that says what to write instead.
import { z } from 'zod';
import { parseClockTime, parseIsoDate } from '../calendar/civil.js';
import { PRIORITIES } from '../priority.js';
import { MAX_DEADLINE_YEARS } from './deadline-horizon.js';
import { DURATION_HINT, describeDurationProblem, readDuration } from './duration-text.js';
import { WEEKDAYS } from './settings.js';

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'nothing' : (JSON.stringify(v) ?? String(v)));

/** A leaf that accepts `unknown` and reports its own message, so type errors read like value errors. */
function leaf<T>(check: (v: unknown) => { ok: true; value: T } | { ok: false; message: string }) {
  return z.unknown().transform((v, ctx): T => {
    const r = check(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });
}

export const durationText = leaf<string>((v) => {
  if (typeof v !== 'string') return { ok: false, message: `${show(v)} is not a duration (${DURATION_HINT})` };
  const r = readDuration(v);
  return r.ok ? { ok: true, value: v.trim() } : { ok: false, message: describeDurationProblem(v, r.problem) };
});

const integer = (min: number, max: number, what = 'a whole number') =>
  leaf<number>((v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? { ok: true, value: v }
      : { ok: false, message: `${show(v)} is not ${what} from ${min} to ${max}` },
  );

const fraction = leaf<number>((v) =>
  typeof v === 'number' && v > 0 && v <= 1
    ? { ok: true, value: v }
    : { ok: false, message: `${show(v)} is not a fraction above 0 and at most 1 (0.5 = half the clock)` },
);

const boolean = leaf<boolean>((v) => (typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, message: `${show(v)} is not true or false` }));

const clockTime = leaf<string>((v) => {
  const m = typeof v === 'string' ? parseClockTime(v.trim()) : undefined;
  return m !== undefined && m < 24 * 60
    ? { ok: true, value: v as string }
    : { ok: false, message: `${show(v)} is not a time like "07:30" (write it in quotes)` };
});

const isoDate = leaf<string>((v) => {
  // A YAML 1.1 reader may have turned 2027-02-10 into a Date already: take its calendar date.
  const text = v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v;
  return typeof text === 'string' && parseIsoDate(text.trim()) !== undefined
    ? { ok: true, value: text.trim() }
    : { ok: false, message: `${show(v)} is not a date like 2027-02-10` };
});

/** "12-01": a month and day of any year (the self-review's opening day). */
export const monthDay = leaf<string>((v) => {
  const m = typeof v === 'string' ? /^\s*(\d{2})-(\d{2})\s*$/.exec(v) : null;
  const ok = m !== null && parseIsoDate(`2024-${m[1]}-${m[2]}`) !== undefined;
  return ok ? { ok: true, value: `${m![1]}-${m![2]}` } : { ok: false, message: `${show(v)} is not a month and day like "12-01" (write it in quotes)` };
});

/** "07:30-11:30" (an en dash is fine too); order and overlap are checked with the whole day. */
const windowText = leaf<string>((v) => {
  const m = typeof v === 'string' ? /^\s*(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})\s*$/.exec(v) : null;
  if (!m) return { ok: false, message: `${show(v)} is not a working window like "07:30-11:30"` };
  const start = parseClockTime(m[1]!);
  const end = parseClockTime(m[2]!);
  if (start === undefined || end === undefined) return { ok: false, message: `${show(v)} has a time that does not exist` };
  if (end <= start) return { ok: false, message: `${show(v)} ends before it starts` };
  return { ok: true, value: `${m[1]}-${m[2]}` };
});

const money = leaf<number>((v) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1e12
    ? { ok: true, value: v }
    : { ok: false, message: `${show(v)} is not an amount in đồng (a number ≥ 0)` },
);

const CHANNEL_NAMES = ['TELEGRAM', 'ZALO', 'ZALO_OA'] as const;
/** Channels in the order to try them, each at most once ([] = the oldest link first). */
const channelOrder = leaf<(typeof CHANNEL_NAMES)[number][]>((v) => {
  const names = Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.trim().toUpperCase() : x)) : undefined;
  const ok = names !== undefined && names.every((c) => (CHANNEL_NAMES as readonly unknown[]).includes(c)) && new Set(names).size === names.length;
  return ok
    ? { ok: true, value: names as (typeof CHANNEL_NAMES)[number][] }
    : { ok: false, message: `${show(v)} is not a list of the channels TELEGRAM, ZALO, ZALO_OA, each at most once ([] = the oldest link first)` };
});

const list = <T extends z.ZodType>(item: T, what: string) => z.array(item, { error: (iss) => `${show(iss.input)} is not a list of ${what} (use [] for none)` });

function section<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape).join(', ');
  return z
    .strictObject(shape, {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown setting ${(iss as { keys?: string[] }).keys?.map((k) => `"${k}"`).join(', ')} (known: ${known})`
          : `${show(iss.input)} is not a section of settings (known: ${known})`,
    })
    .partial();
}

const daySchema = list(windowText, 'working windows like "07:30-11:30"');
const clocksSchema = section({
  accept: durationText,
  progressInterval: durationText,
  beforeDeadline: durationText,
  answer: durationText,
  explanation: durationText,
});

export const policyOverrideSchema = section({
  calendar: section({
    week: section(Object.fromEntries(WEEKDAYS.map((d) => [d, daySchema])) as Record<(typeof WEEKDAYS)[number], typeof daySchema>),
    extraHolidays: list(isoDate, 'dates like 2027-02-10'),
    extraWorkdays: list(isoDate, 'dates like 2027-02-10'),
    tetDaysBefore: integer(0, 4),
    nationalDayExtra: z.enum(['auto', 'before', 'after'], { error: (iss) => `${show(iss.input)} is not one of auto, before, after` }),
  }),
  clocks: section(Object.fromEntries(PRIORITIES.map((p) => [p, clocksSchema])) as Record<(typeof PRIORITIES)[number], typeof clocksSchema>),
  ladder: section({
    stepFraction: fraction,
    minStep: durationText,
    maxStep: durationText,
    urgentMinStep: durationText,
    urgentMaxStep: durationText,
    topLevel: integer(0, 10, 'a level'),
    repeatTopEvery: durationText,
  }),
  signals: section({
    roundsWithoutDecision: integer(1, 100),
    urgentStartWindow: durationText,
    bouncesPerTask: integer(1, 100),
  }),
  digest: section({
    time: clockTime,
    dueSoonWorkingDays: integer(1, 60),
    oldestOverdue: integer(0, 100),
  }),
  maxDeadlineYears: integer(1, MAX_DEADLINE_YEARS, 'a number of years'),
  inviteTtl: durationText,
  promptTtl: durationText,
  dialogTtl: durationText,
  minimalNotifications: boolean,
  orgImport: section({
    maxDeactivations: integer(0, 1_000_000),
    maxDeactivationPercent: integer(0, 100, 'a percentage'),
  }),
  channels: section({
    fallbackOrder: channelOrder,
  }),
  zaloOa: section({
    freeWindow: durationText,
    unansweredCap: integer(1, 1000, 'a number of messages'),
    deliveryWindow: durationText,
    outsideWindow: z.enum(['transaction', 'other-channel', 'hold'], { error: (iss) => `${show(iss.input)} is not one of transaction, other-channel, hold` }),
    nudge: boolean,
    prices: section({ billedCs: money, transaction: money }),
    monthlyBudget: money,
    budgetWarningShare: fraction,
  }),
  review: section({
    staleAfter: durationText,
    decideWithin: durationText,
    selfReviewDate: monthDay,
    selfReviewWithin: durationText,
  }),
  notices: section({
    confirmWithin: durationText,
    maxFileMegabytes: integer(1, 50, 'a number of megabytes'),
  }),
  recognition: section({
    minItems: integer(1, 1000),
    unitOnTimePercent: integer(0, 100, 'a percentage'),
    unitMinItems: integer(1, 100_000),
  }),
});

export type PolicyOverride = z.output<typeof policyOverrideSchema>;

/** "clocks.NORMAL.accept", "calendar.week.monday[1]"; the top level reads "policy". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out || 'policy';
}
