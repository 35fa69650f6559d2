import type { ItemKind } from '../../../domain/clocks/types.js';
import type { StoreTx } from '../stores.js';

export type SignalStatus = 'PENDING' | 'CONFIRMED' | 'DISMISSED';

/** A behaviour signal as stored (table signal); `evidence` is the stored form of domain/signals/evidence.ts. */
export interface SignalRecord {
  id: number;
  behaviour: number;
  rule: string;
  officialId: number;
  itemKind: ItemKind | null;
  itemId: number | null;
  evidence: unknown;
  status: SignalStatus;
  raisedAt: Date;
  recordedById: number | null;
  note: string | null;
  reviewedById: number | null;
  reviewedAt: Date | null;
  reviewReason: string | null;
  explanation: string | null;
  explainedAt: Date | null;
}

/** The unique key of a signal: one per rule, item and person. */
export interface SignalKey {
  rule: string;
  itemKind: ItemKind;
  itemId: number;
  officialId: number;
}

export type NewSignal = Omit<
  SignalRecord,
  'id' | 'status' | 'recordedById' | 'note' | 'reviewedById' | 'reviewedAt' | 'reviewReason' | 'explanation' | 'explainedAt'
> &
  Partial<Pick<SignalRecord, 'status' | 'recordedById' | 'note' | 'reviewedById' | 'reviewedAt' | 'reviewReason'>>;

export type SignalPatch = Partial<Pick<SignalRecord, 'status' | 'reviewedById' | 'reviewedAt' | 'reviewReason' | 'explanation' | 'explainedAt' | 'evidence'>>;

/** Behaviour signals (table signal); the methods that take a transaction join it. */
export interface SignalStore {
  find(tx: StoreTx, id: number): Promise<SignalRecord | null>;
  /** Reads a signal outside any transaction (to show it). */
  byId(id: number): Promise<SignalRecord | null>;
  /** How many signals about these people wait for a head's review. */
  pendingCount(officialIds: readonly number[]): Promise<number>;
  /** A page of them, oldest first. */
  pendingPage(officialIds: readonly number[], page: { offset: number; limit: number }): Promise<SignalRecord[]>;
  /** Is there a signal about this person on this item that a head has not dismissed? */
  hasLive(tx: StoreTx, itemKind: 'TASK' | 'CONSULTATION', itemId: number, officialId: number): Promise<boolean>;
  /** Inserts the signal unless its key exists; true when it was inserted. */
  insertIfNew(tx: StoreTx, signal: NewSignal & SignalKey): Promise<boolean>;
  /** Locks the signal with this key until the transaction ends and reads it (it must exist). */
  lockByKey(tx: StoreTx, key: SignalKey): Promise<SignalRecord>;
  /** Locks the signal's row until the transaction ends (two reviews at once serialise), then reads it. */
  lock(tx: StoreTx, id: number): Promise<SignalRecord | undefined>;
  update(tx: StoreTx, id: number, patch: SignalPatch): Promise<SignalRecord>;
  create(tx: StoreTx, signal: NewSignal): Promise<SignalRecord>;
  exists(tx: StoreTx, key: SignalKey): Promise<boolean>;
  /** The rule of the first of these rules already raised for this person on this item, if any. */
  firstRuleOf(tx: StoreTx, itemKind: ItemKind, itemId: number, officialId: number, rules: readonly string[]): Promise<string | undefined>;
}
