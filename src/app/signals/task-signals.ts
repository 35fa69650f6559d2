// Where the task rules are asked: when a task clock's level 0 fires (the time ran out) and when the person acts
// late. Called from the task use cases and the task clock handler, inside their transactions.
import type { ClockRecord } from '../../domain/clocks/types.js';
import { bounced, declineInsisted, progressLate, taskOverdue, urgentNotAccepted, urgentNotStarted } from '../../domain/signals/task-rules.js';
import type { Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import { raiseSignals } from './raise.js';
import { startDueOf } from './start-check.js';

/** Level 0 of a task clock fired: the time it measured ran out with the person not having acted. */
export async function signalsOnTaskClock(app: AppContext, tx: StoreTx, clock: ClockRecord, task: Task, now: Date): Promise<void> {
  if (clock.level !== 0 || clock.cycle !== 0) return;
  switch (clock.kind) {
    case 'TASK_OVERDUE':
      await raiseSignals(app, tx, [taskOverdue(task, now)]);
      return;
    case 'TASK_ACCEPT':
      await raiseSignals(app, tx, [urgentNotAccepted(task, clock.dueAt, now)]);
      return;
    case 'TASK_PROGRESS':
      await raiseSignals(app, tx, [progressLate(task, clock.dueAt, null, now)]);
      return;
    default:
      return;
  }
}

async function activeClockDue(app: AppContext, tx: StoreTx, task: Task, kind: 'TASK_ACCEPT' | 'TASK_PROGRESS'): Promise<Date | undefined> {
  const clock = await app.stores.clocks.find(tx, 'TASK', task.id, kind, task.assigneeId);
  return clock?.state === 'ACTIVE' ? clock.dueAt : undefined;
}

/** Accepted: an URGENT task accepted after its time to accept (the clock may not have fired yet). Call before the clock stops. */
export async function signalsOnAccepted(app: AppContext, tx: StoreTx, task: Task, now: Date): Promise<void> {
  if (task.priority !== 'URGENT') return;
  const due = await activeClockDue(app, tx, task, 'TASK_ACCEPT');
  if (due) await raiseSignals(app, tx, [urgentNotAccepted(task, due, now)]);
}

/** A progress report: late for its interval, or the late start of an URGENT task. Call before the interval restarts. */
export async function signalsOnProgress(app: AppContext, tx: StoreTx, before: Task, after: Task, now: Date, eventId: number): Promise<void> {
  if (before.priority === 'URGENT' && !before.startedAt) {
    const startDue = await startDueOf(app, tx, before);
    if (startDue) await raiseSignals(app, tx, [urgentNotStarted(after, startDue, now)]);
  }
  const due = await activeClockDue(app, tx, before, 'TASK_PROGRESS');
  if (due) await raiseSignals(app, tx, [progressLate(after, due, now, now, eventId)]);
}

/** Completed after the deadline. */
export async function signalsOnCompleted(app: AppContext, tx: StoreTx, task: Task, now: Date): Promise<void> {
  await raiseSignals(app, tx, [taskOverdue(task, now)]);
}

/** A decline: the task may now bounce too often (behaviour 4, the count). */
export async function signalsOnDeclined(app: AppContext, tx: StoreTx, task: Task): Promise<void> {
  const events = await app.stores.tasks.bounceEvents(tx, task.id);
  const decline = [...events].reverse().find((e) => e.kind === 'DECLINED');
  if (decline) await raiseSignals(app, tx, [bounced(task, events, app.policy.signals.bouncesPerTask, decline)]);
}

/** The assigner insisted: the decline was of work within the person's duty (behaviour 4). */
export async function signalsOnInsisted(app: AppContext, tx: StoreTx, task: Task): Promise<void> {
  const events = await app.stores.tasks.bounceEvents(tx, task.id);
  const insist = [...events].reverse().find((e) => e.kind === 'INSISTED');
  const decline = [...events].reverse().find((e) => e.kind === 'DECLINED' && (!insist || e.at.getTime() <= insist.at.getTime()));
  if (insist && decline) await raiseSignals(app, tx, [declineInsisted(task, decline, insist)]);
}
