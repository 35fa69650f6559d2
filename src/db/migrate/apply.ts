import { readFile } from 'node:fs/promises';
import { noFilters, openSchemaEngine } from './schema-engine.js';
import { migrationsAppliedAlready } from './applied-already.js';
import { readMigrations } from './migrations-dir.js';
import { migrationsDir as defaultMigrationsDir, schemaPath } from './paths.js';

export interface ApplyOptions {
  /**
   * Stop after this migration (its folder name): the database as a release that ended there left it. For the upgrade
   * tests (tests/integration/tenancy-upgrade.test.ts), which build the previous release's database.
   */
  through?: string;
}

/**
 * Applies pending migrations and records them in _prisma_migrations, as `prisma migrate deploy` would. Run with the
 * database's owner (no role switch): migrations create tables, roles and policies.
 */
export async function applyMigrations(databaseUrl: string, migrationsDir = defaultMigrationsDir, options: ApplyOptions = {}): Promise<string[]> {
  const list = await readMigrations(migrationsDir);
  if (options.through !== undefined) {
    const at = list.migrationDirectories.findIndex((m) => m.path === options.through);
    if (at < 0) throw new Error(`no migration ${options.through} in ${migrationsDir}`);
    list.migrationDirectories = list.migrationDirectories.slice(0, at + 1);
  }
  // Nothing to apply (every start but the first after an upgrade): the schema engine is not even loaded.
  if (await migrationsAppliedAlready(databaseUrl, list)) return [];
  const opened = await openSchemaEngine(databaseUrl, { path: 'schema.prisma', content: await readFile(schemaPath, 'utf8') });
  try {
    const { appliedMigrationNames } = await opened.engine.applyMigrations({ migrationsList: list, filters: noFilters });
    return appliedMigrationNames;
  } finally {
    await opened.close();
  }
}
