// Where the Zalo OA's sealed tokens are kept (one row per OA), as the OA adapter's token store
// (src/channels/zalo-oa/token-store.ts) sees it; implemented in PostgreSQL by src/db/repositories/zalo-oa-token.repository.ts.
// Values arrive sealed: this port never sees a token in clear.

export interface OaTokenRow {
  accessSealed: string;
  /** Null when Zalo gave no refresh token (an unverified OA). */
  refreshSealed: string | null;
  accessExpiresAt: Date;
  refreshExpiresAt: Date | null;
  /** The last refresh refused for good, cleared by a good one. */
  failedAt: Date | null;
  failure: string | null;
}

/** The OA's row inside {@link OaTokenRows.underLock}: read and written in the transaction that holds the lock. */
export interface LockedOaTokenRow {
  read(): Promise<OaTokenRow | null>;
  update(fields: Partial<OaTokenRow>): Promise<void>;
}

export interface OaTokenRows {
  read(oaId: string): Promise<OaTokenRow | null>;
  /** Replaces the OA's row, or creates it. */
  save(oaId: string, row: OaTokenRow): Promise<void>;
  /**
   * Runs `work` in one transaction holding a transaction-scoped lock on the OA, shared by every process on the same
   * database: one refresh at a time, and what `work` writes is committed (or not) with the lock's release. `waitMs`
   * bounds both the wait for a connection and the transaction's length (work may include a call to Zalo).
   */
  underLock<T>(oaId: string, work: (row: LockedOaTokenRow) => Promise<T>, o: { waitMs: number }): Promise<T>;
}
