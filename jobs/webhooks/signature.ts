// The webhook signature (README "Events (webhooks)"): HMAC-SHA256 with the subscription's secret over
// "<timestamp>.<body>", hex, sent as `X-Dondoc-Signature: sha256=<hex>` next to `X-Dondoc-Timestamp: <unix seconds>`.
// The timestamp inside the signed text lets a receiver refuse an old request replayed by someone who recorded it.
import { createHmac } from 'node:crypto';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
