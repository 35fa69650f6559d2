import type { PrismaClient } from '../client.js';
import { DAY_MS } from '../../domain/time/duration.js';

export interface FileLinkRow {
  tokenHash: string;
  path: string;
  filename: string;
  mime: string;
  expiresAt: Date;
}

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
