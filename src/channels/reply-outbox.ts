// Replies that cannot go at once (the chat's turn is taken, or an answer of several messages) wait in the outbox like
// notifications: the delivery worker sends them in order, paced, retried, and they survive a restart.
import { findIdentity } from '../app/linking/find-identity.js';
import type { DeliveryKicker } from '../app/ports.js';
import type { Logger } from 'pino';
import type { PrismaClient } from '../db/client.js';
import { enqueueOutboxMany } from '../db/repositories/outbox.repository.js';
import { asLocale } from '../domain/locale.js';
import type { ChannelName, OutboundMessage } from './types.js';

export interface ReplyOutbox {
  /**
   * True while the chat has an ordinary message due and not sent yet: a reply sent directly would overtake it (the
   * rest of an earlier answer, say). Reminders gathering for their wave and messages in back-off do not count.
   */
  hasDue(channel: ChannelName, chatId: string): Promise<boolean>;
  /** Queues the messages for the chat, in order, and wakes its delivery. */
  queue(channel: ChannelName, chatId: string, externalUserId: string, messages: readonly OutboundMessage[]): Promise<void>;
}

export function createReplyOutbox(deps: { db: PrismaClient; delivery: DeliveryKicker; logger: Logger }): ReplyOutbox {
  return {
    async hasDue(channel, chatId) {
      const row = await deps.db.outbox.findFirst({
        where: { channel, chatId, status: 'PENDING', mergeable: false, notBefore: { lte: new Date() } },
        select: { id: true },
      });
      return row !== null;
    },
    async queue(channel, chatId, externalUserId, messages) {
      if (messages.length === 0) return;
      // Who this is now (the update may just have linked the account): the row names the official, as notifications do.
      const identity = await findIdentity(deps.db, channel, externalUserId);
      const locale = asLocale(identity?.official.locale ?? 'vi');
      await enqueueOutboxMany(
        deps.db,
        messages.map((message) => ({ channel, chatId, officialId: identity ? (identity.official.id as number) : null, payload: { locale, message } })),
      );
      // Redis away: the rows wait for the outbox sweep (every minute) instead; the reply is not lost.
      await deps.delivery.kick([{ channel, chatId }]).catch((err) => deps.logger.warn({ err, channel }, 'could not wake delivery for queued replies; the outbox sweep will'));
    },
  };
}
