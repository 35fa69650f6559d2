// The built-in Zalo Bot Platform (docs/zalo.md §1): a real HTTP server on 127.0.0.1 that our Zalo client reaches
// through its `apiRoot` option (ZALO_API_ROOT), plus `postWebhook` to deliver events to our webhook as Zalo does.
// The sandbox, the tests and the benchmarks use this one implementation.
//
//   const zalo = await startZaloBotPlatform();
//   const client = createZaloClient({ token: TOKEN, apiRoot: zalo.url });
//   await client.sendMessage({ chatId: 'abc', text: 'Xin chào' });
//   expect(zalo.messagesTo('abc')).toEqual(['Xin chào']);
//   await zalo.close();
//
// Where Zalo's behaviour is not documented, the choice made here is marked "(guess)" so tests do not pin it down
// as fact. The HTTP plumbing and failure injection are shared with the built-in Telegram platform.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ZALO_TEXT_LIMIT, type ZaloBotInfo, type ZaloUpdate } from '../../channels/zalo/types.js';
import { ChatLog, type ChatEntry } from './chat-log.js';
import {
  BadRequestBody,
  clientGone,
  describeCall,
  FaultPlan,
  readRequest,
  writeJson,
  writeRefusal,
  type FaultRateConfig,
  type InjectedFailure,
  type Outcome,
  type Params,
  type RecordedCall,
  type Refusal,
  type RefusalReason,
  type RunningServer,
} from './bot-api.js';
import { listenLocal } from './http.js';
import { DEFAULT_WAIT_MS, Recorder } from './recorder.js';

export type { FaultRateConfig, InjectedFailure, Outcome, RecordedCall, Refusal } from './bot-api.js';

export const DEFAULT_ZALO_BOT: ZaloBotInfo = {
  id: '1234567890123456789',
  account_name: 'Bot Đôn đốc (test)',
  account_type: 'BASIC',
  can_join_groups: false,
};

/** Zalo's limit on `text` and `caption`. */
export const ZALO_MAX_TEXT = ZALO_TEXT_LIMIT;

/** Methods that post a message: the ones `faultRate` and the quota apply to. */
export const ZALO_SEND_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'sendPhoto', 'sendSticker']);

export interface ZaloBotPlatformOptions {
  /** Overrides of what getMe answers; the result is `standIn.botInfo`. */
  botInfo?: Partial<ZaloBotInfo>;
  /** When set, other tokens get 401. By default every token is accepted. */
  token?: string;
  /** Clock for `date` and `updated_at` (ms). Default `Date.now`. */
  now?: () => number;
  /**
   * HTTP status of error answers (guess: Zalo puts the code in the body and the status is not documented). By
   * default it mirrors `error_code`; `200` sends every error envelope with HTTP 200. Clients must handle both.
   */
  errorHttpStatus?: 'error-code' | 200;
  /** Listen on this port. Default: any free port. */
  port?: number;
}

export interface PostWebhookOptions {
  /** Value of `X-Bot-Api-Secret-Token`. Default: the secret of the webhook set through setWebhook; `null` sends none. */
  secret?: string | null;
  /** `wrapped` = `{ ok: true, result: event }` as documented; `flat` = the event itself, as seen live. Default wrapped. */
  shape?: 'wrapped' | 'flat';
}

/** Who a Zalo user id is: the display name in every event they send. */
export interface ZaloUserProfile {
  id: string;
  displayName: string;
}

/** A picture a person sends from the sandbox page: kept here and handed to the bot as a URL, as Zalo does. */
export interface ZaloUserImage {
  bytes: Buffer;
  filename: string;
  mime?: string;
  caption?: string;
}

/** An event as Zalo would send it; anything else goes too, for tests of malformed input. */
type ZaloEvent = ZaloUpdate | Record<string, unknown>;
type Handler = (params: Params, signal: AbortSignal) => Outcome | Promise<Outcome>;

const ok = (result: unknown): Outcome => ({ ok: true, result });
const refuse = (errorCode: number, description: string, reason: RefusalReason = 'invalid'): Refusal => ({
  ok: false,
  status: errorCode,
  errorCode,
  description,
  reason,
});

export class ZaloBotPlatform {
  readonly botInfo: ZaloBotInfo;
  readonly #server: RunningServer;
  readonly #options: ZaloBotPlatformOptions;
  readonly #now: () => number;
  readonly #log = new Recorder<RecordedCall>(describeCall);
  readonly #faults = new FaultPlan();
  readonly #handlers = new Map<string, Handler>();
  readonly #updates: Array<ZaloEvent | ZaloEvent[]> = [];
  readonly #wakers = new Set<() => void>();
  #webhook: { url: string; secretToken: string } | undefined;
  #webhookUpdatedAt: number;
  #quota: { messages: number; used: number } | undefined;
  #nextMessage = 1;
  /** Every message in every chat, both directions, for the sandbox page and tests: what a person would see. */
  readonly chat = new ChatLog('zalo');
  readonly #users = new Map<string, ZaloUserProfile>();
  readonly #media = new Map<string, { bytes: Buffer; filename: string; mime: string }>();
  #pushTo: { url: string; secret: string | null } | undefined;

  /** Use {@link createZaloBotPlatform}. */
  constructor(server: RunningServer, options: ZaloBotPlatformOptions) {
    this.#server = server;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#webhookUpdatedAt = this.#now();
    this.botInfo = { ...DEFAULT_ZALO_BOT, ...options.botInfo };
    this.#registerMethods();
  }

  /** The `apiRoot` for `createZaloClient`: `http://127.0.0.1:<port>`. */
  get url(): string {
    return this.#server.url;
  }

  /** The webhook set through setWebhook, if any. */
  get webhook(): { url: string; secretToken: string } | undefined {
    return this.#webhook && { ...this.#webhook };
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
  callsForChat(chatId: string): RecordedCall[] {
    return this.calls.filter((c) => c.params.chat_id !== undefined && String(c.params.chat_id) === chatId);
  }

  /** Texts (and photo captions) delivered to a chat, in order. Refused sends are not included. */
  messagesTo(chatId: string): string[] {
    return this.callsForChat(chatId)
      .filter((c) => c.outcome.ok)
      .flatMap((c) => {
        const text = c.method === 'sendMessage' ? c.params.text : c.method === 'sendPhoto' ? c.params.caption : undefined;
        return typeof text === 'string' ? [text] : [];
      });
  }

  /** Resolves with the first `n` calls to `method` (delivered or refused), waiting for them if needed. */
  waitForCalls(method: string, n: number, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall[]> {
    return this.#log.waitForCount((c) => c.method === method, n, timeoutMs, `calls to ${method}`);
  }

  /** Resolves with the first call (recorded already or later) that matches. */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall> {
    return this.#log.waitFor(predicate, timeoutMs, 'a matching call');
  }

  /** Forgets recorded calls; keeps configuration, the webhook, queued updates and the quota count. */
  clear(): void {
    this.#log.clear();
  }

  // ---- What the bot will see ----

  /**
   * Queues events for getUpdates, which hands out one per call. An array is answered as one `result` array, to
   * test clients against the undocumented case of several updates at once.
   */
  queueUpdate(...events: Array<ZaloEvent | ZaloEvent[]>): void {
    this.#updates.push(...events);
    for (const wake of this.#wakers) wake();
  }

  /**
   * POSTs an event to a webhook as Zalo does (JSON, `X-Bot-Api-Secret-Token`) and resolves with the HTTP status.
   * `url` is explicit because setWebhook only takes HTTPS URLs and test servers are plain HTTP.
   */
  async postWebhook(url: string, event: ZaloEvent, options: PostWebhookOptions = {}): Promise<number> {
    const secret = options.secret === undefined ? this.#webhook?.secretToken : options.secret;
    const body = (options.shape ?? 'wrapped') === 'wrapped' ? { ok: true, result: event } : event;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(secret ? { 'x-bot-api-secret-token': secret } : {}) },
      body: JSON.stringify(body),
    });
    await response.arrayBuffer(); // drain it so the connection is released
    return response.status;
  }

  // ---- Acting as a person (the sandbox page, the tour, tests) ----

  setUser(profile: ZaloUserProfile): void {
    this.#users.set(profile.id, { ...profile });
  }

  /**
   * Where the person's events go: by default they wait for getUpdates (long polling); with a target they are POSTed
   * there as Zalo posts to a webhook (a plain-HTTP URL on 127.0.0.1 is allowed here, unlike setWebhook). `null`
   * goes back to polling.
   */
  pushUpdatesTo(target: { url: string; secret?: string | null } | null): void {
    this.#pushTo = target ? { url: target.url, secret: target.secret ?? this.#webhook?.secretToken ?? null } : undefined;
  }

  /** Sends text from a person's private chat to the bot; on Zalo a numbered choice is answered this way too. */
  async userSendsText(userId: string, text: string): Promise<ChatEntry> {
    const message = this.#userMessage(userId);
    const entry = this.chat.add({ chatId: userId, messageId: message.message_id, direction: 'in', at: message.date, text });
    await this.#deliver({ event_name: 'message.text.received', message: { ...message, text } });
    return entry;
  }

  /** Sends a picture: kept here (GET /media/<id>/<name>) and given to the bot as `photo_url`, as Zalo does. */
  async userSendsImage(userId: string, image: ZaloUserImage): Promise<ChatEntry> {
    const message = this.#userMessage(userId);
    const id = createHash('sha1').update(`media-${message.message_id}`).digest('hex').slice(0, 16);
    this.#media.set(id, { bytes: image.bytes, filename: image.filename, mime: image.mime ?? 'image/jpeg' });
    const url = `${this.url}/media/${id}/${encodeURIComponent(image.filename)}`;
    const entry = this.chat.add({
      chatId: userId,
      messageId: message.message_id,
      direction: 'in',
      at: message.date,
      attachment: { kind: 'photo', fileId: id, url, filename: image.filename, size: image.bytes.length, mime: image.mime ?? 'image/jpeg' },
      ...(image.caption ? { text: image.caption } : {}),
    });
    await this.#deliver({
      event_name: 'message.image.received',
      message: { ...message, photo_url: url, ...(image.caption ? { caption: image.caption } : {}) },
    });
    return entry;
  }

  /**
   * Sends a file. The Zalo Bot Platform hands bots no files: the bot gets `message.unsupported.received`, and the
   * person's chat shows the file they sent.
   */
  async userSendsFile(userId: string, file: { filename: string; size: number }): Promise<ChatEntry> {
    const message = this.#userMessage(userId);
    const entry = this.chat.add({
      chatId: userId,
      messageId: message.message_id,
      direction: 'in',
      at: message.date,
      attachment: { kind: 'document', filename: file.filename, size: file.size },
    });
    await this.#deliver({ event_name: 'message.unsupported.received', message });
    return entry;
  }

  /** A picture a person sent, for the page (and for the bot, which fetches `photo_url`). */
  media(id: string): { bytes: Buffer; filename: string; mime: string } | undefined {
    return this.#media.get(id);
  }

  #userMessage(userId: string): Omit<ZaloUpdate['message'] & object, 'text'> {
    if (!/^[0-9a-zA-Z]{1,64}$/.test(userId)) throw new Error(`${JSON.stringify(userId)} is not a Zalo user id`);
    const profile = this.#users.get(userId);
    return {
      message_id: createHash('sha1')
        .update(`zalo-user-${this.#nextMessage++}`)
        .digest('hex')
        .slice(0, 20),
      date: this.#now(),
      chat: { id: userId, chat_type: 'PRIVATE' },
      from: { id: userId, display_name: profile?.displayName ?? `Người dùng ${userId.slice(-4)}`, is_bot: false },
    };
  }

  /** To the push target when there is one (resolves once it answered), else to getUpdates. */
  async #deliver(event: ZaloUpdate): Promise<void> {
    if (!this.#pushTo) return this.queueUpdate(event);
    const status = await this.postWebhook(this.#pushTo.url, event, { secret: this.#pushTo.secret });
    if (status !== 200) throw new Error(`the bot's webhook answered HTTP ${status}`);
  }

  // ---- Failures on demand ----

  /** The next `times` calls to `method` fail this way. Zalo's 429 carries no retry_after, so `retryAfter` is ignored. */
  failNext(method: string, failure: InjectedFailure, times = 1): void {
    this.#faults.failNext(method, failure, times);
  }

  /** The next `times` calls to `method` are answered only after `ms` (to test client timeouts). */
  delayNext(method: string, ms: number, times = 1): void {
    this.#faults.delayNext(method, ms, times);
  }

  /**
   * Every call carrying this `chat_id` fails, by default with 403 (guess: Zalo does not document what a user who
   * blocked the bot looks like). Pass `failure` to try other answers.
   */
  blockChat(chatId: string, failure?: InjectedFailure): void {
    this.#faults.block(chatId, failure);
  }

  unblockChat(chatId: string): void {
    this.#faults.unblock(chatId);
  }

  /** A deterministic share of send calls ({@link ZALO_SEND_METHODS}) fails; `null` turns it off. */
  faultRate(config: FaultRateConfig | null, seed = 1): void {
    this.#faults.setRate(config, seed);
  }

  /**
   * The plan's monthly message cap (Basic: 3,000): after `messages` delivered sends, every send gets 429 "quota
   * exceeded" (guess for the exact answer). `null` lifts it.
   */
  enforceQuota(quota: { messages: number } | null): void {
    this.#quota = quota ? { messages: quota.messages, used: 0 } : undefined;
  }

  async close(): Promise<void> {
    this.#log.close('the Zalo platform closed');
    this.chat.close('the Zalo platform closed');
    await this.#server.close();
  }

  // ---- HTTP ----

  /** @internal Entry point of the HTTP server. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const media = /^\/media\/([0-9a-f]{16})\/[^/]*$/.exec(url.pathname);
    if (media && req.method === 'GET') {
      const found = this.#media.get(media[1] ?? '');
      if (!found) return writeJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      res.writeHead(200, { 'content-type': found.mime, 'content-length': found.bytes.length });
      res.end(found.bytes);
      return;
    }
    const route = /^\/bot([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (!route) return writeJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const token = decodeURIComponent(route[1] ?? '');
    const method = route[2] ?? ''; // case-sensitive on Zalo
    const at = this.#now();

    let outcome: Outcome;
    let params: Params = {};
    try {
      params = (await readRequest(req, url)).params;
      outcome = await this.#decide(method, params, token, clientGone(res, this.#server.closing));
    } catch (error) {
      if (!(error instanceof BadRequestBody)) throw error;
      outcome = refuse(error.status, error.message);
    }

    this.#log.push({ method, params, token, at, outcome });
    if (res.destroyed || res.writableEnded) return;
    if (outcome.ok) return writeJson(res, 200, { ok: true, result: outcome.result });
    const httpStatus = this.#options.errorHttpStatus === 200 ? 200 : outcome.status;
    writeRefusal(res, outcome, (r) => ({ ok: false, error_code: r.errorCode, description: r.description }), httpStatus);
  }

  async #decide(method: string, params: Params, token: string, signal: AbortSignal): Promise<Outcome> {
    const handle = this.#handlers.get(method);
    // (guess) Zalo's table says 400 for a wrong method name; openclaw has seen 404. 404 matches Telegram.
    if (!handle) return refuse(404, 'Not Found', 'unknown-method');
    if (this.#options.token !== undefined && token !== this.#options.token) return refuse(401, 'Unauthorized', 'unauthorized');
    await this.#faults.delay(method, signal);

    const injected = this.#faults.takeNext(method);
    if (injected) return zaloRefusal(injected, 'injected');
    const blocked = this.#faults.blockedAnswer(params.chat_id);
    if (blocked !== undefined) return zaloRefusal(blocked ?? { status: 403, description: 'Forbidden: user is not reachable' }, 'blocked');

    const isSend = ZALO_SEND_METHODS.has(method);
    if (isSend) {
      if (this.#quota && this.#quota.used >= this.#quota.messages) return refuse(429, 'Quota exceeded', 'quota');
      const fault = this.#faults.draw();
      if (fault) return zaloRefusal(fault, 'fault');
    }
    const outcome = await handle(params, signal);
    if (outcome.ok && isSend && this.#quota) this.#quota.used++;
    return outcome;
  }

  #registerMethods(): void {
    const on = (method: string, handle: Handler): void => void this.#handlers.set(method, handle);

    on('getMe', () => ok(this.botInfo));
    on('getUpdates', (p, signal) => this.#getUpdates(p, signal));

    on('setWebhook', (p) => {
      const url = typeof p.url === 'string' ? p.url : '';
      if (!isUrl(url, ['https:'])) return refuse(400, 'Bad Request: url must be an HTTPS URL');
      const secret = typeof p.secret_token === 'string' ? p.secret_token : '';
      if (secret.length < 8 || secret.length > 256) return refuse(400, 'Bad Request: secret_token must be 8-256 characters');
      this.#webhookUpdatedAt = this.#now();
      this.#webhook = { url, secretToken: secret };
      return ok({ url, updated_at: this.#webhookUpdatedAt });
    });
    on('deleteWebhook', () => {
      this.#webhook = undefined;
      this.#webhookUpdatedAt = this.#now();
      return ok({ url: '', updated_at: this.#webhookUpdatedAt });
    });
    on('getWebhookInfo', () => ok({ url: this.#webhook?.url ?? '', updated_at: this.#webhookUpdatedAt }));

    on('sendMessage', (p) => {
      const chat = chatIdOf(p);
      if (!chat) return refuse(400, 'Bad Request: chat_id is required');
      const text = typeof p.text === 'string' ? p.text : '';
      if (text.length < 1 || text.length > ZALO_MAX_TEXT) return refuse(400, `Bad Request: text must be 1-${ZALO_MAX_TEXT} characters`);
      return ok(this.#sent(chat, { text }));
    });
    on('sendPhoto', (p) => {
      const chat = chatIdOf(p);
      if (!chat) return refuse(400, 'Bad Request: chat_id is required');
      // No upload is documented: `photo` is a public URL that Zalo fetches.
      if (typeof p.photo !== 'string' || !isUrl(p.photo, ['http:', 'https:'])) return refuse(400, 'Bad Request: photo must be an http(s) URL');
      if (p.caption !== undefined && (typeof p.caption !== 'string' || p.caption.length > ZALO_MAX_TEXT)) {
        return refuse(400, `Bad Request: caption must be at most ${ZALO_MAX_TEXT} characters`);
      }
      const caption = typeof p.caption === 'string' && p.caption !== '' ? { text: p.caption } : {};
      return ok(this.#sent(chat, { attachment: { kind: 'photo', url: p.photo }, ...caption }));
    });
    on('sendSticker', (p) => {
      const chat = chatIdOf(p);
      if (!chat) return refuse(400, 'Bad Request: chat_id is required');
      if (typeof p.sticker !== 'string' || p.sticker === '') return refuse(400, 'Bad Request: sticker is required');
      return ok(this.#sent(chat, { text: '🙂' }));
    });
    on('sendChatAction', (p) => {
      if (!chatIdOf(p)) return refuse(400, 'Bad Request: chat_id is required');
      // `upload_photo` is announced as "coming soon"; only typing works today.
      if (p.action !== 'typing') return refuse(400, 'Bad Request: action must be "typing"');
      return ok(true);
    });
  }

  /** One event per call; waits up to `timeout` seconds (a string on Zalo; numbers accepted), then 408. */
  async #getUpdates(p: Params, signal: AbortSignal): Promise<Outcome> {
    // (guess) the code and text of this refusal are not documented, only that getUpdates fails.
    if (this.#webhook) return refuse(400, 'Bad Request: webhook is active, call deleteWebhook before getUpdates', 'conflict');
    const seconds = p.timeout === undefined ? 30 : Number(p.timeout);
    if (!Number.isFinite(seconds) || seconds < 0) return refuse(400, 'Bad Request: timeout must be a number of seconds');

    // Real time, not the injected clock: a frozen test clock must not make polls endless.
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const update = this.#updates.shift();
      if (update !== undefined) return ok(update);
      const remaining = deadline - Date.now();
      if (remaining <= 0) return refuse(408, 'Request timeout', 'timeout');
      const woken = await new Promise<boolean>((resolve) => {
        const finish = (value: boolean): void => {
          clearTimeout(timer);
          this.#wakers.delete(wake);
          signal.removeEventListener('abort', abort);
          resolve(value);
        };
        const wake = (): void => finish(true);
        const abort = (): void => finish(false);
        const timer = setTimeout(() => finish(true), remaining);
        this.#wakers.add(wake);
        signal.addEventListener('abort', abort);
        if (signal.aborted) finish(false);
      });
      if (!woken) return { ok: false, status: 0, errorCode: 0, description: 'client went away during the long poll', reason: 'aborted' };
    }
  }

  /** A message the bot sent: numbered, and in the person's chat. */
  #sent(chatId: string, shown: Pick<ChatEntry, 'text' | 'attachment'>): { message_id: string; date: number } {
    const n = this.#nextMessage++;
    const sent = { message_id: createHash('sha1').update(`zalo-sent-${n}`).digest('hex').slice(0, 20), date: this.#now() };
    this.chat.add({ chatId, messageId: sent.message_id, direction: 'out', at: sent.date, ...shown });
    return sent;
  }
}

function zaloRefusal(failure: InjectedFailure, reason: RefusalReason): Refusal {
  const defaults: Record<InjectedFailure['status'], string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Internal server error', // sic: Zalo's error table labels 403 so
    404: 'Not Found',
    408: 'Request timeout',
    409: 'Conflict',
    429: 'Quota exceeded',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
  };
  return { ok: false, status: failure.status, errorCode: failure.status, description: failure.description ?? defaults[failure.status], reason };
}

function chatIdOf(p: Params): string | undefined {
  const id = p.chat_id;
  return (typeof id === 'string' && id !== '') || typeof id === 'number' ? String(id) : undefined;
}

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Starts the platform on 127.0.0.1 and a random port (or `options.port`). Close it when done. */
export async function startZaloBotPlatform(options: ZaloBotPlatformOptions = {}): Promise<ZaloBotPlatform> {
  let platform: ZaloBotPlatform | undefined;
  const server = await listenLocal(
    (req, res) => {
      if (!platform) throw new Error('not ready');
      return platform.handle(req, res);
    },
    { ...(options.port === undefined ? {} : { port: options.port }), errorBody: (description) => ({ ok: false, error_code: 500, description }) },
  );
  platform = new ZaloBotPlatform(server, options);
  return platform;
}
