// The yearly self-review (issue 16.2) opens on the policy's day: a daily job at 08:00 in the organisation's time zone
// asks the application whether the day has come and the year's round is not open yet (openYearlySelfReviewIfDue is
// idempotent: the period is unique, a second run or a second worker opens nothing). Owned like the digest's schedule.
import type { Queue } from 'bullmq';
import type { AppContext } from '../src/app/context.js';
import { openYearlySelfReviewIfDue } from '../src/app/self-review/open-cycle.js';
import type { OwnedSchedule } from './self-heal.js';

export const SELF_REVIEW_JOB = 'self-review-yearly';
export const SELF_REVIEW_SCHEDULER_ID = 'self-review-yearly';

export function selfReviewSchedule(queue: Queue, app: AppContext): OwnedSchedule {
  return {
    id: SELF_REVIEW_SCHEDULER_ID,
    ensure: async () => {
      await queue.upsertJobScheduler(
        SELF_REVIEW_SCHEDULER_ID,
        { pattern: '0 8 * * *', tz: app.policy.calendar.timezone },
        { name: SELF_REVIEW_JOB, data: {}, opts: { removeOnComplete: 20, removeOnFail: 20 } },
      );
    },
  };
}

export function selfReviewJobs(app: AppContext): Record<string, () => Promise<unknown>> {
  return { [SELF_REVIEW_JOB]: () => openYearlySelfReviewIfDue(app) };
}
