import type { ClockKind, ClockRecord, ItemKind } from '../../../domain/clocks/types.js';
import type { Priority } from '../../../domain/priority.js';
import type { StoreTx } from '../stores.js';

export interface StartClock {
  itemKind: ItemKind;
  itemId: number;
  kind: ClockKind;
  officialId: number;
  priority: Priority;
  dueAt: Date;
  stepMs: number;
}

export interface ClockPositionRow {
  id: number;
  generation: number;
  level: number;
  cycle: number;
}

export interface ClockAdvance {
  id: number;
  next: { level: number; cycle: number; nextAt: Date } | null;
}

export interface ReminderInsert {
  clock: ClockRecord;
  recipientId: number;
  kind: 'REMINDER' | 'ESCALATION';
  at: Date;
  outboxId: bigint | null;
}

/** The reminder ladders (table clock) and the reminders they sent (table reminder). */
export interface ClockStore {
  /** The open clocks whose next level falls before `before`, in pages by id (stands alone: the reconciler's read). */
  dueBefore(before: Date, afterId: number, limit: number): Promise<ClockRecord[]>;
  /** Starts the clock, or restarts it as a new generation when it exists. */
  start(tx: StoreTx, c: StartClock): Promise<ClockRecord>;
  /** Stops the item's active clocks (of these kinds; of this person); returns how many. */
  stop(tx: StoreTx, itemKind: ItemKind, itemId: number, at: Date, reason: string, kinds?: ClockKind[], officialId?: number): Promise<number>;
  /** Stops the item's active clocks of anyone but `officialId` (a previous assignee's); returns how many. */
  stopOthers(tx: StoreTx, itemKind: ItemKind, itemId: number, officialId: number, at: Date, reason: string): Promise<number>;
  stopIds(tx: StoreTx, ids: readonly number[], at: Date, reason: string): Promise<void>;
  /** The clock of this kind and person on the item, whatever its state (its due time and state). */
  find(tx: StoreTx, itemKind: ItemKind, itemId: number, kind: ClockKind, officialId: number): Promise<{ dueAt: Date; state: string } | undefined>;
  /** Locks the clocks still at these positions (and up to `alsoDue.limit` others due); rows held elsewhere are skipped. */
  lock(tx: StoreTx, positions: readonly ClockPositionRow[], alsoDue?: { now: Date; limit: number }): Promise<ClockRecord[]>;
  advance(tx: StoreTx, advances: readonly ClockAdvance[], at: Date): Promise<void>;
  insertReminders(tx: StoreTx, reminders: readonly ReminderInsert[]): Promise<void>;
  /** Was this person's lapse on the item escalated to `recipientId` by a reminder? */
  /** The items a person was told about as a superior since `since` (newest first, each item once). */
  escalationsReceivedSince(recipientId: number, since: Date): Promise<{ itemKind: ItemKind; itemId: number }[]>;
  wasEscalatedTo(tx: StoreTx, itemKind: ItemKind, itemId: number, officialId: number, recipientId: number): Promise<boolean>;
}
