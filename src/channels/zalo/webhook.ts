// Zalo posts each event here (docs/zalo.md §1.4) with the secret we registered in `X-Bot-Api-Secret-Token`.
// A wrong or missing secret gets 401 and has no effect; bodies over 1 MiB get 413; a body that is no Zalo event gets
// 400. A good event is answered 200 at once and handled after, in order per chat (ZaloInbound).
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { parseZaloUpdate, type ZaloUpdate } from './types.js';
import { RefusalSummary, requestSource } from '../../http/refusal-summary.js';
import { secretMatches } from '../../http/secret.js';

export const ZALO_WEBHOOK_PATH = '/zalo/webhook';
/** Every organisation but 'default' (whose bot keeps ZALO_WEBHOOK_PATH): README "A province". */
export const ZALO_ORG_WEBHOOK_PATH = '/zalo/:org/webhook';
export const ZALO_WEBHOOK_MAX_BYTES = 1024 * 1024;

export { secretMatches } from '../../http/secret.js';

export interface ZaloWebhookOptions {
  secret: string;
  onUpdate(update: ZaloUpdate): void;
  logger: Logger;
  path?: string;
  /** How often refused requests are summed up in one log line (default a minute). */
  refusalWindowMs?: number;
}

/** Mounts the route; the returned summary is flushed at shutdown so the last minute's refusals are told too. */
export function mountZaloWebhook(app: Hono, o: ZaloWebhookOptions): RefusalSummary {
  const target = { secret: o.secret, onUpdate: (u: ZaloUpdate) => o.onUpdate(u) };
  return mountZaloWebhooks(app, o.path ?? ZALO_WEBHOOK_PATH, () => target, o);
}

/** One organisation's Zalo bot behind a webhook path: its secret and where its events go. */
export interface ZaloWebhookTarget {
  secret: string;
  onUpdate(update: ZaloUpdate): void;
}

/**
 * One route for many bots: `path` may hold `:org` (ZALO_ORG_WEBHOOK_PATH) and `resolve` finds that organisation's
 * bot at each request (organisations start after the server serves); one it does not know gets 404.
 */
export function mountZaloWebhooks(
  app: Hono,
  path: string,
  resolve: (org: string | undefined) => ZaloWebhookTarget | undefined,
  o: { logger: Logger; refusalWindowMs?: number },
): RefusalSummary {
  const refused = new RefusalSummary({ logger: o.logger, what: 'zalo webhook', ...(o.refusalWindowMs ? { windowMs: o.refusalWindowMs } : {}) });
  app.post(
    path,
    async (c, next) => {
      const target = resolve(c.req.param('org'));
      if (!target) return c.json({ ok: false, description: 'Not Found' }, 404, { connection: 'close' });
      if (!secretMatches(c.req.header('x-bot-api-secret-token'), target.secret)) {
        refused.note(requestSource(c));
        // Refused before the body is read: close the connection so no client reuses it with a body half sent.
        return c.json({ ok: false, description: 'Unauthorized' }, 401, { connection: 'close' });
      }
      await next();
    },
    bodyLimit({ maxSize: ZALO_WEBHOOK_MAX_BYTES, onError: (c) => c.json({ ok: false, description: 'Payload Too Large' }, 413, { connection: 'close' }) }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        return c.json({ ok: false, description: 'Bad Request: body is not JSON' }, 400);
      }
      const parsed = parseZaloUpdate(body);
      if (!parsed.ok) {
        o.logger.warn({ error: parsed.error }, 'zalo webhook: unreadable event');
        return c.json({ ok: false, description: 'Bad Request: not a Zalo event' }, 400);
      }
      const target = resolve(c.req.param('org'));
      if (!target) return c.json({ ok: false, description: 'Not Found' }, 404);
      target.onUpdate(parsed.update);
      return c.json({ ok: true });
    },
  );
  return refused;
}
