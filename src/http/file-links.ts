// Short-lived download links for files on this server (XLSX reports for heads) on channels that cannot upload a
// file: Zalo's Bot API sends pictures by URL only and has no documents at all (docs/zalo.md §1.3). The link is
// `PUBLIC_BASE_URL/files/<token>`; only a hash of the token is stored, so the table alone opens nothing.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import type { PrismaClient } from '../db/client.js';
import type { Clock } from '../domain/clock.js';
import { type Catalogue, dynamicKey } from '../i18n/catalogue.js';

export const FILE_LINK_PATH = '/files';
/** How long a link works: long enough to open it from the message, short enough that a forwarded link dies soon. */
export const DEFAULT_FILE_LINK_TTL_MS = 24 * 3_600_000;

export interface LocalFile {
  path: string;
  filename: string;
  mime: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function fileLinkUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${FILE_LINK_PATH}/${token}`;
}

/** Stores a link to `file` and returns its token (192 random bits, URL-safe) and when it stops working. */
export async function createFileLink(db: PrismaClient, file: LocalFile, now: Date, ttlMs = DEFAULT_FILE_LINK_TTL_MS): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.fileLink.create({ data: { token: hashToken(token), path: file.path, filename: file.filename, mime: file.mime, expiresAt, createdAt: now } });
  // Links that ran out a day ago are of no use to anyone.
  await db.fileLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
  return { token, expiresAt };
}

/** `Content-Disposition` with the original (Vietnamese) name for browsers and an ASCII fallback for the rest. */
function disposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * GET /files/:token — the file, 404 for an unknown token or a file gone from disk, 410 once the link expired. Whoever
 * opens a link is not known, so the page says it in Vietnamese and English.
 */
export function mountFileLinks(app: Hono, deps: { db: PrismaClient; clock: Clock; catalogue: Catalogue }): void {
  const page = (key: string) => `${deps.catalogue.t('vi', dynamicKey(key))}\n${deps.catalogue.t('en', dynamicKey(key))}\n`;
  app.get(`${FILE_LINK_PATH}/:token`, async (c) => {
    const token = c.req.param('token');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return c.text(page('file-link-page-unknown'), 404);
    const link = await deps.db.fileLink.findUnique({ where: { token: hashToken(token) } });
    if (!link) return c.text(page('file-link-page-unknown'), 404);
    if (link.expiresAt.getTime() <= deps.clock.now().getTime()) return c.text(page('file-link-page-expired'), 410);
    const info = await stat(link.path).catch(() => undefined);
    if (!info?.isFile()) return c.text(page('file-link-page-gone'), 404);
    const body = Readable.toWeb(createReadStream(link.path)) as ReadableStream<Uint8Array>;
    return c.body(body, 200, {
      'content-type': link.mime,
      'content-length': String(info.size),
      'content-disposition': disposition(link.filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
  });
}
