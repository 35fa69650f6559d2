import type { ClockKind } from '../clocks/types.js';
import { DomainError } from '../errors.js';
import type { OfficialId } from '../ids.js';
import type { Task, TaskStatus } from './types.js';

/**
 * The task state machine of PRODUCT.md §3. Each transition names who may take it and from which states; anything
 * else is refused with a message key, so a stale button or a second tap gets a clear answer.
 */
export type TaskTransition =
  | 'accept'
  | 'decline'
  | 'request-extension'
  | 'decide-extension'
  | 'report-progress'
  | 'complete'
  | 'confirm'
  | 'reopen'
  | 'cancel'
  | 'reassign'
  | 'insist';

type Actor = 'assignee' | 'assigner';

const RULES: Record<TaskTransition, { actor: Actor; from: readonly TaskStatus[] }> = {
  accept: { actor: 'assignee', from: ['ASSIGNED'] },
  decline: { actor: 'assignee', from: ['ASSIGNED'] },
  'request-extension': { actor: 'assignee', from: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'] },
  'decide-extension': { actor: 'assigner', from: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'] },
  'report-progress': { actor: 'assignee', from: ['ACCEPTED', 'IN_PROGRESS'] },
  complete: { actor: 'assignee', from: ['ACCEPTED', 'IN_PROGRESS'] },
  confirm: { actor: 'assigner', from: ['DONE'] },
  reopen: { actor: 'assigner', from: ['DONE'] },
  cancel: { actor: 'assigner', from: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'DECLINED'] },
  reassign: { actor: 'assigner', from: ['DECLINED'] },
  insist: { actor: 'assigner', from: ['DECLINED'] },
};

/**
 * Checks that `actorId` may take `transition` on `task` now, and returns the state it leads to (the use cases write
 * that, so this table is the only place that knows target states); throws a DomainError otherwise.
 */
export function assertTransition(
  task: Pick<Task, 'status' | 'assignerId' | 'assigneeId' | 'code'>,
  transition: TaskTransition,
  actorId: OfficialId,
): TaskStatus {
  const rule = RULES[transition];
  const owner = rule.actor === 'assignee' ? task.assigneeId : task.assignerId;
  if (owner !== actorId) {
    throw new DomainError(rule.actor === 'assignee' ? 'task-not-yours' : 'task-not-assigner', { code: task.code });
  }
  if (!rule.from.includes(task.status)) {
    throw new DomainError('task-wrong-state', { code: task.code, status: task.status });
  }
  return nextStatus(transition, task.status);
}

/** The states from which `transition` may be taken (a list of tasks offering it asks for these). */
export function fromStates(transition: TaskTransition): readonly TaskStatus[] {
  return RULES[transition].from;
}

export function nextStatus(transition: TaskTransition, current: TaskStatus): TaskStatus {
  switch (transition) {
    case 'accept':
      return 'ACCEPTED';
    case 'decline':
      return 'DECLINED';
    case 'report-progress':
      return 'IN_PROGRESS';
    case 'complete':
      return 'DONE';
    case 'confirm':
      return 'CLOSED';
    case 'reopen':
      return 'IN_PROGRESS';
    case 'cancel':
      return 'CANCELLED';
    case 'reassign':
    case 'insist':
      return 'ASSIGNED';
    case 'request-extension':
    case 'decide-extension':
      return current;
  }
}

/** Approving more time on a task not yet accepted also accepts it (PRODUCT.md §3); refusing leaves it as it was. */
export function statusAfterExtensionDecision(current: TaskStatus, approved: boolean): TaskStatus {
  return approved && current === 'ASSIGNED' ? nextStatus('accept', current) : nextStatus('decide-extension', current);
}

export const PERCENT_RANGE = { min: 0, max: 100 } as const;

export function checkPercent(value: number): number {
  if (!Number.isInteger(value) || value < PERCENT_RANGE.min || value > PERCENT_RANGE.max) {
    throw new DomainError('progress-percent-invalid');
  }
  return value;
}

/**
 * What may stay open on a task in each state (issue 19.4). Every transition leaves the task so: in the same
 * transaction it stops the clocks and voids the extension requests its new state does not allow
 * (app/tasks/settle.ts), and tests/fuzz/invariants.ts checks it after randomized runs.
 *
 * | state       | clocks that may run (all for the current assignee)            | pending extension | timestamps kept          |
 * |-------------|---------------------------------------------------------------|-------------------|--------------------------|
 * | ASSIGNED    | TASK_ACCEPT (stopped while an extension asked before it waits) | yes               |                          |
 * | ACCEPTED    | TASK_PROGRESS, TASK_BEFORE_DEADLINE, TASK_OVERDUE, TASK_START  | yes               | acceptedAt               |
 * | IN_PROGRESS | the same                                                      | yes               | startedAt                |
 * | DONE        | none: the work is handed in                                   | no (voided)       | completedAt              |
 * | CLOSED      | none                                                          | no                | closedAt                 |
 * | DECLINED    | none: the assigner decides                                    | no (voided)       | declinedAt               |
 * | CANCELLED   | none                                                          | no (voided)       | cancelledAt (declinedAt) |
 *
 * `declinedAt` means "the current assignee's decline stands". Reassigning (a new assignee) and insisting (the decline
 * overruled) clear it; cancelling after a decline accepts the decline, so the cancelled task keeps it on purpose:
 * it tells "cancelled after the assignee declined" from "cancelled while in hand". A reopened task (DONE →
 * IN_PROGRESS) starts its work clocks again; an extension voided at completion is not revived — the person asks again.
 *
 * Demands for explanation (GT-…) about a task are not closed with it: they ask why a lapse happened, which stays a
 * question after the task is done, closed or cancelled (one may even be demanded on a task completed late). They
 * close when answered, and their own clock with them.
 */
const WORK_CLOCKS: readonly ClockKind[] = ['TASK_PROGRESS', 'TASK_BEFORE_DEADLINE', 'TASK_OVERDUE', 'TASK_START'];
export const OPEN_ON_TASK: Record<TaskStatus, { clocks: readonly ClockKind[]; extensionMayWait: boolean }> = {
  ASSIGNED: { clocks: ['TASK_ACCEPT'], extensionMayWait: true },
  ACCEPTED: { clocks: WORK_CLOCKS, extensionMayWait: true },
  IN_PROGRESS: { clocks: WORK_CLOCKS, extensionMayWait: true },
  DONE: { clocks: [], extensionMayWait: false },
  CLOSED: { clocks: [], extensionMayWait: false },
  DECLINED: { clocks: [], extensionMayWait: false },
  CANCELLED: { clocks: [], extensionMayWait: false },
};

/** The task clocks that must stop now that the task is in `status`. */
export function clocksToStop(status: TaskStatus): ClockKind[] {
  const allowed = OPEN_ON_TASK[status].clocks;
  return (['TASK_ACCEPT', ...WORK_CLOCKS] as ClockKind[]).filter((k) => !allowed.includes(k));
}
