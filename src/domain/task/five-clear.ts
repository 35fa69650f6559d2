import { DomainError } from '../errors.js';
import type { OfficialId } from '../ids.js';
import type { Priority } from '../priority.js';
import { optionalText, requireText, type TextRule } from '../text/field.js';

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

/** The job and the result: a few characters that show, after the one sanitiser (src/domain/text/sanitize.ts). */
export const TITLE_RULE: TextRule = { min: MIN_TEXT, max: LIMITS.title, missing: 'five-clear-job', oneLine: true };
export const RESULT_RULE: TextRule = { min: MIN_TEXT, max: LIMITS.expectedResult, missing: 'five-clear-result' };

/**
 * Refuses a task that is not clear on every one of the five points, naming the first missing one; sanitises texts
 * (a title of invisible characters is no title). `now` is needed because a deadline in the past is not a deadline.
 */
export function checkFiveClear(input: NewTaskInput, now: Date): CompleteTaskInput {
  if (input.assigneeId === null) throw new DomainError('five-clear-person');
  const title = requireText(input.title, TITLE_RULE);
  if (input.deadline === null) throw new DomainError('five-clear-deadline');
  if (input.deadline.getTime() <= now.getTime()) throw new DomainError('deadline-in-past');
  if (input.assignerId === null) throw new DomainError('five-clear-responsibility');
  const expectedResult = requireText(input.expectedResult, RESULT_RULE);
  if (input.priority === null) throw new DomainError('five-clear-priority');
  const description = optionalText(input.description, { max: LIMITS.description });
  const sourceDocRef = optionalText(input.sourceDocRef, { max: LIMITS.sourceDocRef, oneLine: true });
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

/** A reason (decline, extension, reopen, a result report) must say something. */
export function checkReason(reason: string, max: number = LIMITS.reason): string {
  return requireText(reason, { min: MIN_TEXT, max, missing: 'reason-required' });
}

/** A progress note may be empty. */
export function checkNote(note: string): string {
  return optionalText(note, { max: LIMITS.note }) ?? '';
}
