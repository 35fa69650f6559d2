// Telegram posts each update here with the secret we gave it in `X-Telegram-Bot-Api-Secret-Token`.
// A wrong or missing secret gets 401 and no effect (counted, one log line a minute); a body over 1 MiB gets 413; a
// body that is not a JSON object with a whole-number `update_id` (empty, garbage, `null`) gets 400. Telegram retries
// what it sees as a server error (5xx) but drops a 4xx, so only a real failure of ours may answer 5xx. While the bot
// is still starting (getMe not answered yet) updates get 503 and Telegram sends them again later. Organisations other
// than 'default' each have a path of their own (/telegram/<org>/webhook) and a secret of their own; a path naming no
// running organisation gets 404.
import { webhookCallback, type Bot, type Context } from 'grammy';
import type { Context as HonoContext, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { RefusalSummary, requestSource } from '../../http/refusal-summary.js';
import { secretMatches } from '../../http/secret.js';

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';
/** Every organisation but 'default' (whose bot keeps TELEGRAM_WEBHOOK_PATH): README "A province". */
export const TELEGRAM_ORG_WEBHOOK_PATH = '/telegram/:org/webhook';
export const TELEGRAM_WEBHOOK_MAX_BYTES = 1024 * 1024;

export interface TelegramWebhookOptions {
  logger?: Logger;
  /** How often refused requests are summed up in one log line (default a minute). */
  refusalWindowMs?: number;
}

export type BotSource = Bot<Context> | (() => Bot<Context> | undefined);

/** Is this what Telegram sends: a JSON object whose update_id is a whole number? */
export function isTelegramUpdate(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const id = (body as { update_id?: unknown }).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}

/** One organisation's bot behind a webhook path: the bot once it is ready, and the secret Telegram was given. */
export interface TelegramWebhookTarget {
  bot: BotSource;
  secret: string;
}

/**
 * Mounts the route. `bot` may be a function returning the bot once it is ready, so the route exists before the HTTP
 * server starts (routes cannot be added once it serves). The returned summary is flushed at shutdown.
 */
export function mountTelegramWebhook(app: Hono, bot: BotSource, secret: string, options: TelegramWebhookOptions = {}): RefusalSummary {
  const target = { bot, secret };
  return mountTelegramWebhooks(app, TELEGRAM_WEBHOOK_PATH, () => target, options);
}

/**
 * Mounts one route for many bots: `path` may hold `:org` (TELEGRAM_ORG_WEBHOOK_PATH), and `resolve` finds the bot and
 * secret of the organisation it names, at each request, so organisations started after the server serves are
 * reached too. An organisation it does not know gets 404, before the secret is looked at.
 */
export function mountTelegramWebhooks(
  app: Hono,
  path: string,
  resolve: (org: string | undefined) => TelegramWebhookTarget | undefined,
  options: TelegramWebhookOptions = {},
): RefusalSummary {
  const refused = new RefusalSummary({
    logger: options.logger,
    what: 'telegram webhook',
    ...(options.refusalWindowMs ? { windowMs: options.refusalWindowMs } : {}),
  });
  const handlers = new WeakMap<Bot<Context>, { secret: string; handle: (c: HonoContext) => Promise<Response> }>();
  app.post(
    path,
    async (c, next) => {
      const target = resolve(c.req.param('org'));
      if (!target) return c.json({ ok: false, description: 'Not Found' }, 404, { connection: 'close' });
      if (!secretMatches(c.req.header('x-telegram-bot-api-secret-token'), target.secret)) {
        refused.note(requestSource(c));
        // Refused before the body is read: close the connection so no client reuses it with a body half sent.
        return c.json({ ok: false, description: 'Unauthorized' }, 401, { connection: 'close' });
      }
      await next();
    },
    bodyLimit({ maxSize: TELEGRAM_WEBHOOK_MAX_BYTES, onError: (c) => c.json({ ok: false, description: 'Payload Too Large' }, 413, { connection: 'close' }) }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        options.logger?.warn({ source: requestSource(c) }, 'telegram webhook: body is not JSON');
        return c.json({ ok: false, description: 'Bad Request: body is not JSON' }, 400);
      }
      if (!isTelegramUpdate(body)) {
        options.logger?.warn({ source: requestSource(c) }, 'telegram webhook: body is not a Telegram update (no update_id)');
        return c.json({ ok: false, description: 'Bad Request: not a Telegram update' }, 400);
      }
      // Stopped meanwhile: gone.
      const target = resolve(c.req.param('org'));
      if (!target) return c.json({ ok: false, description: 'Not Found' }, 404);
      const ready = typeof target.bot === 'function' ? target.bot() : target.bot;
      if (!ready) return c.json({ ok: false, description: 'Service Unavailable: starting' }, 503, { 'retry-after': '5' });
      let handler = handlers.get(ready);
      if (handler?.secret !== target.secret) {
        const handle = webhookCallback(ready, 'hono', { secretToken: target.secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
        handler = { secret: target.secret, handle: (c) => handle(c) as Promise<Response> };
        handlers.set(ready, handler);
      }
      // grammY reads the body again through c.req.json(), which Hono serves from the text read above.
      return handler.handle(c);
    },
  );
  return refused;
}
