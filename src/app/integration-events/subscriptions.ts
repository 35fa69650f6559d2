// Webhook subscriptions (`webhook add | list | remove`): a named system, a URL, the event types it hears, optionally a
// unit whose subtree bounds them. The signing secret is made here, shown once and stored sealed (SecretBox).
import { randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { parseEventTypes } from '../../domain/integration/event-types.js';
import { checkWebhookUrl } from '../../domain/integration/webhook-url.js';
import { requireText } from '../../domain/text/field.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import type { SubscriptionState, WebhookSubscription } from '../ports/stores/integration-events.js';
import type { SecretBox } from '../ports/webhooks.js';

/** What the secret is bound to when sealed: a sealed secret copied to another subscription's row does not open. */
export function secretContext(name: string): string {
  return `webhook:${name}`;
}

export interface NewSubscription {
  name: string;
  url: string;
  /** Comma-separated event types. */
  events: string;
  /** A unit code: only events of items in its subtree. */
  unitCode?: string | undefined;
}

/** The unit of that code, or a DomainError naming it. */
export async function unitByCode(app: AppContext, code: string): Promise<{ id: number; code: string }> {
  const unit = (await app.org()).allUnits().find((u) => u.code.toLowerCase() === code.trim().toLowerCase());
  if (!unit) throw new DomainError('webhook-unknown-unit', { code: code.trim() });
  return unit;
}

export async function addSubscription(app: AppContext, secrets: SecretBox, s: NewSubscription): Promise<{ subscription: WebhookSubscription; secret: string }> {
  const name = requireText(s.name, { min: 1, max: 64, missing: 'webhook-name-required', oneLine: true });
  const url = checkWebhookUrl(s.url);
  if (!url.ok) throw new DomainError(url.reason, { url: s.url });
  const events = parseEventTypes(s.events);
  if (!events.ok) throw new DomainError('webhook-unknown-events', { unknown: events.unknown.join(', ') || '—' });
  const unit = s.unitCode ? await unitByCode(app, s.unitCode) : undefined;
  if (await app.stores.integrationEvents.findSubscription(name)) throw new DomainError('webhook-name-taken', { name });
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  try {
    const subscription = await app.stores.integrationEvents.addSubscription({
      name,
      url: url.url,
      events: events.types,
      unitId: unit?.id ?? null,
      secretSealed: secrets.seal(secret, secretContext(name)),
      createdAt: app.time.now(),
    });
    await auditWebhook(app, subscription, 'webhook.added', { url: subscription.url, events: subscription.events, unit: unit?.code ?? null });
    return { subscription, secret };
  } catch (e) {
    // Added by someone else between the look and the insert.
    if (app.stores.isUniqueViolation(e)) throw new DomainError('webhook-name-taken', { name });
    throw e;
  }
}

export async function listSubscriptions(app: AppContext): Promise<(SubscriptionState & { unitCode: string | null })[]> {
  const org = await app.org();
  const rows = await app.stores.integrationEvents.subscriptions();
  return rows.map((r) => ({ ...r, unitCode: r.unitId === null ? null : (org.allUnits().find((u) => u.id === r.unitId)?.code ?? null) }));
}

export async function removeSubscription(app: AppContext, name: string): Promise<void> {
  const sub = await app.stores.integrationEvents.findSubscription(name.trim());
  if (!sub || !(await app.stores.integrationEvents.removeSubscription(sub.name))) throw new DomainError('webhook-not-found', { name: name.trim() });
  await auditWebhook(app, sub, 'webhook.removed', { url: sub.url });
}

/**
 * Who sends the organisation's events where is an operator's decision the audit log keeps, like an API key's: added,
 * removed, replayed (by the CLI or an API key; the key's call is audited as api.call too).
 */
export async function auditWebhook(
  app: AppContext,
  sub: Pick<WebhookSubscription, 'id' | 'name'>,
  action: 'webhook.added' | 'webhook.removed' | 'webhook.replayed',
  data: Record<string, unknown>,
): Promise<void> {
  await inTransaction(app, (tx) =>
    app.stores.audit.append(tx, {
      at: app.time.now(),
      actorId: null,
      action,
      entity: 'webhook_subscription',
      entityId: sub.id,
      data: { name: sub.name, ...data },
    }),
  );
}
