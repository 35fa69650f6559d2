// What each task button does. Buttons that need more input start a flow; the others act at once.
import { DomainError } from '../../../domain/errors.js';
import { TaskId } from '../../../domain/ids.js';
import { mayReach, taskParties } from '../../../domain/org/reach.js';
import { assertTransition, type TaskTransition } from '../../../domain/task/task-state.js';
import type { Task } from '../../../domain/task/types.js';
import type { Action } from '../../actions.js';
import { idArg } from '../../actions.js';
import { insistOnTask, nudgeTask } from '../../tasks/assigner-decisions.js';
import { acceptTask, decideExtension } from '../../tasks/respond-to-task.js';
import { confirmTask } from '../../tasks/work-on-task.js';
import { personLabel } from '../../views/people.js';
import { taskCard, workButtons } from '../../views/task-views.js';
import { flowReply, type Turn } from '../dialog.js';
import type { VerbHandler, FeatureActions } from '../action-table.js';
import { taskList } from './task-list.js';
import { startComplete, startExtension, startReason, startReassign, startReport } from '../flows/task-flows.js';
import { demandLines } from './explain-actions.js';
import { praiseButtons } from '../../recognition/praise-button.js';
import { text, type Session } from '../session.js';

async function load(s: Session, action: Action): Promise<Task> {
  const id = idArg(action);
  const task = id === undefined ? undefined : await s.app.stores.tasks.find(id);
  if (!task) throw new DomainError('task-not-found');
  return task;
}

/** The task id a button carries; the use case locks and reads the task itself (one read per press). */
function taskIdOf(action: Action): TaskId {
  const id = idArg(action);
  if (id === undefined) throw new DomainError('task-not-found');
  return TaskId(id);
}

/** May this person see the task at all? The parties, their leaders and superiors, admins. */
async function assertVisible(s: Session, task: Task): Promise<void> {
  if (!mayReach(await s.app.org(), s.officialId, taskParties(task))) throw new DomainError('task-not-visible');
}

/**
 * A button that needs more input: the task is read, the transition checked (a refusal comes before any typing), then
 * the flow asks its first question.
 */
function startsFlow(transition: TaskTransition, start: (s: Session, task: Task) => Turn | Promise<Turn>): VerbHandler {
  return async (s, action) => {
    const task = await load(s, action);
    assertTransition(task, transition, s.officialId);
    return flowReply(s, start(s, task));
  };
}

async function assigneeLabel(s: Session, task: Task): Promise<string> {
  return personLabel(s.t, (await s.app.org()).official(task.assigneeId));
}

/** An extension request decided from its buttons; the argument is the request's id. */
function decidesExtension(approve: boolean): VerbHandler {
  return async (s, action) => {
    const id = idArg(action);
    if (id === undefined) throw new DomainError('task-not-found');
    const { task } = await decideExtension(s.app, s.officialId, id, approve);
    return {
      replies: [text(s.t(approve ? 'task-extend-approved-reply' : 'task-extend-refused-reply', { code: task.code, deadline: s.v.dateTime(task.deadline) }))],
      clearButtons: true,
    };
  };
}

export const TASK_ACTIONS = {
  'list.tasks': async (s, action) => ({ replies: [await taskList(s, idArg(action) ?? 1)] }),
  'task.view': async (s, action) => {
    const task = await load(s, action);
    await assertVisible(s, task);
    const o = await s.app.org();
    const note = await s.app.stores.tasks.latestProgressNote(task.id);
    const card = taskCard(s.t, s.v, task, { assigner: o.official(task.assignerId), assignee: o.official(task.assigneeId) }, s.officialId, note);
    // Demands for explanation are kept with the item (issue 4).
    const demands = await demandLines(s, 'TASK', task.id);
    return { replies: [demands.length > 0 ? { ...card, text: [card.text, ...demands].join('\n') } : card] };
  },
  'task.accept': async (s, action) => {
    const task = await acceptTask(s.app, s.officialId, taskIdOf(action));
    return {
      replies: [text(s.t('task-accepted-reply', { code: task.code, deadline: s.v.dateTime(task.deadline) }), workButtons(s.t, task))],
      clearButtons: true,
    };
  },
  'task.decline': startsFlow('decline', (s, task) => startReason(s, 'decline', task)),
  'task.extend': startsFlow('request-extension', startExtension),
  'task.report': startsFlow('report-progress', startReport),
  'task.complete': startsFlow('complete', startComplete),
  'task.confirm': async (s, action) => {
    const task = await confirmTask(s.app, s.officialId, taskIdOf(action));
    return { replies: [text(s.t('task-confirmed-reply', { code: task.code }), await praiseButtons(s, task))], clearButtons: true };
  },
  'task.reopen': startsFlow('reopen', (s, task) => startReason(s, 'reopen', task)),
  'task.cancel': startsFlow('cancel', (s, task) => startReason(s, 'cancel', task)),
  'task.reassign': startsFlow('reassign', startReassign),
  'task.insist': async (s, action) => {
    const task = await insistOnTask(s.app, s.officialId, taskIdOf(action));
    return { replies: [text(s.t('task-insisted-reply', { code: task.code, who: await assigneeLabel(s, task) }))], clearButtons: true };
  },
  'task.nudge': async (s, action) => {
    const task = await nudgeTask(s.app, s.officialId, taskIdOf(action));
    return { replies: [text(s.t('task-nudged-reply', { code: task.code, who: await assigneeLabel(s, task) }))] };
  },
  'ext.approve': decidesExtension(true),
  'ext.refuse': decidesExtension(false),
} satisfies FeatureActions;
