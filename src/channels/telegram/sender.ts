// Sends outbox messages to Telegram. No auto-retry here: the delivery worker owns pacing and retries, and needs to
// see every 429, 403 and 5xx to do it right.
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { prefixWithinUnits } from '../../domain/text/graphemes.js';
import { inTurn, SendError, splitText, type ChannelSender, type TakeTurn } from '../../app/ports/sender.js';
import { CAPABILITIES, type ActionButton, type OutboundMessage } from '../../app/ports/channel.js';
import { uploadedFiles, type UploadedFiles } from './uploaded-files.js';

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

/** Telegram's answer when a file_id is not (or no longer) one of this bot's files. */
const STALE_FILE_ID = /wrong file identifier|file reference|invalid file_id|wrong remote file/i;

type SentMedia = { message_id: number; document?: { file_id: string }; photo?: { file_id: string }[] };

async function sendAttachment(
  api: Api,
  chatId: string,
  message: OutboundMessage,
  turn: TakeTurn | undefined,
  uploads: UploadedFiles | undefined,
): Promise<number | undefined> {
  const a = message.attachment;
  if (!a) return undefined;
  const options = a.caption ? { caption: prefixWithinUnits(a.caption, TELEGRAM_CAPTION_LIMIT) } : {};
  const send = (file: string | InputFile) =>
    inTurn<SentMedia>(turn, () => (a.type === 'photo' ? api.sendPhoto(chatId, file, options) : api.sendDocument(chatId, file, options)));
  // A file id from a person's message, or a URL from another channel: Telegram fetches URLs itself.
  if (a.source.kind !== 'local-file') return (await send(a.source.fileRef)).message_id;
  const key = uploads ? await uploads.keyOf(a.source.path) : undefined;
  const known = key ? uploads?.fileId(key) : undefined;
  if (known !== undefined) {
    try {
      return (await send(known)).message_id;
    } catch (e) {
      if (!(e instanceof GrammyError && e.error_code === 400 && STALE_FILE_ID.test(e.description))) throw e;
      uploads?.forget(key!); // Telegram no longer has it: upload again below.
    }
  }
  const sent = await send(new InputFile(a.source.path, a.source.filename));
  const fileId = sent.document?.file_id ?? sent.photo?.at(-1)?.file_id;
  if (key && fileId) uploads?.remember(key, fileId);
  return sent.message_id;
}

/** Sends a message as Telegram shows it: its text in parts of 4,096, then its file; each call in its own `turn`. */
export async function sendTelegramMessage(api: Api, chatId: string, message: OutboundMessage, turn?: TakeTurn, uploads?: UploadedFiles): Promise<number> {
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
  return (await sendAttachment(api, chatId, message, turn, uploads)) ?? last;
}

export function createTelegramSender(api: Api): ChannelSender {
  // One bot's uploads: a file sent to many chats is uploaded once (uploaded-files.ts).
  const uploads = uploadedFiles();
  return {
    channel: 'TELEGRAM',
    capabilities: CAPABILITIES.TELEGRAM,
    async send(chatId, message, context) {
      try {
        return { messageId: String(await sendTelegramMessage(api, chatId, message, context.turn, uploads)) };
      } catch (e) {
        throw classifyTelegramError(e);
      }
    },
  };
}
