// All the webhook sender (jobs/webhooks) may do with the deliveries of one subscription: claim what may go now (the
// oldest undelivered event of each item, due), post each, and mark it delivered or to be tried again after a back-off.
// At-least-once: a delivery is marked only after the receiver answered 2xx, so one whose answer was lost (a timeout,
// a sender killed between the post and the mark) goes again. The body is the same on every attempt; receivers dedupe
// by X-Dondoc-Event-Id.
import { type RetrySchedule, retryDelayMs } from '../../domain/integration/retry.js';
import type { AppContext } from '../context.js';
import type { ClaimedDelivery } from '../ports/stores/integration-events.js';
import type { SecretBox } from '../ports/webhooks.js';
import { secretContext } from './subscriptions.js';

/** What a receiver gets as the body (JSON): the same bytes on every attempt of one event. */
export function eventBody(e: ClaimedDelivery['event']): string {
  return JSON.stringify({
    id: e.eventId,
    type: e.type,
    occurredAt: e.occurredAt.toISOString(),
    item: { kind: e.itemKind, code: e.itemCode },
    data: e.payload,
  });
}

export interface WebhookPost {
  url: string;
  secret: string;
  eventId: string;
  eventType: string;
  body: string;
  attempt: number;
}

/** The HTTP side (jobs/webhooks/sender.ts): signs and posts; `ok` only for a 2xx answer. */
export type PostWebhook = (p: WebhookPost) => Promise<{ ok: boolean; status: number | null; error?: string }>;

export interface DispatchDeps {
  secrets: SecretBox | undefined;
  post: PostWebhook;
  retry: RetrySchedule;
  /** How long a claimed delivery stays reserved for this sender; must outlast one post (its timeout). */
  holdMs: number;
  /** Deliveries posted at once (each of another item). */
  batch: number;
  /** Rounds per job, so one busy subscription cannot hold a worker slot for long. */
  maxRounds: number;
}

export interface DispatchResult {
  delivered: number;
  failed: number;
  /** When this subscription has something to try next (null: nothing waits; a time in the past: go on at once). */
  nextAt: Date | null;
}

export async function dispatchSubscription(app: AppContext, subscriptionId: number, deps: DispatchDeps): Promise<DispatchResult> {
  const store = app.stores.integrationEvents;
  const sub = await store.subscriptionById(subscriptionId);
  if (!sub) return { delivered: 0, failed: 0, nextAt: null }; // removed: its deliveries went with it
  let secret: string | undefined;
  let secretProblem: string | undefined;
  try {
    if (!deps.secrets) secretProblem = 'WEBHOOK_SECRET_KEY is not set on this worker: cannot sign';
    else secret = deps.secrets.open(sub.secretSealed, secretContext(sub.name));
  } catch (e) {
    secretProblem = `cannot open the signing secret of "${sub.name}" (WEBHOOK_SECRET_KEY / WEBHOOK_SECRET_OLD_KEYS): ${e instanceof Error ? e.message : String(e)}`;
  }
  let delivered = 0;
  let failed = 0;
  for (let round = 0; round < deps.maxRounds; round++) {
    const claimed = await store.claimDue(subscriptionId, new Date(), { limit: deps.batch, holdMs: deps.holdMs });
    if (claimed.length === 0) break;
    const results = await Promise.all(
      claimed.map(async (d) => {
        if (secret === undefined) return { d, r: { ok: false, status: null, error: secretProblem ?? 'no secret' } };
        const r = await deps
          .post({ url: sub.url, secret, eventId: d.event.eventId, eventType: d.event.type, body: eventBody(d.event), attempt: d.attempt })
          .catch((e: unknown) => ({ ok: false, status: null, error: e instanceof Error ? e.message : String(e) }));
        return { d, r };
      }),
    );
    for (const { d, r } of results) {
      if (r.ok) {
        delivered++;
        await store.markDelivered(d.id, d.attempt, { status: r.status ?? 200, at: new Date() });
      } else {
        failed++;
        const wait = retryDelayMs(d.attempt, deps.retry);
        await store.markRetry(d.id, d.attempt, {
          status: r.status,
          error: r.error ?? `HTTP ${r.status}`,
          nextAttemptAt: new Date(Date.now() + wait),
        });
      }
    }
    if (secret === undefined) {
      app.logger.error({ subscription: sub.name }, secretProblem);
      break;
    }
  }
  if (failed > 0) app.logger.warn({ subscription: sub.name, failed, delivered }, 'webhook deliveries failed; tried again after a back-off');
  return { delivered, failed, nextAt: await store.nextAttemptAt(subscriptionId) };
}

/** The subscriptions with something due now (the sweep wakes them: the database is the source of truth). */
export function subscriptionsDue(app: AppContext, limit = 1000): Promise<number[]> {
  return app.stores.integrationEvents.subscriptionsDue(new Date(), limit);
}
