// One identity, two channels (PRODUCT.md §2): when a chat refuses us for good, what was queued for it goes to the
// person's other reachable chat, after a one-line notice saying why. The delivery worker calls this as its
// `onUnreachable` hook; notifications queued later find the other chat by themselves (deliveryTarget).
import type { OutboundMessage } from '../ports/channel.js';
import { deliveryTarget } from '../../db/repositories/identity.repository.js';
import { enqueueOutbox, type OutboxPayload, type PendingMessage } from '../../db/repositories/outbox.repository.js';
import { asLocale } from '../../domain/locale.js';
import type { ChannelName } from '../../domain/org/types.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../transaction.js';
import { DAY_MS } from '../../domain/time/duration.js';

/** Marks rows already moved, so a second call for the same chat moves nothing twice. */
const REROUTED = 'rerouted to ';

/**
 * Re-queues the messages of a chat that became unreachable to each person's other reachable chat. `messages` are
 * the rows just marked UNREACHABLE; when the caller does not pass them, the chat's UNREACHABLE rows of the last day
 * that were not moved yet are taken. Returns how many messages were moved.
 */
export async function rerouteUnreachable(
  app: AppContext,
  channel: ChannelName,
  chatId: string,
  officialIds: number[],
  messages?: PendingMessage[],
): Promise<number> {
  const rows =
    messages ??
    ((await app.db.outbox.findMany({
      where: {
        channel,
        chatId,
        status: 'UNREACHABLE',
        createdAt: { gte: new Date(Date.now() - DAY_MS) },
        NOT: { lastError: { startsWith: REROUTED } },
      },
      orderBy: { id: 'asc' },
    })) as unknown as PendingMessage[]);
  let moved = 0;
  for (const officialId of new Set(officialIds)) {
    moved += await inTransaction(app, async (tx, effects) => {
      const target = await deliveryTarget(tx, officialId, app.policy.channels.fallbackOrder);
      if (!target || (target.channel === channel && target.chatId === chatId)) return 0;
      const official = await tx.official.findUnique({ where: { id: officialId }, select: { locale: true } });
      const locale = asLocale(official?.locale);
      const t = app.catalogue.translator(locale);
      // Rows still unmoved (a concurrent call may have taken them): claim them by marking them moved.
      const mine = rows.filter((r) => r.officialId === officialId);
      if (mine.length === 0) return 0;
      const claimed = await tx.outbox.updateMany({
        where: { id: { in: mine.map((r) => r.id) }, status: 'UNREACHABLE', NOT: { lastError: { startsWith: REROUTED } } },
        data: { lastError: `${REROUTED}${target.channel}` },
      });
      if (claimed.count !== mine.length) return 0;
      const notice: OutboundMessage = { text: t('channel-fallback-notice', { from: t(`channel-name-${channel}`), to: t(`channel-name-${target.channel}`) }) };
      await enqueueOutbox(tx, { channel: target.channel, chatId: target.chatId, officialId, payload: { locale, message: notice } });
      for (const row of mine) {
        const payload = row.payload as OutboxPayload;
        const id = await enqueueOutbox(tx, { channel: target.channel, chatId: target.chatId, officialId, payload, mergeable: row.mergeable });
        // A reminder counts as delivered when its message is, wherever it went.
        await tx.reminder.updateMany({ where: { outboxId: row.id }, data: { outboxId: id } });
      }
      effects.kick(target.channel, target.chatId);
      app.logger.info({ officialId, from: channel, to: target.channel, messages: mine.length }, 'chat unreachable; queued messages moved to the other channel');
      return mine.length;
    });
  }
  return moved;
}
