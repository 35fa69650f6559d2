// Which clocks run for a task in each state (PRODUCT.md §4): accept while ASSIGNED; progress interval,
// before-deadline reminder and overdue while being worked on; none once done, closed, declined or cancelled
// (settle.ts stops them, with the table of domain/task/task-state.ts).
import { basisOf, deliverableAt, ladderStepMs } from '../../domain/clocks/ladder.js';
import type { Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { Effects } from '../transaction.js';
import { startUrgentStartCheck } from '../signals/start-check.js';

/** Starts (or restarts for a new assignee's turn) the time to accept; returns when it runs out. */
export async function startAcceptClock(app: AppContext, tx: StoreTx, effects: Effects, task: Task, from: Date): Promise<Date> {
  const calendar = await app.calendar();
  const window = app.policy.clocks[task.priority].accept;
  const dueAt = deliverableAt(calendar.add(from, window), task.priority, calendar);
  const clock = await app.stores.clocks.start(tx, {
    itemKind: 'TASK',
    itemId: task.id,
    kind: 'TASK_ACCEPT',
    officialId: task.assigneeId,
    priority: task.priority,
    dueAt,
    stepMs: ladderStepMs(app.policy.ladder, window.ms, basisOf(task.priority)),
  });
  effects.schedule(clock);
  return dueAt;
}

/** After acceptance, a reopen or a moved deadline: the clocks of work in progress. */
export async function startWorkClocks(app: AppContext, tx: StoreTx, effects: Effects, task: Task, from: Date): Promise<void> {
  await startProgressClock(app, tx, effects, task, from);
  await startUrgentStartCheck(app, tx, effects, task, from);
  const calendar = await app.calendar();
  const clocks = app.policy.clocks[task.priority];
  const before = deliverableAt(calendar.subtract(task.deadline, clocks.beforeDeadline), task.priority, calendar);
  if (before.getTime() > from.getTime() && before.getTime() < task.deadline.getTime()) {
    effects.schedule(
      await app.stores.clocks.start(tx, {
        itemKind: 'TASK',
        itemId: task.id,
        kind: 'TASK_BEFORE_DEADLINE',
        officialId: task.assigneeId,
        priority: task.priority,
        dueAt: before,
        stepMs: 1000,
      }),
    );
  } else {
    await app.stores.clocks.stop(tx, 'TASK', task.id, from, 'not-applicable', ['TASK_BEFORE_DEADLINE']);
  }
  // The overdue ladder steps by a share of the task's own length, so a one-day task escalates faster than a month's.
  const span = task.priority === 'URGENT' ? task.deadline.getTime() - task.createdAt.getTime() : calendar.workingMsBetween(task.createdAt, task.deadline);
  effects.schedule(
    await app.stores.clocks.start(tx, {
      itemKind: 'TASK',
      itemId: task.id,
      kind: 'TASK_OVERDUE',
      officialId: task.assigneeId,
      priority: task.priority,
      dueAt: deliverableAt(task.deadline, task.priority, calendar),
      stepMs: ladderStepMs(app.policy.ladder, Math.max(span, 0), basisOf(task.priority)),
    }),
  );
}

/**
 * The progress interval runs only for tasks longer than the interval (PRODUCT.md §4); each report starts a new one.
 */
export async function startProgressClock(app: AppContext, tx: StoreTx, effects: Effects, task: Task, from: Date): Promise<void> {
  const calendar = await app.calendar();
  const interval = app.policy.clocks[task.priority].progressInterval;
  const dueAt = deliverableAt(calendar.add(from, interval), task.priority, calendar);
  if (dueAt.getTime() >= task.deadline.getTime()) {
    await app.stores.clocks.stop(tx, 'TASK', task.id, from, 'deadline-first', ['TASK_PROGRESS']);
    return;
  }
  effects.schedule(
    await app.stores.clocks.start(tx, {
      itemKind: 'TASK',
      itemId: task.id,
      kind: 'TASK_PROGRESS',
      officialId: task.assigneeId,
      priority: task.priority,
      dueAt,
      stepMs: ladderStepMs(app.policy.ladder, interval.ms, basisOf(task.priority)),
    }),
  );
}

export async function stopAcceptClock(app: AppContext, tx: StoreTx, task: Task, at: Date, reason: string): Promise<void> {
  await app.stores.clocks.stop(tx, 'TASK', task.id, at, reason, ['TASK_ACCEPT']);
}
