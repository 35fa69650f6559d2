import type { OutboundMessage } from '../channels/types.js';
import type { Tx } from '../db/client.js';
import { deliveryTarget } from '../db/repositories/identity.repository.js';
import { enqueueOutbox } from '../db/repositories/outbox.repository.js';
import { asLocale } from '../domain/locale.js';
import type { Translate } from '../i18n/catalogue.js';
import type { AppContext } from './context.js';
import type { Effects } from './transaction.js';
import { viewTools, type ViewTools } from './views/tools.js';

export interface NotifyOptions {
  /** A reminder that may be merged with others due for the same chat at the same time. */
  mergeable?: boolean;
  itemCode?: string;
  /** Real time to wait before sending, so reminders due together for one chat can be merged. */
  gatherMs?: number;
}

/**
 * Queues a message to an official in their own language, on their preferred reachable channel, inside the caller's
 * transaction. Returns the outbox id, or null when the person has no reachable chat (nothing is lost: every
 * notification is derived from items that digests and /viec also show).
 */
export async function notify(
  app: AppContext,
  tx: Tx,
  effects: Effects,
  recipientId: number,
  render: (t: Translate, v: ViewTools) => OutboundMessage,
  options: NotifyOptions = {},
): Promise<bigint | null> {
  const official = await tx.official.findUnique({ where: { id: recipientId }, select: { locale: true, active: true } });
  if (!official?.active) return null;
  const target = await deliveryTarget(tx, recipientId);
  if (!target) return null;
  const locale = asLocale(official.locale);
  const t = app.catalogue.translator(locale);
  const message = render(t, viewTools(app, locale));
  const id = await enqueueOutbox(tx, {
    channel: target.channel,
    chatId: target.chatId,
    officialId: recipientId,
    payload: { locale, message, ...(options.itemCode ? { itemCode: options.itemCode } : {}) },
    mergeable: options.mergeable ?? false,
  });
  effects.kick(target.channel, target.chatId, options.gatherMs ?? 0);
  return id;
}
