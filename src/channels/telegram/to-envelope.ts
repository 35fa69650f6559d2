import type { Context } from 'grammy';
import type { InboundEnvelope, InboundEvent } from '../../app/ports/channel.js';

/** A Telegram update as the shared router sees it; undefined for what the bot ignores (groups, channels, edits). */
export function toEnvelope(ctx: Context): InboundEnvelope | undefined {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || chat.type !== 'private' || from.is_bot) return undefined;
  let event: InboundEvent;
  const msg = ctx.message;
  if (ctx.callbackQuery) {
    event = { type: 'action', data: ctx.callbackQuery.data ?? '' };
  } else if (msg?.text !== undefined) {
    event = { type: 'text', text: msg.text };
  } else if (msg?.photo && msg.photo.length > 0) {
    // The last size is the largest; its file_id can be sent on to any chat by this bot.
    event = { type: 'file', file: { kind: 'photo', ref: msg.photo.at(-1)!.file_id }, caption: msg.caption ?? '' };
  } else if (msg?.document) {
    event = {
      type: 'file',
      file: {
        kind: 'document',
        ref: msg.document.file_id,
        ...(msg.document.file_name ? { name: msg.document.file_name } : {}),
        ...(msg.document.file_size !== undefined ? { size: msg.document.file_size } : {}),
      },
      caption: msg.caption ?? '',
    };
  } else if (msg) {
    event = { type: 'unsupported' };
  } else {
    return undefined;
  }
  return {
    channel: 'TELEGRAM',
    updateKey: String(ctx.update.update_id),
    externalUserId: String(from.id),
    chatId: String(chat.id),
    displayName: [from.first_name, from.last_name].filter(Boolean).join(' '),
    ...(from.language_code ? { languageHint: from.language_code } : {}),
    ...(ctx.me?.username ? { botUsername: ctx.me.username } : {}),
    event,
  };
}
