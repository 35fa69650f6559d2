import type { StoreTx } from '../stores.js';

/** One row of the append-only audit log (hash-chained by the store). */
export interface AuditEntry {
  at: Date;
  actorId: number | null;
  /** "task.accepted", "org.imported", "message.sent", … */
  action: string;
  entity: string;
  entityId: string | number | bigint;
  data?: Record<string, unknown>;
}

export interface AuditStore {
  /** Appends to the chain in the caller's transaction (it takes the chain's lock until the commit). */
  append(tx: StoreTx, entries: AuditEntry | AuditEntry[]): Promise<void>;
}
