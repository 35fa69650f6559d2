// Sends outbox messages to Telegram. No auto-retry here: the delivery worker owns pacing and retries, and needs to
// see every 429, 403 and 5xx to do it right.
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { prefixWithinUnits } from '../../domain/text/graphemes.js';
import { inTurn, SendError, splitText, type ChannelSender, type TakeTurn } from '../../app/ports/sender.js';
import { CAPABILITIES, type ActionButton, type OutboundMessage } from '../../app/ports/channel.js';

/** Telegram's caption limit, in UTF-16 units after entity parsing (we send no entities). */
const TELEGRAM_CAPTION_LIMIT = 1024;

export function inlineKeyboard(rows: ActionButton[][] | undefined): InlineKeyboardMarkup | undefined {
  const kept = (rows ?? []).filter((r) => r.length > 0);
  if (kept.length === 0) return undefined;
  return { inline_keyboard: kept.map((r) => r.map((b) => ({ text: b.label, callback_data: b.action }))) };
}

/** Maps Telegram's answers onto the four things delivery can do about a failure. */
export function classifyTelegramError(e: unknown): SendError {
  if (e instanceof GrammyError) {
    if (e.error_code === 429) return new SendError({ kind: 'rate-limited', retryAfterMs: (e.parameters.retry_after ?? 1) * 1000, reason: e.description });
    if (e.error_code === 403) return new SendError({ kind: 'unreachable', reason: e.description });
    if (e.error_code === 400 && /chat not found|user is deactivated|bot was kicked/i.test(e.description)) {
      return new SendError({ kind: 'unreachable', reason: e.description });
    }
    if (e.error_code >= 500) return new SendError({ kind: 'transient', reason: e.description });
    return new SendError({ kind: 'rejected', reason: `${e.error_code} ${e.description}` });
  }
  if (e instanceof HttpError) return new SendError({ kind: 'transient', reason: e.message });
  return new SendError({ kind: 'transient', reason: e instanceof Error ? e.message : String(e) });
}

async function sendAttachment(api: Api, chatId: string, message: OutboundMessage, turn: TakeTurn | undefined): Promise<number | undefined> {
  const a = message.attachment;
  if (!a) return undefined;
  let file: string | InputFile;
  if (a.source.kind === 'local-file') file = new InputFile(a.source.path, a.source.filename);
  else file = a.source.fileRef; // a Telegram file id, or a URL from another channel: Telegram fetches URLs itself
  const options = a.caption ? { caption: prefixWithinUnits(a.caption, TELEGRAM_CAPTION_LIMIT) } : {};
  const sent = await inTurn<{ message_id: number }>(turn, () =>
    a.type === 'photo' ? api.sendPhoto(chatId, file, options) : api.sendDocument(chatId, file, options),
  );
  return sent.message_id;
}

/** Sends a message as Telegram shows it: its text in parts of 4,096, then its file; each call in its own `turn`. */
export async function sendTelegramMessage(api: Api, chatId: string, message: OutboundMessage, turn?: TakeTurn): Promise<number> {
  const parts = splitText(message.text, CAPABILITIES.TELEGRAM.maxTextLength);
  let last = 0;
  for (let i = 0; i < parts.length; i++) {
    const markup = i === parts.length - 1 ? inlineKeyboard(message.buttons) : undefined;
    // Plain text, never parse_mode: what officials typed is shown as typed, never as markup.
    const sent = await inTurn(turn, () =>
      api.sendMessage(chatId, parts[i]!, { ...(markup ? { reply_markup: markup } : {}), link_preview_options: { is_disabled: true } }),
    );
    last = sent.message_id;
  }
  return (await sendAttachment(api, chatId, message, turn)) ?? last;
}

export function createTelegramSender(api: Api): ChannelSender {
  return {
    channel: 'TELEGRAM',
    capabilities: CAPABILITIES.TELEGRAM,
    async send(chatId, message, context) {
      try {
        return { messageId: String(await sendTelegramMessage(api, chatId, message, context.turn)) };
      } catch (e) {
        throw classifyTelegramError(e);
      }
    },
  };
}
