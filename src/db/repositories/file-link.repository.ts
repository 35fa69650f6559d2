import type { FileLinkRow, FileLinkStore } from '../../app/ports/stores/file-links.js';
import type { PrismaClient } from '../client.js';
import { DAY_MS } from '../../domain/time/duration.js';

export type { FileLinkRow };

/** Stores a link and drops the links that ran out a day ago (of no use to anyone). */
export async function saveFileLink(db: PrismaClient, link: FileLinkRow, now: Date): Promise<void> {
  const { tokenHash, ...rest } = link;
  await db.fileLink.create({ data: { token: tokenHash, ...rest, createdAt: now } });
  await db.fileLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - DAY_MS) } } });
}

export async function findFileLink(db: PrismaClient, tokenHash: string): Promise<FileLinkRow | null> {
  const row = await db.fileLink.findUnique({ where: { token: tokenHash } });
  return row && { tokenHash: row.token, path: row.path, filename: row.filename, mime: row.mime, expiresAt: row.expiresAt };
}

/** The application's FileLinkStore over this client. */
export function fileLinkStore(db: PrismaClient): FileLinkStore {
  return { save: (link, now) => saveFileLink(db, link, now) };
}
