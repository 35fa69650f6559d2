// Replies that cannot go at once (the chat's turn is taken, or an answer of several messages) wait in the outbox like
// notifications: the delivery worker sends them in order, paced, retried, and they survive a restart. The channel
// adapters see this port; the application implements it (src/app/delivery/reply-outbox.ts).
import type { ChannelName, OutboundMessage } from './channel.js';

export interface ReplyOutbox {
  /**
   * True while the chat has an ordinary message due and not sent yet: a reply sent directly would overtake it (the
   * rest of an earlier answer, say). Reminders gathering for their wave and messages in back-off do not count.
   */
  hasDue(channel: ChannelName, chatId: string): Promise<boolean>;
  /** Queues the messages for the chat, in order, and wakes its delivery. */
  queue(channel: ChannelName, chatId: string, externalUserId: string, messages: readonly OutboundMessage[]): Promise<void>;
}
