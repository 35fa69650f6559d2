import type { Queue } from 'bullmq';
import type { DeliveryKicker } from '../../src/app/ports.js';
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

  async kick(chats: readonly { channel: ChannelName; chatId: string; delayMs?: number }[]): Promise<void> {
    for (const c of chats) {
      await this.queue.add('chat', { channel: c.channel, chatId: c.chatId } satisfies ChatJobData, {
        deduplication: { id: `${c.channel}-${c.chatId}`, keepLastIfActive: true },
        delay: c.delayMs ?? 0,
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 20,
        backoff: { type: 'exponential', delay: 1000 },
      });
    }
  }
}
