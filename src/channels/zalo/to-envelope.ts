import type { InboundEnvelope, InboundEvent } from '../../app/ports/channel.js';
import { zaloPhotoUrl, type ZaloUpdate } from './types.js';

/**
 * A Zalo event as the shared router sees it; undefined for what the bot ignores: unknown events (reactions, voice,
 * "added to group"…), messages from bots, group chats (the bot serves private chats only, docs/zalo.md §1.6), and an
 * unsupported event without a sender (a "protected" user: there is no chat to answer).
 */
export function zaloToEnvelope(update: ZaloUpdate): InboundEnvelope | undefined {
  const m = update.message;
  if (!m || m.from.is_bot || m.chat.chat_type !== 'PRIVATE') return undefined;
  let event: InboundEvent;
  switch (update.event_name) {
    case 'message.text.received':
      event = { type: 'text', text: m.text ?? '' };
      break;
    case 'message.image.received': {
      const url = zaloPhotoUrl(m);
      // An image without its URL is of no use to anyone: treat it like a type we cannot read.
      event = url ? { type: 'file', file: { kind: 'photo', ref: url }, caption: m.caption ?? '' } : { type: 'unsupported' };
      break;
    }
    case 'message.sticker.received':
    case 'message.unsupported.received':
      event = { type: 'unsupported' };
      break;
    default:
      return undefined;
  }
  return {
    channel: 'ZALO',
    // Zalo retries webhooks and has no update id: the message id is what repeats.
    updateKey: m.message_id,
    externalUserId: m.from.id,
    chatId: m.chat.id,
    displayName: m.from.display_name ?? '',
    event,
  };
}
