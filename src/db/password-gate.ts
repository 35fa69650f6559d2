// A password in front of the embedded PostgreSQL. PGlite accepts any password (it has no pg_hba), so on its own any
// user of the machine could open 127.0.0.1:<port> and read the officials' names and phone numbers. PGlite itself
// listens on a Unix socket in a directory only we can enter; this gate listens on the TCP port, asks each client for
// the password (PostgreSQL's cleartext password exchange: it never leaves the loopback interface), and only then
// joins the client to PGlite by replaying its startup message. From there bytes pass through untouched, one
// connection's request at a time (see Turns).
import { timingSafeEqual, createHash } from 'node:crypto';
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const HANDSHAKE_TIMEOUT_MS = 10_000;
const MAX_STARTUP_BYTES = 10_000;

export interface PasswordGate {
  port: number;
  close(): Promise<void>;
}

function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`, 'utf8'), Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/** AuthenticationCleartextPassword. */
const ASK_PASSWORD = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);

const same = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** Reads a stream of protocol messages (type byte + int32 length) across chunks, counting those `counts` picks. */
class FrameCounter {
  #pending = Buffer.alloc(0);
  constructor(private readonly counts: (type: number) => boolean) {}

  /** The messages of `chunk` (with what was left of the last one) that count. */
  count(chunk: Buffer): number {
    let n = 0;
    for (const frame of this.frames(chunk)) if (this.counts(frame[0]!)) n++;
    return n;
  }

  *frames(chunk: Buffer): Generator<Buffer> {
    let buffer = this.#pending.length > 0 ? Buffer.concat([this.#pending, chunk]) : chunk;
    while (buffer.length >= 5) {
      const end = 1 + buffer.readInt32BE(1);
      if (buffer.length < end) break;
      yield buffer.subarray(0, end);
      buffer = buffer.subarray(end);
    }
    this.#pending = Buffer.from(buffer);
  }
}

/** The transaction status of each ReadyForQuery ('Z') the server sends: I idle, T in a transaction, E failed one. */
class ReadyWatcher extends FrameCounter {
  constructor() {
    super(() => false);
  }

  statuses(chunk: Buffer): string[] {
    return [...this.frames(chunk)].filter((f) => f[0] === 0x5a).map((f) => String.fromCharCode(f[5]!));
  }
}

/**
 * PGlite runs one thing at a time, and pglite-socket interleaves its clients message by message outside a transaction:
 * one client's Parse could land between another's Parse and Bind ("bind message supplies 4 parameters, but prepared
 * statement requires 2"). So the gate gives the database to one connection at a time: from the first message it sends
 * until every request it made (each Sync or simple Query) is answered by a ReadyForQuery and no transaction is open.
 * Others' bytes wait here meanwhile, in order.
 */
class Turns {
  #holder: object | undefined;
  readonly #waiting: Array<{ who: object; run: () => void }> = [];

  join(): { send(bytes: Buffer, requests: number, write: (bytes: Buffer) => void): void; answered(status: string): void; leave(): void } {
    const who = {};
    let open = 0;
    let status = 'I';
    let left = false;
    const release = () => {
      if (this.#holder !== who) return;
      this.#holder = undefined;
      this.#next();
    };
    return {
      send: (bytes, requests, write) => {
        const run = () => {
          if (left) return this.#next();
          this.#holder = who;
          open += requests;
          write(bytes);
          // Bytes that end no request (a message split across chunks) still keep the turn until the request ends.
        };
        if (this.#holder === undefined || this.#holder === who) {
          if (this.#waiting.some((w) => w.who === who)) this.#waiting.push({ who, run });
          else run();
        } else this.#waiting.push({ who, run });
      },
      answered: (s) => {
        open = Math.max(0, open - 1);
        status = s;
        if (open === 0 && status === 'I') release();
      },
      leave: () => {
        left = true;
        for (let i = this.#waiting.length - 1; i >= 0; i--) if (this.#waiting[i]!.who === who) this.#waiting.splice(i, 1);
        release();
      },
    };
  }

  /** Hands the database to the first connection waiting, with all of its bytes waiting behind it in order. */
  #next(): void {
    while (this.#holder === undefined && this.#waiting.length > 0) {
      const first = this.#waiting.shift()!;
      first.run();
      for (let i = 0; i < this.#waiting.length; ) {
        if (this.#waiting[i]!.who === first.who) this.#waiting.splice(i, 1)[0]!.run();
        else i++;
      }
    }
  }
}

/** Listens on host:port (0 for any free port) and joins clients that give `password` to the Unix socket `upstream`. */
export async function startPasswordGate(o: { host: string; port: number; password: string; upstream: string }): Promise<PasswordGate> {
  const open = new Set<net.Socket>();
  const turns = new Turns();
  const server = net.createServer((client) => {
    open.add(client);
    client.once('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let startup: Buffer | undefined;
    const timer = setTimeout(() => client.destroy(), HANDSHAKE_TIMEOUT_MS);
    const refuse = (code: string, message: string) => {
      clearTimeout(timer);
      client.end(errorResponse(code, message));
    };

    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (true) {
        if (!startup) {
          // Before the startup message: length-prefixed requests without a type byte.
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (length < 8 || length > MAX_STARTUP_BYTES) return refuse('08P01', 'invalid startup packet');
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            client.write('N'); // no encryption on the loopback; the client goes on in plain text
            continue;
          }
          if (code === CANCEL_REQUEST) {
            clearTimeout(timer);
            client.end();
            return;
          }
          if (code !== PROTOCOL_3) return refuse('08P01', 'unsupported frontend protocol');
          startup = Buffer.from(message);
          client.write(ASK_PASSWORD);
          continue;
        }
        // After it: the password message, 'p' + length + the password and a NUL.
        if (buffer.length < 5) return;
        if (buffer[0] !== 0x70) return refuse('28000', 'password authentication required');
        const length = buffer.readInt32BE(1);
        if (length < 5 || length > MAX_STARTUP_BYTES) return refuse('08P01', 'invalid password packet');
        if (buffer.length < length + 1) return;
        const given = buffer
          .subarray(5, length + 1)
          .toString('utf8')
          .replace(/\0$/, '');
        const rest = buffer.subarray(length + 1);
        if (!same(given, o.password))
          return refuse('28P01', 'password authentication failed (the password is in DATA_DIR/pglite.address, readable by the dondoc user only)');
        client.off('data', onData);
        client.pause();
        return join(startup, rest);
      }
    };

    const join = (startupMessage: Buffer, rest: Buffer) => {
      const upstream = net.connect(o.upstream);
      open.add(upstream);
      const turn = turns.join();
      upstream.once('close', () => {
        open.delete(upstream);
        turn.leave();
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.once('close', () => {
        turn.leave();
        upstream.destroy();
      });
      upstream.once('connect', () => {
        clearTimeout(timer);
        // The startup is answered by a ReadyForQuery like a query: it takes its turn as one.
        turn.send(startupMessage, 1, (bytes) => upstream.write(bytes));
        const toUpstream = new FrameCounter((type) => type === 0x53 /* Sync */ || type === 0x51 /* Query */);
        const toClient = new ReadyWatcher();
        const forward = (chunk: Buffer) => turn.send(chunk, toUpstream.count(chunk), (bytes) => upstream.write(bytes));
        upstream.on('data', (chunk: Buffer) => {
          client.write(chunk);
          for (const status of toClient.statuses(chunk)) turn.answered(status);
        });
        if (rest.length > 0) forward(rest);
        client.on('data', forward);
        client.resume();
      });
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of open) s.destroy();
      }),
  };
}
