import type { ActionButton, OutboundMessage } from '../ports/channel.js';
import type { Official } from '../../domain/org/types.js';
import { COLOUR_MARK, statusColour } from '../../domain/task/status-colour.js';
import type { Task } from '../../domain/task/types.js';
import { type Translate, dynamicKey } from '../../i18n/catalogue.js';
import { encodeAction } from '../actions.js';
import { personLabel } from './people.js';
import type { ViewTools } from './tools.js';

export interface TaskPeople {
  assigner: Official | undefined;
  assignee: Official | undefined;
}

export function btn(t: Translate, key: string, verb: Parameters<typeof encodeAction>[0], arg: string | number): ActionButton {
  return { label: t(dynamicKey(key)), action: encodeAction(verb, arg) };
}

/** The assignee's answer to a new task: PRODUCT.md §6. */
export function newTaskButtons(t: Translate, task: Task): ActionButton[][] {
  return [[btn(t, 'btn-accept', 'task.accept', task.id), btn(t, 'btn-extend', 'task.extend', task.id)], [btn(t, 'btn-decline', 'task.decline', task.id)]];
}

export function workButtons(t: Translate, task: Task): ActionButton[][] {
  return [[btn(t, 'btn-report', 'task.report', task.id), btn(t, 'btn-complete', 'task.complete', task.id)], [btn(t, 'btn-extend', 'task.extend', task.id)]];
}

/** The body lines every task message shares: who, what, result, deadline. */
export function taskFacts(
  t: Translate,
  v: ViewTools,
  task: Task,
  people: TaskPeople,
  options: { showAssigner?: boolean; showAssignee?: boolean } = {},
): string[] {
  const lines: string[] = [];
  if (options.showAssigner !== false) lines.push(t('task-line-assigner', { who: personLabel(t, people.assigner) }));
  if (options.showAssignee) lines.push(t('task-line-assignee', { who: personLabel(t, people.assignee) }));
  lines.push(t('task-line-title', { title: v.quote(task.title) }));
  if (!v.minimal) {
    lines.push(t('task-line-result', { result: v.block(task.expectedResult) }));
    if (task.description) lines.push(t('task-line-description', { description: v.block(task.description) }));
    if (task.sourceDocRef) lines.push(t('task-line-doc', { doc: v.quote(task.sourceDocRef, 100) }));
  }
  lines.push(t('task-line-deadline', { deadline: v.dateTime(task.deadline), priority: t(`priority-${task.priority}`) }));
  return lines;
}

export function newTaskMessage(t: Translate, v: ViewTools, task: Task, people: TaskPeople, acceptBy: Date): OutboundMessage {
  if (v.minimal) {
    return {
      text: t('task-new-minimal', { code: task.code, title: v.quote(task.title, 120), deadline: v.dateTime(task.deadline) }),
      buttons: newTaskButtons(t, task),
    };
  }
  const text = [t('task-new-title', { code: task.code }), ...taskFacts(t, v, task, people), t('task-new-ask-accept', { acceptBy: v.dateTime(acceptBy) })].join(
    '\n',
  );
  return { text, buttons: newTaskButtons(t, task) };
}

/** The full card for "Xem chi tiết" and /viec: facts, status, progress, and the buttons that fit the viewer. */
export function taskCard(t: Translate, v: ViewTools, task: Task, people: TaskPeople, viewerId: number, latestNote?: string): OutboundMessage {
  const colour = statusColour(task, v.now);
  const lines = [
    `${COLOUR_MARK[colour]} ${task.code}`,
    ...taskFacts(t, v, task, people, { showAssignee: true }),
    t('task-line-status', { status: t(`status-${task.status}`) }),
    task.lastProgressAt ? t('task-line-progress', { percent: task.progressPercent, at: v.dateTime(task.lastProgressAt) }) : t('task-line-no-progress'),
    // The latest note, whole: what was done and what blocks is why one opens the card (issue 13).
    ...(latestNote ? [t('task-line-latest-note', { note: v.block(latestNote) })] : []),
  ];
  if (colour === 'red') lines.push(t('task-line-overdue', { late: v.wallDuration(v.now.getTime() - task.deadline.getTime()) }));
  const buttons = buttonsFor(t, task, viewerId);
  // Overdue: the assigner or a superior may demand a written explanation (issue 4; the demand checks who may).
  if (colour === 'red' && task.assigneeId !== viewerId) buttons.push([btn(t, 'btn-explain', 'task.explain', task.id)]);
  return { text: lines.join('\n'), buttons };
}

export function buttonsFor(t: Translate, task: Task, viewerId: number): ActionButton[][] {
  const rows: ActionButton[][] = [];
  if (task.assigneeId === viewerId) {
    if (task.status === 'ASSIGNED') rows.push(...newTaskButtons(t, task));
    if (task.status === 'ACCEPTED' || task.status === 'IN_PROGRESS') rows.push(...workButtons(t, task));
  }
  if (task.assignerId === viewerId) {
    if (task.status === 'DONE') rows.push([btn(t, 'btn-confirm', 'task.confirm', task.id), btn(t, 'btn-reopen', 'task.reopen', task.id)]);
    if (task.status === 'DECLINED') rows.push(...afterDeclineButtons(t, task));
    if (['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'].includes(task.status))
      rows.push([btn(t, 'btn-nudge', 'task.nudge', task.id), btn(t, 'btn-cancel-task', 'task.cancel', task.id)]);
  }
  return rows;
}

export function afterDeclineButtons(t: Translate, task: Task): ActionButton[][] {
  return [
    [btn(t, 'btn-reassign', 'task.reassign', task.id), btn(t, 'btn-insist', 'task.insist', task.id)],
    [btn(t, 'btn-cancel-task', 'task.cancel', task.id)],
  ];
}

/** One line of a task list. */
export function taskListLine(t: Translate, v: ViewTools, task: Task, viewerId: number): string {
  const line = t('tasks-list-item', {
    mark: COLOUR_MARK[statusColour(task, v.now)],
    code: task.code,
    title: v.quote(task.title, 80),
    deadline: v.dateTime(task.deadline),
    status: t(`status-${task.status}`),
  });
  return task.assignerId === viewerId && task.assigneeId !== viewerId ? `${line} ${t('tasks-list-role-assigner')}` : line;
}
