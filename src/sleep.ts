// Real time, for what is physical: pacing sends, backing off from a platform that failed, polling a process. Rules
// and use cases never wait: they read the time source (domain/time/time-source.ts) and tests move it.

/** Waits `ms` milliseconds; a `signal` that aborts ends the wait early, without an error (the caller checks it). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
