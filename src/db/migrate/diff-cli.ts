// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the change between the
// newest migration's schema snapshot and prisma/schema.prisma. Runs on an in-memory PGlite: no server needed.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedPostgres } from '../embedded.js';
import { LOCKFILE, SNAPSHOT, latestSnapshot } from './migrations-dir.js';
import { migrationsDir, schemaPath } from './paths.js';
import { noFilters, openSchemaEngine } from './schema-engine.js';

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

async function main(): Promise<number> {
  const name = (process.argv[2] ?? '')
    .trim()
    .replace(/[^a-z0-9_]+/gi, '_')
    .toLowerCase();
  if (!name) {
    console.error('usage: npm run db:diff -- <migration_name>');
    return 2;
  }
  const current = await readFile(schemaPath, 'utf8');
  const previous = await latestSnapshot(migrationsDir);
  const pg = await startEmbeddedPostgres({ dataDir: undefined });
  const opened = await openSchemaEngine(pg.url, { path: 'schema.prisma', content: current });
  try {
    const result = await opened.engine.diff({
      from: previous === undefined ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: previous }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: current }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = (result.stdout ?? '').trim();
    if (!sql || /^-- This is an empty migration\.?$/m.test(sql)) {
      console.log('schema.prisma matches the newest migration: nothing to write');
      return 0;
    }
    const dir = path.join(migrationsDir, `${stamp(new Date())}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), `${sql}\n`);
    await copyFile(schemaPath, path.join(dir, SNAPSHOT));
    await writeFile(path.join(migrationsDir, LOCKFILE), '# Written by npm run db:diff; keep it in version control.\nprovider = "postgresql"\n');
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
    return 0;
  } finally {
    await opened.close();
    await pg.stop();
  }
}

process.exitCode = await main();
