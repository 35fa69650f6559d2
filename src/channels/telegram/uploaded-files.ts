// Telegram keeps every file a bot uploads and answers with its file_id; sending that id again costs no upload. A
// district-wide quán triệt notice goes to hundreds of chats with the same PDF: without this, each chat was a fresh
// multipart upload of the whole file (800 recipients × 5 MB = 4 GB out of a district server's link). Per process and
// per bot (a file_id is valid only for the bot that got it), bounded, and keyed by the file's path, size and
// modification time, so a file rewritten in place is uploaded again.
import { stat } from 'node:fs/promises';

const MAX_ENTRIES = 500;

export interface UploadedFiles {
  /** The key of a local file as it is now; undefined when it cannot be read (the upload then says why). */
  keyOf(path: string): Promise<string | undefined>;
  fileId(key: string): string | undefined;
  remember(key: string, fileId: string): void;
  forget(key: string): void;
}

export function uploadedFiles(maxEntries = MAX_ENTRIES): UploadedFiles {
  const ids = new Map<string, string>();
  return {
    async keyOf(path) {
      const s = await stat(path).catch(() => undefined);
      return s ? `${path}\0${s.size}\0${s.mtimeMs}` : undefined;
    },
    fileId(key) {
      const id = ids.get(key);
      if (id !== undefined) {
        // Most recently used last, so the oldest unused entry is the one dropped.
        ids.delete(key);
        ids.set(key, id);
      }
      return id;
    },
    remember(key, fileId) {
      ids.delete(key);
      ids.set(key, fileId);
      if (ids.size > maxEntries) ids.delete(ids.keys().next().value!);
    },
    forget(key) {
      ids.delete(key);
    },
  };
}
