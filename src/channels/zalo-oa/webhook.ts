// Zalo posts each OA event here, signed: `X-ZEvent-Signature: mac=sha256(app_id + raw body + timestamp + OA secret
// key)`. The signature is checked over the raw bytes, in constant time, before anything in the body is acted on: a
// wrong or missing one gets 401 and has no effect. Bodies over 1 MiB get 413. A good event is answered 200 at once
// (Zalo wants an answer within 2 s and retries otherwise) and handled after, in order per chat (inbound.ts).
//
// No replay window on `timestamp`: Zalo retries an unanswered event for hours with the same body, and a replay has
// no effect anyway, since every message is claimed once by its msg_id (processed_update).
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { RefusalSummary, requestSource } from '../../http/refusal-summary.js';
import { OA_SIGNATURE_HEADER, verifyOaSignature, type OaSignatureKeys } from './signature.js';
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
  app.post(
    path,
    bodyLimit({ maxSize: ZALO_OA_WEBHOOK_MAX_BYTES, onError: (c) => c.json({ error: -413, message: 'Payload Too Large' }, 413, { connection: 'close' }) }),
    async (c) => {
      const raw = new Uint8Array(await c.req.arrayBuffer());
      const check = verifyOaSignature(raw, c.req.header(OA_SIGNATURE_HEADER), o.keys);
      if (!check.ok) {
        refused.note(requestSource(c));
        return c.json({ error: -401, message: `Unauthorized (${check.reason} signature)` }, 401);
      }
      const parsed = parseOaWebhook(raw);
      if (!parsed.ok) {
        o.logger.warn({ error: parsed.error }, 'zalo oa webhook: unreadable event');
        return c.json({ error: -400, message: 'Bad Request: not an OA event' }, 400);
      }
      // Our own messages echoed back and receipts need nothing.
      if (parsed.event.kind !== 'echo' && parsed.event.kind !== 'ignored') o.onEvent(parsed.event);
      return c.json({ error: 0, message: 'Success' });
    },
  );
  return refused;
}
