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

/** Demands for explanation; the methods that take a transaction join it. */
export interface ExplanationStore {
  find(tx: StoreTx, id: number): Promise<ExplanationDemand | null>;
  /** Reads a demand outside any transaction (to show it). */
  byId(id: number): Promise<ExplanationDemand | null>;
  /** Every demand about this item, oldest first. */
  ofItem(itemKind: 'TASK' | 'CONSULTATION', itemId: number): Promise<ExplanationDemand[]>;
  /** Locks the demand until the transaction ends (two answers at once serialise) and reads it. */
  lock(tx: StoreTx, id: number): Promise<ExplanationDemand | undefined>;
  /** The open demand to this person about this item, if there is one. */
  openFor(tx: StoreTx, item: { itemKind: ItemKind; itemId: number; officialId: number }): Promise<ExplanationDemand | null>;
  create(tx: StoreTx, demand: NewDemand): Promise<ExplanationDemand>;
  markAnswered(tx: StoreTx, id: number, answer: string, answeredAt: Date): Promise<ExplanationDemand>;
}
