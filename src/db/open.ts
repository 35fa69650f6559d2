// Opens the database the configuration names; with no DATABASE_URL, the embedded PostgreSQL under DATA_DIR.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DEFAULT_ORG, createPrismaClient, type PrismaClient } from './client.js';
import { startEmbeddedPostgres } from './embedded.js';
import { applyMigrations } from './migrate/apply.js';
import { ensurePrivateDir, writePrivateFile } from './private-files.js';

export interface OpenDatabase {
  url: string;
  db: PrismaClient;
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
  migrate: boolean;
  /** The organisation the client works for (default 'default'); the embedded database has only 'default'. */
  orgId?: string;
  /** The process that owns the embedded database publishes its address so the CLI can share it. */
  publishEmbedded?: boolean;
}

/** Only the default organisation lives in the embedded database (no roles, no row-level security there). */
export class EmbeddedSingleOrganisation extends Error {
  constructor(readonly orgId: string) {
    super(`the embedded database holds the default organisation only, not ${orgId}: set DATABASE_URL to a PostgreSQL server`);
  }
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  let url = options.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  const pgDir = path.join(options.dataDir, 'pglite');
  const addressFile = path.join(options.dataDir, 'pglite.address');

  if (!url) {
    ensurePrivateDir(options.dataDir);
    // PGlite opens its files in one process only: if the bot already runs on them, talk to it.
    const published = existsSync(addressFile) ? readFileSync(addressFile, 'utf8').trim() : '';
    const port = Number(new URL(published || 'postgresql://x@127.0.0.1:1/').port);
    if (published && (await portIsOpen(port))) {
      url = published;
    } else {
      const pg = await startEmbeddedPostgres({ dataDir: pgDir, maxConnections: options.poolSize + 8 });
      url = pg.url;
      stopEmbedded = pg.stop;
      // The address holds the password: for this user's eyes only (the CLI run by the same user reads it).
      if (options.publishEmbedded) writePrivateFile(addressFile, `${pg.url}\n`);
    }
  }
  if (options.migrate) await applyMigrations(url);
  const embedded = !options.databaseUrl;
  const orgId = options.orgId ?? DEFAULT_ORG;
  if (embedded && orgId !== DEFAULT_ORG) {
    await stopEmbedded?.();
    throw new EmbeddedSingleOrganisation(orgId);
  }
  // PGlite ignores the startup options (dondoc.org, role): there the client is the owner, and every row is 'default's
  // through the column defaults. Row-level security needs a PostgreSQL server.
  const db = createPrismaClient(url, { poolSize: options.poolSize, orgId, owner: embedded, ...(embedded ? { transactionWaitMs: 30_000 } : {}) });
  return {
    url,
    db,
    embedded,
    async close() {
      await db.$disconnect();
      if (stopEmbedded) {
        if (options.publishEmbedded) rmSync(addressFile, { force: true });
        await stopEmbedded();
      }
    },
  };
}
