import type { StoreTx } from '../stores.js';

/** Which morning digests went out (table digest_sent: official, local date). */
export interface DigestStore {
  /** The officials whose digest of this local date (YYYY-MM-DD) was already claimed. */
  sentOn(date: string): Promise<number[]>;
  /** Claims the date's digest for these officials; returns the ones not claimed before (by an earlier or parallel run). */
  claim(tx: StoreTx, officialIds: readonly number[], date: string, at: Date): Promise<Set<number>>;
}
