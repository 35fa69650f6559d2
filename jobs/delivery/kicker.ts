import type { Queue } from 'bullmq';
import type { DeliveryKicker } from '../../src/app/ports/scheduling.js';
import type { ChannelName } from '../../src/domain/org/types.js';

export interface ChatJobData {
  channel: ChannelName;
  chatId: string;
}

/**
 * One delivery job per chat. While a chat's job runs, adding another keeps exactly one follow-up (BullMQ
 * `keepLastIfActive`), so a message queued during a send is never stranded and two jobs never send to one chat at once.
 */
export class BullDeliveryKicker implements DeliveryKicker {
  constructor(private readonly queue: Queue) {}

  private static dedupId(c: { channel: ChannelName; chatId: string }): string {
    return `${c.channel}-${c.chatId}`;
  }

  /**
   * For the outbox sweep: wakes chats that have messages due, first dropping a deduplication key that points to a job
   * that will never run (gone, or finished without clearing it: seen after Redis lost its keys under running workers),
   * which would otherwise swallow every kick for that chat. Returns how many such keys were dropped.
   */
  async wake(chats: readonly { channel: ChannelName; chatId: string }[]): Promise<number> {
    let dropped = 0;
    for (const c of chats) {
      const id = BullDeliveryKicker.dedupId(c);
      const jobId = await this.queue.getDeduplicationJobId(id);
      if (jobId) {
        const state = await this.queue.getJobState(jobId);
        if (state === 'unknown' || state === 'completed' || state === 'failed') {
          await this.queue.removeDeduplicationKey(id);
          dropped++;
        }
      }
    }
    await this.kick(chats);
    return dropped;
  }

  async kick(chats: readonly { channel: ChannelName; chatId: string; delayMs?: number }[]): Promise<void> {
    for (const c of chats) {
      await this.queue.add('chat', { channel: c.channel, chatId: c.chatId } satisfies ChatJobData, {
        deduplication: { id: BullDeliveryKicker.dedupId(c), keepLastIfActive: true },
        delay: c.delayMs ?? 0,
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 20,
        backoff: { type: 'exponential', delay: 1000 },
      });
    }
  }
}
