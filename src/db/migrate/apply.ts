import { readFile } from 'node:fs/promises';
import { noFilters, openSchemaEngine } from './schema-engine.js';
import { readMigrations } from './migrations-dir.js';
import { migrationsDir as defaultMigrationsDir, schemaPath } from './paths.js';

/** Applies pending migrations and records them in _prisma_migrations, as `prisma migrate deploy` would. */
export async function applyMigrations(databaseUrl: string, migrationsDir = defaultMigrationsDir): Promise<string[]> {
  const opened = await openSchemaEngine(databaseUrl, { path: 'schema.prisma', content: await readFile(schemaPath, 'utf8') });
  try {
    const list = await readMigrations(migrationsDir);
    const { appliedMigrationNames } = await opened.engine.applyMigrations({ migrationsList: list, filters: noFilters });
    return appliedMigrationNames;
  } finally {
    await opened.close();
  }
}
