// Issue 14: a start whose database has every migration applied does not load the schema engine (5 MB of WebAssembly
// compiled at every start); anything else (a new migration, an edited one, a failed one, no table) still goes to the
// engine, which applies or refuses as before.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsAppliedAlready } from '../../src/db/migrate/applied-already.js';
import { applyMigrations } from '../../src/db/migrate/apply.js';
import { readMigrations } from '../../src/db/migrate/migrations-dir.js';
import { migrationsDir } from '../../src/db/migrate/paths.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { TEST_ADMIN_DATABASE_URL, databaseUrlFor } from '../support/env.js';

let tdb: TestDatabase;
let dir: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'dd-migrations-'));
});

afterAll(async () => {
  await tdb?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('migrations already applied', () => {
  it('is true for a migrated database, and applying then does nothing', async () => {
    expect(await migrationsAppliedAlready(tdb.url, await readMigrations(migrationsDir))).toBe(true);
    expect(await applyMigrations(tdb.url)).toEqual([]);
  });

  it('is false with a new migration in the folder, which the engine then applies', async () => {
    const folder = path.join(dir, 'with-new');
    await cp(migrationsDir, folder, { recursive: true });
    const name = '29991231000000_issue_14_probe';
    await mkdir(path.join(folder, name));
    await writeFile(path.join(folder, name, 'migration.sql'), 'CREATE TABLE issue_14_probe (id integer PRIMARY KEY);\n');
    expect(await migrationsAppliedAlready(tdb.url, await readMigrations(folder))).toBe(false);
    expect(await applyMigrations(tdb.url, folder)).toEqual([name]);
    expect((await tdb.db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM issue_14_probe'))[0]!.n).toBe(0n);
    expect(await migrationsAppliedAlready(tdb.url, await readMigrations(folder))).toBe(true);
    // The database now has a migration the project's folder lacks: the engine decides, not the shortcut.
    expect(await migrationsAppliedAlready(tdb.url, await readMigrations(migrationsDir))).toBe(false);
  });

  // On the database and folder of the test above.
  it('is false when a recorded migration was edited since, or left unfinished', async () => {
    const folder = path.join(dir, 'with-new');
    const list = await readMigrations(folder);
    await tdb.db.$executeRawUnsafe(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = '20261126133500_init'`);
    expect(await migrationsAppliedAlready(tdb.url, list)).toBe(false);
    // Put back as the engine wrote it (the SHA-256 of the SQL): true again.
    await tdb.db.$executeRawUnsafe(
      `UPDATE _prisma_migrations SET checksum = encode(sha256(convert_to($1, 'UTF8')), 'hex') WHERE migration_name = '20261126133500_init'`,
      await readFile(path.join(folder, '20261126133500_init', 'migration.sql'), 'utf8'),
    );
    expect(await migrationsAppliedAlready(tdb.url, list)).toBe(true);
    await tdb.db.$executeRawUnsafe(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ('issue-14-failed', 'x', '29991231000001_failed', now(), 0)`,
    );
    expect(await migrationsAppliedAlready(tdb.url, list)).toBe(false);
  });

  it('is false for a database with no migrations table', async () => {
    const name = `dd_t_empty_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
      expect(await migrationsAppliedAlready(databaseUrlFor(name), await readMigrations(migrationsDir))).toBe(false);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
