// Loads Prisma's schema engine compiled to WebAssembly. The package imports its .wasm file as an ES module,
// which Node 20 cannot do without a flag, so we instantiate the module ourselves and hand it over.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { splitSqlStatements } from './split-sql.js';

export type { SchemaEngine };

type WasmExports = Record<string, unknown>;
type BindgenModule = typeof import('@prisma/schema-engine-wasm') & {
  __wbg_set_wasm(exports: WasmExports): void;
};

// The global WebAssembly API, typed just enough (the project's lib settings do not include the DOM typings).
const wasmApi = (
  globalThis as unknown as {
    WebAssembly: { instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }> };
  }
).WebAssembly;

let loaded: Promise<BindgenModule> | undefined;

function loadBindings(): Promise<BindgenModule> {
  loaded ??= (async () => {
    const require = createRequire(import.meta.url);
    // The package exports no package.json; resolve its JS entry, which sits beside the .wasm file.
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bindings = (await import(pathToFileURL(path.join(dir, 'schema_engine_bg.js')).href)) as BindgenModule;
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
    return bindings;
  })();
  return loaded;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections (an open pool would keep the process alive). */
  close(): Promise<void>;
}

/** Opens a schema engine connected to the database at `databaseUrl` through the pg driver adapter. */
export async function openSchemaEngine(databaseUrl: string, schema: { path: string; content: string }): Promise<OpenedSchemaEngine> {
  const bindings = await loadBindings();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const factory = bindMigrationAwareSqlAdapterFactory(keepingDollarQuotes(new PrismaPg(pool)));
  const engine = await bindings.SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => {}, factory);
  return {
    engine,
    async close() {
      engine.free();
      await pool.end();
    },
  };
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * The pg adapter factory with a script runner that splits statements with splitSqlStatements instead of on every ";"
 * (which breaks DO $$ … $$ blocks). Errors go through the adapter's own conversion, as before.
 */
function keepingDollarQuotes(base: PrismaPg): PrismaPg {
  const connect = base.connect.bind(base);
  base.connect = async () => {
    const adapter = await connect();
    const inner = adapter as PgAdapter & { client: { query(sql: string): Promise<unknown> }; onError(e: unknown): never };
    adapter.executeScript = async (script: string) => {
      for (const statement of splitSqlStatements(script)) {
        try {
          await inner.client.query(statement);
        } catch (e) {
          inner.onError(e);
        }
      }
    };
    return adapter;
  };
  return base;
}

export const noFilters = { externalTables: [], externalEnums: [] };
