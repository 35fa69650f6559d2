// What the built-in Telegram and Zalo Bot platforms share: both are "bot API over HTTP" servers (token in the path,
// `{ ok, result }` answers) that read JSON, form and multipart bodies into one parameter object, record every call
// with its outcome and refuse on demand (failNext, blockChat, faultRate). The HTTP itself is ./http.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, decodeBody, pause, readBytes, writeJson } from './http.js';

export { clientGone, writeJson, type RunningServer } from './http.js';

export type Params = Record<string, unknown>;

/** How an uploaded file appears in recorded `params`: the bytes themselves are kept out of the way. */
export interface UploadedFile {
  filename: string;
  size: number;
}

/** Why a call was refused; `injected`, `blocked`, `fault` and `rate-limit` come from the control API. */
export type RefusalReason =
  | 'injected'
  | 'blocked'
  | 'fault'
  | 'rate-limit'
  | 'quota'
  | 'invalid'
  | 'unknown-method'
  | 'unauthorized'
  | 'conflict'
  | 'timeout'
  | 'aborted';

export interface Refusal {
  ok: false;
  /** HTTP status of the answer (0 when the client went away before it). */
  status: number;
  errorCode: number;
  description: string;
  /** Seconds, for 429 answers that carry `parameters.retry_after`. */
  retryAfter?: number;
  reason: RefusalReason;
}

export type Outcome = { ok: true; result: unknown } | Refusal;

export interface RecordedCall {
  /** Canonical method name (`sendMessage` even if the client wrote `sendmessage`). */
  method: string;
  /** Parameters as the server understood them; numbers, booleans and JSON fields are decoded from form data. */
  params: Params;
  token: string;
  /** When the request arrived (ms since the epoch, from the stand-in's clock). */
  at: number;
  outcome: Outcome;
}

/** A failure to inject. 500 answers a JSON envelope; 502 answers an HTML page, like a proxy in front of the API. */
export type InjectedFailure =
  | { status: 429; retryAfter?: number; description?: string }
  | { status: 400 | 401 | 403 | 404 | 408 | 409; description?: string }
  | { status: 500 | 502; description?: string };

export interface FaultRateConfig {
  /** Share of eligible calls that fail, 0–1. */
  rate: number;
  kinds: ReadonlyArray<429 | 403 | 500 | 502>;
  /** retry_after (seconds) of the injected 429s. Default 1. */
  retryAfter?: number;
}

export interface ParsedBody {
  params: Params;
  /** Files uploaded as multipart parts, by the name of the parameter that refers to them. */
  uploads: Map<string, { filename: string; bytes: Buffer }>;
  encoding: 'json' | 'form' | 'multipart' | 'none';
}

/** A body the platform cannot read: answered with `status` (400, or 413 for one too large) and this description. */
export class BadRequestBody extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
  }
}

/** Telegram takes uploads up to 50 MB; the same bound keeps a runaway client from filling memory. */
export const BOT_API_BODY_LIMIT = 50 * 1024 * 1024;

/**
 * Reads query string and body (JSON, urlencoded or multipart) into one parameter object. Form values stay strings;
 * multipart files become {@link UploadedFile} under the parameter that refers to them, whether by name or by
 * grammY's `attach://<id>` reference.
 */
export async function readRequest(req: IncomingMessage, url: URL): Promise<ParsedBody> {
  let raw: Buffer;
  try {
    raw = await readBytes(req, BOT_API_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw new BadRequestBody('Request Entity Too Large', 413);
    throw error;
  }
  const params: Params = Object.fromEntries(url.searchParams);
  const uploads: ParsedBody['uploads'] = new Map();
  const contentType = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { params, uploads, encoding: 'none' };

  let decoded;
  try {
    decoded = await decodeBody(raw, contentType);
  } catch {
    throw new BadRequestBody(contentType.includes('multipart/') ? 'Bad Request: multipart body cannot be read' : "Bad Request: can't parse JSON object");
  }
  if (decoded.encoding === 'json') {
    const body = decoded.value;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestBody('Bad Request: expected a JSON object');
    return { params: { ...params, ...(body as Params) }, uploads, encoding: 'json' };
  }

  if (decoded.encoding === 'multipart') {
    Object.assign(params, decoded.value as Record<string, string>);
    const files = new Map<string, { filename: string; bytes: Buffer }>();
    for (const [name, part] of decoded.files) files.set(name, { filename: part.filename, bytes: part.bytes });
    // grammY names each file part with a random id and puts `attach://<id>` in the parameter; plain clients
    // (curl -F photo=@x.jpg) name the part after the parameter.
    for (const [key, value] of Object.entries(params)) {
      const id = typeof value === 'string' && value.startsWith('attach://') ? value.slice('attach://'.length) : undefined;
      const file = id === undefined ? undefined : files.get(id);
      if (id !== undefined && file) {
        uploads.set(key, file);
        files.delete(id);
      }
    }
    for (const [name, file] of files) uploads.set(name, file);
    for (const [key, file] of uploads) params[key] = { filename: file.filename, size: file.bytes.length } satisfies UploadedFile;
    return { params, uploads, encoding: 'multipart' };
  }

  // Telegram and Zalo both treat anything else as urlencoded.
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) params[key] = value;
  return { params, uploads, encoding: 'form' };
}

/** A refusal as the platform sends it. `envelope` builds the JSON; a 502 is an HTML page whatever the platform. */
export function writeRefusal(res: ServerResponse, refusal: Refusal, envelope: (refusal: Refusal) => unknown, httpStatus = refusal.status): void {
  if (refusal.status === 502) {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end(page);
    return;
  }
  writeJson(res, httpStatus, envelope(refusal));
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so fault injection is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A call kept waiting by a {@link CallHold}: not decided yet, so neither accepted nor recorded. */
export interface HeldCall {
  method: string;
  params: Params;
  token: string;
}

export interface HoldOptions {
  /** Only calls carrying this `chat_id`. */
  chatId?: number | string;
  /** This many matching calls go through first (a wave half delivered). */
  skip?: number;
  /** At most this many calls are held (default: every matching call until the release). */
  times?: number;
}

/**
 * Calls held before the platform decides them, until the test releases them: the platform taking its time to answer,
 * with the test, not a clock, saying when it answers. The calls held answer in the order they arrived.
 */
export interface CallHold {
  /** The calls waiting now. */
  held(): HeldCall[];
  /** Lets the held calls (and every later one) go on; again, nothing more. */
  release(): void;
}

interface HoldRule {
  method: string;
  chatId: string | undefined;
  skip: number;
  times: number;
  waiting: Set<HeldCall>;
  open: Promise<void>;
  released: boolean;
}

/** The failure-injection state both stand-ins share: `failNext` queues, blocked chats, a seeded fault rate, holds. */
export class FaultPlan {
  readonly #holds: HoldRule[] = [];
  readonly #next = new Map<string, InjectedFailure[]>();
  readonly #delays = new Map<string, number[]>();
  readonly #blocked = new Map<string, InjectedFailure | undefined>();
  #rate: { config: FaultRateConfig; random: () => number } | undefined;

  failNext(method: string, failure: InjectedFailure, times = 1): void {
    const queue = this.#next.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.#next.set(method, queue);
  }

  takeNext(method: string): InjectedFailure | undefined {
    return this.#next.get(method)?.shift();
  }

  delayNext(method: string, ms: number, times = 1): void {
    const queue = this.#delays.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(ms);
    this.#delays.set(method, queue);
  }

  /** Waits as long as planned for this call (if at all); gives up early when the client goes away. */
  async delay(method: string, signal: AbortSignal): Promise<void> {
    const ms = this.#delays.get(method)?.shift();
    if (ms === undefined) return;
    await pause(ms, signal);
  }

  hold(method: string, options: HoldOptions = {}): CallHold {
    let open = () => {};
    const rule: HoldRule = {
      method,
      chatId: options.chatId === undefined ? undefined : String(options.chatId),
      skip: options.skip ?? 0,
      times: options.times ?? Number.POSITIVE_INFINITY,
      waiting: new Set(),
      open: new Promise<void>((resolve) => (open = resolve)),
      released: false,
    };
    this.#holds.push(rule);
    return {
      held: () => [...rule.waiting],
      release: () => {
        if (rule.released) return;
        rule.released = true;
        this.#holds.splice(this.#holds.indexOf(rule), 1);
        open();
      },
    };
  }

  /** Waits while a hold keeps this call; at once for a call no hold wants. Gives up when the client goes away. */
  async held(call: HeldCall, signal: AbortSignal): Promise<void> {
    const rule = this.#holds.find((r) => r.method === call.method && r.times > 0 && (r.chatId === undefined || r.chatId === String(call.params.chat_id)));
    if (!rule) return;
    if (rule.skip > 0) {
      rule.skip--;
      return;
    }
    rule.times--;
    rule.waiting.add(call);
    try {
      await Promise.race([
        rule.open,
        new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }))),
      ]);
    } finally {
      rule.waiting.delete(call);
    }
  }

  block(chatId: string | number, failure?: InjectedFailure): void {
    this.#blocked.set(String(chatId), failure);
  }

  unblock(chatId: string | number): void {
    this.#blocked.delete(String(chatId));
  }

  /** `undefined`: not blocked; `null`: blocked with the platform's default answer. */
  blockedAnswer(chatId: unknown): InjectedFailure | null | undefined {
    if (chatId === undefined || chatId === null) return undefined;
    const key = String(chatId);
    return this.#blocked.has(key) ? (this.#blocked.get(key) ?? null) : undefined;
  }

  setRate(config: FaultRateConfig | null, seed: number): void {
    this.#rate = config && config.rate > 0 && config.kinds.length > 0 ? { config, random: seededRandom(seed) } : undefined;
  }

  /** Draws for one eligible call: a failure to inject, or undefined to let it through. */
  draw(): InjectedFailure | undefined {
    if (!this.#rate) return undefined;
    const { config, random } = this.#rate;
    if (random() >= config.rate) return undefined;
    const kind = config.kinds[Math.floor(random() * config.kinds.length)] ?? 500;
    return kind === 429 ? { status: 429, retryAfter: config.retryAfter ?? 1 } : { status: kind };
  }
}

export function describeCall(call: RecordedCall): string {
  const outcome = call.outcome.ok ? 'ok' : `${call.outcome.errorCode} ${call.outcome.description}`;
  const params = JSON.stringify(call.params);
  return `${call.method} ${params.length > 160 ? `${params.slice(0, 160)}…` : params} → ${outcome}`;
}
