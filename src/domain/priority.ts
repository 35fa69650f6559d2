export const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** URGENT work runs on wall-clock time and may notify outside working hours (PRODUCT.md §4). */
export function runsOnWallClock(priority: Priority): boolean {
  return priority === 'URGENT';
}
