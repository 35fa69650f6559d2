// The parts of the sandbox's time moves that talk to the queues: letting what fell due fire and be delivered, and
// running the morning digest job at its hour. Shared by the sandbox's composition and the tests' harness, so both
// walk time the same way.
import type { Queue } from 'bullmq';
import type { AppContext } from '../app/context.js';
import { HELD_MARK } from '../app/ports/sender.js';
import type { PrismaClient } from '../db/client.js';
import { DIGEST_JOB } from '../../jobs/digest.js';
import type { SandboxTime } from './ports.js';
import { createSandboxTime, nextClockDue } from './time-controls.js';
import type { TimeMove } from './time-moves.js';
import { sleep } from '../sleep.js';

export interface QueuesToWatch {
  clocks: Queue;
  delivery: Queue;
  maintenance: Queue;
  webhooks: Queue;
}

/**
 * Nothing waiting or running on the clock and delivery queues, and no message left to send in the outbox (but those
 * a sender held, for the person's next OA window: they wait for the person, not for us). Webhook jobs count while
 * they wait or run, not while they wait for a retry's back-off (a receiver that is down must not stop time).
 */
export async function quiet(queues: QueuesToWatch, db: PrismaClient): Promise<boolean> {
  const counts = await Promise.all([
    queues.clocks.getJobCounts('waiting', 'active', 'prioritized'),
    queues.delivery.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
    queues.webhooks.getJobCounts('waiting', 'active', 'prioritized'),
  ]);
  const busy = counts.flatMap((c) => Object.values(c)).reduce((a, b) => a + b, 0);
  if (busy > 0) return false;
  // Two counts, not a NOT: NOT over a null lastError would drop the ordinary pending rows too (SQL's NULL).
  const [open, held] = await Promise.all([
    db.outbox.count({ where: { status: { in: ['PENDING', 'SENDING'] } } }),
    db.outbox.count({ where: { status: 'PENDING', lastError: { startsWith: HELD_MARK } } }),
  ]);
  return open === held;
}

/** Polls `isQuiet` until it holds (real time; a deadline that says what it waited for). */
export async function waitQuiet(isQuiet: () => Promise<boolean>, timeoutMs = 60_000, intervalMs = 25): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await isQuiet())) {
    if (Date.now() > until) throw new Error(`the sandbox did not settle within ${timeoutMs} ms (clock or delivery jobs still running)`);
    await sleep(intervalMs);
  }
}

/** Adds the digest job as the daily scheduler would and waits until it ran; throws with the job's reason if it failed. */
export async function runDigestJob(maintenance: Queue, timeoutMs = 60_000): Promise<void> {
  const job = await maintenance.add(DIGEST_JOB, {}, { removeOnComplete: 50, removeOnFail: 50 });
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await job.getState();
    if (state === 'completed') return;
    if (state === 'failed') throw new Error(`the digest job failed: ${(await maintenance.getJob(job.id!))?.failedReason ?? 'no reason given'}`);
    if (Date.now() > until) throw new Error(`the digest job did not run within ${timeoutMs} ms`);
    await sleep(25);
  }
}

export interface SandboxTimeWiring {
  time: { now(): Date; set(to: Date): void };
  app: Pick<AppContext, 'calendar' | 'policy'>;
  db: PrismaClient;
  queues: QueuesToWatch;
  /** The workers' reconcile: promotes the clock jobs that became due when time moved. */
  reconcile(): Promise<unknown>;
  /** Anything else that must be done before time goes on (the Zalo receiver handling what it received). */
  alsoIdle?: () => Promise<void>;
  settleTimeoutMs?: number;
}

/** The sandbox's time moves over the composition's clock, queues and workers. */
export function sandboxTime(w: SandboxTimeWiring): SandboxTime & { move(move: TimeMove): Promise<void> } {
  const settle = async () => {
    await w.reconcile();
    await w.alsoIdle?.();
    await waitQuiet(() => quiet(w.queues, w.db), w.settleTimeoutMs);
  };
  return createSandboxTime({
    time: w.time,
    calendar: () => w.app.calendar(),
    digestTime: w.app.policy.digest.time,
    nextDueAt: (after, until) => nextClockDue(w.db, after, until),
    settle,
    async runDigest() {
      await runDigestJob(w.queues.maintenance);
      await settle();
    },
  });
}
