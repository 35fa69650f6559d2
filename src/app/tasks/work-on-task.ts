// The assignee's work and the assigner's verdict (PRODUCT.md §3): progress reports, completion, confirm, reopen.
import type { InboundFile } from '../ports/channel.js';
import type { ChannelName } from '../../domain/org/types.js';
import type { OfficialId, TaskId } from '../../domain/ids.js';
import { LIMITS, checkNote, checkReason } from '../../domain/task/five-clear.js';
import { assertTransition, checkPercent } from '../../domain/task/task-state.js';
import type { Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import type { StoreTx } from '../ports/stores.js';
import { type Effects, inTransaction } from '../transaction.js';
import { personLabel } from '../views/people.js';
import { btn, workButtons } from '../views/task-views.js';
import { signalsOnCompleted, signalsOnProgress } from '../signals/task-signals.js';
import { auditTask, lockTaskOrFail, peopleOf } from './shared.js';
import { settleTask } from './settle.js';
import { taskEvent } from '../integration-events/record.js';
import { startProgressClock, startWorkClocks } from './task-clocks.js';

export interface Evidence {
  channel: ChannelName;
  file: InboundFile;
}

export async function reportProgress(app: AppContext, actorId: OfficialId, taskId: TaskId, percent: number, note: string, evidence?: Evidence): Promise<Task> {
  const value = checkPercent(percent);
  const text = checkNote(note);
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockTaskOrFail(app, tx, taskId);
    const status = assertTransition(before, 'report-progress', actorId);
    const task = await app.stores.tasks.update(tx, taskId, {
      status,
      progressPercent: value,
      lastProgressAt: now,
      ...(before.startedAt ? {} : { startedAt: now }),
    });
    const eventId = await app.stores.tasks.addEvent(tx, taskId, {
      kind: 'PROGRESS_REPORTED',
      actorId,
      at: now,
      percent: value,
      note: text || null,
      attachmentKind: evidence?.file.kind ?? null,
      attachmentRef: evidence?.file.ref ?? null,
      attachmentChannel: evidence?.channel ?? null,
    });
    await auditTask(app, tx, now, actorId, 'progress', task, { percent: value });
    await signalsOnProgress(app, tx, before, task, now, eventId);
    await startProgressClock(app, tx, effects, task, now);
    await notify(app, tx, effects, task.assignerId, (t, v) => ({
      text: t('task-progress-notice', { code: task.code, percent: value, who: personLabel(t, org.official(actorId)), note: v.block(text || '—') }),
      buttons: [[btn(t, 'btn-view', 'task.view', task.id)]],
      ...(evidence
        ? {
            attachment: {
              type: evidence.file.kind,
              source: { kind: 'channel-file' as const, channel: evidence.channel, fileRef: evidence.file.ref },
              caption: t('task-progress-evidence', { code: task.code }),
            },
          }
        : {}),
    }));
    return task;
  });
}

export async function completeTask(app: AppContext, actorId: OfficialId, taskId: TaskId, result: string, evidence?: Evidence): Promise<Task> {
  const text = checkReason(result, LIMITS.note);
  return inTransaction(app, (tx, effects) => completeTaskIn(app, tx, effects, actorId, taskId, text, evidence));
}

/** Completing inside a caller's transaction; `text` is the result already checked by the caller. */
export async function completeTaskIn(
  app: AppContext,
  tx: StoreTx,
  effects: Effects,
  actorId: OfficialId,
  taskId: TaskId,
  text: string,
  evidence?: Evidence,
): Promise<Task> {
  const org = await app.org();
  const now = app.time.now();
  const before = await lockTaskOrFail(app, tx, taskId);
  const status = assertTransition(before, 'complete', actorId);
  const task = await app.stores.tasks.update(tx, taskId, {
    status,
    completedAt: now,
    resultNote: text,
    progressPercent: 100,
    lastProgressAt: now,
    ...(before.startedAt ? {} : { startedAt: now }),
  });
  await app.stores.tasks.addEvent(tx, taskId, {
    kind: 'COMPLETED',
    actorId,
    at: now,
    note: text,
    percent: 100,
    attachmentKind: evidence?.file.kind ?? null,
    attachmentRef: evidence?.file.ref ?? null,
    attachmentChannel: evidence?.channel ?? null,
  });
  await auditTask(app, tx, now, actorId, 'completed', task);
  await signalsOnCompleted(app, tx, task, now);
  await settleTask(app, tx, task, now, actorId, 'completed');
  await notify(app, tx, effects, task.assignerId, (t, v) => ({
    text: t('task-completed-notice', {
      code: task.code,
      who: personLabel(t, org.official(actorId)),
      title: v.quote(task.title),
      at: v.dateTime(now),
      note: v.block(text),
      result: v.block(task.expectedResult),
    }),
    buttons: [[btn(t, 'btn-confirm', 'task.confirm', task.id), btn(t, 'btn-reopen', 'task.reopen', task.id)]],
    ...(evidence
      ? {
          attachment: {
            type: evidence.file.kind,
            source: { kind: 'channel-file' as const, channel: evidence.channel, fileRef: evidence.file.ref },
            caption: t('task-progress-evidence', { code: task.code }),
          },
        }
      : {}),
  }));
  await taskEvent(app, tx, effects, 'task.completed', task, actorId, { result: text });
  return task;
}

export async function confirmTask(app: AppContext, actorId: OfficialId, taskId: TaskId): Promise<Task> {
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockTaskOrFail(app, tx, taskId);
    const status = assertTransition(before, 'confirm', actorId);
    const task = await app.stores.tasks.update(tx, taskId, { status, closedAt: now });
    await app.stores.tasks.addEvent(tx, taskId, { kind: 'CONFIRMED', actorId, at: now });
    await auditTask(app, tx, now, actorId, 'confirmed', task);
    await settleTask(app, tx, task, now, actorId, 'confirmed');
    await notify(app, tx, effects, task.assigneeId, (t) => ({ text: t('task-confirmed-notice', { code: task.code }) }));
    await taskEvent(app, tx, effects, 'task.confirmed', task, actorId);
    return task;
  });
}

/** Sent back: work resumes; the number of send-backs is kept. A deadline already passed makes it overdue at once. */
export async function reopenTask(app: AppContext, actorId: OfficialId, taskId: TaskId, reason: string): Promise<Task> {
  const text = checkReason(reason);
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await lockTaskOrFail(app, tx, taskId);
    const status = assertTransition(before, 'reopen', actorId);
    const task = await app.stores.tasks.update(tx, taskId, { status, completedAt: null, reopenCount: { increment: 1 } });
    await app.stores.tasks.addEvent(tx, taskId, { kind: 'REOPENED', actorId, at: now, reason: text });
    await auditTask(app, tx, now, actorId, 'reopened', task, { reason: text });
    await startWorkClocks(app, tx, effects, task, now);
    await notify(app, tx, effects, task.assigneeId, (t, v) => ({
      text: t('task-reopened-notice', {
        code: task.code,
        who: personLabel(t, peopleOf(org, task).assigner),
        reason: v.block(text),
        deadline: v.dateTime(task.deadline),
      }),
      buttons: workButtons(t, task),
    }));
    return task;
  });
}
