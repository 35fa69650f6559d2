// HTTP plumbing for the built-in chat platforms (the sandbox's and the tests' stand-ins): a server on 127.0.0.1 and
// a random port, bodies read as bytes and decoded by content type (JSON, form, multipart through the WHATWG
// Request parser), JSON answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  url: string;
  /** Aborted when the server closes: delayed answers listen to it. */
  closing: AbortSignal;
  close(): Promise<void>;
}

/** Starts `handle` on 127.0.0.1 and a random port (or `port`). Closing also drops keep-alive connections. */
export async function listenLocal(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port = 0, host = '127.0.0.1'): Promise<RunningServer> {
  const closing = new AbortController();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) writeJson(res, 500, { error: -1, message: `stand-in error: ${String(error)}` });
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
    const form = await new Request('http://platform.invalid/', { method: 'POST', headers: { 'content-type': contentType ?? '' }, body: raw }).formData();
    const fields: Record<string, string> = {};
    for (const [name, value] of form) {
      if (typeof value === 'string') fields[name] = value;
      else files.set(name, { filename: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
    }
    return { encoding: 'multipart', value: fields, files };
  }
  return { encoding: 'other', value: raw.toString('utf8'), files };
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
