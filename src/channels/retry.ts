// Waiting for a platform that is not there yet (the Telegram API at start): try, and on failure wait longer each
// time up to a ceiling, saying each time what failed and when the next try is. A stop request ends the wait at once.
import { sleep } from '../sleep.js';

export interface BackoffOptions {
  /** First wait after a failure (default 1 s); it doubles after each failure. */
  firstDelayMs?: number;
  /** The longest wait between two tries (default 30 s). */
  maxDelayMs?: number;
  signal?: AbortSignal;
}

export class StopRequested extends Error {
  constructor() {
    super('stopped while waiting');
    this.name = 'StopRequested';
  }
}

export function backoffDelay(failures: number, o: BackoffOptions = {}): number {
  const first = o.firstDelayMs ?? 1000;
  return Math.min(o.maxDelayMs ?? 30_000, first * 2 ** Math.min(failures - 1, 20));
}

export async function sleepUnlessStopped(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await sleep(ms, signal);
  if (signal?.aborted) throw new StopRequested();
}

/**
 * Runs `attempt` until it succeeds. `isFatal` errors are thrown at once (a refused token will not heal by waiting);
 * any other failure calls `onFailure(error, attemptNumber, waitMs)` and waits before the next try.
 */
export async function retryWithBackoff<T>(
  attempt: () => Promise<T>,
  o: BackoffOptions & { isFatal(e: unknown): boolean; onFailure(e: unknown, attempt: number, waitMs: number): void },
): Promise<T> {
  for (let n = 1; ; n++) {
    if (o.signal?.aborted) throw new StopRequested();
    try {
      return await attempt();
    } catch (e) {
      if (o.isFatal(e) || o.signal?.aborted) throw o.signal?.aborted && !o.isFatal(e) ? new StopRequested() : e;
      const wait = backoffDelay(n, o);
      o.onFailure(e, n, wait);
      await sleepUnlessStopped(wait, o.signal);
    }
  }
}
