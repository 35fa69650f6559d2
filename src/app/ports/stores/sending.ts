import type { ChannelName } from '../../../domain/org/types.js';
import type { PendingMessage } from './outbox.js';

/**
 * What the delivery worker (jobs/delivery) and the outbox sweep do with the outbox: find the chats with messages due,
 * take a chat's next messages, hold them while they are sent, and record what became of them.
 */
export interface SendingStore {
  /** Chats with a message due by `now` (at most `limit`), for the sweep that wakes them. */
  chatsWithDue(now: Date, limit: number): Promise<{ channel: ChannelName; chatId: string }[]>;
  /** The chat's next messages to send together (the head and what may go with it). */
  nextBatch(channel: ChannelName, chatId: string, now: Date): Promise<PendingMessage[]>;
  /** When the chat's next message not held becomes due, if it has one. */
  nextDueAt(channel: ChannelName, chatId: string): Promise<Date | undefined>;
  /** Holds the rows as SENDING until `holdUntil`; false when another job holds them. */
  claim(ids: bigint[], now: Date, holdUntil: Date): Promise<boolean>;
  markSent(ids: bigint[], at: Date, externalMessageId: string | undefined): Promise<void>;
  markRetry(ids: bigint[], error: string, notBefore: Date): Promise<void>;
  markFailed(ids: bigint[], error: string): Promise<void>;
  /** The chat refused us for good: every message still queued there stops; returns them. */
  markChatUnreachable(channel: ChannelName, chatId: string, error: string): Promise<PendingMessage[]>;
  /** The identities behind that chat are marked unreachable; returns their officials. */
  markIdentitiesUnreachable(channel: ChannelName, chatId: string, reason: string, at: Date): Promise<number[]>;
}
