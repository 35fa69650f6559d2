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

/** Checks that `actorId` may take `transition` on `task` now; throws a DomainError otherwise. */
export function assertTransition(task: Pick<Task, 'status' | 'assignerId' | 'assigneeId' | 'code'>, transition: TaskTransition, actorId: OfficialId): void {
  const rule = RULES[transition];
  const owner = rule.actor === 'assignee' ? task.assigneeId : task.assignerId;
  if (owner !== actorId) {
    throw new DomainError(rule.actor === 'assignee' ? 'task-not-yours' : 'task-not-assigner', { code: task.code });
  }
  if (!rule.from.includes(task.status)) {
    throw new DomainError('task-wrong-state', { code: task.code, status: task.status });
  }
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

export const PERCENT_RANGE = { min: 0, max: 100 } as const;

export function checkPercent(value: number): number {
  if (!Number.isInteger(value) || value < PERCENT_RANGE.min || value > PERCENT_RANGE.max) {
    throw new DomainError('progress-percent-invalid');
  }
  return value;
}
