// Plumbing shared by the Telegram and Zalo stand-ins: both are "bot API over HTTP" servers that parse JSON, form
// and multipart bodies, record every call with its outcome and refuse on demand (failNext, blockChat, faultRate).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';


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

export class BadRequestBody extends Error {}

/**
 * Reads query string and body (JSON, urlencoded or multipart) into one parameter object. Form values stay strings;
 * multipart files become {@link UploadedFile} under the parameter that refers to them, whether by name or by
 * grammY's `attach://<id>` reference.
 */
export async function readRequest(req: IncomingMessage, url: URL): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const params: Params = Object.fromEntries(url.searchParams);
  const uploads: ParsedBody['uploads'] = new Map();
  const contentType = req.headers['content-type'] ?? '';
  if (raw.length === 0) return { params, uploads, encoding: 'none' };

  if (contentType.includes('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new BadRequestBody("Bad Request: can't parse JSON object");
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequestBody('Bad Request: expected a JSON object');
    return { params: { ...params, ...(body as Params) }, uploads, encoding: 'json' };
  }

  if (contentType.includes('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value) throw new BadRequestBody('Bad Request: multipart boundary is missing');
    const files = new Map<string, { filename: string; bytes: Buffer }>();
    for (const part of parseMultipart(raw, value)) {
      if (part.filename === undefined) params[part.name] = part.data.toString('utf8');
      else files.set(part.name, { filename: part.filename, bytes: part.data });
    }
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

interface MultipartPart {
  name: string;
  filename?: string;
  data: Buffer;
}

/** Enough of RFC 7578 for grammY (lower-case headers, no space after the colon, unquoted filenames) and curl. */
function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const open = Buffer.from(`--${boundary}`);
  const close = Buffer.from(`\r\n--${boundary}`);
  const parts: MultipartPart[] = [];
  let start = body.indexOf(open);
  while (start !== -1) {
    let cursor = start + open.length;
    if (body.subarray(cursor, cursor + 2).toString() === '--') break; // closing delimiter
    if (body.subarray(cursor, cursor + 2).toString() === '\r\n') cursor += 2;
    const end = body.indexOf(close, cursor);
    if (end === -1) break;
    const part = body.subarray(cursor, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8').split('\r\n');
      const disposition = headers.find((h) => h.toLowerCase().startsWith('content-disposition'))?.replace(/^[^:]*:/, '') ?? '';
      const name = dispositionParam(disposition, 'name');
      const filename = dispositionParam(disposition, 'filename');
      const data = part.subarray(headerEnd + 4);
      if (name !== undefined) parts.push(filename === undefined ? { name, data } : { name, filename, data });
    }
    start = end + 2;
  }
  return parts;
}

function dispositionParam(header: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"([^"]*)"|([^;]*))`, 'i').exec(header);
  return match ? (match[1] ?? match[2]?.trim()) : undefined;
}

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
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

export interface RunningServer {
  url: string;
  /** Aborted when the server closes: long polls listen to it. */
  closing: AbortSignal;
  close(): Promise<void>;
}

/** Starts `handle` on 127.0.0.1 and a random port (or `port`). Closing also drops keep-alive connections (grammY keeps them). */
export async function listen(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port = 0): Promise<RunningServer> {
  const closing = new AbortController();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeJson(res, 500, { ok: false, error_code: 500, description: `stand-in error: ${String(error)}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    closing: closing.signal,
    async close() {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** An AbortSignal that fires when the client disconnects before the answer (grammY aborts a long poll on stop). */
export function clientGone(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  return AbortSignal.any([gone.signal, closing]);
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

/** The failure-injection state both stand-ins share: `failNext` queues, blocked chats, a seeded fault rate. */
export class FaultPlan {
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
    if (ms === undefined || signal.aborted) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
    });
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
