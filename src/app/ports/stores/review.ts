// The backlog review's reads and writes (tables review, review_item), and the clock and audit rows its use cases
// add in their transactions. Implemented by src/db/repositories/review.repository.ts.
import type { ClockKind, ClockRecord, ItemKind } from '../../../domain/clocks/types.js';
import type { Priority } from '../../../domain/priority.js';
import type { ReviewDecision, ReviewOutcome, ReviewWhy } from '../../../domain/review/backlog.js';
import type { TaskStatus } from '../../../domain/task/types.js';
import type { StoreTx } from '../stores.js';

export interface ReviewRow {
  id: number;
  code: string;
  headId: number;
  unitId: number;
  staleAfter: string;
  startedAt: Date;
  closedAt: Date | null;
}

export interface ReviewItemRow {
  id: number;
  reviewId: number;
  taskId: number;
  ownerId: number;
  why: ReviewWhy;
  statusAtStart: TaskStatus;
  deadlineAtStart: Date;
  outcome: ReviewOutcome;
  decision: ReviewDecision | null;
  note: string | null;
  newDeadline: Date | null;
  decidedAt: Date | null;
  deciderId: number | null;
  headNote: string | null;
  headDecidedById: number | null;
  headDecidedAt: Date | null;
  applied: string | null;
  appliedAt: Date | null;
}

/** An item with its task as it is now (the review lists the task's current state beside the decision). */
export interface ReviewItemView extends ReviewItemRow {
  task: { code: string; title: string; status: TaskStatus; deadline: Date; createdAt: Date; assignerId: number; assigneeId: number; unitId: number };
  reviewCode: string;
  headId: number;
}

/** An open task of the subtree, as the review's selection reads it. */
export interface ReviewCandidate {
  id: number;
  code: string;
  title: string;
  assignerId: number;
  status: TaskStatus;
  deadline: Date;
  createdAt: Date;
  assigneeId: number;
  unitId: number;
}

export interface ReviewClockStart {
  itemKind: ItemKind;
  itemId: number;
  kind: ClockKind;
  officialId: number;
  priority: Priority;
  dueAt: Date;
  stepMs: number;
}

export interface ReviewAuditEntry {
  at: Date;
  actorId: number | null;
  action: string;
  entity: string;
  entityId: number;
  data: Record<string, unknown>;
}

export type ReviewItemChange = Partial<Omit<ReviewItemRow, 'id' | 'reviewId' | 'taskId' | 'ownerId' | 'why' | 'statusAtStart' | 'deadlineAtStart'>>;

export interface ReviewStore {
  /** The next number of the year's review codes (RS-2026-0001), within the transaction. */
  nextNumber(tx: StoreTx, year: number): Promise<number>;
  /** Open tasks (states given) of the units, oldest first. */
  openTasksOfUnits(tx: StoreTx, unitIds: readonly number[], statuses: readonly TaskStatus[]): Promise<ReviewCandidate[]>;
  create(tx: StoreTx, review: Omit<ReviewRow, 'id' | 'closedAt'>): Promise<ReviewRow>;
  addItems(
    tx: StoreTx,
    items: readonly Pick<ReviewItemRow, 'reviewId' | 'taskId' | 'ownerId' | 'why' | 'statusAtStart' | 'deadlineAtStart'>[],
  ): Promise<ReviewItemRow[]>;
  /** The head's open review, if any (one at a time). */
  openOfHead(headId: number, tx?: StoreTx): Promise<ReviewRow | undefined>;
  /** The head's latest review, open or closed. */
  latestOfHead(headId: number): Promise<ReviewRow | undefined>;
  byCode(code: string): Promise<ReviewRow | undefined>;
  close(tx: StoreTx, id: number, at: Date): Promise<void>;
  /** Every item of a review with its task, in task code order. */
  items(reviewId: number): Promise<ReviewItemView[]>;
  item(id: number, tx?: StoreTx): Promise<ReviewItemView | undefined>;
  /** Locks the item row for a decision (a second tap waits, then finds it decided). */
  lockItem(tx: StoreTx, id: number): Promise<ReviewItemRow | undefined>;
  updateItem(tx: StoreTx, id: number, change: ReviewItemChange): Promise<ReviewItemRow>;
  /** Items of open reviews waiting for this owner's decision. */
  pendingForOwner(ownerId: number): Promise<ReviewItemView[]>;
  /** Proposals of open reviews waiting for this person (head or assigner). */
  pendingForDecider(deciderId: number): Promise<ReviewItemView[]>;
  startClock(tx: StoreTx, clock: ReviewClockStart): Promise<ClockRecord>;
  stopClocks(tx: StoreTx, itemId: number, at: Date, reason: string, officialId?: number): Promise<number>;
  audit(tx: StoreTx, entries: ReviewAuditEntry | ReviewAuditEntry[]): Promise<void>;
}
