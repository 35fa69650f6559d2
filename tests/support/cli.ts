// Runs a CLI command against a test database, capturing what it prints.
import type { CliCommand, CliContext } from '../../src/cli/context.js';
import { createConfig } from '../../src/config.js';
import { DEFAULT_ORG, createPrismaClient } from '../../src/db/client.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import type { TestDatabase } from './database.js';
import { TEST_REDIS_URL } from './env.js';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** `redisUrl` points the command at another Redis (a closed port: Redis down); `queueTimeoutMs` is how long it waits. */
export function cliRunner(t: () => TestDatabase, options: { now?: string; redisUrl?: string; queueTimeoutMs?: number; env?: Record<string, string> } = {}) {
  const catalogue = Catalogue.load();
  return async (command: CliCommand, ...args: string[]): Promise<CliRun> => {
    const db = t();
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      config: createConfig({ DATABASE_URL: db.url, REDIS_URL: options.redisUrl ?? TEST_REDIS_URL, QUEUE_PREFIX: `cli-${db.name}`, ...options.env }),
      time: new ManualTime(options.now ?? '2026-12-07T02:00:00Z'),
      catalogue,
      // The test database's client for 'default'; another organisation (--org) gets a client of its own, as the CLI does.
      openDatabase: async (o) => {
        if (!o?.orgId || o.orgId === DEFAULT_ORG) return { url: db.url, db: db.db, embedded: false, close: async () => {} };
        const own = createPrismaClient(db.url, { poolSize: 2, orgId: o.orgId });
        return { url: db.url, db: own, embedded: false, close: () => own.$disconnect() };
      },
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      ...(options.queueTimeoutMs !== undefined ? { queueTimeoutMs: options.queueTimeoutMs } : {}),
    };
    return { code: await command.run(ctx, args), out, err };
  };
}
