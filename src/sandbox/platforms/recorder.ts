// An append-only record whose entries can be awaited: a platform records what it received and sent, and whoever
// watches it (a test, the sandbox page) waits for entries instead of sleeping. Waits have a real-time deadline and
// say what they waited for.

/** Default deadline of a wait: well under the tests' own timeout, so a failing wait reports itself. */
export const DEFAULT_WAIT_MS = 5_000;

interface Waiter<T> {
  matches: (entry: T) => boolean;
  needed: number;
  found: T[];
  resolve: (found: T[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class Recorder<T> {
  readonly #entries: T[] = [];
  readonly #waiters = new Set<Waiter<T>>();
  readonly #listeners = new Set<(entry: T) => void>();

  /** @param describe renders an entry for timeout messages. */
  constructor(private readonly describe: (entry: T) => string = (entry) => JSON.stringify(entry)) {}

  /** A snapshot. */
  get entries(): T[] {
    return [...this.#entries];
  }

  push(entry: T): void {
    this.#entries.push(entry);
    for (const listen of this.#listeners) listen(entry);
    for (const waiter of [...this.#waiters]) {
      if (!waiter.matches(entry)) continue;
      waiter.found.push(entry);
      if (waiter.found.length >= waiter.needed) this.#settle(waiter, () => waiter.resolve(waiter.found));
    }
  }

  /** Calls `listener` for every later entry; returns the unsubscribe function. */
  subscribe(listener: (entry: T) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#entries.length = 0;
  }

  /** The first `n` entries that match, recorded already or later. */
  waitForCount(matches: (entry: T) => boolean, n: number, timeoutMs: number, what: string): Promise<T[]> {
    const found = this.#entries.filter(matches);
    if (found.length >= n) return Promise.resolve(found.slice(0, n));
    return new Promise((resolve, reject) => {
      const waiter: Waiter<T> = {
        matches,
        needed: n,
        found,
        resolve,
        reject,
        timer: setTimeout(() => {
          const seen = this.#entries
            .slice(-10)
            .map((e) => `  ${this.describe(e)}`)
            .join('\n');
          this.#settle(waiter, () =>
            reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${n} ${what} (got ${waiter.found.length}); last entries:\n${seen || '  (none)'}`)),
          );
        }, timeoutMs),
      };
      this.#waiters.add(waiter);
    });
  }

  async waitFor(matches: (entry: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const [first] = await this.waitForCount(matches, 1, timeoutMs, what);
    return first as T;
  }

  /** Rejects every pending wait (the platform is closing). */
  close(reason: string): void {
    for (const waiter of [...this.#waiters]) this.#settle(waiter, () => waiter.reject(new Error(reason)));
  }

  #settle(waiter: Waiter<T>, action: () => void): void {
    clearTimeout(waiter.timer);
    this.#waiters.delete(waiter);
    action();
  }
}
