import { readFile } from 'node:fs/promises';
import { noFilters, openSchemaEngine } from './schema-engine.js';
import { migrationsAppliedAlready } from './applied-already.js';
import { readMigrations } from './migrations-dir.js';
import { migrationsDir as defaultMigrationsDir, schemaPath } from './paths.js';

/** Applies pending migrations and records them in _prisma_migrations, as `prisma migrate deploy` would. */
export async function applyMigrations(databaseUrl: string, migrationsDir = defaultMigrationsDir): Promise<string[]> {
  const list = await readMigrations(migrationsDir);
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
