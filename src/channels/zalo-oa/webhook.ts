// Zalo posts each OA event here, signed: `X-ZEvent-Signature: mac=sha256(app_id + raw body + timestamp + OA secret
// key)`. A request without a signature, or with one that cannot be a SHA-256, gets 401 before its body is read.
// Otherwise the body is read (413 over 1 MiB) and the signature checked over the raw bytes, in constant time, before
// the event is parsed: a wrong one gets 401 and has no effect. The only thing read of the body before that is its
// top-level `timestamp`, which is part of the MAC (signature.ts); so a body that is not JSON, or has no timestamp,
// cannot be verified and gets 401 too. A verified body that is no OA event gets 400. A good event is answered 200 at
// once (Zalo wants an answer within 2 s and retries otherwise) and handled after, in order per chat (inbound.ts);
// events we do not use (receipts, groups, new kinds) get 200 and a debug line.
//
// No replay window on `timestamp`: Zalo retries an unanswered event for hours with the same body, and a replay has
// no effect anyway, since every message is claimed once by its msg_id (processed_update).
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { RefusalSummary, requestSource } from '../../http/refusal-summary.js';
import { OA_SIGNATURE_HEADER, readOaSignatureHeader, verifyOaSignature, type OaSignatureKeys } from './signature.js';
import { parseOaWebhook, type OaEvent } from './webhook-event.js';

export const ZALO_OA_WEBHOOK_PATH = '/zalo-oa/webhook';
export const ZALO_OA_WEBHOOK_MAX_BYTES = 1024 * 1024;

export interface ZaloOaWebhookOptions {
  keys: OaSignatureKeys;
  onEvent(event: OaEvent): void;
  logger: Logger;
  path?: string;
  refusalWindowMs?: number;
}

/** Mounts the route; the returned summary is flushed at shutdown so the last minute's refusals are told too. */
export function mountZaloOaWebhook(app: Hono, o: ZaloOaWebhookOptions): RefusalSummary {
  const path = o.path ?? ZALO_OA_WEBHOOK_PATH;
  const refused = new RefusalSummary({ logger: o.logger, what: 'zalo oa webhook', ...(o.refusalWindowMs ? { windowMs: o.refusalWindowMs } : {}) });
  const refuse = (c: Context, reason: string, bodyUnread = false) => {
    refused.note(requestSource(c));
    return c.json({ error: -401, message: `Unauthorized (${reason} signature)` }, 401, bodyUnread ? { connection: 'close' } : {});
  };
  app.post(
    path,
    async (c, next) => {
      // Refused before the body is read: close the connection so no client reuses it with a body half sent.
      const header = readOaSignatureHeader(c.req.header(OA_SIGNATURE_HEADER));
      if (!header.ok) return refuse(c, header.reason, true);
      await next();
    },
    bodyLimit({ maxSize: ZALO_OA_WEBHOOK_MAX_BYTES, onError: (c) => c.json({ error: -413, message: 'Payload Too Large' }, 413, { connection: 'close' }) }),
    async (c) => {
      const raw = new Uint8Array(await c.req.arrayBuffer());
      const check = verifyOaSignature(raw, c.req.header(OA_SIGNATURE_HEADER), o.keys);
      if (!check.ok) return refuse(c, check.reason);
      const parsed = parseOaWebhook(raw);
      if (!parsed.ok) {
        o.logger.warn({ error: parsed.error }, 'zalo oa webhook: unreadable event');
        return c.json({ error: -400, message: 'Bad Request: not an OA event' }, 400);
      }
      const event = parsed.event;
      // Our own messages echoed back need nothing; receipts, groups and events we do not use are noted, in case one
      // ever matters.
      if (event.kind === 'ignored') o.logger.debug({ event: event.eventName, reason: event.reason }, 'zalo oa event ignored');
      else if (event.kind !== 'echo') o.onEvent(event);
      return c.json({ error: 0, message: 'Success' });
    },
  );
  return refused;
}
