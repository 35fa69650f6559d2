// What each task button does. Buttons that need more input start a flow; the others act at once.
import type { RouterResult } from '../../ports/channel.js';
import { findTask, latestProgressNote } from '../../../db/repositories/task.repository.js';
import { DomainError } from '../../../domain/errors.js';
import { TaskId } from '../../../domain/ids.js';
import { mayReach, taskParties } from '../../../domain/org/reach.js';
import { assertTransition } from '../../../domain/task/task-state.js';
import type { Task } from '../../../domain/task/types.js';
import type { Action } from '../../actions.js';
import { idArg } from '../../actions.js';
import { insistOnTask, nudgeTask } from '../../tasks/assigner-decisions.js';
import { acceptTask, decideExtension } from '../../tasks/respond-to-task.js';
import { confirmTask } from '../../tasks/work-on-task.js';
import { personLabel } from '../../views/people.js';
import { taskCard, workButtons } from '../../views/task-views.js';
import { persistTurn, type Turn } from '../dialog.js';
import { startComplete, startExtension, startReason, startReassign, startReport } from '../flows/task-flows.js';
import { demandLines } from './explain-actions.js';
import { praiseButtons } from '../../recognition/praise-button.js';
import { text, type Session } from '../session.js';

async function load(s: Session, action: Action): Promise<Task> {
  const id = idArg(action);
  const task = id === undefined ? undefined : await findTask(s.app.db, id);
  if (!task) throw new DomainError('task-not-found');
  return task;
}

/** The task id a button carries; the use case locks and reads the task itself (one read per press). */
function taskIdOf(action: Action): TaskId {
  const id = idArg(action);
  if (id === undefined) throw new DomainError('task-not-found');
  return TaskId(id);
}

async function flow(s: Session, turn: Turn): Promise<RouterResult> {
  return { replies: await persistTurn(s, turn) };
}

/** May this person see the task at all? The parties, their leaders and superiors, admins. */
async function assertVisible(s: Session, task: Task): Promise<void> {
  if (!mayReach(await s.app.org(), s.officialId, taskParties(task))) throw new DomainError('task-not-visible');
}

export async function handleTaskAction(s: Session, action: Action): Promise<RouterResult | undefined> {
  const org = () => s.app.org();
  switch (action.verb) {
    case 'task.view': {
      const task = await load(s, action);
      await assertVisible(s, task);
      const o = await org();
      const note = await latestProgressNote(s.app.db, task.id);
      const card = taskCard(s.t, s.v, task, { assigner: o.official(task.assignerId), assignee: o.official(task.assigneeId) }, s.officialId, note);
      // Demands for explanation are kept with the item (issue 4).
      const demands = await demandLines(s, 'TASK', task.id);
      return { replies: [demands.length > 0 ? { ...card, text: [card.text, ...demands].join('\n') } : card] };
    }
    case 'task.accept': {
      const task = await acceptTask(s.app, s.officialId, taskIdOf(action));
      return { replies: [text(s.t('task-accepted-reply', { code: task.code, deadline: s.v.dateTime(task.deadline) }), workButtons(s.t, task))], clearButtons: true };
    }
    case 'task.decline': {
      const task = await load(s, action);
      assertTransition(task, 'decline', s.officialId);
      return flow(s, startReason(s, 'decline', task));
    }
    case 'task.extend': {
      const task = await load(s, action);
      assertTransition(task, 'request-extension', s.officialId);
      return flow(s, startExtension(s, task));
    }
    case 'task.report': {
      const task = await load(s, action);
      assertTransition(task, 'report-progress', s.officialId);
      return flow(s, await startReport(s, task));
    }
    case 'task.complete': {
      const task = await load(s, action);
      assertTransition(task, 'complete', s.officialId);
      return flow(s, startComplete(s, task));
    }
    case 'task.confirm': {
      const task = await confirmTask(s.app, s.officialId, taskIdOf(action));
      return { replies: [text(s.t('task-confirmed-reply', { code: task.code }), await praiseButtons(s, task))], clearButtons: true };
    }
    case 'task.reopen': {
      const task = await load(s, action);
      assertTransition(task, 'reopen', s.officialId);
      return flow(s, startReason(s, 'reopen', task));
    }
    case 'task.cancel': {
      const task = await load(s, action);
      assertTransition(task, 'cancel', s.officialId);
      return flow(s, startReason(s, 'cancel', task));
    }
    case 'task.reassign': {
      const task = await load(s, action);
      assertTransition(task, 'reassign', s.officialId);
      return flow(s, startReassign(s, task));
    }
    case 'task.insist': {
      const task = await insistOnTask(s.app, s.officialId, taskIdOf(action));
      return { replies: [text(s.t('task-insisted-reply', { code: task.code, who: personLabel(s.t, (await org()).official(task.assigneeId)) }))], clearButtons: true };
    }
    case 'task.nudge': {
      const task = await nudgeTask(s.app, s.officialId, taskIdOf(action));
      return { replies: [text(s.t('task-nudged-reply', { code: task.code, who: personLabel(s.t, (await org()).official(task.assigneeId)) }))] };
    }
    case 'ext.approve':
    case 'ext.refuse': {
      const id = idArg(action);
      if (id === undefined) throw new DomainError('task-not-found');
      const approve = action.verb === 'ext.approve';
      const { task } = await decideExtension(s.app, s.officialId, id, approve);
      return {
        replies: [text(s.t(approve ? 'task-extend-approved-reply' : 'task-extend-refused-reply', { code: task.code, deadline: s.v.dateTime(task.deadline) }))],
        clearButtons: true,
      };
    }
    default:
      return undefined;
  }
}
