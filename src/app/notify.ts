import { CAPABILITIES, type OutboundMessage } from './ports/channel.js';
import type { StoreTx } from './ports/stores.js';
import type { OutboxInsert } from './ports/stores/outbox.js';
import type { ChannelName } from '../domain/org/types.js';
import { inTransaction, type Effects } from './transaction.js';
import type { Translate } from '../i18n/catalogue.js';
import type { AppContext } from './context.js';
import { viewTools, type ViewTools } from './views/tools.js';

export interface NotifyOptions {
  /** A reminder that may be merged with others due for the same chat at the same time. */
  mergeable?: boolean;
  itemCode?: string;
  /** Real time to wait before sending, so reminders due together for one chat can be merged. */
  gatherMs?: number;
}

export interface Notification {
  recipientId: number;
  render: (t: Translate, v: ViewTools) => OutboundMessage;
  options?: NotifyOptions;
}

/**
 * Queues messages to officials, each in their own language, on their preferred reachable channel, inside the
 * caller's transaction: one query for the recipients, one insert for all messages. Returns the outbox id of each
 * (same order), or null for a person with no reachable chat (nothing is lost: every notification is derived from
 * items that digests and /viec also show).
 */
export async function notifyMany(app: AppContext, tx: StoreTx, effects: Effects, notifications: readonly Notification[]): Promise<(bigint | null)[]> {
  if (notifications.length === 0) return [];
  const targets = await app.stores.identities.deliveryTargets([...new Set(notifications.map((n) => n.recipientId))], app.policy.channels.fallbackOrder, tx);
  const tools = new Map<string, { t: Translate; v: ViewTools }>();
  const rows: OutboxInsert[] = [];
  const slots: number[] = [];
  notifications.forEach((n, i) => {
    const target = targets.get(n.recipientId);
    if (!target) return;
    // Words differ where a channel has no buttons ("gõ số" instead of "bấm").
    const capabilities = CAPABILITIES[target.channel];
    const toolsKey = `${target.locale}:${capabilities.buttons}`;
    let tv = tools.get(toolsKey);
    if (!tv) {
      tv = { t: app.catalogue.translator(target.locale, capabilities), v: viewTools(app, target.locale) };
      tools.set(toolsKey, tv);
    }
    rows.push({
      channel: target.channel,
      chatId: target.chatId,
      officialId: n.recipientId,
      payload: { locale: target.locale, message: n.render(tv.t, tv.v), ...(n.options?.itemCode ? { itemCode: n.options.itemCode } : {}) },
      mergeable: n.options?.mergeable ?? false,
    });
    slots.push(i);
    effects.kick(target.channel, target.chatId, n.options?.gatherMs ?? 0);
  });
  const ids = await app.stores.outbox.enqueueMany(rows, tx);
  const out: (bigint | null)[] = notifications.map(() => null);
  slots.forEach((slot, k) => (out[slot] = ids[k]!));
  return out;
}

/** One message to one official; see notifyMany. */
export async function notify(
  app: AppContext,
  tx: StoreTx,
  effects: Effects,
  recipientId: number,
  render: (t: Translate, v: ViewTools) => OutboundMessage,
  options: NotifyOptions = {},
): Promise<bigint | null> {
  const [id] = await notifyMany(app, tx, effects, [{ recipientId, render, options }]);
  return id ?? null;
}

/**
 * Tells every active admin (is_admin in the organisation file), in their language, about a problem of the channel
 * `notOn`, on their oldest reachable chat elsewhere: a message queued on the channel at fault would wait behind the
 * very problem it reports. Returns how many admins it was queued for.
 */
export async function alertAdminsOutside(app: AppContext, notOn: ChannelName, render: (t: Translate) => OutboundMessage): Promise<number> {
  return inTransaction(app, async (tx, effects) => {
    const targets = await app.stores.identities.adminTargetsOutside(tx, notOn);
    await app.stores.outbox.enqueueMany(
      targets.map((a) => ({
        channel: a.channel,
        chatId: a.chatId,
        officialId: a.officialId,
        payload: { locale: a.locale, message: render(app.catalogue.translator(a.locale)) },
        mergeable: false,
      })),
      tx,
    );
    for (const a of targets) effects.kick(a.channel, a.chatId);
    return targets.length;
  });
}
