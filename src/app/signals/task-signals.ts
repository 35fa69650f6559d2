// Where the task rules are asked: when a task clock's level 0 fires (the time ran out) and when the person acts
// late. Called from the task use cases and the task clock handler, inside their transactions.
import type { Tx } from '../../db/client.js';
import type { ClockRecord } from '../../domain/clocks/types.js';
import { bounced, declineInsisted, progressLate, taskOverdue, urgentNotAccepted, urgentNotStarted, type TaskEventFact } from '../../domain/signals/task-rules.js';
import type { Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import { raiseSignals } from './raise.js';
import { startDueOf } from './start-check.js';

/** Level 0 of a task clock fired: the time it measured ran out with the person not having acted. */
export async function signalsOnTaskClock(tx: Tx, clock: ClockRecord, task: Task, now: Date): Promise<void> {
  if (clock.level !== 0 || clock.cycle !== 0) return;
  switch (clock.kind) {
    case 'TASK_OVERDUE':
      await raiseSignals(tx, [taskOverdue(task, now)]);
      return;
    case 'TASK_ACCEPT':
      await raiseSignals(tx, [urgentNotAccepted(task, clock.dueAt, now)]);
      return;
    case 'TASK_PROGRESS':
      await raiseSignals(tx, [progressLate(task, clock.dueAt, null, now)]);
      return;
    default:
      return;
  }
}

async function activeClockDue(tx: Tx, task: Task, kind: 'TASK_ACCEPT' | 'TASK_PROGRESS'): Promise<Date | undefined> {
  const clock = await tx.clock.findFirst({ where: { itemKind: 'TASK', itemId: task.id, kind, officialId: task.assigneeId }, select: { dueAt: true, state: true } });
  return clock?.state === 'ACTIVE' ? clock.dueAt : undefined;
}

/** Accepted: an URGENT task accepted after its time to accept (the clock may not have fired yet). Call before the clock stops. */
export async function signalsOnAccepted(tx: Tx, task: Task, now: Date): Promise<void> {
  if (task.priority !== 'URGENT') return;
  const due = await activeClockDue(tx, task, 'TASK_ACCEPT');
  if (due) await raiseSignals(tx, [urgentNotAccepted(task, due, now)]);
}

/** A progress report: late for its interval, or the late start of an URGENT task. Call before the interval restarts. */
export async function signalsOnProgress(tx: Tx, before: Task, after: Task, now: Date, eventId: number): Promise<void> {
  if (before.priority === 'URGENT' && !before.startedAt) {
    const startDue = await startDueOf(tx, before);
    if (startDue) await raiseSignals(tx, [urgentNotStarted(after, startDue, now)]);
  }
  const due = await activeClockDue(tx, before, 'TASK_PROGRESS');
  if (due) await raiseSignals(tx, [progressLate(after, due, now, now, eventId)]);
}

/** Completed after the deadline. */
export async function signalsOnCompleted(tx: Tx, task: Task, now: Date): Promise<void> {
  await raiseSignals(tx, [taskOverdue(task, now)]);
}

async function bounceEvents(tx: Tx, taskId: number): Promise<TaskEventFact[]> {
  return tx.taskEvent.findMany({
    where: { taskId, kind: { in: ['DECLINED', 'REASSIGNED', 'INSISTED'] } },
    orderBy: { id: 'asc' },
    select: { id: true, kind: true, at: true, actorId: true, reason: true },
  });
}

/** A decline: the task may now bounce too often (behaviour 4, the count). */
export async function signalsOnDeclined(app: AppContext, tx: Tx, task: Task): Promise<void> {
  const events = await bounceEvents(tx, task.id);
  const decline = [...events].reverse().find((e) => e.kind === 'DECLINED');
  if (decline) await raiseSignals(tx, [bounced(task, events, app.policy.signals.bouncesPerTask, decline)]);
}

/** The assigner insisted: the decline was of work within the person's duty (behaviour 4). */
export async function signalsOnInsisted(tx: Tx, task: Task): Promise<void> {
  const events = await bounceEvents(tx, task.id);
  const insist = [...events].reverse().find((e) => e.kind === 'INSISTED');
  const decline = [...events].reverse().find((e) => e.kind === 'DECLINED' && (!insist || e.at.getTime() <= insist.at.getTime()));
  if (insist && decline) await raiseSignals(tx, [declineInsisted(task, decline, insist)]);
}
