// A typed client for the Zalo OA Open API on an injected fetch. Sends use v3.0, uploads and getoa v2.0 (Zalo
// versions each family apart). Auth is the bare header `access_token`, never a query parameter. Every answer's body
// is checked: Zalo reports errors with HTTP 200 and `{ error, message }`.
//
// The access token comes from a provider, so a token store (PostgreSQL, encrypted, refreshed under an advisory lock)
// can stand behind it. When Zalo says the token is invalid or expired, the client asks the provider once for a fresh
// one and retries the call once; concurrent calls that hit the same stale token share that one request.
import type { z } from 'zod';
import { oaErrorKind, ZaloOaError, type ZaloOaErrorInit } from './errors.js';
import {
  oaEnvelopeSchema,
  oaInfoDataSchema,
  oaSendDataSchema,
  oaUploadFileDataSchema,
  oaUploadImageDataSchema,
  oaUserDetailDataSchema,
  parseJsonLossless,
  ZALO_OA_API_ROOT,
  type OaButton,
  type OaInfo,
  type OaSentMessage,
  type OaUserProfile,
} from './types.js';

/** Where the client gets its access token. */
export interface AccessTokenProvider {
  /** The token to use now. Throws when there is none (never authorised, or re-authorisation needed). */
  current(): Promise<string>;
  /**
   * Zalo refused `stale` as invalid or expired: give a fresh token. A store refreshes only if `stale` is still the
   * token it holds (someone else may have refreshed already) and throws when the refresh is refused.
   */
  refresh(stale: string): Promise<string>;
}

export interface ZaloOaClientOptions {
  accessToken: AccessTokenProvider;
  /** Default https://openapi.zalo.me; tests and the sandbox pass the stand-in's URL. */
  apiRoot?: string;
  fetch?: typeof globalThis.fetch;
  /** Deadline of one request. Default 15 s. */
  timeoutMs?: number;
  /** Deadline of an upload (up to 5 MB). Default 60 s. */
  uploadTimeoutMs?: number;
}

export interface SendTextInput {
  userId: string;
  /** 1–2000 characters: split longer text before (Zalo answers -210). */
  text: string;
  /** At most 5 (see buttons.ts). */
  buttons?: OaButton[];
  /** Shows the person's message `quoteMessageId` above ours. A stale id is refused with -201. */
  quoteMessageId?: string;
}

export interface SendImageInput {
  userId: string;
  /** From `uploadImage`; or `url`, a public image Zalo fetches. */
  attachmentId?: string;
  url?: string;
  caption?: string;
}

export interface SendTemplateInput {
  userId: string;
  /** An approved ZBS template. */
  templateId: string;
  templateData: Record<string, string | number>;
  /** Our reference, echoed in delivery reports (ZNS); optional. */
  trackingId?: string;
}

export interface UploadInput {
  bytes: Uint8Array;
  filename: string;
  /** Default from the file name's extension. */
  mime?: string;
}

export interface ZaloOaClient {
  /** A tư vấn (cs) text message, with optional `oa.query` buttons and quote. */
  sendText(input: SendTextInput): Promise<OaSentMessage>;
  /** A cs image message (media template), with an optional caption. */
  sendImage(input: SendImageInput): Promise<OaSentMessage>;
  /** A cs file message, by the token `uploadFile` returned. */
  sendFile(input: { userId: string; token: string }): Promise<OaSentMessage>;
  /**
   * A ZBS template message by user id (`/v3.0/oa/message/template`): the paid route outside the cs window since
   * transaction/promotion messages were shut down on 2026-03-01. The body is flat `{ user_id, template_id,
   * template_data }`, the shape most sources use (one uses `recipient.user_id`; unverified).
   */
  sendTemplate(input: SendTemplateInput): Promise<OaSentMessage>;
  /** JPG/PNG up to 1 MB → an `attachment_id` for `sendImage` (valid 7 days). */
  uploadImage(input: UploadInput): Promise<{ attachmentId: string }>;
  /** PDF/DOC/DOCX up to 5 MB → a `token` for `sendFile` (valid 7 days). */
  uploadFile(input: UploadInput): Promise<{ token: string }>;
  /** The OA behind the token: id, name, verified. */
  getOaInfo(): Promise<OaInfo>;
  /** A follower's profile (display name; follower or not). */
  getUserProfile(userId: string): Promise<OaUserProfile>;
}

type RequestSpec =
  | { method: 'GET'; path: string; query?: Record<string, string> }
  | { method: 'POST'; path: string; json: unknown }
  | { method: 'POST'; path: string; upload: UploadInput; timeoutMs: number };

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function createZaloOaClient(options: ZaloOaClientOptions): ZaloOaClient {
  const { accessToken, timeoutMs = 15_000, uploadTimeoutMs = 60_000 } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const apiRoot = (options.apiRoot ?? ZALO_OA_API_ROOT).replace(/\/+$/, '');
  /** Refreshes in flight, by the stale token they replace. */
  const refreshing = new Map<string, Promise<string>>();

  async function tokenFrom(operation: string, get: () => Promise<string>): Promise<string> {
    try {
      const token = await get();
      if (typeof token !== 'string' || token === '') throw new Error('the token provider returned no token');
      return token;
    } catch (error) {
      if (error instanceof ZaloOaError) throw error;
      const why = error instanceof Error ? error.message : String(error);
      throw new ZaloOaError({ operation, kind: 'token-unavailable', code: 0, description: `no access token: ${why}`, cause: error });
    }
  }

  function refreshOnce(operation: string, stale: string): Promise<string> {
    let pending = refreshing.get(stale);
    if (!pending) {
      pending = tokenFrom(operation, () => accessToken.refresh(stale)).finally(() => refreshing.delete(stale));
      refreshing.set(stale, pending);
    }
    return pending;
  }

  async function call<T>(operation: string, spec: RequestSpec, schema: z.ZodType<T>): Promise<T> {
    const token = await tokenFrom(operation, () => accessToken.current());
    try {
      return await once(operation, spec, token, schema);
    } catch (error) {
      if (!(error instanceof ZaloOaError) || !error.isTokenProblem) throw error;
      const fresh = await refreshOnce(operation, token);
      return once(operation, spec, fresh, schema);
    }
  }

  async function once<T>(operation: string, spec: RequestSpec, token: string, schema: z.ZodType<T>): Promise<T> {
    const redact = (text: string): string => text.split(token).join('<token>');
    const fail = (init: Omit<ZaloOaErrorInit, 'operation'>): ZaloOaError => new ZaloOaError({ ...init, operation, description: redact(init.description) });

    const deadlineMs = 'upload' in spec ? spec.timeoutMs : timeoutMs;
    const deadline = AbortSignal.timeout(deadlineMs);
    const url = new URL(`${apiRoot}${spec.path}`);
    const init: RequestInit = { method: spec.method, headers: { access_token: token }, signal: deadline };
    if (spec.method === 'GET') {
      for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, value);
    } else if ('json' in spec) {
      init.headers = { access_token: token, 'content-type': 'application/json' };
      init.body = JSON.stringify(spec.json);
    } else {
      const form = new FormData();
      const type = spec.upload.mime ?? MIME_BY_EXTENSION[extensionOf(spec.upload.filename)] ?? 'application/octet-stream';
      form.set('file', new Blob([spec.upload.bytes], { type }), spec.upload.filename);
      init.body = form;
    }

    let status: number;
    let text: string;
    try {
      const response = await fetchFn(url, init);
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (deadline.aborted) throw fail({ kind: 'timeout', code: 0, description: `no answer within ${deadlineMs} ms`, cause: error });
      throw fail({ kind: 'network', code: 0, description: describeNetworkError(error), cause: error });
    }

    let body: unknown;
    try {
      body = parseJsonLossless(text);
    } catch {
      body = undefined;
    }
    const envelope = oaEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      const snippet = text.slice(0, 200).replace(/\s+/g, ' ').trim();
      if (status >= 500) throw fail({ kind: 'server', code: status, httpStatus: status, description: `HTTP ${status}: ${snippet}` });
      if (status === 429) throw fail({ kind: 'rate-limited', code: status, httpStatus: status, description: `HTTP 429: ${snippet}` });
      if (status >= 400) throw fail({ kind: 'unknown', code: status, httpStatus: status, description: `HTTP ${status}: ${snippet}` });
      throw fail({ kind: 'invalid-response', code: 0, httpStatus: status, description: `not a Zalo answer: ${snippet}` });
    }
    const { error: code, message, data } = envelope.data;
    if (code !== 0) {
      let kind = oaErrorKind(code);
      if (kind === 'unknown' && status >= 500) kind = 'server';
      throw fail({ kind, code, httpStatus: status, description: message ?? `error ${code} without a message` });
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw fail({ kind: 'invalid-response', code: 0, httpStatus: status, description: `unexpected data: ${JSON.stringify(data)?.slice(0, 200)}` });
    }
    return parsed.data;
  }

  const cs = (operation: string, userId: string, message: Record<string, unknown>): Promise<OaSentMessage> =>
    call(operation, { method: 'POST', path: '/v3.0/oa/message/cs', json: { recipient: { user_id: userId }, message } }, oaSendDataSchema);

  return {
    sendText({ userId, text, buttons, quoteMessageId }) {
      const message: Record<string, unknown> = { text };
      if (quoteMessageId !== undefined) message.quote_message_id = quoteMessageId;
      // Text with buttons: a template attachment with `buttons` and no `template_type` (ESMS, ChatbotX in production).
      if (buttons && buttons.length > 0) message.attachment = { type: 'template', payload: { buttons } };
      return cs('message/cs', userId, message);
    },

    sendImage({ userId, attachmentId, url, caption }) {
      if ((attachmentId === undefined) === (url === undefined)) {
        return Promise.reject(
          new ZaloOaError({ operation: 'message/cs', kind: 'bad-request', code: 0, description: 'an image needs exactly one of attachmentId and url' }),
        );
      }
      const element = attachmentId !== undefined ? { media_type: 'image', attachment_id: attachmentId } : { media_type: 'image', url };
      const message: Record<string, unknown> = { attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } } };
      if (caption !== undefined) message.text = caption;
      return cs('message/cs', userId, message);
    },

    sendFile: ({ userId, token }) => cs('message/cs', userId, { attachment: { type: 'file', payload: { token } } }),

    sendTemplate({ userId, templateId, templateData, trackingId }) {
      const json: Record<string, unknown> = { user_id: userId, template_id: templateId, template_data: templateData };
      if (trackingId !== undefined) json.tracking_id = trackingId;
      return call('message/template', { method: 'POST', path: '/v3.0/oa/message/template', json }, oaSendDataSchema);
    },

    uploadImage: (upload) =>
      call('upload/image', { method: 'POST', path: '/v2.0/oa/upload/image', upload, timeoutMs: uploadTimeoutMs }, oaUploadImageDataSchema),
    uploadFile: (upload) => call('upload/file', { method: 'POST', path: '/v2.0/oa/upload/file', upload, timeoutMs: uploadTimeoutMs }, oaUploadFileDataSchema),

    getOaInfo: () => call('getoa', { method: 'GET', path: '/v2.0/oa/getoa' }, oaInfoDataSchema),
    getUserProfile: (userId) =>
      call('user/detail', { method: 'GET', path: '/v3.0/oa/user/detail', query: { data: JSON.stringify({ user_id: userId }) } }, oaUserDetailDataSchema),
  };
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** fetch reports "fetch failed" and hides the reason in `cause` (ECONNREFUSED, ENOTFOUND…). */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const detail = cause instanceof Error ? ` (${'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message})` : '';
  return `${error.message}${detail}`;
}
