import type { ItemKind } from '../../../domain/clocks/types.js';
import type { StoreTx } from '../stores.js';

export interface CommendationRecord {
  id: number;
  officialId: number;
  unitId: number;
  byId: number;
  text: string;
  itemKind: ItemKind | null;
  itemId: number | null;
  /** The item's code (NV-…, YK-…), when the commendation is on an item. */
  itemCode: string | null;
  at: Date;
}

/** Commendations (table commendation): a head's praise kept on the person's record. */
export interface RecognitionStore {
  commend(tx: StoreTx, c: Omit<CommendationRecord, 'id' | 'itemCode'>): Promise<CommendationRecord>;
  /** Commendations given in [from, to) to officials of these units, or everywhere (null), oldest first. */
  between(unitIds: readonly number[] | null, from: Date, to: Date): Promise<CommendationRecord[]>;
  /** A completed task the head may praise: its code, assignee, assigner and status. */
  task(taskId: number): Promise<{ id: number; code: string; title: string; assigneeId: number; assignerId: number; status: string } | undefined>;
  audit(tx: StoreTx, e: { at: Date; actorId: number; action: string; commendationId: number; data: Record<string, unknown> }): Promise<void>;
}
