// The assignee's answers to a new task (PRODUCT.md §3): accept, decline with a reason, ask for more time.
import { DomainError } from '../../domain/errors.js';
import type { OfficialId, TaskId } from '../../domain/ids.js';
import { checkDeadlineHorizon } from '../../domain/policy/deadline-horizon.js';
import { checkReason } from '../../domain/task/five-clear.js';
import { assertTransition, statusAfterExtensionDecision } from '../../domain/task/task-state.js';
import type { Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import type { StoreTx } from '../ports/stores.js';
import { type Effects, inTransaction } from '../transaction.js';
import { personLabel } from '../views/people.js';
import { afterDeclineButtons, btn } from '../views/task-views.js';
import { signalsOnAccepted, signalsOnDeclined } from '../signals/task-signals.js';
import { auditTask, lockTaskOrFail } from './shared.js';
import { settleTask } from './settle.js';
import { taskEvent } from '../integration-events/record.js';
import { startAcceptClock, startWorkClocks, stopAcceptClock } from './task-clocks.js';

export async function acceptTask(app: AppContext, actorId: OfficialId, taskId: TaskId): Promise<Task> {
  return inTransaction(app, (tx, effects) => acceptTaskIn(app, tx, effects, actorId, taskId));
}

/** Accepting inside a caller's transaction, so a use case that accepts and goes on (a review's "done") is one change. */
export async function acceptTaskIn(app: AppContext, tx: StoreTx, effects: Effects, actorId: OfficialId, taskId: TaskId): Promise<Task> {
  const org = await app.org();
  const now = app.time.now();
  const before = await lockTaskOrFail(app, tx, taskId);
  const status = assertTransition(before, 'accept', actorId);
  const task = await app.stores.tasks.update(tx, taskId, { status, acceptedAt: now });
  await app.stores.tasks.addEvent(tx, taskId, { kind: 'ACCEPTED', actorId, at: now });
  await auditTask(app, tx, now, actorId, 'accepted', task);
  await signalsOnAccepted(app, tx, task, now);
  await stopAcceptClock(app, tx, task, now, 'accepted');
  await startWorkClocks(app, tx, effects, task, now);
  await notify(app, tx, effects, task.assignerId, (t, v) => ({
    text: t('task-accepted-notice', { code: task.code, who: personLabel(t, org.official(actorId)), title: v.quote(task.title), at: v.dateTime(now) }),
  }));
  await taskEvent(app, tx, effects, 'task.accepted', task, actorId);
  return task;
}

export async function declineTask(app: AppContext, actorId: OfficialId, taskId: TaskId, reason: string): Promise<Task> {
  const text = checkReason(reason);
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockTaskOrFail(app, tx, taskId);
    const status = assertTransition(before, 'decline', actorId);
    const task = await app.stores.tasks.update(tx, taskId, { status, declinedAt: now, bounceCount: { increment: 1 } });
    await app.stores.tasks.addEvent(tx, taskId, { kind: 'DECLINED', actorId, at: now, reason: text });
    await auditTask(app, tx, now, actorId, 'declined', task, { reason: text });
    await signalsOnDeclined(app, tx, task);
    await settleTask(app, tx, task, now, actorId, 'declined');
    await notify(app, tx, effects, task.assignerId, (t, v) => ({
      text: t('task-declined-notice', { code: task.code, who: personLabel(t, org.official(actorId)), title: v.quote(task.title), reason: v.block(text) }),
      buttons: afterDeclineButtons(t, task),
    }));
    await taskEvent(app, tx, effects, 'task.declined', task, actorId, { reason: text });
    return task;
  });
}

/**
 * Asking for more time answers the task: it stops the time-to-accept ladder. The deadline changes only when the
 * assigner approves; approving a request on a task not yet accepted also accepts it with the new deadline.
 */
export async function requestExtension(
  app: AppContext,
  actorId: OfficialId,
  taskId: TaskId,
  newDeadline: Date,
  reason: string,
): Promise<{ task: Task; requestId: number }> {
  const text = checkReason(reason);
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const task = await lockTaskOrFail(app, tx, taskId);
    assertTransition(task, 'request-extension', actorId);
    checkDeadlineHorizon(newDeadline, now, app.policy.maxDeadlineYears);
    if (newDeadline.getTime() <= task.deadline.getTime()) throw new DomainError('task-extend-not-later', { deadline: task.deadline });
    if (await app.stores.tasks.pendingExtension(tx, taskId)) throw new DomainError('task-extend-pending', { code: task.code });
    const req = await app.stores.tasks.createExtension(tx, { taskId, requesterId: actorId, newDeadline, reason: text, createdAt: now });
    await app.stores.tasks.addEvent(tx, taskId, { kind: 'EXTENSION_REQUESTED', actorId, at: now, reason: text, newDeadline, data: { requestId: req.id } });
    await auditTask(app, tx, now, actorId, 'extension-requested', task, { requestId: req.id, newDeadline: newDeadline.toISOString() });
    if (task.status === 'ASSIGNED') await stopAcceptClock(app, tx, task, now, 'extension-requested');
    await notify(app, tx, effects, task.assignerId, (t, v) => ({
      text: t('task-extend-notice', {
        code: task.code,
        who: personLabel(t, org.official(actorId)),
        title: v.quote(task.title),
        deadline: v.dateTime(task.deadline),
        newDeadline: v.dateTime(newDeadline),
        reason: v.block(text),
      }),
      buttons: [[btn(t, 'btn-approve-ext', 'ext.approve', req.id), btn(t, 'btn-refuse-ext', 'ext.refuse', req.id)]],
    }));
    await taskEvent(app, tx, effects, 'task.extension_requested', task, actorId, { newDeadline: newDeadline.toISOString(), reason: text });
    return { task, requestId: req.id };
  });
}

export async function decideExtension(app: AppContext, actorId: OfficialId, requestId: number, approve: boolean): Promise<{ task: Task; approved: boolean }> {
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const req = await app.stores.tasks.findExtension(tx, requestId);
    if (!req) throw new DomainError('task-not-found');
    const before = await lockTaskOrFail(app, tx, req.taskId);
    // Lapsed when the task was completed, declined or cancelled while it waited (settle.ts).
    if (req.status === 'VOIDED' && before.assignerId === actorId) throw new DomainError('task-extend-voided', { code: before.code });
    assertTransition(before, 'decide-extension', actorId);
    if (!(await app.stores.tasks.claimExtensionDecision(tx, requestId, approve ? 'APPROVED' : 'REFUSED', actorId, now)))
      throw new DomainError('task-extend-decided');
    let task = before;
    if (approve) {
      const status = statusAfterExtensionDecision(before.status, true);
      const accepting = status !== before.status;
      task = await app.stores.tasks.update(tx, before.id, { deadline: req.newDeadline, ...(accepting ? { status, acceptedAt: now } : {}) });
      await app.stores.tasks.addEvent(tx, task.id, { kind: 'EXTENSION_APPROVED', actorId, at: now, newDeadline: req.newDeadline, data: { requestId } });
      if (accepting) await app.stores.tasks.addEvent(tx, task.id, { kind: 'ACCEPTED', actorId: task.assigneeId, at: now, note: 'extension-approved' });
      if (accepting) await taskEvent(app, tx, effects, 'task.accepted', task, actorId, { byExtensionApproval: true });
      await startWorkClocks(app, tx, effects, task, now);
    } else {
      await app.stores.tasks.addEvent(tx, task.id, { kind: 'EXTENSION_REFUSED', actorId, at: now, data: { requestId } });
      // Refused before acceptance: the person still has to accept or decline, so the time to accept starts again.
      if (before.status === 'ASSIGNED') await startAcceptClock(app, tx, effects, task, now);
    }
    await auditTask(app, tx, now, actorId, approve ? 'extension-approved' : 'extension-refused', task, { requestId });
    await notify(app, tx, effects, task.assigneeId, (t, v) => ({
      text: t(approve ? 'task-extend-approved-notice' : 'task-extend-refused-notice', { code: task.code, deadline: v.dateTime(task.deadline) }),
    }));
    return { task, approved: approve };
  });
}
