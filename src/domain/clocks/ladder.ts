import type { WorkingCalendar } from '../calendar/types.js';
import type { LadderPolicy } from '../policy/types.js';
import { runsOnWallClock, type Priority } from '../priority.js';
import type { Duration } from '../time/duration.js';
import { isSingleShot, type Audience, type ClockKind } from './types.js';

/**
 * The escalation ladder of PRODUCT.md §4: level 0 reminds the person when the clock runs out; level 1 repeats after
 * a step and warns that the superior is next; level 2 tells the superior; level 3 the superior's superior; the top
 * level (configurable) then repeats once per working day. Pure: the caller stores the result.
 */

/**
 * The step between levels: a fraction of the clock's length, clamped to the bounds of the clock's own basis. A
 * working-time clock (NORMAL, HIGH) keeps [minStep, maxStep] ("at least 1 working hour, at most 1 working day"); a
 * wall-clock one (URGENT) keeps [urgentMinStep, urgentMaxStep], so a 30-minute time to accept steps every 15 minutes
 * rather than every hour.
 */
export function ladderStepMs(policy: LadderPolicy, clockLengthMs: number, basis: Duration['basis'] = 'working'): number {
  const [min, max] = basis === 'wall' ? [policy.urgentMinStep, policy.urgentMaxStep] : [policy.minStep, policy.maxStep];
  const raw = Math.round(clockLengthMs * policy.stepFraction);
  const step = Math.min(Math.max(raw, min.ms), max.ms);
  // A zero step would fire every level at once; one second is the smallest meaningful step (demo policies).
  return Math.max(step, 1000);
}

export function basisOf(priority: Priority): Duration['basis'] {
  return runsOnWallClock(priority) ? 'wall' : 'working';
}

/** Who is told at this level. */
export function audienceAt(level: number): Audience {
  return level <= 1 ? { to: 'person' } : { to: 'superior', depth: level - 1 };
}

export interface LadderPosition {
  level: number;
  cycle: number;
  at: Date;
}

/**
 * After the level at `fired` has fired: the next level and when (null when the clock is done).
 * Items that are not urgent are never sent outside working hours: a due time at night moves to the next opening.
 */
export function nextPosition(
  fired: LadderPosition,
  clock: { kind: ClockKind; priority: Priority; stepMs: number },
  policy: LadderPolicy,
  calendar: WorkingCalendar,
): LadderPosition | null {
  if (isSingleShot(clock.kind)) return null;
  const basis = basisOf(clock.priority);
  if (fired.level < policy.topLevel) {
    const at = calendar.add(fired.at, { ms: clock.stepMs, basis });
    return { level: fired.level + 1, cycle: 0, at: deliverableAt(at, clock.priority, calendar) };
  }
  const at = calendar.add(fired.at, policy.repeatTopEvery);
  return { level: fired.level, cycle: fired.cycle + 1, at: deliverableAt(at, clock.priority, calendar) };
}

/** URGENT runs on wall-clock time; everything else waits for the next working window. */
export function deliverableAt(at: Date, priority: Priority, calendar: WorkingCalendar): Date {
  return runsOnWallClock(priority) ? at : calendar.nextOpening(at);
}
