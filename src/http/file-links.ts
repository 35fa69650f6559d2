// GET /files/:token: the files behind the short-lived download links the application hands out
// (src/app/file-links.ts), for channels that cannot upload a file.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { FILE_LINK_PATH, hashFileToken } from '../app/file-links.js';
import type { PrismaClient } from '../db/client.js';
import { findFileLink } from '../db/repositories/file-link.repository.js';
import type { TimeSource } from '../domain/time/time-source.js';
import { asciiFilename } from '../domain/text/normalize.js';
import { type Catalogue, dynamicKey } from '../i18n/catalogue.js';

/** `Content-Disposition` with the original (Vietnamese) name for browsers and an ASCII fallback for the rest. */
function disposition(filename: string): string {
  const ascii = asciiFilename(filename);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * GET /files/:token — the file, 404 for an unknown token or a file gone from disk, 410 once the link expired. Whoever
 * opens a link is not known, so the page says it in Vietnamese and English.
 */
export function mountFileLinks(
  app: Hono,
  deps: {
    /** The database, or each running organisation's (a link is looked for in each: its token says nothing of whose it is). */
    db: PrismaClient | (() => PrismaClient[]);
    time: TimeSource;
    catalogue: Catalogue;
  },
): void {
  const find = async (hash: string) => {
    for (const db of typeof deps.db === 'function' ? deps.db() : [deps.db]) {
      const link = await findFileLink(db, hash);
      if (link) return link;
    }
    return undefined;
  };
  const page = (key: string) => `${deps.catalogue.t('vi', dynamicKey(key))}\n${deps.catalogue.t('en', dynamicKey(key))}\n`;
  app.get(`${FILE_LINK_PATH}/:token`, async (c) => {
    const token = c.req.param('token');
    if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return c.text(page('file-link-page-unknown'), 404);
    const link = await find(hashFileToken(token));
    if (!link) return c.text(page('file-link-page-unknown'), 404);
    if (link.expiresAt.getTime() <= deps.time.now().getTime()) return c.text(page('file-link-page-expired'), 410);
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
