import { DelayedError, type Job } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { fireClock, type ClockHandlers } from '../src/app/clocks/fire-clock.js';
import type { ClockJobData } from './clock-scheduler.js';

/** Thin: the use case decides; an early job (its level not yet due by the domain clock) goes back to waiting. */
export async function processClockJob(app: AppContext, handlers: ClockHandlers, job: Job<ClockJobData>, token: string | undefined): Promise<string> {
  const result = await fireClock(app, handlers, job.data);
  if (result.outcome === 'early') {
    const waitMs = result.at.getTime() - app.clock.now().getTime();
    await job.moveToDelayed(Date.now() + Math.max(waitMs, 0), token);
    throw new DelayedError();
  }
  return result.outcome;
}
