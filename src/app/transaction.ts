import type { ClockRecord } from '../domain/clocks/types.js';
import type { ChannelName } from '../domain/org/types.js';
import type { AppContext } from './context.js';
import type { StoreTx } from './ports/stores.js';

/** Side effects that may only happen once the transaction has committed. */
export class Effects {
  readonly clocks: Pick<ClockRecord, 'id' | 'generation' | 'level' | 'cycle' | 'nextAt'>[] = [];
  readonly chats = new Map<string, { channel: ChannelName; chatId: string; delayMs: number }>();
  /** Webhook subscriptions with new deliveries (integration events, issue 17). */
  readonly webhooks = new Set<number>();

  schedule(clock: Pick<ClockRecord, 'id' | 'generation' | 'level' | 'cycle' | 'nextAt'>): void {
    this.clocks.push(clock);
  }

  /** Wake delivery for the chat; `delayMs` lets a wave of reminders gather so they go out as one message. */
  kick(channel: ChannelName, chatId: string, delayMs = 0): void {
    const key = `${channel}:${chatId}`;
    const previous = this.chats.get(key);
    this.chats.set(key, { channel, chatId, delayMs: Math.max(delayMs, previous?.delayMs ?? 0) });
  }

  kickWebhooks(subscriptionIds: readonly number[]): void {
    for (const id of subscriptionIds) this.webhooks.add(id);
  }
}

/**
 * Runs `fn` in one database transaction: it all happens or none of it does. Scheduling and delivery are kicked only
 * after the commit; if that fails, the reconciler rebuilds them from the database.
 */
export async function inTransaction<T>(app: AppContext, fn: (tx: StoreTx, effects: Effects) => Promise<T>): Promise<T> {
  const { result, effects } = await retryOnConflict(async () => {
    const effects = new Effects();
    const result = await app.stores.transaction((tx) => fn(tx, effects), { timeoutMs: 20_000, maxWaitMs: 10_000 });
    return { result, effects };
  });
  await runEffects(app, effects);
  return result;
}

/**
 * PostgreSQL aborted the transaction as a deadlock victim (40P01) or for a serialization conflict (40001): nothing of
 * it was written, and running it again is what PostgreSQL asks for. Two writers can meet so: a use case holds the
 * audit chain's lock and waits for a clock row, while a firing wave holds that clock row and waits for the audit lock.
 */
export function isRetryableConflict(e: unknown): boolean {
  const err = e as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  if (err?.code === 'P2034') return true;
  const code = err?.meta?.driverAdapterError?.cause?.originalCode;
  return code === '40P01' || code === '40001';
}

/** Runs `run` again (up to `attempts` times in all) when PostgreSQL aborted it for a conflict; a short, growing pause between. */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (attempt >= attempts || !isRetryableConflict(e)) throw e;
      // Real time: the other transaction has to finish first (like delivery back-off, not domain time).
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}

export async function runEffects(app: AppContext, effects: Effects): Promise<void> {
  try {
    if (effects.clocks.length > 0) await app.scheduler.schedule(effects.clocks);
  } catch (e) {
    app.logger.warn({ err: e }, 'scheduling after commit failed; the reconciler will rebuild it');
  }
  try {
    if (effects.chats.size > 0) await app.delivery.kick([...effects.chats.values()]);
  } catch (e) {
    app.logger.warn({ err: e }, 'waking delivery after commit failed; the outbox sweep will send it');
  }
  try {
    if (effects.webhooks.size > 0) await app.webhooks?.kick([...effects.webhooks]);
  } catch (e) {
    app.logger.warn({ err: e }, 'waking webhook delivery after commit failed; the webhook sweep will send it');
  }
}
