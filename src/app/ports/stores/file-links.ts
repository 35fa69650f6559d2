/** A short-lived download link as stored: only the hash of its token. */
export interface FileLinkRow {
  tokenHash: string;
  path: string;
  filename: string;
  mime: string;
  expiresAt: Date;
}

/** Download links for files on this server (table file_link). */
export interface FileLinkStore {
  /** Stores a link and drops the links that ran out a day ago. */
  save(link: FileLinkRow, now: Date): Promise<void>;
}
