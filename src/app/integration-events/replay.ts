// Replay (issue 17 §4): the events of a time range go to a subscription again, from the database, in order per item.
// Receivers dedupe by event id, so replaying what they already have is harmless; what they missed (a subscription
// made later, a receiver that lost its data) arrives. Used by `webhook replay` and POST /api/v1/events/replay.
import { DomainError } from '../../domain/errors.js';
import { UnitId } from '../../domain/ids.js';
import { DAY_MS } from '../../domain/time/duration.js';
import type { AppContext } from '../context.js';
import { auditWebhook } from './subscriptions.js';

export interface ReplayRequest {
  /** The subscription's name. */
  name: string;
  /** Events that occurred at or after `from` and before `to` (the application's clock). */
  from: Date;
  to: Date;
  /** Only items in this unit's subtree, and only a subscription bounded within it (an API caller's scope). */
  withinUnitId?: number;
}

export const MAX_REPLAY_DAYS = 366;

export async function replayEvents(app: AppContext, r: ReplayRequest): Promise<{ subscription: string; requeued: number; added: number }> {
  if (Number.isNaN(r.from.getTime()) || Number.isNaN(r.to.getTime()) || r.from.getTime() >= r.to.getTime()) throw new DomainError('webhook-replay-range');
  if (r.to.getTime() - r.from.getTime() > MAX_REPLAY_DAYS * DAY_MS) throw new DomainError('webhook-replay-too-long', { days: MAX_REPLAY_DAYS });
  const sub = await app.stores.integrationEvents.findSubscription(r.name.trim());
  if (!sub) throw new DomainError('webhook-not-found', { name: r.name.trim() });
  // A caller bounded to a unit (an API key) replays only a subscription bounded within its subtree.
  if (r.withinUnitId !== undefined) {
    const org = await app.org();
    if (sub.unitId === null || !org.isUnitInSubtree(UnitId(sub.unitId), UnitId(r.withinUnitId))) {
      throw new DomainError('webhook-replay-forbidden', { name: sub.name });
    }
  }
  const counts = await app.stores.integrationEvents.replay(
    { subscriptionId: sub.id, from: r.from, to: r.to, ...(r.withinUnitId !== undefined ? { withinUnitId: r.withinUnitId } : {}) },
    new Date(),
  );
  await auditWebhook(app, sub, 'webhook.replayed', {
    from: r.from.toISOString(),
    to: r.to.toISOString(),
    ...(r.withinUnitId !== undefined ? { withinUnitId: r.withinUnitId } : {}),
    ...counts,
  });
  if (counts.requeued + counts.added > 0) {
    // Committed already: if Redis does not take the wake-up, the webhook sweep of a running worker sends them.
    await app.webhooks?.kick([sub.id]).catch((e: unknown) => app.logger.warn({ err: e }, 'replay: waking webhook delivery failed; the sweep will'));
  }
  return { subscription: sub.name, ...counts };
}
