// A small typed client for the Zalo Bot Platform API. There is no SDK on npm (docs/zalo.md §1.7); the API is
// Telegram-like: POST JSON to `${apiRoot}/bot${token}/${method}`, answers `{ ok, result }` or
// `{ ok: false, error_code, description }`.
import { z } from 'zod';
import { ZaloApiError, type ZaloApiErrorInit } from './errors.js';
import { parseZaloUpdate, type ZaloBotInfo, type ZaloSentMessage, type ZaloUpdate, type ZaloWebhookInfo } from './types.js';

export const ZALO_API_ROOT = 'https://bot-api.zaloplatforms.com';

export interface ZaloClientOptions {
  /** `<bot_id>:<secret>`. Kept in a closure and removed from every error text. */
  token: string;
  /** Without a trailing slash is usual; one is removed. Tests pass a stand-in server's URL. */
  apiRoot?: string;
  fetch?: typeof globalThis.fetch;
  /** Deadline for one request; `getUpdates` gets its long-poll time on top. Default 30 s. */
  timeoutMs?: number;
}

export interface ZaloClient {
  getMe(): Promise<ZaloBotInfo>;
  /**
   * Long-polls for one event. Resolves with `null` when nothing arrived within `timeoutSeconds` (Zalo's 408).
   * Zalo documents one update per call; should it ever answer an array, the extra updates are kept and returned by
   * the next calls without a request. Fails while a webhook is set (call `deleteWebhook` first). `signal` stops a
   * poll in progress: the call then rejects with the signal's reason.
   */
  getUpdates(options?: { timeoutSeconds?: number; signal?: AbortSignal }): Promise<ZaloUpdate | null>;
  /** `url` must be HTTPS and `secretToken` 8–256 characters; Zalo sends it back in `X-Bot-Api-Secret-Token`. */
  setWebhook(options: { url: string; secretToken: string }): Promise<ZaloWebhookInfo>;
  deleteWebhook(): Promise<ZaloWebhookInfo>;
  getWebhookInfo(): Promise<ZaloWebhookInfo>;
  /** Plain text, 1–2000 characters (longer text is refused with 400: split it first). */
  sendMessage(options: { chatId: string; text: string }): Promise<ZaloSentMessage>;
  /** `photoUrl` must be a public http(s) URL: Zalo documents no upload. */
  sendPhoto(options: { chatId: string; photoUrl: string; caption?: string }): Promise<ZaloSentMessage>;
  /** Shows "typing…" for about 5 seconds. */
  sendChatAction(options: { chatId: string; action: 'typing' }): Promise<void>;
}

const envelopeSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});

const idSchema = z.union([z.string().min(1), z.number()]).transform(String);

// getMe's field names are only confirmed by the doc mirror (openclaw reads `name`), so both are read.
const botInfoSchema = z
  .object({
    id: idSchema,
    account_name: z.string().optional(),
    name: z.string().optional(),
    account_type: z.string().optional(),
    can_join_groups: z.boolean().optional(),
  })
  .transform(
    (r): ZaloBotInfo => ({
      id: r.id,
      account_name: r.account_name ?? r.name ?? '',
      account_type: r.account_type ?? '',
      can_join_groups: r.can_join_groups ?? false,
    }),
  );

const webhookInfoSchema = z
  .object({ url: z.string().optional(), updated_at: z.number().optional() })
  .transform((r): ZaloWebhookInfo => (r.updated_at === undefined ? { url: r.url ?? '' } : { url: r.url ?? '', updated_at: r.updated_at }));

// `date` is documented; should it ever be missing, the time we heard back is close enough for our records.
const sentMessageSchema = z
  .object({ message_id: idSchema, date: z.number().optional() })
  .transform((r): ZaloSentMessage => ({ message_id: r.message_id, date: r.date ?? Date.now() }));

interface CallOptions {
  extraTimeoutMs?: number;
  signal?: AbortSignal;
}

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const { token, timeoutMs = 30_000 } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const apiRoot = (options.apiRoot ?? ZALO_API_ROOT).replace(/\/+$/, '');
  /** Updates received in one answer beyond the first (see `getUpdates`). */
  const buffered: ZaloUpdate[] = [];

  const redact = (text: string): string => (token ? text.split(token).join('<token>') : text);
  const fail = (method: string, init: Omit<ZaloApiErrorInit, 'method'>): ZaloApiError =>
    new ZaloApiError({ ...init, method, description: redact(init.description) });

  async function call(method: string, params: Record<string, unknown>, callOptions: CallOptions = {}): Promise<unknown> {
    const deadlineMs = timeoutMs + (callOptions.extraTimeoutMs ?? 0);
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, deadline]) : deadline;

    let status: number;
    let text: string;
    try {
      const response = await fetchFn(`${apiRoot}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (callOptions.signal?.aborted) throw callOptions.signal.reason; // the caller stopped; not a failure
      if (deadline.aborted) throw fail(method, { kind: 'timeout', errorCode: 0, description: `no answer within ${deadlineMs} ms` });
      throw fail(method, { kind: 'network', errorCode: 0, description: describeNetworkError(error) });
    }

    const envelope = envelopeSchema.safeParse(parseJson(text));
    if (!envelope.success) {
      const snippet = text.slice(0, 200).replace(/\s+/g, ' ').trim();
      if (status >= 400) throw fail(method, { kind: 'http', errorCode: status, httpStatus: status, description: `HTTP ${status}: ${snippet}` });
      throw fail(method, { kind: 'invalid-response', errorCode: 0, httpStatus: status, description: `not a Zalo answer: ${snippet}` });
    }
    const body = envelope.data;
    if (body.ok) return body.result;
    // Zalo puts its code in the body; the HTTP status may be 200 or mirror the code, so the body wins.
    throw fail(method, {
      kind: 'api',
      errorCode: body.error_code ?? status,
      httpStatus: status,
      description: body.description ?? `error without description (HTTP ${status})`,
    });
  }

  async function callAndParse<T>(method: string, params: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    const result = await call(method, params);
    const parsed = schema.safeParse(result);
    if (parsed.success) return parsed.data;
    throw fail(method, { kind: 'invalid-response', errorCode: 0, description: `unexpected result: ${z.prettifyError(parsed.error)}` });
  }

  return {
    getMe: () => callAndParse('getMe', {}, botInfoSchema),

    async getUpdates({ timeoutSeconds = 30, signal } = {}) {
      const waiting = buffered.shift();
      if (waiting) return waiting;
      let result: unknown;
      try {
        // Zalo documents `timeout` as a string of seconds.
        const callOptions: CallOptions = { extraTimeoutMs: timeoutSeconds * 1000 };
        if (signal) callOptions.signal = signal;
        result = await call('getUpdates', { timeout: String(timeoutSeconds) }, callOptions);
      } catch (error) {
        if (error instanceof ZaloApiError && error.isPollingTimeout) return null;
        throw error;
      }
      const items = Array.isArray(result) ? result : result == null ? [] : [result];
      const errors: string[] = [];
      for (const item of items) {
        const parsed = parseZaloUpdate(item);
        if (parsed.ok) buffered.push(parsed.update);
        else errors.push(parsed.error);
      }
      // An update we cannot read is lost either way (there is no offset to ask again); say so loudly, but still
      // hand out the good ones on the next calls.
      if (errors.length > 0) throw fail('getUpdates', { kind: 'invalid-response', errorCode: 0, description: `unreadable update: ${errors.join('; ')}` });
      return buffered.shift() ?? null;
    },

    setWebhook: ({ url, secretToken }) => callAndParse('setWebhook', { url, secret_token: secretToken }, webhookInfoSchema),
    deleteWebhook: () => callAndParse('deleteWebhook', {}, webhookInfoSchema),
    getWebhookInfo: () => callAndParse('getWebhookInfo', {}, webhookInfoSchema),

    sendMessage: ({ chatId, text }) => callAndParse('sendMessage', { chat_id: chatId, text }, sentMessageSchema),

    sendPhoto: ({ chatId, photoUrl, caption }) =>
      callAndParse(
        'sendPhoto',
        caption === undefined ? { chat_id: chatId, photo: photoUrl } : { chat_id: chatId, photo: photoUrl, caption },
        sentMessageSchema,
      ),

    async sendChatAction({ chatId, action }) {
      await call('sendChatAction', { chat_id: chatId, action });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** fetch reports "fetch failed" and hides the reason in `cause` (ECONNREFUSED, ENOTFOUND…). */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const detail = cause instanceof Error ? ` (${'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message})` : '';
  return `${error.message}${detail}`;
}
