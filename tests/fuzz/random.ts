// A seeded pseudo-random source for the fuzz runs: the same seed gives the same run, so a failure is replayed by
// its seed alone. mulberry32: small, fast and good enough to pick among choices.
export class Random {
  private state: number;
  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }
  /** [0, 1) */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A choice weighted by the numbers given. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((s, [w]) => s + w, 0);
    let r = this.next() * total;
    for (const [w, v] of choices) if ((r -= w) < 0) return v;
    return choices.at(-1)![1];
  }
}

/** The seed from the environment (FUZZ_SEED) or a fresh one, so every run prints what replays it. */
/**
 * The seed of a run: FUZZ_SEED=<n> replays one, FUZZ_SEED=random draws a new one (the long runs of scripts/fuzz.mjs),
 * and `npm test` uses the fixed default so that the suite answers the same way every time it runs on the same code.
 */
export const DEFAULT_FUZZ_SEED = 20261130;

export function seedFrom(env: string | undefined, fallback = DEFAULT_FUZZ_SEED): number {
  if (env === 'random') return Date.now() % 2 ** 31;
  const n = env === undefined || env === '' ? Number.NaN : Number(env);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
