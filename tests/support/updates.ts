// Builders for what users send: Telegram updates (grammY types) and Zalo events. Ids are unique within a test
// file and increase, so updates can be queued on a stand-in in the order they are built.
import { createHash } from 'node:crypto';
import type { CallbackQuery, Message, MessageEntity, Update, User } from 'grammy/types';
import type { ZaloMessage, ZaloTextUpdate, ZaloUpdate } from '../../src/channels/zalo/types.js';

let nextUpdateId = 10_000;
// Incoming message ids start far from the stand-in's outgoing ones, so the two never name the same message.
let nextMessageId = 500_000;
let nextCallbackId = 1;
let nextZaloMessage = 1;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

// ===================================================================================================================
// Telegram
// ===================================================================================================================

/** A Telegram user. The default language is Vietnamese, like most of our users. */
export function user(id: number, options: { firstName?: string; lastName?: string; username?: string; languageCode?: string } = {}): User {
  return {
    id,
    is_bot: false,
    first_name: options.firstName ?? `User ${id}`,
    ...(options.lastName === undefined ? {} : { last_name: options.lastName }),
    ...(options.username === undefined ? {} : { username: options.username }),
    language_code: options.languageCode ?? 'vi',
  };
}

type From = User | number;

export interface MessageOptions {
  /** Defaults to the sender's private chat. A negative id makes a supergroup. */
  chatId?: number;
  /** Unix seconds. */
  date?: number;
  replyTo?: Message;
}

const asUser = (from: From): User => (typeof from === 'number' ? user(from) : from);

/** What a user sends: in a private chat or a group (never a channel), always with a sender. */
type UserMessage = Message & Update.NonChannel;

function baseMessage(from: User, options: MessageOptions): UserMessage {
  const chatId = options.chatId ?? from.id;
  return {
    message_id: nextMessageId++,
    date: options.date ?? nowSeconds(),
    chat:
      chatId > 0
        ? { id: chatId, type: 'private', first_name: from.first_name, ...(from.username ? { username: from.username } : {}) }
        : { id: chatId, type: 'supergroup', title: `Group ${chatId}` },
    from,
    ...(options.replyTo ? { reply_to_message: { ...options.replyTo, reply_to_message: undefined } } : {}),
  };
}

function messageUpdate(message: UserMessage): Update {
  return { update_id: nextUpdateId++, message };
}

/** A plain text message. */
export function textMessage(from: From, text: string, options: MessageOptions = {}): Update {
  return messageUpdate({ ...baseMessage(asUser(from), options), text });
}

/**
 * A command such as `/giaoviec` (the slash is optional here) with optional arguments, carrying the `bot_command`
 * entity grammY's `bot.command()` needs. `/cmd@bot_username` works too.
 */
export function command(from: From, name: string, args?: string, options: MessageOptions = {}): Update {
  const cmd = name.startsWith('/') ? name : `/${name}`;
  const text = args === undefined || args === '' ? cmd : `${cmd} ${args}`;
  const entities: MessageEntity[] = [{ type: 'bot_command', offset: 0, length: cmd.length }];
  return messageUpdate({ ...baseMessage(asUser(from), options), text, entities });
}

/**
 * A press on an inline button. Pass the message that carried the button (e.g. `telegram.lastMessageTo(chatId)`);
 * without one, a stand-in bot message in the user's private chat is made up.
 */
export function callbackQuery(from: From, data: string, message?: Message): Update {
  const sender = asUser(from);
  const query: CallbackQuery = {
    id: `cbq-${nextCallbackId++}`,
    from: sender,
    chat_instance: `ci-${message?.chat.id ?? sender.id}`,
    data,
    message: message ?? {
      message_id: nextMessageId++,
      date: nowSeconds(),
      chat: { id: sender.id, type: 'private', first_name: sender.first_name },
      text: '…',
    },
  };
  return { update_id: nextUpdateId++, callback_query: query };
}

/** A photo (two sizes, the larger one with `fileId`), as Telegram delivers it. */
export function photoMessage(from: From, photo: { fileId: string; caption?: string }, options: MessageOptions = {}): Update {
  return messageUpdate({
    ...baseMessage(asUser(from), options),
    photo: [
      { file_id: `${photo.fileId}_thumb`, file_unique_id: `u_${photo.fileId}_thumb`, width: 90, height: 90 },
      { file_id: photo.fileId, file_unique_id: `u_${photo.fileId}`, width: 1280, height: 960 },
    ],
    ...(photo.caption === undefined ? {} : { caption: photo.caption }),
  });
}

/** A document (a PDF or Word file from an official, typically). */
export function documentMessage(
  from: From,
  document: { fileId: string; fileName: string; caption?: string; mimeType?: string; fileSize?: number },
  options: MessageOptions = {},
): Update {
  return messageUpdate({
    ...baseMessage(asUser(from), options),
    document: {
      file_id: document.fileId,
      file_unique_id: `u_${document.fileId}`,
      file_name: document.fileName,
      ...(document.mimeType === undefined ? {} : { mime_type: document.mimeType }),
      ...(document.fileSize === undefined ? {} : { file_size: document.fileSize }),
    },
    ...(document.caption === undefined ? {} : { caption: document.caption }),
  });
}

// ===================================================================================================================
// Zalo
// ===================================================================================================================

export interface ZaloEventOptions {
  /** Hex-like and unique by default. Reuse one to simulate Zalo retrying a webhook. */
  messageId?: string;
  displayName?: string;
  /** Milliseconds since the epoch. */
  date?: number;
  /** Defaults to the sender's id (a private chat); set it with `chatType: 'GROUP'` for a group. */
  chatId?: string;
  chatType?: 'PRIVATE' | 'GROUP';
}

/** A hex-like id of 20 characters, like Zalo's, derived from `seed` (the same seed gives the same id). */
export function zaloId(seed: string | number): string {
  return createHash('sha1').update(`zalo-${seed}`).digest('hex').slice(0, 20);
}

function zaloMessage(fromId: string, options: ZaloEventOptions): ZaloMessage {
  return {
    message_id: options.messageId ?? zaloId(`message-${nextZaloMessage++}`),
    date: options.date ?? Date.now(),
    chat: { id: options.chatId ?? fromId, chat_type: options.chatType ?? 'PRIVATE' },
    from: { id: fromId, display_name: options.displayName ?? `Người dùng ${fromId.slice(-4)}`, is_bot: false },
  };
}

/** `message.text.received`. */
export function zaloText(fromId: string, text: string, options: ZaloEventOptions = {}): ZaloTextUpdate {
  return { event_name: 'message.text.received', message: { ...zaloMessage(fromId, options), text } };
}

/**
 * `message.image.received`. Which field carries the picture is unconfirmed (docs: `photo`, live code: `photo_url`),
 * so `field` picks one, to test that both are read.
 */
export function zaloImage(fromId: string, image: { url: string; caption?: string; field?: 'photo' | 'photo_url' }, options: ZaloEventOptions = {}): ZaloUpdate {
  return {
    event_name: 'message.image.received',
    message: {
      ...zaloMessage(fromId, options),
      [image.field ?? 'photo_url']: image.url,
      ...(image.caption === undefined ? {} : { caption: image.caption }),
    },
  };
}

/**
 * `message.unsupported.received`: a file, a contact card, or a "protected" sender. `withMessage: false` leaves
 * `message` out, as Zalo may do.
 */
export function zaloUnsupported(fromId: string, options: ZaloEventOptions & { withMessage?: boolean } = {}): ZaloUpdate {
  const { withMessage = true, ...rest } = options;
  return withMessage ? { event_name: 'message.unsupported.received', message: zaloMessage(fromId, rest) } : { event_name: 'message.unsupported.received' };
}
