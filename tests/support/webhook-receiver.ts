// A webhook receiver for the tests: a real HTTP server on 127.0.0.1 that verifies each request with the README's
// snippet, keeps every event once (dedupe by X-Dondoc-Event-Id, as the README asks receivers to) and logs every
// request with what it answered. It can answer 500, refuse connections (closed port) or answer too late, then recover.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sleep } from './wait.js';

type Verify = (secret: string, headers: Record<string, string | undefined>, rawBody: string, toleranceSeconds?: number) => boolean;

/** The Node snippet of README "Events (webhooks)", loaded as a module: the tests verify with the very code operators copy. */
export async function readmeVerifier(): Promise<Verify> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Events (webhooks)'));
  const block = /```js\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README "Events (webhooks)" has no ```js block');
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'dondoc-readme-')), 'verify.mjs');
  await writeFile(file, block);
  const mod = (await import(pathToFileURL(file).href)) as { verifyDondocWebhook?: Verify };
  if (typeof mod.verifyDondocWebhook !== 'function') throw new Error('the README snippet does not export verifyDondocWebhook');
  return mod.verifyDondocWebhook;
}

export interface ReceivedRequest {
  eventId: string;
  type: string;
  attempt: number;
  body: string;
  headers: IncomingHttpHeaders;
  verified: boolean;
  /** What the receiver answered (0: it answered after the sender had given up, too late). */
  answered: number;
  /** When it was received (real time) and when the answer was given. */
  at: number;
}

export type ReceiverMode = 'ok' | 'fail' | 'slow-once';

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Events kept, each once, in the order first accepted. */
  events: { eventId: string; type: string; body: any }[];
  secret: string | undefined;
  mode: ReceiverMode;
  /** Closes the port (connections refused) until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  waitFor(check: (r: WebhookReceiver) => boolean, message: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(o: { slowMs?: number } = {}): Promise<WebhookReceiver> {
  const verify = await readmeVerifier();
  const seen = new Set<string>();
  let server: Server;
  let port = 0;
  const r: WebhookReceiver = {
    url: '',
    requests: [],
    events: [],
    secret: undefined,
    mode: 'ok',
    async down() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Kept-alive connections would hold the port open until they idle out.
      server.closeAllConnections();
      await closed;
    },
    async up() {
      await listen();
    },
    async waitFor(check, message, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (!check(r)) {
        if (Date.now() > until)
          throw new Error(`webhook receiver: timed out waiting for ${message}; got ${r.requests.map((q) => `${q.type}:${q.answered}`).join(' ')}`);
        await sleep(20);
      }
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = req.headers as Record<string, string | undefined>;
      const entry: ReceivedRequest = {
        eventId: headers['x-dondoc-event-id'] ?? '',
        type: headers['x-dondoc-event'] ?? '',
        attempt: Number(headers['x-dondoc-attempt'] ?? 0),
        body,
        headers: req.headers,
        verified: r.secret !== undefined && verify(r.secret, headers, body),
        answered: 0,
        at: Date.now(),
      };
      r.requests.push(entry);
      if (r.mode === 'fail') {
        entry.answered = 500;
        res.writeHead(500).end('down for maintenance');
        return;
      }
      if (!entry.verified) {
        entry.answered = 401;
        res.writeHead(401).end('bad signature');
        return;
      }
      // Stored before answering: a receiver must not lose an event it said it has.
      if (!seen.has(entry.eventId)) {
        seen.add(entry.eventId);
        r.events.push({ eventId: entry.eventId, type: entry.type, body: JSON.parse(body) });
      }
      if (r.mode === 'slow-once') {
        r.mode = 'ok';
        await sleep(o.slowMs ?? 1500);
        if (res.destroyed || req.socket.destroyed) return; // the sender gave up: answered = 0
      }
      entry.answered = 200;
      res.writeHead(200).end('ok');
    });
  };
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer(handler);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  r.url = `http://127.0.0.1:${port}/dondoc/events`;
  return r;
}
