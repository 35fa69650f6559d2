// Settings as written (text durations, "07:30-11:30" windows) → the typed Policy the rest of the code reads.
import type { CalendarConfig, WorkingWindow } from '../calendar/types.js';
import { isTimeZone } from '../time/time-zone.js';
import { standardDay, toMinuteWindows } from '../calendar/week-windows.js';
import { PRIORITIES, type Priority } from '../priority.js';
import type { Duration } from '../time/duration.js';
import { readDuration, describeDurationProblem } from './duration-text.js';
import { PolicyError } from './policy-error.js';
import { DEFAULT_SETTINGS, WEEKDAYS, type PolicySettings } from './settings.js';
import type { Policy, PriorityClocks, ZaloOaPolicy } from './types.js';

export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';
/** The clock table keeps a ladder step in an INT column of milliseconds. */
export const MAX_STEP_MS = 2 ** 31 - 1;

function windowOf(text: string): WorkingWindow {
  const [start, end] = text.split('-') as [string, string];
  return { start, end };
}

/** Throws PolicyError listing every problem found (paths as in the file). */
export function resolvePolicy(settings: PolicySettings, timezone: string, source?: string): Policy {
  const problems: string[] = [];
  if (!isTimeZone(timezone)) problems.push(`timezone: ${JSON.stringify(timezone)} is not an IANA time zone such as Asia/Ho_Chi_Minh`);

  const weekWindows = WEEKDAYS.map((day) => settings.calendar.week[day].map(windowOf));
  const minuteWeek = weekWindows.map((windows, i) => {
    try {
      return toMinuteWindows(windows);
    } catch (e) {
      problems.push(`calendar.week.${WEEKDAYS[i]}: ${(e as Error).message}; write the windows in order, e.g. ["07:30-11:30", "13:30-17:00"]`);
      return [];
    }
  });
  const standard = standardDay(minuteWeek);
  if (standard.length === 0 && problems.length === 0) problems.push('calendar.week: no day has a working window');
  const workingDayMs = standard.reduce((s, w) => s + w.end - w.start, 0) * 60_000 || 1;

  const holidays = new Set(settings.calendar.extraHolidays);
  settings.calendar.extraWorkdays.forEach((d, i) => {
    if (holidays.has(d)) problems.push(`calendar.extraWorkdays[${i}]: ${d} is also in calendar.extraHolidays; keep it in one list`);
  });

  const duration = (path: string, text: string): Duration => {
    const r = readDuration(text, { workingDayMs });
    if (r.ok) return r.duration;
    problems.push(`${path}: ${describeDurationProblem(text, r.problem)}`);
    return { ms: 1, basis: 'working' };
  };

  const clocks = {} as Record<Priority, PriorityClocks>;
  for (const p of PRIORITIES) {
    const c = settings.clocks[p];
    clocks[p] = {
      accept: duration(`clocks.${p}.accept`, c.accept),
      progressInterval: duration(`clocks.${p}.progressInterval`, c.progressInterval),
      beforeDeadline: duration(`clocks.${p}.beforeDeadline`, c.beforeDeadline),
      answer: duration(`clocks.${p}.answer`, c.answer),
      explanation: duration(`clocks.${p}.explanation`, c.explanation),
    };
  }

  const l = settings.ladder;
  const minStep = duration('ladder.minStep', l.minStep);
  const maxStep = duration('ladder.maxStep', l.maxStep);
  if (minStep.basis === maxStep.basis && minStep.ms > maxStep.ms) {
    problems.push(`ladder.maxStep: ${JSON.stringify(l.maxStep)} is shorter than ladder.minStep ${JSON.stringify(l.minStep)}`);
  }
  // URGENT clocks run on wall time, so their bounds must say so: "10m" alone would read as working time.
  const wallDuration = (path: string, text: string): Duration => {
    const known = problems.length;
    const d = duration(path, text);
    if (problems.length === known && d.basis !== 'wall')
      problems.push(`${path}: ${JSON.stringify(text)} must be wall time, as URGENT clocks run on it (add "wall", e.g. "10m wall")`);
    return d;
  };
  const urgentMinStep = wallDuration('ladder.urgentMinStep', l.urgentMinStep);
  const urgentMaxStep = wallDuration('ladder.urgentMaxStep', l.urgentMaxStep);
  if (urgentMinStep.ms > urgentMaxStep.ms) {
    problems.push(`ladder.urgentMaxStep: ${JSON.stringify(l.urgentMaxStep)} is shorter than ladder.urgentMinStep ${JSON.stringify(l.urgentMinStep)}`);
  }

  // A clock stores its step in milliseconds as a 32-bit integer: longer steps could not be kept.
  for (const [path, text, d] of [
    ['ladder.minStep', l.minStep, minStep],
    ['ladder.maxStep', l.maxStep, maxStep],
    ['ladder.urgentMinStep', l.urgentMinStep, urgentMinStep],
    ['ladder.urgentMaxStep', l.urgentMaxStep, urgentMaxStep],
  ] as const) {
    if (d.ms > MAX_STEP_MS) problems.push(`${path}: ${JSON.stringify(text)} is longer than the longest step a clock keeps (24 days)`);
  }

  // Zalo counts the window in hours of the clock: working time makes no sense there.
  function wallDurationOf(path: string, text: string): number {
    const known = problems.length;
    const d = duration(path, text);
    if (problems.length === known && d.basis !== 'wall')
      problems.push(`${path}: ${JSON.stringify(text)} must be wall time, as Zalo counts the window in clock hours (add "wall", e.g. "48h wall")`);
    return d.ms;
  }
  const oa = settings.zaloOa;
  if (problems.length === 0) {
    const free = readDuration(oa.freeWindow, { workingDayMs }),
      delivery = readDuration(oa.deliveryWindow, { workingDayMs });
    if (free.ok && delivery.ok && free.duration.ms > delivery.duration.ms)
      problems.push(`zaloOa.deliveryWindow: ${JSON.stringify(oa.deliveryWindow)} is shorter than zaloOa.freeWindow ${JSON.stringify(oa.freeWindow)}`);
  }

  const calendar: CalendarConfig = {
    timezone,
    weekWindows,
    extraHolidays: [...settings.calendar.extraHolidays],
    extraWorkdays: [...settings.calendar.extraWorkdays],
    tetDaysBefore: settings.calendar.tetDaysBefore,
    nationalDayExtra: settings.calendar.nationalDayExtra,
  };
  const policy: Policy = {
    calendar,
    clocks,
    ladder: {
      stepFraction: l.stepFraction,
      minStep,
      maxStep,
      urgentMinStep,
      urgentMaxStep,
      topLevel: l.topLevel,
      repeatTopEvery: duration('ladder.repeatTopEvery', l.repeatTopEvery),
    },
    signals: {
      roundsWithoutDecision: settings.signals.roundsWithoutDecision,
      urgentStartWindow: duration('signals.urgentStartWindow', settings.signals.urgentStartWindow),
      bouncesPerTask: settings.signals.bouncesPerTask,
    },
    digest: { ...settings.digest },
    maxDeadlineYears: settings.maxDeadlineYears,
    inviteTtl: duration('inviteTtl', settings.inviteTtl),
    promptTtl: duration('promptTtl', settings.promptTtl),
    dialogTtl: duration('dialogTtl', settings.dialogTtl),
    minimalNotifications: settings.minimalNotifications,
    orgImport: { maxOfficials: settings.orgImport.maxDeactivations, maxPercent: settings.orgImport.maxDeactivationPercent },
    channels: { fallbackOrder: [...settings.channels.fallbackOrder] },
    zaloOa: resolveZaloOa(settings.zaloOa, wallDurationOf),
    review: {
      staleAfter: duration('review.staleAfter', settings.review.staleAfter),
      decideWithin: duration('review.decideWithin', settings.review.decideWithin),
      selfReviewDate: settings.review.selfReviewDate,
      selfReviewWithin: duration('review.selfReviewWithin', settings.review.selfReviewWithin),
    },
    notices: { confirmWithin: duration('notices.confirmWithin', settings.notices.confirmWithin), maxFileBytes: settings.notices.maxFileMegabytes * 1_048_576 },
    recognition: {
      minItems: settings.recognition.minItems,
      unitOnTimeRate: settings.recognition.unitOnTimePercent / 100,
      unitMinItems: settings.recognition.unitMinItems,
    },
  };
  if (problems.length > 0) throw new PolicyError(problems, source);
  return policy;
}

function resolveZaloOa(s: PolicySettings['zaloOa'], wall: (path: string, text: string) => number): ZaloOaPolicy {
  return {
    freeWindowMs: wall('zaloOa.freeWindow', s.freeWindow),
    unansweredCap: s.unansweredCap,
    deliveryWindowMs: wall('zaloOa.deliveryWindow', s.deliveryWindow),
    outsideWindow: s.outsideWindow,
    nudge: s.nudge,
    prices: { billedCsVnd: s.prices.billedCs, transactionVnd: s.prices.transaction },
    monthlyBudgetVnd: s.monthlyBudget,
    budgetWarningShare: s.budgetWarningShare,
  };
}

/** Every default of PRODUCT.md §4 in the organisation's time zone. */
export function defaultPolicy(timezone: string = DEFAULT_TIMEZONE): Policy {
  return resolvePolicy(DEFAULT_SETTINGS, timezone);
}
