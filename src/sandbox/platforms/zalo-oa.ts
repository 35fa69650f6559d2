// A built-in Zalo Official Account platform: the OA Open API, its OAuth v4 server and its webhook sender, as one real
// HTTP server on 127.0.0.1 (random port). The sandbox and the tests use it in place of openapi.zalo.me and
// oauth.zaloapp.com, through the client's `apiRoot` and `oauthRoot` seams (both roots are this server's URL).
//
//   const oa = await startZaloOaPlatform({ now: () => clock.now().getTime() });
//   const { accessToken, refreshToken } = oa.issueTokens();
//   const anh = oa.addUser({ displayName: 'Nguyễn Văn An' });   // follows the OA and has just written
//   oa.setWebhook('http://127.0.0.1:8080/zalo-oa/webhook');
//   await oa.userSendsText(anh.userId, 'MOI-7Q4K2');             // signed as Zalo signs
//   ... the bot answers through the client ...
//   oa.textsTo(anh.userId); oa.usage();                          // what arrived, free or billed
//
// It follows the fact sheet's §9 (notes/zalo-oa-facts.md). Where Zalo's behaviour is unknown, the choice is marked
// "(guess)" and kept in one constant, so nothing pins it down as fact. What it enforces:
// - OAuth: codes live 10 minutes and work once; a code issued with a PKCE challenge needs the matching verifier;
//   refresh tokens work once and rotate, a used, unknown or expired one is refused with HTTP 200 and an error body;
//   `expires_in` is the string "90000"; the consent URL checks `redirect_uri` against the console's callback.
// - Open API: the `access_token` header (never a query parameter); -216 for a missing or unknown token, -220 for an
//   expired one (25 h on the injected clock); errors with HTTP 200.
// - cs messages: -232 never interacted, -230 last interaction 7 days ago or more, -213 not following, -210 text over
//   2,000, -201 for a bad button (more than 5, unknown type, bad payload) or a stale quote; every message recorded as
//   free (within 48 h of the person's last interaction and among the first 8 since it) or billed (after 8 in a row,
//   or 48 h–7 days); an `oa_send_*` echo to the webhook.
// - ZBS template by user id: only approved template ids, recorded as paid; transaction/promotion refused.
// - Uploads: image (JPG/PNG ≤ 1 MB) → attachment_id, file (PDF/DOC/DOCX ≤ 5 MB) → token, both valid 7 days.
// - Faults on demand: an error code, an HTTP 5xx page, a dropped connection, or a delay (for client timeouts).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bodyTimestamp, signOaWebhook } from '../../channels/zalo-oa/signature.js';
import { OA_BUTTON_TYPES, parseJsonLossless, type OaButton } from '../../channels/zalo-oa/types.js';
import { BodyTooLarge, clientGone, decodeBody, listenLocal, pause, readBytes, writeJson, writeText, type RunningServer, type UploadedPart } from './http.js';
import { DAY_MS, HOUR_MS } from '../../domain/time/duration.js';
import { Recorder } from './recorder.js';
import { ChatLog, type ChatEntry } from './chat-log.js';
import { UserActionRefused } from './telegram.js';

/** Open API error answers (Zalo's texts, fact sheet §6 and §11.2). */
export const OA_ERRORS = {
  tokenInvalid: { error: -216, message: 'Access token is invalid' },
  tokenExpired: { error: -220, message: 'access_token is expired or removed' },
  notFollower: { error: -213, message: 'User has not followed OA' },
  outsideWindow: { error: -230, message: 'User has not interacted with the OA in the past 7 days' },
  neverInteracted: { error: -232, message: 'User has not interacted with the OA, or the last interaction has expired' },
  overLimit: { error: -210, message: 'Parameter exceeds allowable limit' },
  attachmentExpired: { error: -100, message: 'attachment_id was expired' },
  rateLimited: { error: -32, message: 'Your OA reached limit call api' },
  /** (guess) what transaction/promotion answer since their shutdown on 2026-03-01. */
  typeNotSupported: { error: -233, message: 'message type is invalid or not support' },
  v2Gone: { error: -240, message: 'MessageV2 API has been shut down, please switch to MessageV3' },
} as const;

/** "`<field>` is invalid!", Zalo's pattern for -201. */
const invalidField = (field: string) => ({ error: -201, message: `${field} is invalid!` });

/** OAuth error answers. -14002 and -14003 are documented; the others are (guess)es kept here in one place. */
export const OAUTH_ERRORS = {
  invalidAppId: {
    error: -14002,
    error_name: 'Invalid appId',
    error_reason: 'App is not active but user is not admin',
    error_description: 'The app_id is not valid',
  },
  invalidRedirectUri: {
    error: -14003,
    error_name: 'Invalid redirect uri',
    error_reason: '',
    error_description: 'redirect_uri does not match the callback URL of the app',
  },
  /** (guess) goclaw's code for a dead refresh token; Zalo's exact answer is unknown. */
  invalidRefreshToken: {
    error: -14014,
    error_name: 'Invalid refresh token',
    error_reason: 'Refresh token is invalid or has been used',
    error_description: 'Refresh token is invalid or has been used',
  },
  /** (guess) */
  invalidCode: {
    error: -14019,
    error_name: 'Invalid authorization code',
    error_reason: 'The code is invalid, expired or already used',
    error_description: 'Invalid authorization code',
  },
  /** (guess) */
  invalidCodeVerifier: {
    error: -14020,
    error_name: 'Invalid code verifier',
    error_reason: 'code_verifier does not match code_challenge',
    error_description: 'Invalid code verifier',
  },
  /** (guess) */
  invalidSecretKey: {
    error: -14001,
    error_name: 'Invalid secret key',
    error_reason: 'secret_key does not match the app',
    error_description: 'Invalid secret key',
  },
  /** (guess) phithu/rn-zalo saw -1013 "Invalid Parameter" on v4. */
  invalidParameter: { error: -1013, error_name: 'Invalid Parameter', error_reason: '', error_description: 'A required parameter is missing or invalid' },
} as const;

export type OaOperation =
  | 'access_token'
  | 'permission'
  | 'message/cs'
  | 'message/template'
  | 'message/transaction'
  | 'message/promotion'
  | 'upload/image'
  | 'upload/file'
  | 'getoa'
  | 'user/detail'
  | 'quota/message';

/** A failure to inject into the next call(s) of an operation. */
export type OaInjectedFailure =
  /** Zalo's own error answer (HTTP 200), e.g. `{ kind: 'error', code: -32 }` for the rate limit. */
  | { kind: 'error'; code: number; message?: string }
  /** A failure in front of Zalo: 502/503/504 as an HTML page, 500 as plain text, 429 as plain text. */
  | { kind: 'http'; status: 429 | 500 | 502 | 503 | 504 }
  /** The connection is dropped without an answer. */
  | { kind: 'drop' };

export interface OaUser {
  /** The id this OA knows the person by (19 digits: beyond 2^53). */
  userId: string;
  userIdByApp: string;
  displayName: string;
  followed: boolean;
  /** Epoch ms of the last interaction (message, button press, follow), null if never. */
  lastInteractionAt: number | null;
}

export type OaBilling = 'free' | 'billed' | 'paid';

export interface OaMessageRecord {
  messageId: string;
  userId: string;
  route: 'cs' | 'template';
  kind: 'text' | 'image' | 'file' | 'request_user_info' | 'template';
  text?: string;
  buttons?: OaButton[];
  quoteMessageId?: string;
  attachmentId?: string;
  imageUrl?: string;
  fileToken?: string;
  templateId?: string;
  templateData?: Record<string, unknown>;
  /** cs: free within 48 h of the last interaction, billed from 48 h to 7 days; templates: paid. */
  billing: OaBilling;
  at: number;
}

export interface OaApiCall {
  operation: OaOperation | 'unknown';
  method: string;
  path: string;
  /** The JSON body, form fields or query; file parts appear as `{ filename, size }`. */
  params: Record<string, unknown>;
  /** The access token or secret_key header presented, if any. */
  credential: string | undefined;
  at: number;
  /** `error` 0 for success; the HTTP status too (0 for a dropped connection). */
  outcome: { httpStatus: number; error: number; message: string; data?: unknown };
}

export interface OaWebhookDelivery {
  eventName: string;
  /** The exact bytes posted. */
  body: string;
  signature: string | null;
  /** HTTP status of our webhook's answer; 0 when it did not answer (refused, timed out). */
  status: number;
  at: number;
}

export type SignatureMode = 'valid' | 'forged' | 'missing';

export interface ZaloOaPlatformOptions {
  appId?: string;
  appSecretKey?: string;
  oaSecretKey?: string;
  oaId?: string;
  oaName?: string;
  /** The console's "Official Account Callback URL": the only redirect_uri the consent accepts. */
  callbackUrl?: string;
  /** The console's webhook URL (also `setWebhook`). */
  webhookUrl?: string;
  /** Template ids approved for ZBS by user id. */
  approvedTemplates?: string[];
  /** The platform's clock (epoch ms): token expiry, windows, timestamps. Default `Date.now`. */
  now?: () => number;
  /** Send `oa_send_*` echoes of our own messages to the webhook (Zalo does). Default true. */
  echo?: boolean;
  /** Real-time deadline for our webhook's answer (Zalo wants 2 s). Default 5 s. */
  webhookTimeoutMs?: number;
  port?: number;
}

/** The example ids and keys of the fact sheet (§11): a signature computed there verifies here. */
export const DEFAULT_OA_PLATFORM = {
  appId: '1234567890123456789',
  appSecretKey: 'AppSecretKeyExample',
  oaSecretKey: 'OaSecretKeyExample123',
  oaId: '3881328087880864500',
  oaName: 'UBND huyện Mẫu (thử nghiệm)',
  callbackUrl: 'https://dondoc.example.gov.vn/zalo-oa/callback',
} as const;

const ACCESS_TTL_MS = 90_000 * 1000;
const REFRESH_TTL_MS = 90 * DAY_MS;
const CODE_TTL_MS = 10 * 60_000;
const UPLOAD_TTL_MS = 7 * DAY_MS;
const FREE_WINDOW_MS = 48 * HOUR_MS;
/** cs messages free in a row without the person answering (reported: zalooa.freshdesk.com, docs.abot.vn). */
const FREE_REPLIES = 8;
const CS_WINDOW_MS = 7 * DAY_MS;
const TEXT_MAX = 2000;
const MAX_BUTTONS = 5;
/** The lenient of the two reported title limits (35 and 100): our client keeps to 35. */
const BUTTON_TITLE_MAX = 100;
const QUERY_PAYLOAD_MAX = 1000;
const IMAGE_MAX_BYTES = 1024 * 1024;
const FILE_MAX_BYTES = 5 * 1024 * 1024;
const BODY_LIMIT = 8 * 1024 * 1024;

interface Answer {
  httpStatus: number;
  body: unknown;
}

const success = (data: unknown): Answer => ({ httpStatus: 200, body: { error: 0, message: 'Success', data } });
const refusal = (e: { error: number; message: string }): Answer => ({ httpStatus: 200, body: { error: e.error, message: e.message } });

interface Route {
  operation: OaOperation;
  method: 'GET' | 'POST';
  path: string;
}

const ROUTES: Route[] = [
  { operation: 'access_token', method: 'POST', path: '/v4/oa/access_token' },
  { operation: 'permission', method: 'GET', path: '/v4/oa/permission' },
  { operation: 'message/cs', method: 'POST', path: '/v3.0/oa/message/cs' },
  { operation: 'message/template', method: 'POST', path: '/v3.0/oa/message/template' },
  { operation: 'message/transaction', method: 'POST', path: '/v3.0/oa/message/transaction' },
  { operation: 'message/promotion', method: 'POST', path: '/v3.0/oa/message/promotion' },
  { operation: 'upload/image', method: 'POST', path: '/v2.0/oa/upload/image' },
  { operation: 'upload/file', method: 'POST', path: '/v2.0/oa/upload/file' },
  { operation: 'getoa', method: 'GET', path: '/v2.0/oa/getoa' },
  { operation: 'user/detail', method: 'GET', path: '/v3.0/oa/user/detail' },
  { operation: 'quota/message', method: 'POST', path: '/v3.0/oa/quota/message' },
];

interface CodeGrant {
  challenge: string | undefined;
  expiresAt: number;
  used: boolean;
}

interface Upload {
  kind: 'image' | 'file';
  filename: string;
  size: number;
  expiresAt: number;
}

export class ZaloOaPlatform {
  readonly appId: string;
  readonly appSecretKey: string;
  readonly oaSecretKey: string;
  readonly oaId: string;
  readonly oaName: string;
  readonly callbackUrl: string;
  readonly #server: RunningServer;
  readonly #now: () => number;
  readonly #echo: boolean;
  readonly #webhookTimeoutMs: number;
  readonly #approvedTemplates: Set<string>;
  readonly #users = new Map<string, OaUser>();
  readonly #codes = new Map<string, CodeGrant>();
  readonly #accessTokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  readonly #refreshTokens = new Map<string, { expiresAt: number; used: boolean }>();
  readonly #uploads = new Map<string, Upload>();
  /** Message ids of each user's conversation (theirs and ours), for quote checks. */
  readonly #conversation = new Map<string, Set<string>>();
  readonly #calls = new Recorder<OaApiCall>((c) => `${c.operation} ${JSON.stringify(c.params).slice(0, 160)} → ${c.outcome.error} ${c.outcome.message}`);
  readonly #messages = new Recorder<OaMessageRecord>((m) => `${m.route} to ${m.userId}: ${m.text ?? m.templateId ?? m.kind} (${m.billing})`);
  /** Per person, the length of the message record when they last interacted: the cs messages after it are "in a row". */
  readonly #answeredAt = new Map<string, number>();
  readonly #deliveries = new Recorder<OaWebhookDelivery>((d) => `${d.eventName} → ${d.status}`);
  /** Per operation, what its next calls meet: undefined lets a call through (the `after` of failNext). */
  readonly #failures = new Map<string, (OaInjectedFailure | undefined)[]>();
  readonly #delays = new Map<string, number[]>();
  readonly #pendingEchoes = new Set<Promise<unknown>>();
  /** Pictures and files people sent (the sandbox page's samples), served at GET /media/<id>/<name> as Zalo's CDN would. */
  readonly #media = new Map<string, { bytes: Buffer; filename: string; mime: string }>();
  #webhookUrl: string | undefined;
  /** Every message in every chat, both directions, for the sandbox page: what a person would see on their phone. */
  readonly chat = new ChatLog('oa');

  /** Use {@link startZaloOaPlatform}. */
  constructor(server: RunningServer, options: ZaloOaPlatformOptions) {
    this.#server = server;
    this.appId = options.appId ?? DEFAULT_OA_PLATFORM.appId;
    this.appSecretKey = options.appSecretKey ?? DEFAULT_OA_PLATFORM.appSecretKey;
    this.oaSecretKey = options.oaSecretKey ?? DEFAULT_OA_PLATFORM.oaSecretKey;
    this.oaId = options.oaId ?? DEFAULT_OA_PLATFORM.oaId;
    this.oaName = options.oaName ?? DEFAULT_OA_PLATFORM.oaName;
    this.callbackUrl = options.callbackUrl ?? DEFAULT_OA_PLATFORM.callbackUrl;
    this.#webhookUrl = options.webhookUrl;
    this.#approvedTemplates = new Set(options.approvedTemplates ?? []);
    this.#now = options.now ?? Date.now;
    this.#echo = options.echo ?? true;
    this.#webhookTimeoutMs = options.webhookTimeoutMs ?? 5_000;
  }

  /** The `apiRoot` and the `oauthRoot` of the client: `http://127.0.0.1:<port>`. */
  get url(): string {
    return this.#server.url;
  }

  // ---- Console ----

  setWebhook(url: string | undefined): void {
    this.#webhookUrl = url;
  }

  approveTemplate(templateId: string): void {
    this.#approvedTemplates.add(templateId);
  }

  /** A token pair minted by hand, as the console's API Explorer does (to seed a store before the consent flow). */
  issueTokens(): { accessToken: string; refreshToken: string; expiresIn: string } {
    return this.#issuePair();
  }

  /** The access token stops working at once (-216), e.g. the admin revoked the app. */
  revokeAccessToken(token: string): void {
    const entry = this.#accessTokens.get(token);
    if (entry) entry.revoked = true;
  }

  /** Whether a refresh token would still be accepted. */
  refreshTokenUsable(token: string): boolean {
    const entry = this.#refreshTokens.get(token);
    return entry !== undefined && !entry.used && entry.expiresAt > this.#now();
  }

  // ---- People ----

  /**
   * A person who knows the OA. By default they follow it and have just interacted (their window is open);
   * `interacted: false` makes someone the OA never heard from; `lastInteractionAt` sets the moment.
   */
  addUser(input: { displayName: string; followed?: boolean; interacted?: boolean; lastInteractionAt?: number; userId?: string }): OaUser {
    const user: OaUser = {
      userId: input.userId ?? bigId(),
      userIdByApp: bigId(),
      displayName: input.displayName,
      followed: input.followed ?? true,
      lastInteractionAt: input.lastInteractionAt ?? (input.interacted === false ? null : this.#now()),
    };
    this.#users.set(user.userId, user);
    return { ...user };
  }

  user(userId: string): OaUser | undefined {
    const user = this.#users.get(userId);
    return user && { ...user };
  }

  /** Sets when the person last interacted (to open or close their window without a webhook). */
  setLastInteraction(userId: string, at: number | null): void {
    this.#userOrThrow(userId).lastInteractionAt = at;
    this.#answeredAt.set(userId, this.messages.length);
  }

  // ---- What a person does on their phone (state changes, then the signed webhook) ----

  /** The person follows the OA: an interaction, and a `follow` event. */
  follow(userId: string, options: DeliverOptions = {}): Promise<OaWebhookDelivery> {
    const user = this.#userOrThrow(userId);
    user.followed = true;
    user.lastInteractionAt = this.#now();
    this.#answeredAt.set(user.userId, this.messages.length);
    return this.deliver(
      {
        oa_id: this.oaId,
        follower: { id: user.userId },
        user_id_by_app: user.userIdByApp,
        event_name: 'follow',
        source: 'oa_profile',
        app_id: this.appId,
        timestamp: String(this.#now()),
      },
      options,
    );
  }

  /** The person unfollows: cs messages are refused with -213 from now on. */
  unfollow(userId: string, options: DeliverOptions = {}): Promise<OaWebhookDelivery> {
    const user = this.#userOrThrow(userId);
    user.followed = false;
    return this.deliver(
      {
        oa_id: this.oaId,
        follower: { id: user.userId },
        user_id_by_app: user.userIdByApp,
        event_name: 'unfollow',
        source: 'oa_profile',
        app_id: this.appId,
        timestamp: String(this.#now()),
      },
      options,
    );
  }

  /** The person writes to the OA: `user_send_text`. Resolves with the delivery (the msg_id is in its body). */
  userSendsText(userId: string, text: string, options: DeliverOptions & { quoteMsgId?: string } = {}): Promise<OaWebhookDelivery> {
    const message: Record<string, unknown> = { msg_id: this.#newMessageId(userId), text };
    if (options.quoteMsgId !== undefined) message.quote_msg_id = options.quoteMsgId;
    return this.#userMessage(userId, 'user_send_text', message, options);
  }

  /**
   * The person presses a button of a message we sent them (the last one with that title, unless `messageId` says
   * which). As on Zalo, an `oa.query.*` press arrives as `user_send_text` whose text is the button's payload; other
   * button types open something on the phone and send nothing. Throws when there is no such button.
   */
  pressButton(userId: string, title: string, options: DeliverOptions & { messageId?: string } = {}): Promise<OaWebhookDelivery> {
    const sent = this.messagesTo(userId).filter((m) => options.messageId === undefined || m.messageId === options.messageId);
    const button = sent
      .reverse()
      .flatMap((m) => m.buttons ?? [])
      .find((b) => b.title === title);
    if (!button) throw new Error(`no button "${title}" in the messages sent to ${userId}`);
    if (button.type !== 'oa.query.hide' && button.type !== 'oa.query.show') throw new Error(`button "${title}" is ${button.type}: it sends nothing to the OA`);
    return this.userSendsText(userId, button.payload, options);
  }

  userSendsImage(userId: string, url: string, options: DeliverOptions & { caption?: string } = {}): Promise<OaWebhookDelivery> {
    const message: Record<string, unknown> = { msg_id: this.#newMessageId(userId), attachments: [{ type: 'image', payload: { url, thumbnail: url } }] };
    if (options.caption !== undefined) message.text = options.caption;
    return this.#userMessage(userId, 'user_send_image', message, options);
  }

  userSendsFile(userId: string, file: { url: string; name: string; size: number }, options: DeliverOptions = {}): Promise<OaWebhookDelivery> {
    const message = {
      msg_id: this.#newMessageId(userId),
      attachments: [{ type: 'file', payload: { url: file.url, name: file.name, size: String(file.size) } }],
    };
    return this.#userMessage(userId, 'user_send_file', message, options);
  }

  userSendsSticker(userId: string, options: DeliverOptions = {}): Promise<OaWebhookDelivery> {
    const message = {
      msg_id: this.#newMessageId(userId),
      attachments: [{ type: 'sticker', payload: { id: 'sticker-1', url: 'https://zalo.example/sticker.png' } }],
    };
    return this.#userMessage(userId, 'user_send_sticker', message, options);
  }

  // ---- The sandbox page's person (each returns what their chat shows) ----

  /** The person types a text to the OA. */
  async sayAsPerson(userId: string, text: string): Promise<ChatEntry> {
    const delivery = await this.userSendsText(userId, text);
    return this.#inEntry(userId, delivery, { text });
  }

  /** The person presses a button of one of our messages: its `oa.query` payload comes back as their text. */
  async pressAsPerson(userId: string, messageId: string, payload: string): Promise<ChatEntry> {
    const message = this.messagesTo(userId).find((m) => m.messageId === messageId);
    const button = message?.buttons?.find((b) => b.payload === payload && (b.type === 'oa.query.hide' || b.type === 'oa.query.show'));
    if (!message || !button) throw new UserActionRefused(`no button ${JSON.stringify(payload)} on message ${messageId}`);
    const delivery = await this.userSendsText(userId, payload);
    return this.#inEntry(userId, delivery, { pressed: { messageId, text: button.title, data: payload } });
  }

  /** The person sends a picture from their phone: kept here, and given to the bot as a URL, as Zalo does. */
  async photoAsPerson(userId: string, photo: { bytes: Buffer; filename: string; mime: string; caption?: string }): Promise<ChatEntry> {
    const { id, url } = this.#keep(photo);
    const delivery = await this.userSendsImage(userId, url, photo.caption === undefined ? {} : { caption: photo.caption });
    return this.#inEntry(userId, delivery, {
      ...(photo.caption ? { text: photo.caption } : {}),
      attachment: { kind: 'photo', fileId: id, url, filename: photo.filename, mime: photo.mime, size: photo.bytes.length },
    });
  }

  /** The person sends a file: kept here, and given to the bot as a download URL with its name, as Zalo does. */
  async fileAsPerson(userId: string, file: { bytes: Buffer; filename: string; mime: string }): Promise<ChatEntry> {
    const { id, url } = this.#keep(file);
    const delivery = await this.userSendsFile(userId, { url, name: file.filename, size: file.bytes.length });
    return this.#inEntry(userId, delivery, {
      attachment: { kind: 'document', fileId: id, url, filename: file.filename, mime: file.mime, size: file.bytes.length },
    });
  }

  /** A picture or file a person sent, for the page. */
  media(id: string): { bytes: Buffer; filename: string; mime: string } | undefined {
    return this.#media.get(id);
  }

  #keep(file: { bytes: Buffer; filename: string; mime: string }): { id: string; url: string } {
    const id = randomBytes(8).toString('hex');
    this.#media.set(id, { bytes: file.bytes, filename: file.filename, mime: file.mime });
    return { id, url: `${this.url}/media/${id}/${encodeURIComponent(file.filename)}` };
  }

  #inEntry(userId: string, delivery: OaWebhookDelivery, shown: Pick<ChatEntry, 'text' | 'attachment' | 'pressed'>): ChatEntry {
    const msgId = str((JSON.parse(delivery.body) as { message?: { msg_id?: unknown } }).message?.msg_id);
    return this.chat.get(userId, msgId) ?? this.chat.add({ chatId: userId, messageId: msgId, direction: 'in', at: delivery.at, ...shown });
  }

  // ---- The webhook sender ----

  /**
   * POSTs an event to the webhook as Zalo does: the exact bytes, `X-ZEvent-Signature: mac=sha256(app_id + body +
   * timestamp + OA secret key)`. `signature: 'forged'` signs with a wrong key, `'missing'` sends no header.
   */
  async deliver(event: Record<string, unknown>, options: DeliverOptions = {}): Promise<OaWebhookDelivery> {
    return this.#post(JSON.stringify(event), String(event.event_name ?? ''), options);
  }

  /** Delivers the same bytes again (Zalo's retry: same body, same msg_id, same timestamp). */
  redeliver(delivery: OaWebhookDelivery, options: DeliverOptions = {}): Promise<OaWebhookDelivery> {
    return this.#post(delivery.body, delivery.eventName, options);
  }

  // ---- Records ----

  get calls(): OaApiCall[] {
    return this.#calls.entries;
  }

  callsTo(operation: OaOperation): OaApiCall[] {
    return this.calls.filter((c) => c.operation === operation);
  }

  /** Every message Zalo accepted, in order. */
  get messages(): OaMessageRecord[] {
    return this.#messages.entries;
  }

  messagesTo(userId: string): OaMessageRecord[] {
    return this.messages.filter((m) => m.userId === userId);
  }

  /** Texts of the cs messages a person received (captions included), in order. */
  textsTo(userId: string): string[] {
    return this.messagesTo(userId).flatMap((m) => (m.text === undefined ? [] : [m.text]));
  }

  get webhookDeliveries(): OaWebhookDelivery[] {
    return this.#deliveries.entries;
  }

  /** Messages by billing class, optionally from `since` (epoch ms, the platform's clock) on. */
  usage(since = -Infinity): { free: number; billed: number; template: number } {
    const counts = { free: 0, billed: 0, template: 0 };
    for (const m of this.messages) {
      if (m.at < since) continue;
      if (m.billing === 'paid') counts.template++;
      else counts[m.billing]++;
    }
    return counts;
  }

  /** The first `n` messages to a person, waiting (real time) for them if needed. */
  waitForMessages(userId: string, n: number, timeoutMs = 5_000): Promise<OaMessageRecord[]> {
    return this.#messages.waitForCount((m) => m.userId === userId, n, timeoutMs, `messages to ${userId}`);
  }

  waitForCall(predicate: (call: OaApiCall) => boolean, timeoutMs = 5_000): Promise<OaApiCall> {
    return this.#calls.waitFor(predicate, timeoutMs, 'a matching API call');
  }

  waitForDelivery(predicate: (delivery: OaWebhookDelivery) => boolean, timeoutMs = 5_000): Promise<OaWebhookDelivery> {
    return this.#deliveries.waitFor(predicate, timeoutMs, 'a matching webhook delivery');
  }

  /** Resolves when the echoes posted so far have been answered. */
  async echoesSettled(): Promise<void> {
    while (this.#pendingEchoes.size > 0) await Promise.allSettled([...this.#pendingEchoes]);
  }

  /** Forgets the records (calls, messages, deliveries); keeps people, tokens and uploads. */
  clearRecords(): void {
    this.#calls.clear();
    this.#messages.clear();
    this.#deliveries.clear();
  }

  // ---- Faults on demand ----

  /**
   * The next `times` calls of `operation` fail this way (before any check); with `after`, that many calls go through
   * first (the second part of a long message meets the fault, say).
   */
  failNext(operation: OaOperation, failure: OaInjectedFailure, times = 1, after = 0): void {
    const queue = this.#failures.get(operation) ?? [];
    for (let i = 0; i < after; i++) queue.push(undefined);
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#failures.set(operation, queue);
  }

  /** The next `times` calls of `operation` are answered only after `ms` of real time (to test client timeouts). */
  delayNext(operation: OaOperation, ms: number, times = 1): void {
    const queue = this.#delays.get(operation) ?? [];
    for (let i = 0; i < times; i++) queue.push(ms);
    this.#delays.set(operation, queue);
  }

  async close(): Promise<void> {
    await this.echoesSettled();
    const reason = 'the Zalo OA platform closed';
    this.#calls.close(reason);
    this.#messages.close(reason);
    this.#deliveries.close(reason);
    this.chat.close(reason);
    await this.#server.close();
  }

  // ---- HTTP ----

  /** @internal Entry point of the HTTP server. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const media = /^\/media\/([0-9a-f]{16})\/[^/]*$/.exec(url.pathname);
    if (media && req.method === 'GET') {
      const found = this.#media.get(media[1] ?? '');
      if (!found) return writeJson(res, 404, { error: 404, message: 'Not Found' });
      res.writeHead(200, { 'content-type': found.mime, 'content-length': found.bytes.length });
      res.end(found.bytes);
      return;
    }
    const route = ROUTES.find((r) => r.path === url.pathname.replace(/\/+$/, '') && r.method === req.method);
    const at = this.#now();
    const headerOf = (name: string): string | undefined => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };

    let params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    let files = new Map<string, UploadedPart>();
    let answer: Answer;
    const credential = route?.operation === 'access_token' ? headerOf('secret_key') : headerOf('access_token');
    try {
      const raw = await readBytes(req, BODY_LIMIT);
      const decoded = await decodeBody(raw, req.headers['content-type'], parseJsonLossless);
      if (decoded.value !== undefined && typeof decoded.value === 'object' && decoded.value !== null && !Array.isArray(decoded.value)) {
        params = { ...params, ...(decoded.value as Record<string, unknown>) };
      } else if (decoded.encoding !== 'none') {
        params = { ...params, body: decoded.value };
      }
      files = decoded.files;
    } catch (error) {
      if (error instanceof BodyTooLarge) return this.#finish(res, route, req, url, params, credential, at, refusal(OA_ERRORS.overLimit));
      return this.#finish(res, route, req, url, params, credential, at, refusal(invalidField('body')));
    }
    for (const [name, file] of files) params[name] = { filename: file.filename, size: file.bytes.length };

    if (!route) {
      answer = { httpStatus: 404, body: { error: 404, message: 'Not Found' } };
      return this.#finish(res, route, req, url, params, credential, at, answer);
    }

    const delay = this.#delays.get(route.operation)?.shift();
    if (delay !== undefined) await pause(delay, clientGone(res, this.#server.closing));
    const failure = this.#failures.get(route.operation)?.shift();
    if (failure) {
      if (failure.kind === 'drop') {
        this.#record(route.operation, req, url, params, credential, at, { httpStatus: 0, error: 0, message: 'connection dropped (injected)' });
        res.destroy();
        return;
      }
      if (failure.kind === 'http') {
        this.#record(route.operation, req, url, params, credential, at, { httpStatus: failure.status, error: 0, message: `HTTP ${failure.status} (injected)` });
        if (res.destroyed) return;
        if (failure.status >= 502)
          return writeText(
            res,
            failure.status,
            'text/html',
            `<html><head><title>${failure.status}</title></head><body><h1>${failure.status}</h1></body></html>`,
          );
        return writeText(res, failure.status, 'text/plain', failure.status === 429 ? 'Too Many Requests' : 'Internal Server Error');
      }
      answer = refusal({
        error: failure.code,
        message: failure.message ?? (failure.code === -32 ? OA_ERRORS.rateLimited.message : `error ${failure.code} (injected)`),
      });
      return this.#finish(res, route, req, url, params, credential, at, answer);
    }

    if (route.operation === 'permission') return this.#permission(res, route, req, url, params, at);
    if (route.operation === 'access_token') answer = this.#accessToken(params, credential);
    else answer = this.#api(route.operation, params, credential, files);
    return this.#finish(res, route, req, url, params, credential, at, answer);
  }

  #finish(
    res: ServerResponse,
    route: Route | undefined,
    req: IncomingMessage,
    url: URL,
    params: Record<string, unknown>,
    credential: string | undefined,
    at: number,
    answer: Answer,
  ): void {
    const body = answer.body as { error?: number; message?: string; error_name?: string; data?: unknown; access_token?: string };
    const error = typeof body.error === 'number' ? body.error : 0;
    const message = body.message ?? body.error_name ?? (body.access_token ? 'tokens issued' : '');
    const outcome: OaApiCall['outcome'] = { httpStatus: answer.httpStatus, error, message };
    if (body.data !== undefined) outcome.data = body.data;
    this.#record(route?.operation ?? 'unknown', req, url, params, credential, at, outcome);
    if (!res.destroyed && !res.writableEnded) writeJson(res, answer.httpStatus, answer.body);
  }

  #record(
    operation: OaApiCall['operation'],
    req: IncomingMessage,
    url: URL,
    params: Record<string, unknown>,
    credential: string | undefined,
    at: number,
    outcome: OaApiCall['outcome'],
  ): void {
    this.#calls.push({ operation, method: req.method ?? '', path: url.pathname, params, credential, at, outcome });
  }

  // ---- OAuth ----

  /** The consent screen, approved at once by the OA's admin: 302 to `redirect_uri?code=…&oa_id=…&state=…`. */
  #permission(res: ServerResponse, route: Route, req: IncomingMessage, url: URL, params: Record<string, unknown>, at: number): void {
    const appId = str(params.app_id);
    const redirectUri = str(params.redirect_uri);
    if (appId !== this.appId) return this.#finish(res, route, req, url, params, undefined, at, { httpStatus: 200, body: OAUTH_ERRORS.invalidAppId });
    if (redirectUri !== this.callbackUrl)
      return this.#finish(res, route, req, url, params, undefined, at, { httpStatus: 200, body: OAUTH_ERRORS.invalidRedirectUri });
    const code = token(48);
    this.#codes.set(code, { challenge: str(params.code_challenge) || undefined, expiresAt: this.#now() + CODE_TTL_MS, used: false });
    const location = new URL(redirectUri);
    location.searchParams.set('code', code);
    location.searchParams.set('oa_id', this.oaId);
    if (params.state !== undefined) location.searchParams.set('state', str(params.state));
    this.#record('permission', req, url, params, undefined, at, { httpStatus: 302, error: 0, message: 'redirect', data: { location: location.toString() } });
    res.writeHead(302, { location: location.toString(), 'content-length': 0 });
    res.end();
  }

  #accessToken(params: Record<string, unknown>, secretKey: string | undefined): Answer {
    const fail = (body: object): Answer => ({ httpStatus: 200, body });
    if (str(params.app_id) !== this.appId) return fail(OAUTH_ERRORS.invalidAppId);
    if (secretKey !== this.appSecretKey) return fail(OAUTH_ERRORS.invalidSecretKey);
    const grant = str(params.grant_type);
    if (grant === 'authorization_code') {
      const code = this.#codes.get(str(params.code));
      if (!code || code.used || code.expiresAt <= this.#now()) return fail(OAUTH_ERRORS.invalidCode);
      if (code.challenge !== undefined) {
        const verifier = str(params.code_verifier);
        if (verifier === '' || createHash('sha256').update(verifier, 'ascii').digest('base64url') !== code.challenge)
          return fail(OAUTH_ERRORS.invalidCodeVerifier);
      }
      code.used = true;
      return { httpStatus: 200, body: this.#issuePairBody() };
    }
    if (grant === 'refresh_token') {
      const refresh = this.#refreshTokens.get(str(params.refresh_token));
      if (!refresh || refresh.used || refresh.expiresAt <= this.#now()) return fail(OAUTH_ERRORS.invalidRefreshToken);
      refresh.used = true; // single use: the old refresh token is dead from now on
      return { httpStatus: 200, body: this.#issuePairBody() };
    }
    return fail(OAUTH_ERRORS.invalidParameter);
  }

  #issuePair(): { accessToken: string; refreshToken: string; expiresIn: string } {
    const accessToken = token(64);
    const refreshToken = token(64);
    this.#accessTokens.set(accessToken, { expiresAt: this.#now() + ACCESS_TTL_MS, revoked: false });
    this.#refreshTokens.set(refreshToken, { expiresAt: this.#now() + REFRESH_TTL_MS, used: false });
    return { accessToken, refreshToken, expiresIn: String(ACCESS_TTL_MS / 1000) };
  }

  #issuePairBody(): Record<string, string> {
    const pair = this.#issuePair();
    return { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: pair.expiresIn };
  }

  // ---- Open API ----

  #api(operation: OaOperation, params: Record<string, unknown>, accessToken: string | undefined, files: Map<string, UploadedPart>): Answer {
    const entry = accessToken === undefined ? undefined : this.#accessTokens.get(accessToken);
    if (!entry || entry.revoked) return refusal(OA_ERRORS.tokenInvalid);
    if (entry.expiresAt <= this.#now()) return refusal(OA_ERRORS.tokenExpired);

    switch (operation) {
      case 'message/cs':
        return this.#cs(params);
      case 'message/template':
        return this.#template(params);
      case 'message/transaction':
      case 'message/promotion':
        return refusal(OA_ERRORS.typeNotSupported);
      case 'upload/image':
        return this.#upload('image', files.get('file'));
      case 'upload/file':
        return this.#upload('file', files.get('file'));
      case 'getoa':
        return success({
          oa_id: this.oaId,
          name: this.oaName,
          description: 'Official Account thử nghiệm của dondoc',
          avatar: '',
          cover: '',
          is_verified: true,
          num_follower: [...this.#users.values()].filter((u) => u.followed).length,
        });
      case 'user/detail':
        return this.#userDetail(params);
      case 'quota/message': {
        const user = this.#users.get(str(params.user_id));
        if (!user) return refusal(invalidField('user_id'));
        const remain = Math.max(0, FREE_REPLIES - this.#csSinceInteraction(user));
        return success({
          last_interaction: user.lastInteractionAt === null ? '' : String(user.lastInteractionAt),
          cs_reply: { remain: String(remain), total: String(FREE_REPLIES) },
        });
      }
      default:
        return refusal(invalidField('operation'));
    }
  }

  #cs(params: Record<string, unknown>): Answer {
    const recipient = params.recipient;
    const userId = isObject(recipient) ? str(recipient.user_id) : '';
    if (userId === '') return refusal(invalidField('user_id'));
    const message = params.message;
    if (!isObject(message)) return refusal(invalidField('message'));

    // (guess) a user id the OA never heard of answers like one who never interacted.
    const user = this.#users.get(userId);
    if (!user || user.lastInteractionAt === null) return refusal(OA_ERRORS.neverInteracted);
    const elapsed = Math.max(0, this.#now() - user.lastInteractionAt);
    if (elapsed >= CS_WINDOW_MS) return refusal(OA_ERRORS.outsideWindow);
    if (!user.followed) return refusal(OA_ERRORS.notFollower);

    const text = message.text;
    if (text !== undefined && typeof text !== 'string') return refusal(invalidField('text'));
    if (typeof text === 'string' && text.length > TEXT_MAX) return refusal(OA_ERRORS.overLimit);
    const quote = message.quote_message_id;
    if (quote !== undefined && (typeof quote !== 'string' || !this.#conversation.get(userId)?.has(quote))) return refusal(invalidField('quote_message_id'));

    const record: Omit<OaMessageRecord, 'messageId' | 'billing' | 'at'> = { userId, route: 'cs', kind: 'text' };
    if (typeof text === 'string') record.text = text;
    if (typeof quote === 'string') record.quoteMessageId = quote;

    const attachment = message.attachment;
    if (attachment === undefined) {
      if (typeof text !== 'string' || text.trim() === '') return refusal(invalidField('text'));
    } else {
      const checked = this.#checkAttachment(attachment, record);
      if (checked) return checked;
      if (record.buttons && (typeof text !== 'string' || text.trim() === '')) return refusal(invalidField('text'));
    }

    const billing: OaBilling = elapsed < FREE_WINDOW_MS && this.#csSinceInteraction(user) < FREE_REPLIES ? 'free' : 'billed';
    const sent = this.#accept({ ...record, billing });
    this.#sendEcho(user, sent);
    return success({ message_id: sent.messageId, user_id: userId, sent_time: String(sent.at) });
  }

  /** Checks a cs attachment and fills the record; answers the refusal, or undefined when it is fine. */
  #checkAttachment(attachment: unknown, record: Omit<OaMessageRecord, 'messageId' | 'billing' | 'at'>): Answer | undefined {
    if (!isObject(attachment)) return refusal(invalidField('attachment'));
    const payload = attachment.payload;
    if (attachment.type === 'file') {
      // Zalo's SDK sends `token`; goclaw sends `attachment_id`: both accepted.
      const ref = isObject(payload) ? str(payload.token) || str(payload.attachment_id) : '';
      const upload = this.#uploads.get(ref);
      if (!upload || upload.kind !== 'file') return refusal(invalidField('token'));
      if (upload.expiresAt <= this.#now()) return refusal(OA_ERRORS.attachmentExpired);
      record.kind = 'file';
      record.fileToken = ref;
      return undefined;
    }
    // The plain `{ type: "image" }` shape is refused (goclaw saw -201): images go in a media template.
    if (attachment.type !== 'template' || !isObject(payload)) return refusal(invalidField('attachment.type'));
    const templateType = payload.template_type;
    if (templateType === undefined) {
      const buttons = checkButtons(payload.buttons);
      if (!buttons) return refusal(invalidField('buttons'));
      record.buttons = buttons;
      return undefined;
    }
    if (templateType === 'media') {
      const elements = payload.elements;
      const element = Array.isArray(elements) && elements.length === 1 ? elements[0] : undefined;
      if (!isObject(element) || (element.media_type !== 'image' && element.media_type !== 'gif')) return refusal(invalidField('elements'));
      record.kind = 'image';
      if (typeof element.url === 'string' && /^https?:\/\//.test(element.url)) {
        record.imageUrl = element.url;
        return undefined;
      }
      const upload = this.#uploads.get(str(element.attachment_id));
      if (!upload || upload.kind !== 'image') return refusal(invalidField('attachment_id'));
      if (upload.expiresAt <= this.#now()) return refusal(OA_ERRORS.attachmentExpired);
      record.attachmentId = str(element.attachment_id);
      return undefined;
    }
    if (templateType === 'request_user_info') {
      const elements = payload.elements;
      if (!Array.isArray(elements) || elements.length !== 1 || !isObject(elements[0]) || typeof elements[0].title !== 'string')
        return refusal(invalidField('elements'));
      record.kind = 'request_user_info';
      return undefined;
    }
    // `list` is not supported on v3; `button` with a payload text is a Messenger shape Zalo does not know.
    return refusal(invalidField('template_type'));
  }

  #template(params: Record<string, unknown>): Answer {
    // The body shape is conflicting between sources: flat `user_id` or `recipient.user_id`; both accepted.
    const userId = str(params.user_id) || (isObject(params.recipient) ? str(params.recipient.user_id) : '');
    const templateId = str(params.template_id);
    const data = params.template_data;
    if (userId === '') return refusal(invalidField('user_id'));
    if (templateId === '' || !this.#approvedTemplates.has(templateId)) return refusal(invalidField('template_id'));
    if (!isObject(data)) return refusal(invalidField('template_data'));
    // (guess) the recipient must be someone the OA knows; no window applies to a paid template.
    const user = this.#users.get(userId);
    if (!user) return refusal(invalidField('user_id'));
    const sent = this.#accept({ userId, route: 'template', kind: 'template', templateId, templateData: data, billing: 'paid' });
    return success({ message_id: sent.messageId, sent_time: String(sent.at) });
  }

  #upload(kind: 'image' | 'file', file: UploadedPart | undefined): Answer {
    if (!file || file.bytes.length === 0) return refusal(invalidField('file'));
    if (kind === 'image') {
      if (file.bytes.length > IMAGE_MAX_BYTES) return refusal(OA_ERRORS.overLimit);
      if (!isJpeg(file.bytes) && !isPng(file.bytes)) return refusal(invalidField('file'));
    } else {
      if (file.bytes.length > FILE_MAX_BYTES) return refusal(OA_ERRORS.overLimit);
      if (!/\.(pdf|doc|docx)$/i.test(file.filename)) return refusal(invalidField('file'));
    }
    const id = token(36);
    this.#uploads.set(id, { kind, filename: file.filename, size: file.bytes.length, expiresAt: this.#now() + UPLOAD_TTL_MS });
    return success(kind === 'image' ? { attachment_id: id } : { token: id });
  }

  #userDetail(params: Record<string, unknown>): Answer {
    let query: unknown;
    try {
      query = parseJsonLossless(str(params.data));
    } catch {
      return refusal(invalidField('data'));
    }
    const user = isObject(query) ? this.#users.get(str(query.user_id)) : undefined;
    if (!user) return refusal(invalidField('user_id'));
    const last = user.lastInteractionAt === null ? '' : vietnamDate(user.lastInteractionAt);
    return success({
      user_id: user.userId,
      user_id_by_app: user.userIdByApp,
      display_name: user.displayName,
      user_is_follower: user.followed,
      user_last_interaction_date: last,
      avatar: '',
      avatars: {},
    });
  }

  /**
   * cs messages sent to the person since they last interacted: the 9th in a row is billed. Counted by position in
   * the record, not by time: on a clock that stands still everything happens at the same millisecond.
   */
  #csSinceInteraction(user: OaUser): number {
    const from = this.#answeredAt.get(user.userId) ?? 0;
    return this.messages.slice(from).filter((m) => m.userId === user.userId && m.route === 'cs').length;
  }

  #accept(record: Omit<OaMessageRecord, 'messageId' | 'at'>): OaMessageRecord {
    const sent: OaMessageRecord = { ...record, messageId: this.#newMessageId(record.userId), at: this.#now() };
    this.#messages.push(sent);
    const shown: Pick<ChatEntry, 'text' | 'buttons' | 'attachment'> = {};
    if (sent.kind === 'template')
      shown.text = Object.values(sent.templateData ?? {})
        .map(String)
        .join('\n');
    else if (sent.text !== undefined) shown.text = sent.text;
    // One button a row: the OA shows them one under the other.
    if (sent.buttons?.length) shown.buttons = sent.buttons.map((b) => [{ text: b.title, data: typeof b.payload === 'string' ? b.payload : '' }]);
    if (sent.kind === 'image') shown.attachment = { kind: 'photo', ...(sent.imageUrl ? { url: sent.imageUrl } : {}) };
    if (sent.kind === 'file') shown.attachment = { kind: 'document' };
    this.chat.add({ chatId: sent.userId, messageId: sent.messageId, direction: 'out', at: sent.at, ...shown });
    return sent;
  }

  #sendEcho(user: OaUser, sent: OaMessageRecord): void {
    if (!this.#echo || this.#webhookUrl === undefined) return;
    const eventName = sent.kind === 'image' ? 'oa_send_image' : sent.kind === 'file' ? 'oa_send_file' : 'oa_send_text';
    const event = {
      app_id: this.appId,
      event_name: eventName,
      timestamp: String(this.#now()),
      sender: { id: this.oaId },
      recipient: { id: user.userId },
      message: sent.text === undefined ? { msg_id: sent.messageId } : { msg_id: sent.messageId, text: sent.text },
    };
    // After the API answer, as Zalo does ("usually within seconds").
    const pending: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.deliver(event))
      .catch(() => undefined)
      .finally(() => this.#pendingEchoes.delete(pending));
    this.#pendingEchoes.add(pending);
  }

  // ---- Helpers ----

  #userOrThrow(userId: string): OaUser {
    const user = this.#users.get(userId);
    if (!user) throw new Error(`no OA user ${userId}: addUser first`);
    return user;
  }

  #newMessageId(userId: string): string {
    const id = randomBytes(10).toString('hex');
    const ids = this.#conversation.get(userId) ?? new Set<string>();
    ids.add(id);
    this.#conversation.set(userId, ids);
    return id;
  }

  #userMessage(userId: string, eventName: string, message: Record<string, unknown>, options: DeliverOptions): Promise<OaWebhookDelivery> {
    const user = this.#userOrThrow(userId);
    user.lastInteractionAt = this.#now();
    this.#answeredAt.set(user.userId, this.messages.length);
    return this.deliver(
      {
        app_id: this.appId,
        user_id_by_app: user.userIdByApp,
        event_name: eventName,
        timestamp: String(this.#now()),
        sender: { id: user.userId },
        recipient: { id: this.oaId },
        message,
      },
      options,
    );
  }

  async #post(body: string, eventName: string, options: DeliverOptions): Promise<OaWebhookDelivery> {
    const url = options.url ?? this.#webhookUrl;
    if (url === undefined) throw new Error('no webhook URL: setWebhook first');
    const timestamp = bodyTimestamp(Buffer.from(body, 'utf8')) ?? '';
    const mode = options.signature ?? 'valid';
    const signature =
      mode === 'missing'
        ? null
        : mode === 'valid'
          ? signOaWebhook(body, timestamp, { appId: this.appId, oaSecretKey: this.oaSecretKey })
          : mode === 'forged'
            ? signOaWebhook(body, timestamp, { appId: this.appId, oaSecretKey: `${this.oaSecretKey}-forged` })
            : mode;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature !== null) headers['x-zevent-signature'] = signature;
    let status = 0;
    try {
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(this.#webhookTimeoutMs) });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    const delivery: OaWebhookDelivery = { eventName, body, signature, status, at: this.#now() };
    this.#deliveries.push(delivery);
    return delivery;
  }
}

export interface DeliverOptions {
  /** Another URL than the webhook's (a test's receiver). */
  url?: string;
  /** `valid` (default), `forged` (signed with a wrong key), `missing` (no header), or the header value itself. */
  signature?: SignatureMode | (string & {});
}

/** Checks `oa.*` buttons: 1–5, known types, payloads of the right shape. Undefined when any is wrong. */
function checkButtons(value: unknown): OaButton[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_BUTTONS) return undefined;
  const buttons: OaButton[] = [];
  for (const b of value) {
    if (!isObject(b) || typeof b.title !== 'string' || b.title.trim() === '' || b.title.length > BUTTON_TITLE_MAX) return undefined;
    const type = b.type;
    if (!(OA_BUTTON_TYPES as readonly unknown[]).includes(type)) return undefined;
    const p = b.payload;
    if (type === 'oa.query.hide' || type === 'oa.query.show') {
      if (typeof p !== 'string' || p === '' || p.length > QUERY_PAYLOAD_MAX) return undefined;
    } else if (type === 'oa.open.url') {
      if (!isObject(p) || typeof p.url !== 'string' || !/^https?:\/\//.test(p.url)) return undefined;
    } else if (type === 'oa.open.phone') {
      if (!isObject(p) || typeof p.phone_code !== 'string' || p.phone_code === '') return undefined;
    } else if (!isObject(p) || typeof p.phone_code !== 'string' || typeof p.content !== 'string') {
      return undefined;
    }
    buttons.push(b as unknown as OaButton);
  }
  return buttons;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** Random url-safe text of `n` characters (tokens, codes, upload ids). */
function token(n: number): string {
  return randomBytes(Math.ceil((n * 3) / 4))
    .toString('base64url')
    .slice(0, n);
}

/** A 19-digit id, always above 2^53 like Zalo's. */
function bigId(): string {
  let digits = String(randomInt(1, 10));
  while (digits.length < 19) digits += String(randomInt(0, 10));
  return digits;
}

function isJpeg(bytes: Buffer): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

/** "DD/MM/YYYY" in Vietnam's time zone (user/detail's `user_last_interaction_date`). */
function vietnamDate(ms: number): string {
  const d = new Date(ms + 7 * HOUR_MS);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Starts the platform on 127.0.0.1 and a random port (or `options.port`). Close it when done. */
export async function startZaloOaPlatform(options: ZaloOaPlatformOptions = {}): Promise<ZaloOaPlatform> {
  let platform: ZaloOaPlatform | undefined;
  const server = await listenLocal(
    (req, res) => {
      if (!platform) throw new Error('not ready');
      return platform.handle(req, res);
    },
    options.port === undefined ? {} : { port: options.port },
  );
  platform = new ZaloOaPlatform(server, options);
  return platform;
}
