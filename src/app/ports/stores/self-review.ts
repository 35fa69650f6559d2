// The self-review's reads and writes (self_review_cycle, self_review, self_review_entry), the signal explanations its
// form shows, and its clock and audit rows. Implemented by src/db/repositories/self-review.repository.ts.
import type { ClockRecord } from '../../../domain/clocks/types.js';
import type { Rating } from '../../../domain/review/self-review.js';
import type { StoreTx } from '../stores.js';
import type { ReviewAuditEntry, ReviewClockStart } from './review.js';

export interface SelfReviewCycleRow {
  id: number;
  periodFrom: string;
  periodTo: string;
  openedAt: Date;
  openedById: number | null;
}

export interface SelfReviewRow {
  id: number;
  cycleId: number;
  officialId: number;
  unitId: number;
  assessment: string | null;
  rating: Rating | null;
  submittedAt: Date | null;
  headId: number | null;
  headComment: string | null;
  headRating: Rating | null;
  headAt: Date | null;
}

export interface SelfReviewEntryRow {
  id: number;
  authorId: number;
  role: 'SELF' | 'HEAD';
  text: string;
  rating: Rating;
  at: Date;
}

export interface SelfReviewStore {
  cycle(periodFrom: string, periodTo: string, tx?: StoreTx): Promise<SelfReviewCycleRow | undefined>;
  cycleById(id: number): Promise<SelfReviewCycleRow | undefined>;
  /** The newest cycle this person has a form in. */
  latestCycleOf(officialId: number): Promise<SelfReviewCycleRow | undefined>;
  createCycle(tx: StoreTx, cycle: Omit<SelfReviewCycleRow, 'id'>): Promise<SelfReviewCycleRow>;
  /** One form per official (unit as now); returns the forms created. */
  createForms(tx: StoreTx, cycleId: number, people: readonly { officialId: number; unitId: number }[]): Promise<SelfReviewRow[]>;
  form(cycleId: number, officialId: number): Promise<SelfReviewRow | undefined>;
  formById(id: number, tx?: StoreTx): Promise<SelfReviewRow | undefined>;
  lockForm(tx: StoreTx, id: number): Promise<SelfReviewRow | undefined>;
  /** The person's new version: kept on the form and added to its history. */
  saveSelf(tx: StoreTx, id: number, v: { text: string; rating: Rating; at: Date; figures: unknown }): Promise<SelfReviewRow>;
  /** A head's new comment and proposed rating: kept on the form and added to its history. */
  saveHead(tx: StoreTx, id: number, v: { headId: number; text: string; rating: Rating; at: Date }): Promise<SelfReviewRow>;
  history(formId: number): Promise<SelfReviewEntryRow[]>;
  formsOfUnits(cycleId: number, unitIds: readonly number[]): Promise<SelfReviewRow[]>;
  /** The explanations people gave for their signals (signal.explanation), by signal id. */
  signalExplanations(signalIds: readonly number[]): Promise<Map<number, { text: string; at: Date | null }>>;
  startClock(tx: StoreTx, clock: ReviewClockStart): Promise<ClockRecord>;
  stopClocks(tx: StoreTx, formId: number, at: Date, reason: string, officialId?: number): Promise<number>;
  audit(tx: StoreTx, entries: ReviewAuditEntry | ReviewAuditEntry[]): Promise<void>;
}
