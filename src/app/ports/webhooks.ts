// What the webhook feature needs from outside: a way to wake the sender of a subscription (jobs/webhooks, BullMQ) and
// a box that seals the signing secrets at rest (AES-256-GCM under WEBHOOK_SECRET_KEY, wired by main.ts and the CLI).

/** Wakes the webhook sender of these subscriptions (after the commit that queued their deliveries). */
export interface WebhookKicker {
  kick(subscriptionIds: readonly number[]): Promise<void>;
}

/** Seals and opens a secret bound to a context (a sealed value copied to another row does not open there). */
export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}
