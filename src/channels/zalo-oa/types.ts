// Shapes of the Zalo Official Account (OA) Open API: what we send, and zod schemas for what comes back from Zalo
// (API answers, OAuth answers, webhook bodies). The facts behind them, with their sources and how sure each one is,
// are in the OA fact sheet (notes/zalo-oa-facts.md, summarised in the README's OA table when the channel is wired).
//
// Zalo's ids are strings of digits that exceed 2^53. They are parsed without loss (lossless-json, see
// `parseJsonLossless`), so an id always reaches these schemas as a string, or as a number only when it is small
// enough to be exact.
import { isSafeNumber, parse as parseLossless } from 'lossless-json';
import { z } from 'zod';

export const ZALO_OA_API_ROOT = 'https://openapi.zalo.me';
export const ZALO_OA_OAUTH_ROOT = 'https://oauth.zaloapp.com';

/** Longest `message.text` of a cs message, in characters (Zalo answers -210 above it). */
export const OA_TEXT_LIMIT = 2000;
/** Most buttons a cs message carries (implementations agree on 5; no Zalo v3 page states it). */
export const OA_MAX_BUTTONS = 5;
/** Button titles: sources say 35 or 100 characters; 35 is the safe one, and phones cut long titles anyway. */
export const OA_BUTTON_TITLE_MAX = 35;
/** `oa.query.*` payload limit (reported, one source). */
export const OA_QUERY_PAYLOAD_MAX = 1000;
/** Access token lifetime Zalo announces (`expires_in` "90000"): 25 hours. */
export const OA_ACCESS_TOKEN_TTL_SECONDS = 90_000;
/** Refresh token lifetime: "3 months", no longer returned by Zalo since 2023; 90 days is our reading. */
export const OA_REFRESH_TOKEN_TTL_SECONDS = 90 * 24 * 3600;
/** Uploads: images (JPG/PNG) up to 1 MB, files (PDF/DOC/DOCX) up to 5 MB. */
export const OA_IMAGE_MAX_BYTES = 1024 * 1024;
export const OA_FILE_MAX_BYTES = 5 * 1024 * 1024;

// ---- Outbound ----

/** A button on a cs message. dondoc sends `oa.query.hide` only; the others are here for completeness and the stand-in. */
export type OaButton =
  /** Pressing it makes the user "send" `payload` as a text message, hidden in their chat (`.show`: visible). */
  | { type: 'oa.query.hide' | 'oa.query.show'; title: string; payload: string }
  | { type: 'oa.open.url'; title: string; payload: { url: string } }
  | { type: 'oa.open.phone'; title: string; payload: { phone_code: string } }
  | { type: 'oa.open.sms'; title: string; payload: { phone_code: string; content: string } };

export const OA_BUTTON_TYPES = ['oa.query.hide', 'oa.query.show', 'oa.open.url', 'oa.open.phone', 'oa.open.sms'] as const;

/** A message Zalo accepted. */
export interface OaSentMessage {
  messageId: string;
  /** Epoch ms, when Zalo said (`sent_time`, reported); else undefined. */
  sentTime?: number;
}

export interface OaInfo {
  oaId: string;
  name: string;
  description?: string;
  isVerified?: boolean;
  followers?: number;
}

export interface OaUserProfile {
  userId: string;
  displayName: string;
  /** Whether the person follows the OA, when Zalo says. */
  isFollower?: boolean;
}

// ---- Parsing helpers ----

/**
 * JSON.parse that keeps big integers exact: integers beyond 2^53 (and any number that would lose digits) come back
 * as the string of their digits; other numbers as numbers.
 */
export function parseJsonLossless(text: string): unknown {
  return parseLossless(text, undefined, (digits) => (isSafeNumber(digits) ? Number(digits) : digits));
}

/** An id: a non-empty string, or a (safe) number turned into its string. */
export const oaIdSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

/** A number Zalo may send as a string ("90000", "-216"). */
const numeric = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

/** Epoch time in ms, as a string or a number; a value below 1e12 is taken as seconds (goclaw does the same). */
export const oaTimestampSchema = z
  .union([
    z.number().nonnegative(),
    z
      .string()
      .regex(/^\d{1,16}$/)
      .transform(Number),
  ])
  .transform((t) => (t < 1e12 ? t * 1000 : t));

// ---- Open API answers (HTTP 200 whatever happened: the body's `error` says) ----

export const oaEnvelopeSchema = z.object({
  error: numeric,
  message: z.string().optional(),
  data: z.unknown().optional(),
});
export type OaEnvelope = z.infer<typeof oaEnvelopeSchema>;

/** `data` of a send. `user_id` vs `recipient_id` and `quota` disagree between sources: only `message_id` is relied on. */
export const oaSendDataSchema = z
  .object({ message_id: oaIdSchema, sent_time: oaTimestampSchema.optional() })
  .transform((d): OaSentMessage => (d.sent_time === undefined ? { messageId: d.message_id } : { messageId: d.message_id, sentTime: d.sent_time }));

export const oaUploadImageDataSchema = z.object({ attachment_id: z.string().min(1) }).transform((d) => ({ attachmentId: d.attachment_id }));

/** `upload/file` answers `token` (Zalo's SDK); goclaw reads `attachment_id`: take whichever is there. */
export const oaUploadFileDataSchema = z
  .object({ token: z.string().min(1).optional(), attachment_id: z.string().min(1).optional() })
  .refine((d) => d.token !== undefined || d.attachment_id !== undefined, { message: 'neither token nor attachment_id' })
  .transform((d) => ({ token: (d.token ?? d.attachment_id) as string }));

export const oaInfoDataSchema = z
  .object({
    oa_id: oaIdSchema,
    name: z.string(),
    description: z.string().optional(),
    is_verified: z.boolean().optional(),
    num_follower: numeric.optional(),
  })
  .transform((d): OaInfo => {
    const info: OaInfo = { oaId: d.oa_id, name: d.name };
    if (d.description !== undefined) info.description = d.description;
    if (d.is_verified !== undefined) info.isVerified = d.is_verified;
    if (d.num_follower !== undefined) info.followers = d.num_follower;
    return info;
  });

export const oaUserDetailDataSchema = z
  .object({
    user_id: oaIdSchema,
    display_name: z.string().default(''),
    user_is_follower: z.boolean().optional(),
  })
  .transform((d): OaUserProfile => {
    const profile: OaUserProfile = { userId: d.user_id, displayName: d.display_name };
    if (d.user_is_follower !== undefined) profile.isFollower = d.user_is_follower;
    return profile;
  });

// ---- OAuth v4 answers (top level, not under `data`; errors possibly with HTTP 200) ----

export const oaTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  /** A string of seconds ("90000") in practice; a number is accepted too. */
  expires_in: numeric.optional(),
  /** Dropped by Zalo in 2023; read if it ever comes back. */
  refresh_token_expires_in: numeric.optional(),
});

export const oaOAuthErrorSchema = z.object({
  error: numeric.optional(),
  error_name: z.string().optional(),
  error_reason: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});

// ---- Webhook bodies ----

const attachmentSchema = z.object({
  type: z.string(),
  payload: z
    .looseObject({
      url: z.string().optional(),
      thumbnail: z.string().optional(),
      name: z.string().optional(),
      size: z.union([z.number(), z.string()]).optional(),
      id: oaIdSchema.optional(),
      description: z.string().optional(),
    })
    .optional(),
});

/**
 * The fields of every webhook event we read. Message events carry `sender`/`recipient` and `message`; follow and
 * unfollow carry a top-level `oa_id` and `follower` instead (goclaw's `user_follow` variant uses `sender`: both read).
 */
export const oaWebhookBodySchema = z.looseObject({
  app_id: oaIdSchema.optional(),
  event_name: z.string().min(1),
  timestamp: oaTimestampSchema,
  user_id_by_app: oaIdSchema.optional(),
  oa_id: oaIdSchema.optional(),
  source: z.string().optional(),
  sender: z.looseObject({ id: oaIdSchema }).optional(),
  recipient: z.looseObject({ id: oaIdSchema }).optional(),
  follower: z.looseObject({ id: oaIdSchema }).optional(),
  message: z
    .looseObject({
      msg_id: oaIdSchema.optional(),
      /** `user_seen_message`: `msg_ids[]` in one source, `msg_id` in another. */
      msg_ids: z.array(oaIdSchema).optional(),
      text: z.string().optional(),
      quote_msg_id: oaIdSchema.optional(),
      attachments: z.array(attachmentSchema).optional(),
    })
    .optional(),
});
export type OaWebhookBody = z.infer<typeof oaWebhookBodySchema>;
