import type { DigestFacts, DigestInstants } from '../../../domain/digest/types.js';
import type { StoreTx } from '../stores.js';

/** Which units: one subtree (by its materialised path, "/1/4/"), or the whole organisation. */
export type DigestScope = { kind: 'subtree'; path: string } | { kind: 'all' };

export interface DigestQueryOptions {
  instants: DigestInstants;
  /** How many of the oldest overdue tasks each digest lists. */
  oldest: number;
}

/** Counts the queries it runs, for the benchmark and the tests that keep the number fixed. */
export interface QueryCounter {
  queries: number;
}

/** The digests: their facts, and which morning digests went out (table digest_sent: official, local date). */
export interface DigestStore {
  /** The facts behind the digests of a scope, in a fixed number of queries (counted in `counter` when given). */
  facts(scope: DigestScope, o: DigestQueryOptions, counter?: QueryCounter): Promise<DigestFacts>;
  /** The materialised path of a unit ("/1/4/"), if it has one. */
  unitPath(unitId: number): Promise<string | undefined>;
  /** The officials whose digest of this local date (YYYY-MM-DD) was already claimed. */
  sentOn(date: string): Promise<number[]>;
  /** Claims the date's digest for these officials; returns the ones not claimed before (by an earlier or parallel run). */
  claim(tx: StoreTx, officialIds: readonly number[], date: string, at: Date): Promise<Set<number>>;
}
