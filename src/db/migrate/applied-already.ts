// Whether a database has every migration of the folder applied already, read with one query from _prisma_migrations
// (the table `prisma migrate deploy` and our schema engine keep). Every start migrates (src/db/open.ts), and opening the
// schema engine means compiling its 5 MB of WebAssembly: on the shared 2-core machine that was seconds of the start
// and tens of MB of the idle bot's memory for a step that almost always has nothing to do (issue 14). When anything
// differs (a migration missing, failed, rolled back or edited, the table absent), the schema engine decides as before.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { MigrationList } from '@prisma/schema-engine-wasm';

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** The checksum the schema engine records: the SHA-256 of the migration's SQL, in hex. */
const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');

/** True only when the recorded migrations are exactly those of `list`, each finished with the same SQL, none left unfinished. */
export async function migrationsAppliedAlready(databaseUrl: string, list: MigrationList): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = (
      await client.query<AppliedRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations').catch((e: { code?: string }) => {
        if (e.code === '42P01') return { rows: [] }; // no table: a new database
        throw e;
      })
    ).rows;
    // A migration that started and neither finished nor was rolled back: the engine reports it (P3009).
    if (rows.some((r) => r.finished_at === null && r.rolled_back_at === null)) return false;
    const finished = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
    // One the folder does not have (a newer release ran on this database): the engine's answer, not ours.
    const local = new Set(list.migrationDirectories.map((m) => m.path));
    if ([...finished.keys()].some((name) => !local.has(name))) return false;
    return list.migrationDirectories.every((m) => {
      const content = m.migrationFile.content;
      return content.tag === 'ok' && finished.get(m.path) === checksum(content.value);
    });
  } finally {
    await client.end();
  }
}
