// One identity, two channels (PRODUCT.md §2): when a chat refuses us for good, what was queued for it goes to the
// person's other reachable chat, after a one-line notice saying why. The delivery worker calls this as its
// `onUnreachable` hook; notifications queued later find the other chat by themselves (deliveryTarget).
import type { OutboundMessage } from '../ports/channel.js';
import type { PendingMessage } from '../ports/stores/outbox.js';
import type { ChannelName } from '../../domain/org/types.js';
import type { AppContext } from '../context.js';
import { inTransaction } from '../transaction.js';

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
  const { outbox, identities } = app.stores;
  const rows = messages ?? (await outbox.unreachableUnmarked(channel, chatId, new Date(Date.now() - 86_400_000), REROUTED));
  let moved = 0;
  for (const officialId of new Set(officialIds)) {
    moved += await inTransaction(app, async (tx, effects) => {
      const target = (await identities.deliveryTargets([officialId], app.policy.channels.fallbackOrder, tx)).get(officialId);
      if (!target || (target.channel === channel && target.chatId === chatId)) return 0;
      const locale = target.locale;
      const t = app.catalogue.translator(locale);
      // Rows still unmoved (a concurrent call may have taken them): claim them by marking them moved.
      const mine = rows.filter((r) => r.officialId === officialId);
      if (mine.length === 0) return 0;
      const claimed = await outbox.markUnreachableRows(
        tx,
        mine.map((r) => r.id),
        REROUTED,
        target.channel,
      );
      if (claimed !== mine.length) return 0;
      const notice: OutboundMessage = { text: t('channel-fallback-notice', { from: t(`channel-name-${channel}`), to: t(`channel-name-${target.channel}`) }) };
      const to = { channel: target.channel, chatId: target.chatId, officialId };
      const [, ...ids] = await outbox.enqueueMany(
        [{ ...to, payload: { locale, message: notice } }, ...mine.map((row) => ({ ...to, payload: row.payload, mergeable: row.mergeable }))],
        tx,
      );
      // A reminder counts as delivered when its message is, wherever it went.
      for (const [k, row] of mine.entries()) await outbox.repointReminders(tx, row.id, ids[k]!);
      effects.kick(target.channel, target.chatId);
      app.logger.info({ officialId, from: channel, to: target.channel, messages: mine.length }, 'chat unreachable; queued messages moved to the other channel');
      return mine.length;
    });
  }
  return moved;
}
