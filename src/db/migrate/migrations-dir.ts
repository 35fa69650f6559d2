// Reads prisma/migrations the way `prisma migrate deploy` does: one folder per migration, applied in name order.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';

export const LOCKFILE = 'migration_lock.toml';
/** Each migration folder keeps the schema it produced, so the next diff starts from it without a database. */
export const SNAPSHOT = 'schema.prisma';

export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const names = existsSync(migrationsDir) ? await readdir(migrationsDir, { withFileTypes: true }) : [];
  const dirs = names
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const lockPath = path.join(migrationsDir, LOCKFILE);
  return {
    baseDir: path.resolve(migrationsDir),
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, dir, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/** The schema snapshot of the newest migration, or undefined when there is none yet. */
export async function latestSnapshot(migrationsDir: string): Promise<string | undefined> {
  const list = await readMigrations(migrationsDir);
  const last = list.migrationDirectories.at(-1);
  if (!last) return undefined;
  const file = path.join(migrationsDir, last.path, SNAPSHOT);
  if (!existsSync(file)) throw new Error(`migration ${last.path} has no ${SNAPSHOT} snapshot; cannot diff from it`);
  return readFile(file, 'utf8');
}
