// The CLI's way to Redis: every queue operation gets a fixed time, and once Redis has failed once the command stops
// trying. The database is written first and is the source of truth, so the running bot's reconciler (every 5 min)
// and outbox sweep (every minute) schedule what the command could not.
import type { ClockScheduler, DeliveryKicker } from '../app/ports/scheduling.js';
import type { WebhookKicker } from '../app/ports/webhooks.js';
import type { QueueSet } from '../../jobs/runtime.js';

export class BoundedQueues {
  /** Why the queue could not be reached (the first failure), or undefined while it works. */
  failure: string | undefined;

  constructor(
    private readonly queues: QueueSet,
    readonly timeoutMs: number,
  ) {}

  private async bounded(what: string, op: () => Promise<void>): Promise<void> {
    if (this.failure !== undefined) throw new Error(`redis unavailable: ${this.failure}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer from Redis within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      await Promise.race([op(), timeout]);
    } catch (e) {
      this.failure ??= e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }

  readonly scheduler: ClockScheduler = { schedule: (clocks) => this.bounded('schedule', () => this.queues.scheduler.schedule(clocks)) };
  readonly kicker: DeliveryKicker = { kick: (chats) => this.bounded('kick', () => this.queues.kicker.kick(chats)) };
  readonly webhooks: WebhookKicker = { kick: (ids) => this.bounded('webhooks', () => this.queues.webhookKicker.kick(ids)) };

  /** Closes the queues; when Redis is gone, drops the connection instead of waiting for it to come back. */
  async close(): Promise<void> {
    if (this.failure === undefined) {
      try {
        await this.bounded('close', () => this.queues.close());
        return;
      } catch {
        // fall through: Redis went away between the last job and the close
      }
    }
    this.queues.producer.disconnect();
    // BullMQ's queues hold their own promise on the connection; let them settle in the background.
    void this.queues.close().catch(() => {});
  }
}
