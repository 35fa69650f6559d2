// The built-in Telegram Bot API: a real HTTP server on 127.0.0.1 that grammY talks to through `client.apiRoot`
// (TELEGRAM_API_ROOT), so the sandbox and the tests exercise grammY's own HTTP, multipart and error paths, which a
// transformer would skip. The sandbox, the tests and the benchmarks use this one implementation.
//
//   const telegram = await startTelegramPlatform();
//   const bot = new Bot(TOKEN, { botInfo: telegram.botInfo, client: { apiRoot: telegram.url } });
//   await bot.api.sendMessage(42, 'Xin chào');
//   expect(telegram.messagesTo(42)).toEqual(['Xin chào']);
//   await telegram.close();
//
// Every call is recorded with its outcome, including refused ones, so a test can tell delivered from refused.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotCommand, File, InlineKeyboardMarkup, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';
import { ChatLog, type ChatAttachment, type ChatButton, type ChatEntry } from './chat-log.js';
import {
  BadRequestBody,
  clientGone,
  describeCall,
  FaultPlan,
  readRequest,
  writeJson,
  writeRefusal,
  type CallHold,
  type FaultRateConfig,
  type HoldOptions,
  type InjectedFailure,
  type Outcome,
  type ParsedBody,
  type Params,
  type RecordedCall,
  type Refusal,
  type RefusalReason,
  type RunningServer,
} from './bot-api.js';
import { listenLocal } from './http.js';
import { DEFAULT_WAIT_MS, Recorder } from './recorder.js';

export type { FaultRateConfig, InjectedFailure, Outcome, Params, RecordedCall, Refusal, RefusalReason, UploadedFile } from './bot-api.js';

// ===================================================================================================================
// Telegram
// ===================================================================================================================

export const DEFAULT_TELEGRAM_BOT: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'Đôn đốc (test)',
  username: 'dondoc_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface TelegramPlatformOptions {
  /** Overrides of the bot that getMe describes; the result is `standIn.botInfo`. */
  botInfo?: Partial<UserFromGetMe>;
  /** When set, other tokens get 401 Unauthorized (like a revoked token). By default every token is accepted. */
  token?: string;
  /** Clock for `date` fields, in ms (the sandbox's movable time). Default `Date.now`. Rate limits use real time. */
  now?: () => number;
  /** Listen on this port (a test that starts the platform after the bot). Default: any free port. */
  port?: number;
  /** Telegram's rate limits, answered with 429 and `retry_after` (default {@link TELEGRAM_LIMITS}); `null` lifts them. */
  limits?: TelegramLimits | null;
}

export interface TelegramLimits {
  /** Telegram: about 30 messages per second over all chats. */
  globalPerSecond?: number;
  /** Telegram: about 1 message per second in one chat. */
  perChatPerSecond?: number;
  /** Telegram: 20 messages per minute in one group (negative chat ids). */
  perGroupPerMinute?: number;
}

/** What Telegram documents: about 30 messages a second overall, 1 a second in one chat, 20 a minute in a group. */
export const TELEGRAM_LIMITS: Readonly<Required<TelegramLimits>> = Object.freeze({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });

/** Methods that post a message: the ones `enforceLimits` and `faultRate` apply to. */
/** Telegram's refusal of a file_id it does not know. */
const WRONG_FILE_ID = 'Bad Request: wrong file identifier/HTTP URL specified';

export const TELEGRAM_SEND_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'copyMessage', 'forwardMessage']);

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

// Fields that arrive JSON-encoded, or as strings of numbers/booleans, when a client sends form data.
const JSON_FIELDS = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'reply_parameters',
  'link_preview_options',
  'allowed_updates',
  'commands',
  'scope',
  'media',
  'message_ids',
]);
const INTEGER_FIELDS = new Set([
  'chat_id',
  'from_chat_id',
  'message_id',
  'message_thread_id',
  'offset',
  'limit',
  'timeout',
  'reply_to_message_id',
  'cache_time',
  'max_connections',
  'user_id',
  'duration',
  'width',
  'height',
]);
const BOOLEAN_FIELDS = new Set([
  'disable_notification',
  'protect_content',
  'show_alert',
  'drop_pending_updates',
  'disable_web_page_preview',
  'has_spoiler',
  'show_caption_above_media',
  'allow_sending_without_reply',
  'disable_content_type_detection',
]);

/** Gives form-data parameters the types they would have had in JSON, so assertions do not depend on the encoding. */
function decodeFormParams(params: Params): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'string') out[key] = value;
    else if (JSON_FIELDS.has(key)) out[key] = parseJsonOr(value);
    else if (INTEGER_FIELDS.has(key) && /^-?\d+$/.test(value)) out[key] = Number(value);
    else if (BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false')) out[key] = value === 'true';
    else out[key] = value;
  }
  return out;
}

function parseJsonOr(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

interface StoredFile {
  file: File & { file_path: string };
  bytes: Buffer;
  /** The name it was uploaded with, when known. */
  filename?: string;
}

/** A file a person sends from the sandbox page (a sample photo or document). */
export interface UserFile {
  bytes: Buffer;
  filename: string;
  mime?: string;
  caption?: string;
}

/** What the person acting on the platform is called and speaks (Telegram's user object). */
export interface TelegramUserProfile {
  id: number;
  firstName: string;
  lastName?: string;
  languageCode?: string;
}

/** A person's action the platform cannot take (pressing a button that is not there): the page shows the reason. */
export class UserActionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserActionRefused';
  }
}

interface Poll {
  wake: () => void;
  supersede: () => void;
}

type Handler = (params: Params, call: { token: string; uploads: ParsedBody['uploads']; signal: AbortSignal }) => Outcome | Promise<Outcome>;

const ok = (result: unknown): Outcome => ({ ok: true, result });
/** A posted message as a success, a refusal as it is. */
const settle = (posted: Message | Refusal): Outcome => ('ok' in posted ? posted : ok(posted));
const invalid = (description: string, status = 400): Refusal => ({ ok: false, status, errorCode: status, description, reason: 'invalid' });

export class TelegramPlatform {
  /** The bot getMe describes. Pass it as `botInfo` to `new Bot(...)` so grammY skips its own getMe. */
  readonly botInfo: UserFromGetMe;
  readonly #server: RunningServer;
  readonly #token: string | undefined;
  readonly #now: () => number;
  readonly #log = new Recorder<RecordedCall>(describeCall);
  readonly #faults = new FaultPlan();
  readonly #handlers = new Map<string, { method: string; handle: Handler }>();
  readonly #messages = new Map<string, Message>();
  readonly #files = new Map<string, StoredFile>();
  readonly #updates: Update[] = [];
  readonly #polls = new Map<string, Poll>();
  #nextMessageId = 1;
  #nextFileId = 1;
  #webhook: { url: string; secret_token?: string; allowed_updates?: unknown } | undefined;
  /** The command menus by language_code ('' for the default), as setMyCommands leaves them. */
  #commands = new Map<string, BotCommand[]>();
  #limits: TelegramLimits | undefined;
  /** Accepted sends of the last minute, per bot token: Telegram counts its limits per bot. */
  readonly #sentAt = new Map<string, { at: number; chat: string }[]>();
  #tooManyRequests = 0;
  readonly #tooManyByToken = new Map<string, number>();
  /** Every message in every chat, both directions, for the sandbox page and tests: what a person would see. */
  readonly chat = new ChatLog('telegram');
  readonly #users = new Map<number, TelegramUserProfile>();
  #lastUpdateId = 0;
  #nextCallbackId = 1;

  /** Use {@link createTelegramPlatform}. */
  constructor(server: RunningServer, options: TelegramPlatformOptions) {
    this.#server = server;
    this.#token = options.token;
    this.#now = options.now ?? Date.now;
    this.botInfo = { ...DEFAULT_TELEGRAM_BOT, ...options.botInfo };
    this.#limits = options.limits === undefined ? { ...TELEGRAM_LIMITS } : (options.limits ?? undefined);
    this.#registerMethods();
  }

  /** The `apiRoot` to give grammY: `http://127.0.0.1:<port>`, no trailing slash. */
  get url(): string {
    return this.#server.url;
  }

  // ---- What happened ----

  /** Every call so far, delivered and refused, in the order they were answered (a snapshot). */
  get calls(): RecordedCall[] {
    return this.#log.entries;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Every call whose `chat_id` is this chat, delivered or refused. */
  callsForChat(chatId: number | string): RecordedCall[] {
    return this.calls.filter((c) => sameChat(c.params.chat_id, chatId));
  }

  /** Texts (and captions of photos and documents) delivered to a chat, in order. Refused sends are not included. */
  messagesTo(chatId: number | string): string[] {
    return this.calls
      .filter((c) => c.outcome.ok && sameChat(c.params.chat_id, chatId))
      .flatMap((c) => {
        const text = c.method === 'sendMessage' ? c.params.text : c.method === 'sendPhoto' || c.method === 'sendDocument' ? c.params.caption : undefined;
        return typeof text === 'string' ? [text] : [];
      });
  }

  /** The last message the bot posted to a chat, as it is now (edits applied); handy for `callbackQuery(user, data, message)`. */
  lastMessageTo(chatId: number | string): Message | undefined {
    let last: Message | undefined;
    for (const message of this.#messages.values()) if (sameChat(message.chat.id, chatId)) last = message;
    return last;
  }

  /** How many sends `enforceLimits` refused with 429. Injected 429s (failNext, faultRate) are not counted. */
  get tooManyRequests(): number {
    return this.#tooManyRequests;
  }

  /** The 429s `enforceLimits` gave, by the bot token that was refused (a copy). */
  get tooManyRequestsByToken(): Map<string, number> {
    return new Map(this.#tooManyByToken);
  }

  /**
   * The bot token of every message delivered to a chat, in order (one entry per accepted send): which bot wrote
   * to whom, so a test can prove that no organisation's message went out through another's bot.
   */
  sentBy(chatId: number | string): string[] {
    return this.calls.filter((c) => c.outcome.ok && TELEGRAM_SEND_METHODS.has(c.method) && sameChat(c.params.chat_id, chatId)).map((c) => c.token);
  }

  /** Calls `listener` with every later call as it is recorded (a benchmark's meter); returns the unsubscribe function. */
  onCall(listener: (call: RecordedCall) => void): () => void {
    return this.#log.subscribe(listener);
  }

  /** Resolves with the first `n` calls to `method` (delivered or refused), waiting for them if needed. */
  waitForCalls(method: string, n: number, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall[]> {
    return this.#log.waitForCount((c) => c.method === method, n, timeoutMs, `calls to ${method}`);
  }

  /** Resolves with the first call (recorded already or later) that matches. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall> {
    return this.#log.waitFor(predicate, timeoutMs, 'a matching call');
  }

  /** Forgets recorded calls and the 429 count; keeps configuration, queued updates, files and posted messages. */
  clear(): void {
    this.#log.clear();
    this.#tooManyRequests = 0;
    this.#tooManyByToken.clear();
  }

  // ---- What the bot will see ----

  /** Queues updates for getUpdates, in update_id order (the factories in updates.ts number them so). Wakes a waiting long poll. */
  queueUpdate(...updates: Update[]): void {
    for (const u of updates) this.#lastUpdateId = Math.max(this.#lastUpdateId, u.update_id);
    this.#updates.push(...updates);
    for (const poll of this.#polls.values()) poll.wake();
  }

  /** Makes a file downloadable: getFile answers with its path and `GET /file/bot<token>/<path>` serves the bytes. */
  addFile(fileId: string, bytes: Buffer | string, options: { path?: string; filename?: string } = {}): File {
    const data = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
    const stored: StoredFile = {
      ...(options.filename === undefined ? {} : { filename: options.filename }),
      file: {
        file_id: fileId,
        file_unique_id: uniqueId(fileId),
        file_size: data.length,
        file_path: options.path ?? `documents/file_${this.#nextFileId++}`,
      },
      bytes: data,
    };
    this.#files.set(fileId, stored);
    return stored.file;
  }

  /** A stored file's bytes and name (a person's upload, or a document the bot sent), for the sandbox's downloads. */
  file(fileId: string): { bytes: Buffer; filename: string } | undefined {
    const stored = this.#files.get(fileId);
    if (!stored) return undefined;
    return { bytes: stored.bytes, filename: stored.filename ?? stored.file.file_path.split('/').at(-1) ?? fileId };
  }

  // ---- Acting as a person (the sandbox page, the tour, tests) ----

  /** Who a Telegram user id is: their name and language in every update they send. Unknown ids get "User <id>". */
  setUser(profile: TelegramUserProfile): void {
    this.#users.set(profile.id, { ...profile });
  }

  /** Sends text (a command when it starts with "/") from a person's private chat to the bot. */
  userSendsText(userId: number, text: string): ChatEntry {
    const message = this.#userMessage(userId, { text, ...(commandEntity(text) ? { entities: [commandEntity(text)!] } : {}) });
    const entry = this.chat.add({ chatId: String(userId), messageId: String(message.message_id), direction: 'in', at: this.#now(), text });
    this.#deliver({ update_id: ++this.#lastUpdateId, message });
    return entry;
  }

  /**
   * Presses an inline button under a bot message in the person's private chat, as a callback query. Refused when the
   * message is not in that chat or has no such button (any more).
   */
  userPresses(userId: number, messageId: number, data: string): ChatEntry {
    const target = this.#messages.get(messageKey(userId, messageId));
    if (!target) throw new UserActionRefused(`message ${messageId} is not in chat ${userId}`);
    const button = (target.reply_markup?.inline_keyboard ?? []).flat().find((b) => 'callback_data' in b && b.callback_data === data);
    if (!button) throw new UserActionRefused(`message ${messageId} has no button ${JSON.stringify(data)}`);
    const from = this.#userOf(userId);
    const entry = this.chat.add({
      chatId: String(userId),
      messageId: `press-${this.#nextCallbackId}`,
      direction: 'in',
      at: this.#now(),
      pressed: { messageId: String(messageId), text: button.text, data },
    });
    this.#deliver({
      update_id: ++this.#lastUpdateId,
      callback_query: { id: `cbq-${this.#nextCallbackId++}`, from, chat_instance: `ci-${userId}`, data, message: target },
    });
    return entry;
  }

  /** Sends a photo (stored here, so getFile and the page can fetch it) from a person's private chat. */
  userSendsPhoto(userId: number, photo: UserFile): ChatEntry {
    const fileId = `photos-user-${this.#nextFileId}`;
    this.addFile(fileId, photo.bytes, { path: `photos/file_${this.#nextFileId++}${extension(photo.filename, '.jpg')}`, filename: photo.filename });
    const sizes = [
      { file_id: `${fileId}_thumb`, file_unique_id: uniqueId(`${fileId}_thumb`), width: 90, height: 90 },
      { file_id: fileId, file_unique_id: uniqueId(fileId), width: 1280, height: 960, file_size: photo.bytes.length },
    ];
    const message = this.#userMessage(userId, { photo: sizes, ...(photo.caption ? { caption: photo.caption } : {}) });
    const attachment: ChatAttachment = {
      kind: 'photo',
      fileId,
      filename: photo.filename,
      size: photo.bytes.length,
      ...(photo.mime ? { mime: photo.mime } : {}),
    };
    const entry = this.chat.add({
      chatId: String(userId),
      messageId: String(message.message_id),
      direction: 'in',
      at: this.#now(),
      attachment,
      ...(photo.caption ? { text: photo.caption } : {}),
    });
    this.#deliver({ update_id: ++this.#lastUpdateId, message });
    return entry;
  }

  /** Sends a document (stored here) from a person's private chat. */
  userSendsDocument(userId: number, document: UserFile): ChatEntry {
    const fileId = `documents-user-${this.#nextFileId}`;
    this.addFile(fileId, document.bytes, { path: `documents/file_${this.#nextFileId++}${extension(document.filename, '.dat')}`, filename: document.filename });
    const doc = {
      file_id: fileId,
      file_unique_id: uniqueId(fileId),
      file_name: document.filename,
      file_size: document.bytes.length,
      ...(document.mime ? { mime_type: document.mime } : {}),
    };
    const message = this.#userMessage(userId, { document: doc, ...(document.caption ? { caption: document.caption } : {}) });
    const attachment: ChatAttachment = {
      kind: 'document',
      fileId,
      filename: document.filename,
      size: document.bytes.length,
      ...(document.mime ? { mime: document.mime } : {}),
    };
    const entry = this.chat.add({
      chatId: String(userId),
      messageId: String(message.message_id),
      direction: 'in',
      at: this.#now(),
      attachment,
      ...(document.caption ? { text: document.caption } : {}),
    });
    this.#deliver({ update_id: ++this.#lastUpdateId, message });
    return entry;
  }

  #userOf(userId: number): User {
    const profile = this.#users.get(userId) ?? { id: userId, firstName: `User ${userId}`, languageCode: 'vi' };
    return {
      id: profile.id,
      is_bot: false,
      first_name: profile.firstName,
      ...(profile.lastName ? { last_name: profile.lastName } : {}),
      ...(profile.languageCode ? { language_code: profile.languageCode } : {}),
    };
  }

  #userMessage(userId: number, content: Partial<Message>): Message & Update.NonChannel {
    if (!Number.isSafeInteger(userId) || userId <= 0) throw new UserActionRefused(`${userId} is not a Telegram user id`);
    const from = this.#userOf(userId);
    // Message ids are counted per chat on Telegram; one counter for the bot's and the person's keeps them apart.
    return {
      ...content,
      message_id: this.#nextMessageId++,
      date: Math.floor(this.#now() / 1000),
      chat: { id: userId, type: 'private', first_name: from.first_name },
      from,
    } as Message & Update.NonChannel;
  }

  /** Hands an update to the bot: to a waiting long poll (getUpdates), as Telegram does when no webhook is set. */
  #deliver(update: Update): void {
    this.#updates.push(update);
    for (const poll of this.#polls.values()) poll.wake();
  }

  // ---- Failures on demand ----

  /** The next `times` calls to `method` fail this way (queued after any failures already planned). */
  failNext(method: string, failure: InjectedFailure, times = 1): void {
    this.#faults.failNext(method, failure, times);
  }

  /** The next `times` calls to `method` are answered only after `ms` (to test client timeouts). */
  delayNext(method: string, ms: number, times = 1): void {
    this.#faults.delayNext(method, ms, times);
  }

  /**
   * Holds calls to `method` before they are decided (neither accepted nor recorded) until the test releases them:
   * a platform slow to answer, without a clock in the test.
   */
  hold(method: string, options?: HoldOptions): CallHold {
    return this.#faults.hold(method, options);
  }

  /** Every call carrying this `chat_id` gets 403 "Forbidden: bot was blocked by the user" until `unblockChat`. */
  blockChat(chatId: number | string): void {
    this.#faults.block(chatId);
  }

  unblockChat(chatId: number | string): void {
    this.#faults.unblock(chatId);
  }

  /** A deterministic share of send calls ({@link TELEGRAM_SEND_METHODS}) fails; `null` turns it off. */
  faultRate(config: FaultRateConfig | null, seed = 1): void {
    this.#faults.setRate(config, seed);
  }

  /**
   * Refuses sends beyond these limits with 429 and `retry_after`, counted in `tooManyRequests`. Windows slide over
   * the accepted sends of the last second (minute for groups) of each bot token, in real time. `null` turns it off.
   */
  enforceLimits(limits: TelegramLimits | null): void {
    this.#limits = limits ?? undefined;
  }

  async close(): Promise<void> {
    this.#log.close('the Telegram platform closed');
    this.chat.close('the Telegram platform closed');
    await this.#server.close();
  }

  // ---- HTTP ----

  /** @internal Entry point of the HTTP server. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download && req.method === 'GET') return this.#serveFile(res, decodeURIComponent(download[1] ?? ''), decodeURIComponent(download[2] ?? ''));

    const route = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]+)$/.exec(url.pathname);
    if (!route) return writeJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const token = decodeURIComponent(route[1] ?? '');
    const requested = route[2] ?? '';
    const known = this.#handlers.get(requested.toLowerCase()); // Telegram method names are case-insensitive
    const method = known?.method ?? requested;
    const at = this.#now();

    let outcome: Outcome;
    let params: Params = {};
    try {
      const body = await readRequest(req, url);
      params = body.encoding === 'json' ? body.params : decodeFormParams(body.params);
      outcome = await this.#decide(method, known?.handle, params, token, body.uploads, clientGone(res, this.#server.closing));
    } catch (error) {
      if (!(error instanceof BadRequestBody)) throw error;
      outcome = invalid(error.message, error.status);
    }

    this.#log.push({ method, params, token, at, outcome });
    if (res.destroyed || res.writableEnded) return;
    if (outcome.ok) writeJson(res, 200, { ok: true, result: outcome.result });
    else writeRefusal(res, outcome, telegramEnvelope);
  }

  async #decide(
    method: string,
    handle: Handler | undefined,
    params: Params,
    token: string,
    uploads: ParsedBody['uploads'],
    signal: AbortSignal,
  ): Promise<Outcome> {
    if (!handle) return { ok: false, status: 404, errorCode: 404, description: 'Not Found', reason: 'unknown-method' };
    if (this.#token !== undefined && token !== this.#token)
      return { ok: false, status: 401, errorCode: 401, description: 'Unauthorized', reason: 'unauthorized' };
    await this.#faults.held({ method, params, token }, signal);
    await this.#faults.delay(method, signal);

    const injected = this.#faults.takeNext(method);
    if (injected) return telegramRefusal(injected, 'injected');

    const blocked = this.#faults.blockedAnswer(params.chat_id);
    if (blocked !== undefined) return telegramRefusal(blocked ?? { status: 403, description: 'Forbidden: bot was blocked by the user' }, 'blocked');

    const isSend = TELEGRAM_SEND_METHODS.has(method);
    if (isSend) {
      const retryAfter = this.#limitExceeded(token, String(params.chat_id));
      if (retryAfter !== undefined) {
        this.#tooManyRequests++;
        this.#tooManyByToken.set(token, (this.#tooManyByToken.get(token) ?? 0) + 1);
        return telegramRefusal({ status: 429, retryAfter }, 'rate-limit');
      }
      const fault = this.#faults.draw();
      if (fault) return telegramRefusal(fault, 'fault');
    }

    const outcome = await handle(params, { token, uploads, signal });
    if (outcome.ok && isSend && this.#limits) {
      const sent = this.#sentAt.get(token) ?? [];
      sent.push({ at: Date.now(), chat: String(params.chat_id) });
      this.#sentAt.set(token, sent);
    }
    return outcome;
  }

  /**
   * Seconds to wait if one more send by the bot `token` to `chat` would break a limit, else undefined. Each bot has
   * its own limits, as on Telegram. Real time, not the injected clock: the limits are physical, and a clock moved
   * forward by hours must not open them.
   */
  #limitExceeded(token: string, chat: string): number | undefined {
    const limits = this.#limits;
    if (!limits) return undefined;
    const now = Date.now();
    const sentAt = this.#sentAt.get(token) ?? [];
    let expired = 0;
    while (expired < sentAt.length && (sentAt[expired]?.at ?? now) <= now - 60_000) expired++;
    if (expired > 0) sentAt.splice(0, expired);
    const waits: number[] = [];
    const check = (limit: number | undefined, windowMs: number, matches: (s: { chat: string }) => boolean): void => {
      if (limit === undefined) return;
      const inWindow = sentAt.filter((s) => s.at > now - windowMs && matches(s));
      const oldest = inWindow[inWindow.length - limit];
      if (inWindow.length >= limit && oldest) waits.push(Math.max(1, Math.ceil((oldest.at + windowMs - now) / 1000)));
    };
    check(limits.globalPerSecond, 1000, () => true);
    check(limits.perChatPerSecond, 1000, (s) => s.chat === chat);
    if (chat.startsWith('-')) check(limits.perGroupPerMinute, 60_000, (s) => s.chat === chat);
    return waits.length > 0 ? Math.max(...waits) : undefined;
  }

  /** `GET /file/bot<token>/<file_path>`: the bytes getFile pointed to, for this bot's token only. */
  #serveFile(res: ServerResponse, token: string, path: string): void {
    if (this.#token !== undefined && token !== this.#token) return writeJson(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const stored = [...this.#files.values()].find((f) => f.file.file_path === path);
    if (!stored) return writeJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': stored.bytes.length });
    res.end(stored.bytes);
  }

  // ---- Methods ----

  #registerMethods(): void {
    const on = (method: string, handle: Handler): void => void this.#handlers.set(method.toLowerCase(), { method, handle });

    on('getMe', () => ok(this.botInfo));
    on('logOut', () => ok(true));
    on('close', () => ok(true));

    on('getUpdates', (p, { token, signal }) => this.#getUpdates(p, token, signal));
    on('setWebhook', (p) => {
      const url = typeof p.url === 'string' ? p.url : '';
      if (url === '') {
        this.#webhook = undefined;
        return ok(true);
      }
      if (!url.startsWith('https://')) return invalid('Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
      this.#webhook = { url, ...(typeof p.secret_token === 'string' ? { secret_token: p.secret_token } : {}), allowed_updates: p.allowed_updates };
      return ok(true);
    });
    on('deleteWebhook', (p) => {
      this.#webhook = undefined;
      if (p.drop_pending_updates === true) this.#updates.length = 0;
      return ok(true);
    });
    on('getWebhookInfo', () =>
      ok({
        url: this.#webhook?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: this.#updates.length,
        ...(Array.isArray(this.#webhook?.allowed_updates) ? { allowed_updates: this.#webhook.allowed_updates } : {}),
      }),
    );

    on('setMyCommands', (p) => {
      if (!Array.isArray(p.commands)) return invalid("Bad Request: can't parse commands JSON object");
      this.#commands.set(languageOf(p), p.commands.filter(isBotCommand));
      return ok(true);
    });
    on('getMyCommands', (p) => ok(this.#commands.get(languageOf(p)) ?? []));
    on('deleteMyCommands', (p) => {
      this.#commands.delete(languageOf(p));
      return ok(true);
    });

    on('sendMessage', (p) => {
      const text = typeof p.text === 'string' ? p.text : '';
      if (text.trim() === '') return invalid('Bad Request: message text is empty');
      if (text.length > MAX_TEXT) return invalid('Bad Request: message is too long');
      return settle(this.#post(p, { text }));
    });
    on('sendPhoto', (p, { uploads }) => {
      if (this.#unknownFileId(p.photo, uploads.get('photo'))) return invalid(WRONG_FILE_ID);
      const fileId = this.#fileFor(p.photo, uploads.get('photo'), 'photos', 'jpg');
      if (!fileId) return invalid('Bad Request: there is no photo in the request');
      const photo = [
        { file_id: `${fileId}_thumb`, file_unique_id: uniqueId(`${fileId}_thumb`), width: 90, height: 90 },
        { file_id: fileId, file_unique_id: uniqueId(fileId), width: 1280, height: 960, file_size: this.#files.get(fileId)?.bytes.length ?? 0 },
      ];
      return this.#postMedia(p, { photo });
    });
    on('sendDocument', (p, { uploads }) => {
      const upload = uploads.get('document');
      if (this.#unknownFileId(p.document, upload)) return invalid(WRONG_FILE_ID);
      const fileId = this.#fileFor(p.document, upload, 'documents', 'dat');
      if (!fileId) return invalid('Bad Request: there is no document in the request');
      const document = {
        file_id: fileId,
        file_unique_id: uniqueId(fileId),
        ...(upload ? { file_name: upload.filename } : {}),
        file_size: this.#files.get(fileId)?.bytes.length ?? 0,
      };
      return this.#postMedia(p, { document });
    });
    on('copyMessage', (p) => {
      // Telegram answers copyMessage with a MessageId, not a Message.
      const original = this.#messages.get(messageKey(p.from_chat_id, p.message_id));
      const posted = this.#post(p, original?.text === undefined ? {} : { text: original.text });
      return 'ok' in posted ? posted : ok({ message_id: posted.message_id });
    });
    on('forwardMessage', (p) => {
      const original = this.#messages.get(messageKey(p.from_chat_id, p.message_id));
      return settle(this.#post(p, original?.text === undefined ? {} : { text: original.text }));
    });

    on('editMessageText', (p) => {
      const text = typeof p.text === 'string' ? p.text : '';
      if (text.trim() === '') return invalid('Bad Request: message text is empty');
      if (text.length > MAX_TEXT) return invalid('Bad Request: MESSAGE_TOO_LONG');
      return this.#edit(p, { text });
    });
    on('editMessageCaption', (p) => this.#edit(p, typeof p.caption === 'string' ? { caption: p.caption } : {}));
    on('editMessageReplyMarkup', (p) => this.#edit(p, {}));
    on('deleteMessage', (p) => {
      this.#messages.delete(messageKey(p.chat_id, p.message_id));
      this.chat.edit(String(p.chat_id), String(p.message_id), { deleted: true, editedAt: this.#now() });
      return ok(true);
    });

    on('answerCallbackQuery', (p) => {
      if (typeof p.callback_query_id !== 'string' || p.callback_query_id === '') return invalid('Bad Request: query ID is invalid');
      return ok(true);
    });
    on('sendChatAction', (p) => (typeof p.action === 'string' ? ok(true) : invalid('Bad Request: wrong parameter action in request')));

    on('getFile', (p) => {
      const stored = typeof p.file_id === 'string' ? this.#files.get(p.file_id) : undefined;
      if (!stored) return invalid('Bad Request: invalid file_id');
      if (stored.bytes.length > MAX_DOWNLOAD_BYTES) return invalid('Bad Request: file is too big');
      return ok(stored.file);
    });
  }

  async #getUpdates(p: Params, token: string, signal: AbortSignal): Promise<Outcome> {
    if (this.#webhook) {
      return {
        ok: false,
        status: 409,
        errorCode: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        reason: 'conflict',
      };
    }
    // Telegram lets one getUpdates run per bot: a new one ends the one in progress with 409.
    this.#polls.get(token)?.supersede();

    const offset = typeof p.offset === 'number' ? p.offset : undefined;
    if (offset !== undefined && offset < 0) this.#updates.splice(0, Math.max(0, this.#updates.length + offset));
    else if (offset !== undefined) while ((this.#updates[0]?.update_id ?? Infinity) < offset) this.#updates.shift();
    const limit = Math.min(100, Math.max(1, typeof p.limit === 'number' ? p.limit : 100));
    const timeoutSeconds = typeof p.timeout === 'number' ? p.timeout : 0;

    if (this.#updates.length === 0 && timeoutSeconds > 0) {
      const ending = await new Promise<'woken' | 'superseded' | 'aborted'>((resolve) => {
        const finish = (how: 'woken' | 'superseded' | 'aborted'): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          // A newer poll may have taken this token's slot already; leave it alone.
          if (this.#polls.get(token) === poll) this.#polls.delete(token);
          resolve(how);
        };
        const onAbort = (): void => finish('aborted');
        const poll: Poll = { wake: () => finish('woken'), supersede: () => finish('superseded') };
        const timer = setTimeout(() => finish('woken'), timeoutSeconds * 1000);
        this.#polls.set(token, poll);
        signal.addEventListener('abort', onAbort);
        if (signal.aborted) finish('aborted');
      });
      if (ending === 'aborted') return { ok: false, status: 0, errorCode: 0, description: 'client went away during the long poll', reason: 'aborted' };
      if (ending === 'superseded') {
        return {
          ok: false,
          status: 409,
          errorCode: 409,
          description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
          reason: 'conflict',
        };
      }
    }
    return ok(this.#updates.slice(0, limit));
  }

  /** A file_id this platform never gave out (Telegram refuses it rather than sending nothing). */
  #unknownFileId(param: unknown, upload: unknown): boolean {
    if (upload || typeof param !== 'string' || param === '' || /^https?:\/\//.test(param)) return false;
    return !this.#files.has(param.replace(/_thumb$/, ''));
  }

  /** Stores an uploaded or referenced file and returns its file_id. */
  #fileFor(param: unknown, upload: { filename: string; bytes: Buffer } | undefined, folder: string, ext: string): string | undefined {
    if (upload) {
      const fileId = `${folder}-upload-${this.#nextFileId}`;
      this.addFile(fileId, upload.bytes, { path: `${folder}/file_${this.#nextFileId++}${extension(upload.filename, `.${ext}`)}`, filename: upload.filename });
      return fileId;
    }
    if (typeof param !== 'string' || param === '') return undefined;
    // A URL is fetched by Telegram and gets a new file_id; a file_id is reused.
    return /^https?:\/\//.test(param) ? `${folder}-url-${this.#nextFileId++}` : param;
  }

  #postMedia(p: Params, media: Partial<Message>): Outcome {
    const caption = typeof p.caption === 'string' ? p.caption : undefined;
    if (caption !== undefined && caption.length > MAX_CAPTION) return invalid('Bad Request: message caption is too long');
    return settle(this.#post(p, caption === undefined ? media : { ...media, caption }));
  }

  /** Posts a bot message to `p.chat_id`: checks the keyboard, numbers the message, remembers it for edits. */
  #post(p: Params, content: Partial<Message>): Message | Refusal {
    const chat = chatFor(p.chat_id);
    if (!chat) return invalid(p.chat_id === undefined ? 'Bad Request: chat_id is empty' : 'Bad Request: chat not found');
    const markup = inlineKeyboard(p.reply_markup);
    if (markup === 'invalid') return invalid('Bad Request: BUTTON_DATA_INVALID');
    const message: Message = {
      ...content,
      message_id: this.#nextMessageId++,
      date: Math.floor(this.#now() / 1000),
      chat,
      from: this.botInfo,
      ...(markup ? { reply_markup: markup } : {}),
    };
    this.#messages.set(messageKey(chat.id, message.message_id), message);
    this.chat.add({ chatId: String(chat.id), messageId: String(message.message_id), direction: 'out', at: this.#now(), ...this.#shown(message) });
    return message;
  }

  /** What the page shows of a bot message: text or caption, buttons, the file. */
  #shown(message: Message): Pick<ChatEntry, 'text' | 'buttons' | 'attachment'> {
    const text = message.text ?? message.caption;
    const buttons: ChatButton[][] = (message.reply_markup?.inline_keyboard ?? []).map((row) =>
      row.map((b) => ({ text: b.text, data: 'callback_data' in b && typeof b.callback_data === 'string' ? b.callback_data : '' })),
    );
    let attachment: ChatAttachment | undefined;
    const photo = message.photo?.at(-1);
    if (photo) attachment = { kind: 'photo', fileId: photo.file_id, ...this.#fileFacts(photo.file_id) };
    if (message.document)
      attachment = {
        kind: 'document',
        fileId: message.document.file_id,
        ...this.#fileFacts(message.document.file_id),
        ...(message.document.file_name ? { filename: message.document.file_name } : {}),
      };
    return { ...(text === undefined ? {} : { text }), ...(buttons.length > 0 ? { buttons } : {}), ...(attachment ? { attachment } : {}) };
  }

  #fileFacts(fileId: string): Pick<ChatAttachment, 'filename' | 'size'> {
    const stored = this.#files.get(fileId);
    return stored ? { size: stored.bytes.length, ...(stored.filename ? { filename: stored.filename } : {}) } : {};
  }

  #edit(p: Params, content: Partial<Message>): Outcome {
    const markup = inlineKeyboard(p.reply_markup);
    if (markup === 'invalid') return invalid('Bad Request: BUTTON_DATA_INVALID');
    if (typeof p.inline_message_id === 'string') return ok(true); // inline messages are answered with true
    const chat = chatFor(p.chat_id);
    if (!chat || typeof p.message_id !== 'number') return invalid('Bad Request: message to edit not found');
    const key = messageKey(chat.id, p.message_id);
    // A message the stand-in did not post (one built by a test) is taken as it is described.
    const current: Message = this.#messages.get(key) ?? { message_id: p.message_id, date: Math.floor(this.#now() / 1000), chat, from: this.botInfo };
    const next: Message = { ...current, ...content, edit_date: Math.floor(this.#now() / 1000) };
    if (markup) next.reply_markup = markup;
    else delete next.reply_markup;
    // Telegram refuses an edit that changes nothing; bots must not rely on it succeeding.
    if (
      this.#messages.has(key) &&
      next.text === current.text &&
      next.caption === current.caption &&
      JSON.stringify(next.reply_markup) === JSON.stringify(current.reply_markup)
    ) {
      return invalid(
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    this.#messages.set(key, next);
    const shown = this.#shown(next);
    this.chat.edit(String(chat.id), String(p.message_id), { text: shown.text, buttons: shown.buttons, editedAt: this.#now() });
    return ok(next);
  }
}

function telegramEnvelope(refusal: Refusal): unknown {
  return {
    ok: false,
    error_code: refusal.errorCode,
    description: refusal.description,
    ...(refusal.retryAfter === undefined ? {} : { parameters: { retry_after: refusal.retryAfter } }),
  };
}

function telegramRefusal(failure: InjectedFailure, reason: RefusalReason): Refusal {
  const defaults: Record<InjectedFailure['status'], string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden: bot was blocked by the user',
    404: 'Not Found',
    408: 'Request Timeout',
    409: 'Conflict',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
  };
  if (failure.status === 429) {
    const retryAfter = failure.retryAfter ?? 1;
    return { ok: false, status: 429, errorCode: 429, description: failure.description ?? `Too Many Requests: retry after ${retryAfter}`, retryAfter, reason };
  }
  return { ok: false, status: failure.status, errorCode: failure.status, description: failure.description ?? defaults[failure.status], reason };
}

function sameChat(a: unknown, b: unknown): boolean {
  return a !== undefined && a !== null && String(a) === String(b);
}

function messageKey(chatId: unknown, messageId: unknown): string {
  return `${String(chatId)}:${String(messageId)}`;
}

/** The extension of a file name with its dot, or `fallback`. */
function extension(filename: string, fallback: string): string {
  return /\.[A-Za-z0-9]{1,8}$/.exec(filename)?.[0] ?? fallback;
}

/** The bot_command entity Telegram adds to a message that starts with a command. */
function commandEntity(text: string): MessageEntity | undefined {
  const m = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?/.exec(text);
  return m ? { type: 'bot_command', offset: 0, length: m[0].length } : undefined;
}

function uniqueId(fileId: string): string {
  return createHash('sha1').update(fileId).digest('base64url').slice(0, 16);
}

/** Positive ids are private chats, negative ones groups; usernames (@channel) are not modelled. */
function chatFor(chatId: unknown): Message['chat'] | undefined {
  const id = typeof chatId === 'number' ? chatId : typeof chatId === 'string' && /^-?\d+$/.test(chatId) ? Number(chatId) : undefined;
  if (id === undefined || id === 0) return undefined;
  return id > 0 ? { id, type: 'private', first_name: `User ${id}` } : { id, type: 'supergroup', title: `Group ${id}` };
}

/** The menu a commands call names: its language_code, '' for the default (the scope is not told apart). */
function languageOf(p: Record<string, unknown>): string {
  return typeof p.language_code === 'string' ? p.language_code : '';
}

function isBotCommand(value: unknown): value is BotCommand {
  return (
    typeof value === 'object' &&
    value !== null &&
    'command' in value &&
    typeof value.command === 'string' &&
    'description' in value &&
    typeof value.description === 'string'
  );
}

/**
 * The inline keyboard of `reply_markup`, undefined when there is none (reply keyboards are not echoed in the
 * returned message, as on Telegram), or 'invalid' when a button's callback_data is not 1–64 bytes.
 */
function inlineKeyboard(markup: unknown): InlineKeyboardMarkup | undefined | 'invalid' {
  if (typeof markup !== 'object' || markup === null || !('inline_keyboard' in markup) || !Array.isArray(markup.inline_keyboard)) return undefined;
  for (const row of markup.inline_keyboard as unknown[]) {
    if (!Array.isArray(row)) return 'invalid';
    for (const button of row as unknown[]) {
      if (typeof button !== 'object' || button === null || !('text' in button)) return 'invalid';
      if ('callback_data' in button) {
        const size = typeof button.callback_data === 'string' ? Buffer.byteLength(button.callback_data) : 0;
        if (size < 1 || size > 64) return 'invalid';
      }
    }
  }
  return markup as InlineKeyboardMarkup;
}

/** Starts the platform on 127.0.0.1 and a random port (or `options.port`). Close it when done. */
export async function startTelegramPlatform(options: TelegramPlatformOptions = {}): Promise<TelegramPlatform> {
  let platform: TelegramPlatform | undefined;
  const server = await listenLocal(
    (req, res) => {
      if (!platform) throw new Error('not ready');
      return platform.handle(req, res);
    },
    { ...(options.port === undefined ? {} : { port: options.port }), errorBody: (description) => ({ ok: false, error_code: 500, description }) },
  );
  platform = new TelegramPlatform(server, options);
  return platform;
}
