// One OA webhook body → one normalised event. Call it only after the signature matched (signature.ts).
//
// What Zalo sends (fact sheet §3): message events `{ app_id, event_name, timestamp, sender.id, recipient.id,
// message.msg_id, … }`, where the user is the sender of `user_*` events and the recipient of `oa_*` echoes; follow
// and unfollow carry a top-level `oa_id` and `follower.id` (goclaw's `user_follow` variant uses `sender`). Ids are
// strings that exceed 2^53, and are parsed without losing digits even if a body ever carries them as numbers.
// A press on an `oa.query.*` button arrives as `user_send_text` whose text is the button's payload: with our prefix
// it becomes an `action`.
import { z } from 'zod';
import { actionFromPayload } from './buttons.js';
import { oaWebhookBodySchema, parseJsonLossless, type OaWebhookBody } from './types.js';

interface EventBase {
  eventName: string;
  appId: string | undefined;
  oaId: string;
  /** The person, as this OA knows them (ids are per OA). */
  userId: string;
  /** Epoch ms. */
  timestampMs: number;
  /** Unique per event: `msg_id` for messages; built from the event for follow/unfollow. Retries reuse it. */
  dedupeKey: string;
}

interface MessageBase extends EventBase {
  msgId: string;
}

export type OaEvent =
  | (MessageBase & { kind: 'text'; text: string; quoteMsgId?: string })
  /** A press on one of our buttons: `action` is the app's action string (src/app/actions.ts). */
  | (MessageBase & { kind: 'action'; action: string })
  | (MessageBase & { kind: 'image'; url: string; caption?: string })
  | (MessageBase & { kind: 'file'; url: string; name?: string; size?: number; caption?: string })
  /** Something the person sent that we do not read (sticker, voice, location…): worth a polite answer. */
  | (MessageBase & { kind: 'unsupported' })
  | (EventBase & { kind: 'follow' | 'unfollow'; source?: string })
  /** Our own message echoed back (`oa_send_*`, API sends included): dropped. */
  | { kind: 'echo'; eventName: string; oaId: string | undefined; userId: string | undefined; msgId: string | undefined }
  /** Delivery and seen receipts, anonymous chats, group chats, events we do not use. */
  | { kind: 'ignored'; eventName: string; reason: 'seen' | 'received' | 'anonymous' | 'group' | 'other'; msgIds: string[] };

export type OaEventKind = OaEvent['kind'];

export type OaEventParse = { ok: true; event: OaEvent } | { ok: false; error: string };

const IMAGE_EVENTS: ReadonlySet<string> = new Set(['user_send_image', 'user_send_gif']);

/**
 * Group chats (Zalo's paid "GMF" group feature): `user_send_group_text|image|…`, `oa_send_group_*`, `create_group`,
 * `user_join_group`, `user_out_group`, … (reported: an n8n node's event list, one GMF bot). dondoc serves private
 * chats only, as on the Bot Platform. The name is what tells them apart: sources differ on where the group id is
 * (`recipient.id`, `recipient.group_id`, `message.conversation_id`), so a `user_send_group_text` read as a private
 * message would answer the group's words in the person's private chat.
 */
const GROUP_EVENT = /(^|_)group(_|$)/;

/** Parses a webhook body (its raw bytes or text). Never throws. */
export function parseOaWebhook(raw: string | Uint8Array): OaEventParse {
  let json: unknown;
  try {
    json = parseJsonLossless(typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = oaWebhookBodySchema.safeParse(json);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  try {
    return { ok: true, event: normalise(parsed.data) };
  } catch (error) {
    if (error instanceof IncompleteEvent) return { ok: false, error: error.message };
    throw error;
  }
}

class IncompleteEvent extends Error {}

function normalise(body: OaWebhookBody): OaEvent {
  const name = body.event_name;
  const msgIds = [...(body.message?.msg_ids ?? []), ...(body.message?.msg_id === undefined ? [] : [body.message.msg_id])];

  if (GROUP_EVENT.test(name)) return { kind: 'ignored', eventName: name, reason: 'group', msgIds };
  if (name.startsWith('oa_')) {
    return { kind: 'echo', eventName: name, oaId: body.sender?.id, userId: body.recipient?.id, msgId: body.message?.msg_id };
  }
  if (name === 'user_seen_message') return { kind: 'ignored', eventName: name, reason: 'seen', msgIds };
  if (name === 'user_received_message') return { kind: 'ignored', eventName: name, reason: 'received', msgIds };
  if (name.startsWith('anonymous_')) return { kind: 'ignored', eventName: name, reason: 'anonymous', msgIds };

  if (name === 'follow' || name === 'unfollow' || name === 'user_follow' || name === 'user_unfollow') {
    const userId = body.follower?.id ?? body.sender?.id;
    const oaId = body.oa_id ?? body.recipient?.id;
    if (userId === undefined || oaId === undefined) throw new IncompleteEvent(`${name} without follower.id or oa_id`);
    const kind = name.endsWith('unfollow') ? 'unfollow' : 'follow';
    const event: OaEvent = {
      kind,
      eventName: name,
      appId: body.app_id,
      oaId,
      userId,
      timestampMs: body.timestamp,
      dedupeKey: `${kind}:${oaId}:${userId}:${body.timestamp}`,
    };
    if (body.source !== undefined) event.source = body.source;
    return event;
  }

  // Some sources name a button press `user_click_button` (others `user_send_text`): read it as the text it carries.
  const clicked = name === 'user_click_button';
  if (!name.startsWith('user_send_') && !clicked) return { kind: 'ignored', eventName: name, reason: 'other', msgIds };

  const userId = body.sender?.id;
  const oaId = body.recipient?.id;
  const msgId = body.message?.msg_id;
  if (userId === undefined || oaId === undefined) throw new IncompleteEvent(`${name} without sender.id or recipient.id`);
  if (msgId === undefined) throw new IncompleteEvent(`${name} without message.msg_id`);
  const base: MessageBase = { eventName: name, appId: body.app_id, oaId, userId, timestampMs: body.timestamp, dedupeKey: msgId, msgId };
  const message = body.message ?? {};
  const text = message.text;
  const first = message.attachments?.[0]?.payload;

  if (name === 'user_send_text' || clicked) {
    if (text === undefined) throw new IncompleteEvent(`${name} without message.text`);
    const action = actionFromPayload(text);
    if (action !== undefined) return { ...base, kind: 'action', action };
    return message.quote_msg_id === undefined ? { ...base, kind: 'text', text } : { ...base, kind: 'text', text, quoteMsgId: message.quote_msg_id };
  }
  if (IMAGE_EVENTS.has(name) && typeof first?.url === 'string') {
    return text ? { ...base, kind: 'image', url: first.url, caption: text } : { ...base, kind: 'image', url: first.url };
  }
  if (name === 'user_send_file' && typeof first?.url === 'string') {
    const file: OaEvent = { ...base, kind: 'file', url: first.url };
    if (typeof first.name === 'string' && first.name !== '') file.name = first.name;
    const size = Number(first.size);
    if (first.size !== undefined && Number.isFinite(size)) file.size = size;
    if (text) file.caption = text;
    return file;
  }
  // A link the person typed arrives as user_send_link; its text is what they wrote.
  if (name === 'user_send_link' && text) return { ...base, kind: 'text', text };
  // Stickers, voice, video, locations, business cards, and media without a URL.
  return { ...base, kind: 'unsupported' };
}
