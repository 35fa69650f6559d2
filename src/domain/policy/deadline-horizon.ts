// How far ahead a deadline may be (policy `maxDeadlineYears`, default 5). Work under the plan is counted in months
// and years; a date decades ahead is a typing slip (2099 for 2029). The bound also keeps every deadline, and the
// reminders that follow it, well inside the working calendar's years (1900–2399), so nothing after the step where
// the date was typed can fail on it.
import { DomainError } from '../errors.js';

/** The most the policy may allow: 50 years ahead stays far inside the working calendar. */
export const MAX_DEADLINE_YEARS = 50;

/** The latest instant a deadline may have: the same moment `years` calendar years on (29/02 moves to 01/03). */
export function latestDeadline(now: Date, years: number): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** Is `deadline` within `years` of now? A date that is no date (NaN) is not. */
export function withinHorizon(deadline: Date, now: Date, years: number): boolean {
  const t = deadline.getTime();
  return Number.isFinite(t) && t <= latestDeadline(now, years).getTime();
}

/** Refuses a deadline further ahead than the policy allows, saying how far it may be. */
export function checkDeadlineHorizon(deadline: Date, now: Date, years: number): void {
  if (!Number.isFinite(deadline.getTime())) throw new DomainError('deadline-unreadable');
  if (!withinHorizon(deadline, now, years)) throw new DomainError('deadline-too-far', { years, latest: latestDeadline(now, years) });
}
