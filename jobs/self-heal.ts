// Redis can come back empty under running processes (restarted without persistence, flushed, failed over to an empty
// replica). The job schedulers (reconciler, outbox sweep, digest) live only there, so each process watches those it
// owns and re-creates them when they are gone, then rebuilds the rest from the database at once (reconcile + sweep)
// instead of waiting for the next period, which would never come. It looks when its Redis connection is ready again
// after a reconnect and on a timer of its own (a flush needs no reconnect).
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Redis } from './connection.js';

/** A job scheduler this process creates at start: `ensure` upserts it (the same id again creates no duplicate). */
export interface OwnedSchedule {
  id: string;
  ensure(): Promise<unknown>;
}

export interface RedisLossWatch {
  /** Looks now; resolves with the ids re-created (empty when everything was there or Redis does not answer). */
  check(): Promise<string[]>;
  stop(): void;
}

export const DEFAULT_HEAL_CHECK_MS = 30_000;

export function watchForRedisLoss(o: {
  queue: Queue;
  connection: Redis;
  owned: readonly OwnedSchedule[];
  /** What the process rebuilds from the database once the schedulers are back. */
  rebuild(): Promise<unknown>;
  logger: Logger;
  everyMs?: number;
}): RedisLossWatch {
  let running: Promise<string[]> | undefined;
  const look = async (): Promise<string[]> => {
    const missing: OwnedSchedule[] = [];
    for (const s of o.owned) if (!(await o.queue.getJobScheduler(s.id))) missing.push(s);
    if (missing.length === 0) return [];
    const ids = missing.map((s) => s.id);
    o.logger.warn({ missing: ids }, 'Redis lost its data: re-creating the job schedulers, rebuilding the schedule and waking the outbox');
    for (const s of missing) await s.ensure();
    await o.rebuild();
    o.logger.info({ recreated: ids }, 'Redis healed: schedulers back, schedule rebuilt, outbox woken');
    return ids;
  };
  // One look at a time: a reconnect during a timer's look waits for it and looks again.
  const check = (): Promise<string[]> => {
    const next = (running ?? Promise.resolve([] as string[])).then(look).catch((err: unknown) => {
      // Redis is still away (or went again): the next reconnect or tick looks again.
      o.logger.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'could not look whether Redis lost the job schedulers; looking again at the next reconnect or tick',
      );
      return [] as string[];
    });
    running = next;
    return next;
  };
  const onReady = () => void check();
  o.connection.on('ready', onReady);
  const timer = setInterval(() => void check(), o.everyMs ?? DEFAULT_HEAL_CHECK_MS);
  timer.unref();
  return {
    check,
    stop() {
      clearInterval(timer);
      o.connection.off('ready', onReady);
    },
  };
}
