// When a webhook delivery that failed is tried again: exponential back-off with jitter, capped, never giving up
// (at-least-once: a receiver down for days still gets everything when it is back; `webhook remove` stops it).

export interface RetrySchedule {
  /** The first retry comes after between half this and this (default 10 s). */
  baseMs: number;
  /** No wait is longer than this (default 1 h). */
  capMs: number;
}

export const DEFAULT_RETRY: RetrySchedule = { baseMs: 10_000, capMs: 60 * 60_000 };

/**
 * The wait after the `attempts`-th failure: base·2^(attempts−1), capped, then "equal jitter" (a random point in its
 * upper half), so receivers coming back are not hit by every sender at the same instant. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, schedule: RetrySchedule = DEFAULT_RETRY, random: number = Math.random()): number {
  const exp = Math.min(schedule.capMs, schedule.baseMs * 2 ** Math.min(Math.max(attempts, 1) - 1, 30));
  return Math.round(exp / 2 + (exp / 2) * random);
}
