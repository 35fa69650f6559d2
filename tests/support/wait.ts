// Waiting helpers for tests that talk to real servers: no fixed sleeps, every wait has a deadline and a message
// that says what was being waited for.

/** Default deadline for the helpers below. Well under Vitest's testTimeout so a failing wait reports itself. */
export const DEFAULT_WAIT_MS = 5_000;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface WaitUntilOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Says what was awaited; it becomes the error message on timeout. */
  message?: string;
}

/**
 * Polls `check` until it returns a truthy value and resolves with that value. Use it for state that gives no
 * notification (a database row, a counter); for calls to a stand-in server use its own `waitFor`, which is woken
 * by each call instead of polling.
 */
export async function waitUntil<T>(check: () => T | Promise<T>, options: WaitUntilOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = DEFAULT_WAIT_MS, intervalMs = 10, message = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error; // the condition may throw until it becomes true (e.g. a row that does not exist yet)
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}${why}`);
    }
    await sleep(intervalMs);
  }
}

interface Waiter<T> {
  matches: (entry: T) => boolean;
  needed: number;
  found: T[];
  resolve: (found: T[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * An append-only log whose entries can be awaited: `waitFor` resolves as soon as the entries recorded so far, or
 * later ones, match. The stand-in servers record their calls in one.
 */
export class CallLog<T> {
  readonly #entries: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();

  /** @param describe renders an entry for timeout messages, so a failing test shows what did happen. */
  constructor(private readonly describe: (entry: T) => string = (entry) => JSON.stringify(entry)) {}

  /** A snapshot: later calls do not change the returned array. */
  get entries(): T[] {
    return [...this.#entries];
  }

  push(entry: T): void {
    this.#entries.push(entry);
    for (const waiter of [...this.#waiters]) {
      if (!waiter.matches(entry)) continue;
      waiter.found.push(entry);
      if (waiter.found.length >= waiter.needed) this.#settle(waiter, () => waiter.resolve(waiter.found));
    }
  }

  /** Forgets the entries. Pending waits keep waiting for new entries. */
  clear(): void {
    this.#entries.length = 0;
  }

  /** Resolves with the first `n` entries (already recorded or future) that match, in order. */
  waitForCount(matches: (entry: T) => boolean, n: number, timeoutMs = DEFAULT_WAIT_MS, what = 'matching entries'): Promise<T[]> {
    const found = this.#entries.filter(matches).slice(0, n);
    if (found.length >= n) return Promise.resolve(found);
    return new Promise<T[]>((resolve, reject) => {
      const waiter: Waiter<T> = {
        matches,
        needed: n,
        found,
        resolve,
        reject,
        timer: setTimeout(() => {
          const seen = this.#entries.map((e) => `  ${this.describe(e)}`).join('\n') || '  (nothing)';
          this.#settle(waiter, () =>
            reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${n} ${what} (got ${waiter.found.length}). Recorded:\n${seen}`)),
          );
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  /** Resolves with the first entry (already recorded or future) that matches. */
  async waitFor(matches: (entry: T) => boolean, timeoutMs = DEFAULT_WAIT_MS, what = 'a matching entry'): Promise<T> {
    const [entry] = await this.waitForCount(matches, 1, timeoutMs, what);
    return entry as T;
  }

  /** Rejects every pending wait; used when the server that fills the log shuts down. */
  close(reason = 'closed'): void {
    for (const waiter of [...this.#waiters]) this.#settle(waiter, () => waiter.reject(new Error(`Stopped waiting: ${reason}`)));
  }

  #settle(waiter: Waiter<T>, settle: () => void): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
    settle();
  }
}
