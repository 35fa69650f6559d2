// Every clock kind's handler, in one list: the processes (src/runtime/organisation-runtime.ts) and the test harnesses
// register the same handlers from here, so a new clock kind is added once.
import type { AppContext } from './context.js';
import type { ClockHandler } from './clocks/clock-handler.js';
import { taskClockHandler } from './clocks/task-clock-handler.js';
import { consultationClockHandler } from './consultations/clock-handler.js';
import { explanationClockHandler } from './explanations/clock-handler.js';
import { noticeClockHandler } from './notices/notice-clock-handler.js';
import { reviewClockHandler } from './review/review-clock-handler.js';
import { selfReviewClockHandler } from './self-review/self-review-clock-handler.js';
import { urgentStartHandler } from './signals/start-check.js';

export function everyClockHandler(app: AppContext): ClockHandler[] {
  return [
    taskClockHandler,
    consultationClockHandler(app),
    explanationClockHandler(app),
    urgentStartHandler(app),
    reviewClockHandler(app),
    selfReviewClockHandler(app),
    noticeClockHandler(app),
  ];
}
