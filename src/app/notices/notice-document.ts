// The document of a notice as a chat sends it. A stored document (bytes in the database, the source of truth) is
// written once to a cache directory named by its hash, so the sender can upload it (Telegram) or hand out a download
// link to it (Zalo), like the XLSX reports; a file already on a chat platform is forwarded as it is.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripDiacritics } from '../../domain/text/normalize.js';
import type { OutboundAttachment } from '../ports/channel.js';
import type { NoticeRecord } from '../ports/stores/notices.js';
import type { AppContext } from '../context.js';

/** Documents of notices wait here, one folder per content hash; rewritten from the database when missing. */
export const NOTICES_DIR = path.join(tmpdir(), 'dondoc-notices');

/** An ASCII name for the file as the chat shows it (the original name is kept in the database and the texts). */
export function safeFileName(name: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? 'bin';
  const base = stripDiacritics(name.replace(/\.[A-Za-z0-9]{1,8}$/, ''))
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'tai-lieu'}.${ext}`;
}

/**
 * The local path of a stored document, written if it is not there yet: from `data` when the caller has the bytes (a
 * notice being created, not committed yet), else from the database.
 */
export async function materialiseDocument(
  app: AppContext,
  notice: NoticeRecord,
  data?: Uint8Array,
): Promise<{ path: string; filename: string; mime: string } | undefined> {
  const d = notice.document;
  if (d?.kind !== 'stored') return undefined;
  const filename = safeFileName(d.name);
  const dir = path.join(NOTICES_DIR, d.sha256);
  const file = path.join(dir, filename);
  const present = await stat(file).catch(() => undefined);
  if (!present || present.size !== d.size) {
    const bytes = data ?? (await app.stores.notices.documentData(notice.id));
    if (!bytes) return undefined;
    await mkdir(dir, { recursive: true });
    await writeFile(file, bytes);
  }
  return { path: file, filename, mime: d.mime };
}

/** The attachment a notice message carries, if it has a document. */
export async function noticeAttachment(app: AppContext, notice: NoticeRecord, caption: string): Promise<OutboundAttachment | undefined> {
  const d = notice.document;
  if (!d) return undefined;
  if (d.kind === 'channel') return { type: 'document', source: { kind: 'channel-file', channel: d.channel, fileRef: d.ref }, caption };
  const local = await materialiseDocument(app, notice);
  return local ? { type: 'document', source: { kind: 'local-file', ...local }, caption } : undefined;
}
