// Posts one event to a receiver, signed. Only a 2xx answer counts as delivered; a redirect is not followed (the
// subscription names the URL), and a receiver that does not answer within the timeout is tried again later (it may
// have taken the event meanwhile: that is the at-least-once boundary, and why receivers dedupe by event id).
import type { PostWebhook } from '../../src/app/integration-events/dispatch.js';
import { signWebhook } from './signature.js';

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

export function createWebhookPoster(o: { timeoutMs?: number; userAgent?: string } = {}): PostWebhook {
  const timeoutMs = o.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  return async (p) => {
    // Real time: the receiver compares it with its own clock.
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const res = await fetch(p.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': o.userAgent ?? 'dondoc-webhooks/1',
          'x-dondoc-event-id': p.eventId,
          'x-dondoc-event': p.eventType,
          'x-dondoc-timestamp': String(timestamp),
          'x-dondoc-signature': signWebhook(p.secret, timestamp, p.body),
          'x-dondoc-attempt': String(p.attempt),
        },
        body: p.body,
      });
      // The answer's body is not used; reading it frees the connection.
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
      return { ok: false, status: res.status, error: `HTTP ${res.status}` };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      const why = err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (err.cause?.code ?? err.message);
      return { ok: false, status: null, error: why };
    }
  };
}
