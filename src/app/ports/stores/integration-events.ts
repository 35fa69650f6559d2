// Events out to other systems (issue 17 §4): the outbox of integration events, the webhook subscriptions and the
// deliveries of one to the other. Implemented by src/db/repositories/integration-event.repository.ts.
import type { IntegrationEventType } from '../../../domain/integration/event-types.js';
import type { StoreTx } from '../stores.js';

export type EventItemKind = 'TASK' | 'CONSULTATION' | 'EXPLANATION';

export interface NewIntegrationEvent {
  type: IntegrationEventType;
  itemKind: EventItemKind;
  itemCode: string;
  /** The item's unit: subscriptions hear the events of their unit's subtree. */
  unitId: number;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export interface WebhookSubscription {
  id: number;
  name: string;
  url: string;
  events: IntegrationEventType[];
  unitId: number | null;
  secretSealed: string;
  createdAt: Date;
}

export interface SubscriptionState extends WebhookSubscription {
  pending: number;
  delivered: number;
  /** The oldest undelivered event's time, if any (how far behind the receiver is). */
  oldestPendingAt: Date | null;
  lastError: string | null;
}

/** A delivery a sender claimed, with what it sends. */
export interface ClaimedDelivery {
  id: bigint;
  /** The attempt this claim is (1 for the first): marks after the send name it, so a stale sender changes nothing. */
  attempt: number;
  event: { eventId: string; type: string; itemKind: EventItemKind; itemCode: string; occurredAt: Date; payload: unknown };
}

export interface ReplayRange {
  subscriptionId: number;
  from: Date;
  to: Date;
  /** Only events of items in this unit's subtree (an API caller's scope); the subscription's own scope applies too. */
  withinUnitId?: number;
}

export interface IntegrationEventStore {
  /**
   * Records the event in the caller's transaction and queues one delivery per subscription that hears it (its type,
   * its unit's subtree). Events of one item are numbered in the order their transactions commit. Returns the event
   * id and the subscriptions to wake after the commit.
   */
  append(tx: StoreTx, event: NewIntegrationEvent): Promise<{ eventId: string; subscriptionIds: number[] }>;

  addSubscription(s: Omit<WebhookSubscription, 'id'>): Promise<WebhookSubscription>;
  findSubscription(name: string): Promise<WebhookSubscription | null>;
  subscriptionById(id: number): Promise<WebhookSubscription | null>;
  subscriptions(): Promise<SubscriptionState[]>;
  /** Removes it with its deliveries; false when there was none of that name. */
  removeSubscription(name: string): Promise<boolean>;

  /**
   * Queues again the events of the range for the subscription: those delivered or waiting go (again) now, those it
   * never had (subscribed later) are added. A delivery being sent right now is left to finish.
   */
  replay(range: ReplayRange, now: Date): Promise<{ requeued: number; added: number }>;

  /**
   * Claims up to `limit` deliveries of the subscription that may go now: due, and the oldest undelivered of their
   * item (a later event of an item waits for the earlier). Claimed ones are SENDING until `now + holdMs`.
   */
  claimDue(subscriptionId: number, now: Date, o: { limit: number; holdMs: number }): Promise<ClaimedDelivery[]>;
  markDelivered(id: bigint, attempt: number, o: { status: number; at: Date }): Promise<void>;
  markRetry(id: bigint, attempt: number, o: { status: number | null; error: string; nextAttemptAt: Date }): Promise<void>;
  /** When the subscription's next delivery may go (the earliest PENDING or held one), or null when nothing waits. */
  nextAttemptAt(subscriptionId: number): Promise<Date | null>;
  /** Subscriptions with a delivery due at `now` (the sweep's list). */
  subscriptionsDue(now: Date, limit: number): Promise<number[]>;
}
