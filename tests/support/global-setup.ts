// Runs once per `vitest run`: migrates a template database that every test file clones (CREATE DATABASE … TEMPLATE),
// and drops clones left behind by runs that were killed.
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { readMigrations } from '../../src/db/migrate/migrations-dir.js';
import { migrationsDir } from '../../src/db/migrate/paths.js';
import { applyMigrations } from '../../src/db/migrate/apply.js';
import { TEST_ADMIN_DATABASE_URL, databaseUrlFor } from './env.js';

const STALE_MS = 6 * 3600_000;

export default async function setup({ provide }: { provide: (key: string, value: string) => void }) {
  const list = await readMigrations(migrationsDir);
  const hash = createHash('sha256');
  for (const d of list.migrationDirectories) hash.update(d.path).update(d.migrationFile.content.tag === 'ok' ? d.migrationFile.content.value : '');
  hash.update(await readFile(new URL('./global-setup.ts', import.meta.url), 'utf8'));
  const template = `dd_tpl_${hash.digest('hex').slice(0, 12)}`;

  const admin = new pg.Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    // Two runs at once (a developer and CI) must not build the same template together.
    await admin.query('SELECT pg_advisory_lock(7262001)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${template}_tmp"`).catch(async () => {
        await admin.query(`DROP DATABASE IF EXISTS "${template}_tmp" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${template}_tmp"`);
      });
      await applyMigrations(databaseUrlFor(`${template}_tmp`));
      await admin.query(`ALTER DATABASE "${template}_tmp" RENAME TO "${template}"`).catch(async () => {
        await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [`${template}_tmp`]);
        await admin.query(`ALTER DATABASE "${template}_tmp" RENAME TO "${template}"`);
      });
    }
    // Templates carry their creation time as a comment: another checkout running at the same time (with other
    // migrations) keeps its template; only templates and clones older than STALE_MS go.
    await admin.query(`COMMENT ON DATABASE "${template}" IS '${Date.now()}'`);
    const stale = await admin.query<{ datname: string; created: string | null }>(
      "SELECT datname, shobj_description(oid, 'pg_database') AS created FROM pg_database WHERE datname LIKE 'dd\\_t\\_%' OR datname LIKE 'dd\\_tpl\\_%'",
    );
    for (const { datname, created } of stale.rows) {
      const ts = datname.startsWith('dd_t_') ? Number(datname.split('_')[2]) : Number(created);
      const old = Number.isFinite(ts) && ts > 0 ? Date.now() - ts > STALE_MS : !datname.endsWith('_tmp');
      if (datname !== template && old) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(7262001)').catch(() => {});
    await admin.end();
  }
  provide('templateDatabase', template);
  // The in-process fixture's sample district (tests/support/app-fixture.ts): made by the first file that needs it,
  // shared by every file of this run, dropped at the end. The timestamp in the name lets a killed run's copy go as
  // stale with the clones.
  const sample = `dd_t_${Date.now()}_sample_${randomBytes(4).toString('hex')}`;
  provide('sampleDatabase', sample);
  return async () => {
    const c = new pg.Client({ connectionString: TEST_ADMIN_DATABASE_URL });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS "${sample}" WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
    sampleDatabase: string;
  }
}
