// Real-time waiting (src/sleep.ts): a stop request ends the wait at once, without an error.
import { describe, expect, it } from 'vitest';
import { sleepUnlessStopped, StopRequested } from '../../src/channels/retry.js';
import { sleep } from '../../src/sleep.js';

describe('sleep', () => {
  it('ends early when its signal aborts, and at once when it was aborted before', async () => {
    const stop = new AbortController();
    const started = performance.now();
    const waiting = sleep(60_000, stop.signal);
    stop.abort();
    await waiting;
    const aborted = AbortSignal.abort();
    await sleep(60_000, aborted);
    // Far less than the minute asked for: the abort, not the timer, ended both waits.
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('tells a backoff wait that it was stopped', async () => {
    const stop = new AbortController();
    const waiting = sleepUnlessStopped(60_000, stop.signal);
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(StopRequested);
    await expect(sleepUnlessStopped(1, undefined)).resolves.toBeUndefined();
  });
});
