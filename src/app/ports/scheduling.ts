// What use cases need from the outside world besides the database: implemented by jobs/ (BullMQ) and by tests.
import type { ClockRecord } from '../../domain/clocks/types.js';
import type { ChannelName } from '../../domain/org/types.js';

/** Puts each clock's next level on the fast path (a delayed job); the database stays the source of truth. */
export interface ClockScheduler {
  schedule(clocks: readonly Pick<ClockRecord, 'id' | 'generation' | 'level' | 'cycle' | 'nextAt'>[]): Promise<void>;
}

/** Wakes delivery for chats that have new messages in the outbox. */
export interface DeliveryKicker {
  kick(chats: readonly { channel: ChannelName; chatId: string; delayMs?: number }[]): Promise<void>;
}
