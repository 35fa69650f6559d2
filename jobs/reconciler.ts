// Rebuilds the fast path from the database, the source of truth: at start, periodically, and when Redis lost its
// data. Every active clock due within the horizon gets its job; a due clock whose job is delayed is promoted.
import type { Queue } from 'bullmq';
import type { ClockStore } from '../src/app/ports/stores/clocks.js';
import type { TimeSource } from '../src/domain/time/time-source.js';
import { clockJobId } from '../src/domain/clocks/types.js';
import { clockJob, DEFAULT_HORIZON_MS } from './clock-scheduler.js';

export interface ReconcileReport {
  scanned: number;
  added: number;
  promoted: number;
  requeued: number;
}

/**
 * How the rebuild walks the clocks (issue 14: 1,000,000 clocks in ≤ 120 s under 300 MB). Pages of `pageSize` clocks
 * by id (keyset, never the whole set in memory), the next page read while the current one goes to Redis, and the
 * jobs added `chunkSize` at a time: a smaller `addBulk` has fewer objects in flight while Redis answers, so fewer of
 * them outlive a young-generation collection and pile up in the old generation, which V8 grows lazily (chunks of
 * 2,000 reached a 179 MB heap for 100,000 clocks, chunks of 250 to 500 about 153 MB, for the same 30 MB live).
 */
export interface RebuildBatching {
  pageSize: number;
  chunkSize: number;
}

export const DEFAULT_BATCHING: RebuildBatching = { pageSize: 1000, chunkSize: 250 };

async function addOne(queue: Queue, c: Parameters<typeof clockJob>[0], now: Date): Promise<void> {
  const j = clockJob(c, now);
  await queue.add(j.name, j.data, j.opts);
}

const DUE_PARALLEL = 32;

/** A level that is due: its job must exist and be ready to run. */
async function ensureDue(queue: Queue, r: Parameters<typeof clockJob>[0], now: Date, report: ReconcileReport): Promise<void> {
  const job = await queue.getJob(clockJobId(r));
  if (!job) {
    await addOne(queue, r, now);
    report.added++;
    return;
  }
  const state = await job.getState();
  if (state === 'delayed') {
    await job.promote();
    report.promoted++;
  } else if (state === 'failed' || state === 'completed') {
    // A finished job would block its id; the clock still says this level is due, so run it again.
    await job.remove();
    await addOne(queue, r, now);
    report.requeued++;
  }
}

/** `clocks` is the application's clock store (app.stores.clocks): the database stays the source of truth. */
export async function reconcileClocks(
  clocks: Pick<ClockStore, 'dueBefore'>,
  queue: Queue,
  time: TimeSource,
  horizonMs = DEFAULT_HORIZON_MS,
  batching: RebuildBatching = DEFAULT_BATCHING,
): Promise<ReconcileReport> {
  const report: ReconcileReport = { scanned: 0, added: 0, promoted: 0, requeued: 0 };
  const now = time.now();
  const until = new Date(now.getTime() + horizonMs);
  const page = (afterId: number) => clocks.dueBefore(until, afterId, batching.pageSize);
  let next = page(0);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) break;
    report.scanned += rows.length;
    // The database reads the next page while Redis takes this one. A short page is the last one.
    next = rows.length < batching.pageSize ? Promise.resolve([]) : page(rows.at(-1)!.id);
    // A failed read is rethrown by the `await next` above; handled here too, so that it is not reported as unhandled
    // while this page is still being added.
    next.catch(() => undefined);
    const due = rows.filter((r) => r.nextAt.getTime() <= now.getTime());
    const later = rows.filter((r) => r.nextAt.getTime() > now.getTime());
    for (let i = 0; i < later.length; i += batching.chunkSize) {
      const added = await queue.addBulk(later.slice(i, i + batching.chunkSize).map((r) => clockJob(r, now)));
      report.added += added.length;
    }
    // Due levels need a look at their job each (a few round trips): many at once, after Redis lost a Tết backlog.
    for (let i = 0; i < due.length; i += DUE_PARALLEL) {
      await Promise.all(due.slice(i, i + DUE_PARALLEL).map((r) => ensureDue(queue, r, now, report)));
    }
  }
  return report;
}
