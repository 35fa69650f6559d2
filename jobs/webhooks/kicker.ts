// One webhook job per subscription at a time (BullMQ deduplication with keepLastIfActive): a wake-up while it runs
// keeps exactly one follow-up. A wake-up replaces a follow-up that waits for a retry's back-off (`replace`), so a new
// event of another item is not held behind a failing one; the job then waits again for what is still backing off.
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { WebhookKicker } from '../../src/app/ports/webhooks.js';

export interface WebhookJobData {
  subscriptionId: number;
}

export class BullWebhookKicker implements WebhookKicker {
  private readonly tag = randomBytes(4).toString('hex');
  private seq = 0;

  constructor(private readonly queue: Queue) {}

  private static dedupId(id: number): string {
    return `wh-${id}`;
  }

  async kick(subscriptionIds: readonly number[], delayMs = 0): Promise<void> {
    if (subscriptionIds.length === 0) return;
    await this.queue.addBulk(
      [...new Set(subscriptionIds)].map((id) => ({
        name: 'subscription',
        data: { subscriptionId: id } satisfies WebhookJobData,
        opts: {
          jobId: `${BullWebhookKicker.dedupId(id)}-${this.tag}${(this.seq++).toString(36)}`,
          deduplication: { id: BullWebhookKicker.dedupId(id), keepLastIfActive: true, replace: delayMs === 0 },
          delay: delayMs,
          removeOnComplete: true,
          removeOnFail: 1000,
          // A job fails only when the database does not answer; the deliveries themselves retry in the database.
          attempts: 10,
          backoff: { type: 'exponential' as const, delay: 1000 },
        },
      })),
    );
  }

  /**
   * For the sweep: wakes subscriptions with deliveries due, first dropping a deduplication key whose job will never
   * run (Redis lost it, or it finished without clearing it), which would swallow every wake-up. Returns how many.
   */
  async wake(subscriptionIds: readonly number[]): Promise<number> {
    let dropped = 0;
    for (const id of subscriptionIds) {
      const key = BullWebhookKicker.dedupId(id);
      const jobId = await this.queue.getDeduplicationJobId(key);
      if (!jobId) continue;
      const state = await this.queue.getJobState(jobId);
      if (state === 'unknown' || state === 'completed' || state === 'failed') {
        await this.queue.removeDeduplicationKey(key);
        dropped++;
      }
    }
    await this.kick(subscriptionIds);
    return dropped;
  }
}
