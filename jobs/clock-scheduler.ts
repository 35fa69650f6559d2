// The fast path of the schedule: one delayed BullMQ job per clock level. Only levels due within the horizon are
// kept in Redis; the reconciler adds later ones as they come near, so Redis memory stays small with 1e6 clocks.
import type { Queue } from 'bullmq';
import type { ClockScheduler } from '../src/app/ports/scheduling.js';
import type { TimeSource } from '../src/domain/time/time-source.js';
import { clockJobId, type ClockRecord } from '../src/domain/clocks/types.js';

/** A clock level to fire; ids are plain numbers once serialised into a job. */
export interface ClockJobData {
  id: number;
  generation: number;
  level: number;
  cycle: number;
}
type Schedulable = ClockJobData & Pick<ClockRecord, 'nextAt'>;

export const DEFAULT_HORIZON_MS = 6 * 3_600_000;

export function clockJob(c: Schedulable, now: Date) {
  return {
    name: 'fire',
    data: { id: c.id, generation: c.generation, level: c.level, cycle: c.cycle } satisfies ClockJobData,
    opts: {
      jobId: clockJobId(c),
      delay: Math.max(0, c.nextAt.getTime() - now.getTime()),
      removeOnComplete: true,
      removeOnFail: 1000,
      attempts: 5,
      backoff: { type: 'exponential' as const, delay: 1000 },
    },
  };
}

export class BullClockScheduler implements ClockScheduler {
  constructor(
    private readonly queue: Queue,
    private readonly time: TimeSource,
    private readonly horizonMs = DEFAULT_HORIZON_MS,
  ) {}

  async schedule(clocks: readonly Schedulable[]): Promise<void> {
    const now = this.time.now();
    const soon = clocks.filter((c) => c.nextAt.getTime() - now.getTime() <= this.horizonMs);
    if (soon.length === 0) return;
    // Adding a job whose id exists is a no-op in BullMQ: scheduling twice is harmless.
    await this.queue.addBulk(soon.map((c) => clockJob(c, now)));
  }
}
