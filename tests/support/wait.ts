// Waiting helpers for tests that talk to real servers: no fixed sleeps, every wait has a deadline and a message
// that says what was being waited for.
import { sleep } from '../../src/sleep.js';

/** Default deadline for the helpers below. Well under Vitest's testTimeout so a failing wait reports itself. */
export const DEFAULT_WAIT_MS = 5_000;

export { sleep };

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
