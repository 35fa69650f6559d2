// The assigner's decisions on a task that came back or must stop (PRODUCT.md §3): cancel, reassign, insist, nudge.
import { mayReach, taskParties } from '../../domain/org/reach.js';
import { DomainError } from '../../domain/errors.js';
import type { OfficialId, TaskId } from '../../domain/ids.js';
import { checkReason } from '../../domain/task/five-clear.js';
import { assertTransition } from '../../domain/task/task-state.js';
import { OPEN_FOR_ASSIGNEE, type Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { inTransaction } from '../transaction.js';
import { personLabel } from '../views/people.js';
import { newTaskButtons, newTaskMessage } from '../views/task-views.js';
import { signalsOnInsisted } from '../signals/task-signals.js';
import { auditTask, lockTaskOrFail, peopleOf } from './shared.js';
import { settleTask } from './settle.js';
import { startAcceptClock } from './task-clocks.js';

export async function cancelTask(app: AppContext, actorId: OfficialId, taskId: TaskId, reason: string): Promise<Task> {
  const text = checkReason(reason);
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockTaskOrFail(app, tx, taskId);
    const status = assertTransition(before, 'cancel', actorId);
    const task = await app.stores.tasks.update(tx, taskId, { status, cancelledAt: now });
    await app.stores.tasks.addEvent(tx, taskId, { kind: 'CANCELLED', actorId, at: now, reason: text });
    await auditTask(app, tx, now, actorId, 'cancelled', task, { reason: text });
    await settleTask(app, tx, task, now, actorId, 'cancelled');
    await notify(app, tx, effects, task.assigneeId, (t, v) => ({
      text: t('task-cancelled-notice', { code: task.code, title: v.quote(task.title), reason: v.block(text) }),
    }));
    return task;
  });
}

/** After a decline: the same task (same code) goes to someone else, whose time to accept starts now. */
export async function reassignTask(app: AppContext, actorId: OfficialId, taskId: TaskId, newAssigneeId: OfficialId): Promise<Task> {
  const org = await app.org();
  if (!org.canAssign(actorId, newAssigneeId)) throw new DomainError('assign-not-allowed');
  const newAssignee = org.official(newAssigneeId)!;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockTaskOrFail(app, tx, taskId);
    const status = assertTransition(before, 'reassign', actorId);
    if (before.deadline.getTime() <= now.getTime()) throw new DomainError('deadline-in-past');
    const task = await app.stores.tasks.update(tx, taskId, {
      status,
      assigneeId: newAssigneeId,
      unitId: newAssignee.unitId,
      declinedAt: null,
      bounceCount: { increment: 1 },
    });
    await app.stores.tasks.addEvent(tx, taskId, { kind: 'REASSIGNED', actorId, at: now, data: { from: before.assigneeId, to: newAssigneeId } });
    await auditTask(app, tx, now, actorId, 'reassigned', task, { from: before.assigneeId, to: newAssigneeId });
    await settleTask(app, tx, task, now, actorId, 'reassigned');
    const acceptBy = await startAcceptClock(app, tx, effects, task, now);
    await notify(app, tx, effects, newAssigneeId, (t, v) => newTaskMessage(t, v, task, peopleOf(org, task), acceptBy));
    return task;
  });
}

/**
 * The assigner rules the declined work within the assignee's duty (behaviour 4 of the plan: pushing work away).
 * The task goes back to the same person; the decline stays on record for the signal rules.
 */
export async function insistOnTask(app: AppContext, actorId: OfficialId, taskId: TaskId): Promise<Task> {
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockTaskOrFail(app, tx, taskId);
    const status = assertTransition(before, 'insist', actorId);
    if (before.deadline.getTime() <= now.getTime()) throw new DomainError('deadline-in-past');
    const task = await app.stores.tasks.update(tx, taskId, { status, declinedAt: null });
    await app.stores.tasks.addEvent(tx, taskId, { kind: 'INSISTED', actorId, at: now });
    await auditTask(app, tx, now, actorId, 'insisted', task);
    await signalsOnInsisted(app, tx, task);
    await settleTask(app, tx, task, now, actorId, 'insisted');
    await startAcceptClock(app, tx, effects, task, now);
    await notify(app, tx, effects, task.assigneeId, (t, v) => ({
      text: t('task-insisted-notice', {
        code: task.code,
        who: personLabel(t, org.official(actorId)),
        title: v.quote(task.title),
        deadline: v.dateTime(task.deadline),
      }),
      buttons: newTaskButtons(t, task),
    }));
    return task;
  });
}

/** "Nhắc lại": the assigner or a superior who received an escalation reminds the person once more. */
export async function nudgeTask(app: AppContext, actorId: OfficialId, taskId: TaskId): Promise<Task> {
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const task = await lockTaskOrFail(app, tx, taskId);
    // The assigner or someone above the assignee; the assignee does not nudge themself.
    if (!mayReach(org, actorId, taskParties(task)) || task.assigneeId === actorId) throw new DomainError('task-not-visible');
    if (!OPEN_FOR_ASSIGNEE.includes(task.status)) throw new DomainError('task-wrong-state', { code: task.code, status: task.status });
    await app.stores.tasks.addEvent(tx, task.id, { kind: 'NUDGED', actorId, at: now });
    await auditTask(app, tx, now, actorId, 'nudged', task);
    await notify(app, tx, effects, task.assigneeId, (t, v) => ({
      text: t('task-nudged-notice', {
        code: task.code,
        who: personLabel(t, org.official(actorId)),
        title: v.quote(task.title),
        deadline: v.dateTime(task.deadline),
      }),
      buttons: task.status === 'ASSIGNED' ? newTaskButtons(t, task) : [],
    }));
    return task;
  });
}
