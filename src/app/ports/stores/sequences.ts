import type { StoreTx } from '../stores.js';

/** Gap-free numbering of item codes (NV-2026-0001), per name, in the caller's transaction. */
export interface SequenceStore {
  next(tx: StoreTx, name: string): Promise<number>;
}
