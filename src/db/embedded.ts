// Embedded PostgreSQL for a server with none: PGlite (PostgreSQL compiled to WebAssembly) served on a local port,
// so Prisma's pg adapter, the migration engine and psql all talk to it as to any PostgreSQL. PGlite takes any
// password, so it listens only on a Unix socket in a private temporary directory and the local port is a password
// gate in front of it (password-gate.ts) with a random password made at each start.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { startPasswordGate } from './password-gate.js';
import { ensurePrivateDir } from './private-files.js';

export interface EmbeddedPostgres {
  /** Holds the password: write it only to a private file (writePrivateFile). */
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: { dataDir: string | undefined; port?: number; maxConnections?: number }): Promise<EmbeddedPostgres> {
  if (options.dataDir) ensurePrivateDir(options.dataDir);
  const db = await PGlite.create(options.dataDir);
  // mkdtemp makes the directory 0700: only this user can reach the socket inside. A short path (a Unix socket path
  // has at most 107 bytes), wherever DATA_DIR is.
  const socketDir = mkdtempSync(path.join(tmpdir(), 'dondoc-pg-'));
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  // The socket server queues queries from all connections and keeps a transaction on its own connection.
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: options.maxConnections ?? 32 });
  const password = randomBytes(24).toString('base64url');
  try {
    await server.start();
    const gate = await startPasswordGate({ host: '127.0.0.1', port: options.port ?? 0, password, upstream: socketPath });
    return {
      url: `postgresql://postgres:${password}@127.0.0.1:${gate.port}/postgres?sslmode=disable`,
      async stop() {
        await gate.close();
        await server.stop();
        await db.close();
        rmSync(socketDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await server.stop().catch(() => {});
    await db.close().catch(() => {});
    rmSync(socketDir, { recursive: true, force: true });
    throw e;
  }
}
