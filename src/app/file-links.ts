// Short-lived download links for files on this server (XLSX reports for heads) on channels that cannot upload a
// file: Zalo's Bot API sends pictures by URL only and has no documents at all (docs/zalo.md §1.3). The link is
// `PUBLIC_BASE_URL/files/<token>` (served by src/http/file-links.ts); only a hash of the token is stored, so the
// table alone opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import { DAY_MS } from '../domain/time/duration.js';
import type { AppContext } from './context.js';

export const FILE_LINK_PATH = '/files';
/** How long a link works: long enough to open it from the message, short enough that a forwarded link dies soon. */
export const DEFAULT_FILE_LINK_TTL_MS = DAY_MS;

export interface LocalFile {
  path: string;
  filename: string;
  mime: string;
}

export const hashFileToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function fileLinkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${FILE_LINK_PATH}/${token}`;
}

/** Stores a link to `file` and returns its token (192 random bits, URL-safe) and when it stops working. */
export async function createFileLink(
  app: Pick<AppContext, 'stores'>,
  file: LocalFile,
  now: Date,
  ttlMs = DEFAULT_FILE_LINK_TTL_MS,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await app.stores.fileLinks.save({ tokenHash: hashFileToken(token), path: file.path, filename: file.filename, mime: file.mime, expiresAt }, now);
  return { token, expiresAt };
}
