/**
 * A length of time and how it is counted: `working` time skips nights, weekends and holidays on the working
 * calendar; `wall` time is plain elapsed time. PRODUCT.md §4: durations are working time unless marked.
 */
export type DurationBasis = 'working' | 'wall';

export interface Duration {
  readonly ms: number;
  readonly basis: DurationBasis;
}

export type WorkingDuration = Duration & { readonly basis: 'working' };
export type WallDuration = Duration & { readonly basis: 'wall' };

export const SECOND_MS = 1000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const working = (ms: number): WorkingDuration => ({ ms, basis: 'working' });
export const wall = (ms: number): WallDuration => ({ ms, basis: 'wall' });
