// HTTP plumbing for the built-in chat platforms (used by the sandbox, the tests and the benchmarks): a server on
// 127.0.0.1 and a random port, bodies read as bytes and decoded by content type (JSON, form, multipart), JSON answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  /** Aborted when the server closes: delayed answers listen to it. */
  closing: AbortSignal;
  close(): Promise<void>;
}

export interface ListenOptions {
  port?: number;
  host?: string;
  /** The JSON body of a 500 for a fault of the platform itself, in the platform's own error shape. */
  errorBody?: (message: string) => unknown;
}

/**
 * Starts `handle` on 127.0.0.1 and a random port (or `port`). Closing also drops keep-alive connections (grammY and
 * undici keep them).
 */
export async function listenLocal(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, options: ListenOptions = {}): Promise<RunningServer> {
  const { port = 0, host = '127.0.0.1', errorBody = (message: string) => ({ error: -1, message }) } = options;
  const closing = new AbortController();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeJson(res, 500, errorBody(`platform error: ${String(error)}`));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    closing: closing.signal,
    async close() {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

export class BodyTooLarge extends Error {}

/** The request body as bytes; more than `limit` bytes throws {@link BodyTooLarge}. */
export async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface UploadedPart {
  filename: string;
  type: string;
  bytes: Buffer;
}

export interface DecodedBody {
  encoding: 'json' | 'form' | 'multipart' | 'none' | 'other';
  /** JSON: the parsed value; form and multipart: the text fields. */
  value: unknown;
  files: Map<string, UploadedPart>;
}

/** Decodes a body by its content type. `parseJson` lets a platform keep big integers exact. Throws on bad JSON. */
export async function decodeBody(raw: Buffer, contentType: string | undefined, parseJson: (text: string) => unknown = JSON.parse): Promise<DecodedBody> {
  const files = new Map<string, UploadedPart>();
  const type = (contentType ?? '').toLowerCase();
  if (raw.length === 0) return { encoding: 'none', value: undefined, files };
  if (type.includes('application/json')) return { encoding: 'json', value: parseJson(raw.toString('utf8')), files };
  if (type.includes('application/x-www-form-urlencoded')) {
    return { encoding: 'form', value: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files };
  }
  if (type.includes('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value) throw new SyntaxError('multipart boundary is missing');
    const fields: Record<string, string> = {};
    for (const part of parseMultipart(raw, value)) {
      if (part.filename === undefined) fields[part.name] = part.data.toString('utf8');
      else files.set(part.name, { filename: part.filename, type: part.type ?? 'application/octet-stream', bytes: part.data });
    }
    return { encoding: 'multipart', value: fields, files };
  }
  return { encoding: 'other', value: raw.toString('utf8'), files };
}

interface MultipartPart {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer;
}

/**
 * Enough of RFC 7578 for grammY (lower-case headers, no space after the colon, unquoted filenames), undici's
 * FormData and curl. Node's own `Request.formData()` refuses grammY's bodies, hence this.
 */
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
      const header = (name: string) => headers.find((h) => h.toLowerCase().startsWith(name))?.replace(/^[^:]*:\s*/, '');
      const disposition = header('content-disposition') ?? '';
      const name = dispositionParam(disposition, 'name');
      const filename = dispositionParam(disposition, 'filename');
      const type = header('content-type');
      const data = part.subarray(headerEnd + 4);
      if (name !== undefined) parts.push({ name, data, ...(filename === undefined ? {} : { filename }), ...(type ? { type } : {}) });
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
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function writeText(res: ServerResponse, status: number, contentType: string, text: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Waits `ms` of real time, or less when `signal` aborts (the client went away, the server closed). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** Aborts when the client disconnects before the answer, or when the server closes. */
export function clientGone(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const gone = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  return AbortSignal.any([gone.signal, closing]);
}
