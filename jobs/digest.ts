// The morning digest on a BullMQ job scheduler: every day at the policy's digest time in the organisation's time zone.
// The processor itself skips days off (weekends, holidays, the admin's days off; make-up Saturdays count as working),
// because only the working calendar knows them. Re-registering at start upserts the same scheduler (no duplicates),
// and a restart after the digest time adds one catch-up job for today: `digest_sent` makes every run send once.
import type { Queue } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { sendDailyDigests } from '../src/app/digest/send-daily-digests.js';
import type { OwnedSchedule } from './self-heal.js';

export const DIGEST_JOB = 'digest-daily';
export const DIGEST_SCHEDULER_ID = 'digest-daily';

/** "07:30" → the cron pattern "30 7 * * *" (minute, hour, every day). */
export function digestCronPattern(time: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!m) throw new RangeError(`digest time "${time}" is not a time like 07:30`);
  return `${Number(m[2])} ${Number(m[1])} * * *`;
}

export interface DigestSchedule {
  pattern: string;
  tz: string;
  /** A catch-up job was added for today (started after the digest time on a working day). */
  catchUp: boolean;
}

export async function scheduleDailyDigest(queue: Queue, app: AppContext): Promise<DigestSchedule> {
  const pattern = digestCronPattern(app.policy.digest.time);
  const tz = app.policy.calendar.timezone;
  await queue.upsertJobScheduler(DIGEST_SCHEDULER_ID, { pattern, tz }, { name: DIGEST_JOB, data: {}, opts: { removeOnComplete: 50, removeOnFail: 50 } });

  const calendar = await app.calendar();
  const now = app.time.now();
  const today = calendar.localDate(now);
  const due = calendar.instantOf(today, app.policy.digest.time);
  const catchUp = calendar.isWorkingDay(today) && now.getTime() >= due.getTime() && now.getTime() < calendar.closingTime(today).getTime();
  if (catchUp) {
    // One id per day: a second restart the same morning adds nothing while the first catch-up is kept.
    await queue.add(DIGEST_JOB, {}, { jobId: `digest-catchup-${today}`, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 86_400 } });
  }
  return { pattern, tz, catchUp };
}

/** The digest as a schedule a worker process owns: created at start, and again (with today's catch-up) if Redis lost it. */
export function digestSchedule(queue: Queue, app: AppContext): OwnedSchedule {
  return { id: DIGEST_SCHEDULER_ID, ensure: () => scheduleDailyDigest(queue, app) };
}

/** Maintenance job handlers, by job name (jobs/runtime.ts `maintenanceJobs`). */
export function digestJobs(app: AppContext): Record<string, () => Promise<unknown>> {
  return { [DIGEST_JOB]: () => sendDailyDigests(app) };
}
