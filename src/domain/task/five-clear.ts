import { DomainError } from '../errors.js';
import type { OfficialId } from '../ids.js';
import type { Priority } from '../priority.js';

/** What a new task must state: "5 rõ" — person, job, deadline, responsibility, result (PRODUCT.md §1). */
export interface NewTaskInput {
  assignerId: OfficialId | null;
  assigneeId: OfficialId | null;
  title: string;
  expectedResult: string;
  deadline: Date | null;
  priority: Priority | null;
  description?: string | null;
  sourceDocRef?: string | null;
}

export const LIMITS = {
  title: 300,
  expectedResult: 1000,
  description: 3000,
  reason: 1000,
  note: 2000,
  sourceDocRef: 100,
} as const;

export type CompleteTaskInput = Required<Pick<NewTaskInput, 'title' | 'expectedResult'>> & {
  assignerId: OfficialId;
  assigneeId: OfficialId;
  deadline: Date;
  priority: Priority;
  description: string | null;
  sourceDocRef: string | null;
};

const MIN_TEXT = 3;

/**
 * Refuses a task that is not clear on every one of the five points, naming the first missing one; trims texts.
 * `now` is needed because a deadline in the past is not a deadline.
 */
export function checkFiveClear(input: NewTaskInput, now: Date): CompleteTaskInput {
  const title = input.title.trim();
  const expectedResult = input.expectedResult.trim();
  if (input.assigneeId === null) throw new DomainError('five-clear-person');
  if (title.length < MIN_TEXT) throw new DomainError('five-clear-job');
  if (input.deadline === null) throw new DomainError('five-clear-deadline');
  if (input.deadline.getTime() <= now.getTime()) throw new DomainError('deadline-in-past');
  if (input.assignerId === null) throw new DomainError('five-clear-responsibility');
  if (expectedResult.length < MIN_TEXT) throw new DomainError('five-clear-result');
  if (input.priority === null) throw new DomainError('five-clear-priority');
  if (title.length > LIMITS.title) throw new DomainError('error-text-too-long', { max: LIMITS.title });
  if (expectedResult.length > LIMITS.expectedResult) throw new DomainError('error-text-too-long', { max: LIMITS.expectedResult });
  const description = input.description?.trim() || null;
  if (description && description.length > LIMITS.description) throw new DomainError('error-text-too-long', { max: LIMITS.description });
  const sourceDocRef = input.sourceDocRef?.trim() || null;
  if (sourceDocRef && sourceDocRef.length > LIMITS.sourceDocRef) throw new DomainError('error-text-too-long', { max: LIMITS.sourceDocRef });
  return {
    assignerId: input.assignerId,
    assigneeId: input.assigneeId,
    title,
    expectedResult,
    deadline: input.deadline,
    priority: input.priority,
    description,
    sourceDocRef,
  };
}

/** A reason (decline, extension, reopen) must say something. */
export function checkReason(reason: string, max: number = LIMITS.reason): string {
  const text = reason.trim();
  if (text.length < MIN_TEXT) throw new DomainError('reason-required');
  if (text.length > max) throw new DomainError('error-text-too-long', { max });
  return text;
}
