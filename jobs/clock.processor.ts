import { DelayedError, type Job } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { fireWave, type ClockHandlers } from '../src/app/clocks/fire-clock.js';
import { clockJobId } from '../src/domain/clocks/types.js';
import type { ClockJobData } from './clock-scheduler.js';

/** A job fires its own level and up to this many other levels already due: a wave of due reminders in one go. */
export const WAVE_SIZE = 200;
/** Job ids this process already fired inside a wave; their own jobs then finish without a database round trip. */
const MEMO_LIMIT = 200_000;

export class ClockJobProcessor {
  private readonly firedHere = new Set<string>();

  constructor(
    private readonly app: AppContext,
    private readonly handlers: ClockHandlers,
    private readonly waveSize = WAVE_SIZE,
  ) {}

  /** Thin: the use case decides; an early job (its level not yet due by the domain clock) goes back to waiting. */
  async process(job: Job<ClockJobData>, token: string | undefined): Promise<string> {
    const id = clockJobId(job.data);
    if (this.firedHere.delete(id)) return 'fired-in-wave';
    const { requested, fired } = await fireWave(this.app, this.handlers, [job.data], this.waveSize - 1);
    for (const p of fired) {
      const key = clockJobId(p);
      if (key !== id) this.remember(key);
    }
    const result = requested.get(id) ?? { outcome: 'stale' as const };
    if (result.outcome === 'early') {
      const waitMs = result.at.getTime() - this.app.time.now().getTime();
      await job.moveToDelayed(Date.now() + Math.max(waitMs, 0), token);
      throw new DelayedError();
    }
    return result.outcome;
  }

  private remember(key: string): void {
    if (this.firedHere.size >= MEMO_LIMIT) {
      // Oldest first: a Set iterates in insertion order. A forgotten id costs one database look-up, nothing more.
      const oldest = this.firedHere.values().next().value;
      if (oldest !== undefined) this.firedHere.delete(oldest);
    }
    this.firedHere.add(key);
  }
}

const processors = new WeakMap<ClockHandlers, ClockJobProcessor>();

/** The processor of the worker that owns these handlers (one memo per worker process). */
export function processClockJob(app: AppContext, handlers: ClockHandlers, job: Job<ClockJobData>, token: string | undefined): Promise<string> {
  let processor = processors.get(handlers);
  if (!processor) {
    processor = new ClockJobProcessor(app, handlers);
    processors.set(handlers, processor);
  }
  return processor.process(job, token);
}
