import type { ItemKind } from '../../../domain/clocks/types.js';
import type { Priority } from '../../../domain/priority.js';
import type { StoreTx } from '../stores.js';

/** A demand for explanation (GT-…) as stored (table explanation_demand). */
export interface ExplanationDemand {
  id: number;
  code: string;
  itemKind: ItemKind;
  itemId: number;
  requesterId: number;
  officialId: number;
  question: string;
  priority: Priority;
  deadline: Date;
  status: 'OPEN' | 'ANSWERED' | 'CANCELLED';
  answer: string | null;
  answeredAt: Date | null;
  /** The signal it was demanded from, if any. */
  signalId: number | null;
  createdAt: Date;
}

export type NewDemand = Omit<ExplanationDemand, 'id' | 'status' | 'answer' | 'answeredAt'>;

/** Demands for explanation; every method joins the caller's transaction. */
export interface ExplanationStore {
  find(tx: StoreTx, id: number): Promise<ExplanationDemand | null>;
  /** Locks the demand until the transaction ends (two answers at once serialise) and reads it. */
  lock(tx: StoreTx, id: number): Promise<ExplanationDemand | undefined>;
  /** The open demand to this person about this item, if there is one. */
  openFor(tx: StoreTx, item: { itemKind: ItemKind; itemId: number; officialId: number }): Promise<ExplanationDemand | null>;
  create(tx: StoreTx, demand: NewDemand): Promise<ExplanationDemand>;
  markAnswered(tx: StoreTx, id: number, answer: string, answeredAt: Date): Promise<ExplanationDemand>;
}
