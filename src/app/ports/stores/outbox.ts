import type { Locale } from '../../../domain/locale.js';
import type { ChannelName } from '../../../domain/org/types.js';
import type { OutboundMessage } from '../channel.js';
import type { StoreTx } from '../stores.js';

/** What a queued message says. Reminders carry their item code so several can be merged into one message. */
export interface OutboxPayload {
  locale: Locale;
  message: OutboundMessage;
  /** For mergeable reminders: the item the block is about (shown as a prefix on its buttons when merged). */
  itemCode?: string;
}

export interface OutboxInsert {
  channel: ChannelName;
  chatId: string;
  officialId: number | null;
  payload: OutboxPayload;
  mergeable?: boolean;
  /** Real time (delivery is physical, unlike the domain clock); default: now. */
  notBefore?: Date;
}

export type OutboxStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED' | 'UNREACHABLE';

/** A row of the outbox with its payload read back. */
export interface PendingMessage {
  id: bigint;
  channel: ChannelName;
  chatId: string;
  officialId: number | null;
  mergeable: boolean;
  payload: OutboxPayload;
  status: OutboxStatus;
  attempts: number;
  notBefore: Date;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  externalMessageId: string | null;
}

/** Messages waiting to be sent (table outbox), as the use cases queue them. */
export interface OutboxStore {
  /** An ordinary message (not a reminder gathering for its wave, not one in back-off) due by `now` and not sent yet for the chat? */
  hasDueOrdinary(channel: ChannelName, chatId: string, now: Date): Promise<boolean>;
  /** The chat's UNREACHABLE rows created since `since` whose last error does not start with `marker`, oldest first. */
  unreachableUnmarked(channel: ChannelName, chatId: string, since: Date, marker: string): Promise<PendingMessage[]>;
  /** Marks these UNREACHABLE rows (`lastError` = marker + suffix) unless already marked; how many it marked. */
  markUnreachableRows(tx: StoreTx, ids: readonly bigint[], marker: string, suffix: string): Promise<number>;
  /** Points the reminders recorded for one outbox row at another (a message moved to another chat). */
  repointReminders(tx: StoreTx, fromOutboxId: bigint, toOutboxId: bigint): Promise<void>;
  /** Many messages in one insert; ids in the order given. Joins the transaction when one is given. */
  enqueueMany(messages: readonly OutboxInsert[], tx?: StoreTx): Promise<bigint[]>;
}
