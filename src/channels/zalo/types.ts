// Types of the Zalo Bot Platform API (https://bot.zaloplatforms.com/docs) and a tolerant parser for the events it
// sends. The platform is young and its documentation disagrees with live traffic in places (see
// docs/zalo.md §1.4–1.5), so the parser accepts every variant seen so far instead of the documented one only.
import { z } from 'zod';

/** Events with a known meaning. Others (voice, link, reaction, "added to group") are passed through by name. */
export const KNOWN_ZALO_EVENTS = ['message.text.received', 'message.image.received', 'message.sticker.received', 'message.unsupported.received'] as const;
export type KnownZaloEventName = (typeof KNOWN_ZALO_EVENTS)[number];
/** A known event name, or any other string Zalo sends (autocompletion keeps the known ones). */
export type ZaloEventName = KnownZaloEventName | (string & {});

export type ZaloChatType = 'PRIVATE' | 'GROUP';

export interface ZaloChat {
  /** Opaque hex-like string. In a private chat it equals the sender's id. */
  id: string;
  chat_type: ZaloChatType | (string & {});
}

export interface ZaloSender {
  id: string;
  display_name?: string;
  is_bot: boolean;
}

export interface ZaloMessage {
  message_id: string;
  /** Milliseconds since the epoch (Telegram uses seconds). Values in seconds are converted by the parser. */
  date: number;
  chat: ZaloChat;
  from: ZaloSender;
  text?: string;
  /** Image events: the docs say `photo`, openclaw's current schema says `photo_url`. Read both. */
  photo?: string;
  photo_url?: string;
  caption?: string;
  /** Sticker events: the sticker id, and `url` its image. */
  sticker?: string;
  url?: string;
  message_type?: string;
}

/**
 * One event, as Zalo delivers it through `getUpdates` or a webhook. `message` is present for text, image and
 * sticker events (the parser guarantees it), may be missing for `message.unsupported.received` (a "protected"
 * sender), and is kept for unknown events only when it has the usual shape.
 */
export interface ZaloUpdate {
  event_name: ZaloEventName;
  message?: ZaloMessage;
}

/** A text event, narrowed: `message.text` is there. */
export type ZaloTextUpdate = ZaloUpdate & { event_name: 'message.text.received'; message: ZaloMessage & { text: string } };

export function isKnownZaloEvent(name: string): name is KnownZaloEventName {
  return (KNOWN_ZALO_EVENTS as readonly string[]).includes(name);
}

export function isZaloTextUpdate(update: ZaloUpdate): update is ZaloTextUpdate {
  return update.event_name === 'message.text.received' && typeof update.message?.text === 'string';
}

/** The picture of an image event, whichever field Zalo used. */
export function zaloPhotoUrl(message: ZaloMessage): string | undefined {
  return message.photo_url ?? message.photo;
}

/** Longest `text` (and `caption`) Zalo accepts, in characters; longer text must be split before sending. */
export const ZALO_TEXT_LIMIT = 2000;

// ---- Results of the API methods ----

export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type: string;
  can_join_groups: boolean;
}

export interface ZaloWebhookInfo {
  /** Empty when no webhook is set. */
  url: string;
  /** Milliseconds since the epoch. */
  updated_at?: number;
}

export interface ZaloSentMessage {
  message_id: string;
  /** Milliseconds since the epoch. */
  date: number;
}

// ---- Parsing ----

/** Ids are opaque strings; a number is accepted and turned into its string in case a payload ever has one. */
const idSchema = z.union([z.string().min(1), z.number()]).transform(String);

/** Milliseconds; a value in seconds (below 1e12) is converted, as openclaw does. */
const dateSchema = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).transform((date) => (date >= 1e12 ? date : date * 1000));

const messageSchema = z.object({
  message_id: idSchema,
  date: dateSchema,
  chat: z.object({ id: idSchema, chat_type: z.string() }),
  from: z.object({ id: idSchema, display_name: z.string().optional(), is_bot: z.boolean().default(false) }),
  text: z.string().optional(),
  photo: z.string().optional(),
  photo_url: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
  url: z.string().optional(),
  message_type: z.string().optional(),
});

/** Events that carry content, so a missing or malformed `message` makes them invalid. */
const NEEDS_MESSAGE: ReadonlySet<string> = new Set(['message.text.received', 'message.image.received', 'message.sticker.received']);

const eventSchema = z.object({ event_name: z.string().min(1), message: z.unknown().optional() }).transform((event, ctx): ZaloUpdate => {
  const parsed = event.message === undefined ? undefined : messageSchema.safeParse(event.message);
  if (NEEDS_MESSAGE.has(event.event_name)) {
    if (!parsed?.success) {
      for (const issue of parsed?.error.issues ?? [{ message: 'message is missing', path: [] }]) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['message', ...issue.path] });
      }
      return z.NEVER;
    }
    if (event.event_name === 'message.text.received' && parsed.data.text === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a text event has no text', path: ['message', 'text'] });
      return z.NEVER;
    }
  }
  // Unsupported and unknown events are no-ops for us: keep a well-formed message (it tells who wrote), drop the rest.
  return parsed?.success ? { event_name: event.event_name, message: parsed.data } : { event_name: event.event_name };
});

/** Webhook bodies come wrapped (`{ ok: true, result: event }`, as documented) or flat (as seen live): unwrap the first. */
function unwrapEnvelope(body: unknown): unknown {
  if (typeof body === 'object' && body !== null && 'ok' in body && 'result' in body && body.ok === true) return body.result;
  return body;
}

/** Zod schema for one Zalo event in either webhook shape; its output is a {@link ZaloUpdate}. */
export const zaloUpdateSchema = z.preprocess(unwrapEnvelope, eventSchema);

export type ZaloParseResult = { ok: true; update: ZaloUpdate } | { ok: false; error: string };

/**
 * Parses a webhook body or a `getUpdates` result. Never throws, so the webhook decides what to answer and log for a
 * body it cannot use.
 */
export function parseZaloUpdate(body: unknown): ZaloParseResult {
  const result = zaloUpdateSchema.safeParse(body);
  return result.success ? { ok: true, update: result.data } : { ok: false, error: z.prettifyError(result.error) };
}
