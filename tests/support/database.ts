// A database of its own for each test file, cloned from the migrated template in milliseconds.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { createOwnerClient, createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { createStores } from '../../src/db/stores.js';
import { TEST_ADMIN_DATABASE_URL, databaseUrlFor } from './env.js';

export interface TestDatabase {
  name: string;
  url: string;
  /** The application's client: role dondoc_app, organisation 'default', under row-level security. */
  db: PrismaClient;
  /** The owner's client (no role switch): for what the application may not do, such as DDL. Opened on first use. */
  readonly owner: PrismaClient;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const name = `dd_t_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrlFor(name);
  const db = createPrismaClient(url, { poolSize: 5 });
  let owner: PrismaClient | undefined;
  return {
    name,
    url,
    db,
    get owner() {
      owner ??= createOwnerClient(url);
      return owner;
    },
    async drop() {
      await db.$disconnect();
      await owner?.$disconnect();
      const c = new pg.Client({ connectionString: TEST_ADMIN_DATABASE_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The store ports over a test database's client, for the use cases that need nothing else of the app (linking, import). */
export function storesOn(db: PrismaClient): Pick<AppContext, 'stores'> {
  return { stores: createStores(db) };
}
