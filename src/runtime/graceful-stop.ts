// SIGTERM (a deployment stopping a container, systemd, compose) ends the process once the work in hand is done:
// each step runs in order, and the whole within a bound, so an orchestrator's SIGKILL (compose: stop_grace_period)
// never lands in the middle of it. A step that outlives the bound is named in the log and the exit code is 1.
import type { Logger } from 'pino';

export type StopStep = readonly [name: string, run: () => Promise<unknown>];

/** Runs the steps in order; resolves with `exitCode` when they finish within `graceMs`, else with 1 at the bound. */
export async function withinGrace(graceMs: number, logger: Logger, exitCode: number, steps: readonly StopStep[]): Promise<number> {
  const started = Date.now();
  let current = 'starting to stop';
  let finished = false;
  const run = (async () => {
    for (const [name, step] of steps) {
      current = name;
      try {
        await step();
      } catch (err) {
        // A step that fails does not keep the others from closing what they hold.
        logger.warn({ err, step: name }, 'stopping: a step failed');
      }
    }
    finished = true;
    return exitCode;
  })();
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      logger.error({ step: current, graceMs }, `stopping: still waiting for ${current} after ${graceMs} ms (SHUTDOWN_GRACE_MS); leaving now`);
      resolve(1);
    }, graceMs);
    timer.unref();
  });
  const code = await Promise.race([run, bound]);
  clearTimeout(timer);
  if (finished) logger.info({ ms: Date.now() - started }, 'stopped: every request answered and every job in hand finished');
  return code;
}
