// A password in front of the embedded PostgreSQL. PGlite accepts any password (it has no pg_hba), so on its own any
// user of the machine could open 127.0.0.1:<port> and read the officials' names and phone numbers. PGlite itself
// listens on a Unix socket in a directory only we can enter; this gate listens on the TCP port, asks each client for
// the password (PostgreSQL's cleartext password exchange: it never leaves the loopback interface), and only then
// joins the client to PGlite by replaying its startup message. From there bytes pass through untouched.
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
  const fields = Buffer.concat([
    Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0`, 'utf8'),
    Buffer.from([0]),
  ]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/** AuthenticationCleartextPassword. */
const ASK_PASSWORD = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);

const same = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** Listens on host:port (0 for any free port) and joins clients that give `password` to the Unix socket `upstream`. */
export async function startPasswordGate(o: { host: string; port: number; password: string; upstream: string }): Promise<PasswordGate> {
  const open = new Set<net.Socket>();
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
        const given = buffer.subarray(5, length + 1).toString('utf8').replace(/\0$/, '');
        const rest = buffer.subarray(length + 1);
        if (!same(given, o.password)) return refuse('28P01', 'password authentication failed (the password is in DATA_DIR/pglite.address, readable by the dondoc user only)');
        client.off('data', onData);
        client.pause();
        return join(startup, rest);
      }
    };

    const join = (startupMessage: Buffer, rest: Buffer) => {
      const upstream = net.connect(o.upstream);
      open.add(upstream);
      upstream.once('close', () => {
        open.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => upstream.destroy());
      client.once('close', () => upstream.destroy());
      upstream.once('connect', () => {
        clearTimeout(timer);
        upstream.write(startupMessage);
        if (rest.length > 0) upstream.write(rest);
        upstream.pipe(client);
        client.pipe(upstream);
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
