import type { ClockId, OfficialId } from '../ids.js';
import type { Priority } from '../priority.js';

export const CLOCK_KINDS = [
  'TASK_ACCEPT',
  'TASK_PROGRESS',
  'TASK_BEFORE_DEADLINE',
  'TASK_OVERDUE',
  'CONSULTATION_ANSWER',
  'EXPLANATION_ANSWER',
  /** Silent: checks that an URGENT task started (first report) within its window, raising behaviour 2 if not. */
  'TASK_START',
  /** Backlog review (rà soát): the owner decides an item, or the head decides a proposal. */
  'REVIEW_DECISION',
  /** Self-review (tự soi, tự sửa): the person writes the form, then the head comments. */
  'SELF_REVIEW',
  /** A recipient's confirmation of a quán triệt notice (issue 15). */
  'NOTICE_CONFIRM',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export type ItemKind = 'TASK' | 'CONSULTATION' | 'EXPLANATION' | 'SIGNAL' | 'REVIEW_ITEM' | 'SELF_REVIEW' | 'NOTICE';

/** A running clock as stored: the database is the source of truth for what is due and when. */
export interface ClockRecord {
  id: ClockId;
  itemKind: ItemKind;
  itemId: number;
  kind: ClockKind;
  officialId: OfficialId;
  priority: Priority;
  state: 'ACTIVE' | 'STOPPED';
  generation: number;
  dueAt: Date;
  stepMs: number;
  level: number;
  cycle: number;
  nextAt: Date;
}

/** Which level fires, for whom. */
export type Audience = { to: 'person' } | { to: 'superior'; depth: number };

/** A heads-up before a deadline is said once; the other clocks climb the escalation ladder. */
export function isSingleShot(kind: ClockKind): boolean {
  return kind === 'TASK_BEFORE_DEADLINE';
}

/** Job ids must not contain ':' and must not be all digits (BullMQ). */
export function clockJobId(c: { id: number; generation: number; level: number; cycle: number }): string {
  return `clk-${c.id}-${c.generation}-${c.level}-${c.cycle}`;
}
