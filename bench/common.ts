// Shared by the engine, delivery, inbound and rebuild benchmarks: a database of their own (created from the
// migrations, dropped afterwards), the machine they ran on, percentiles, and where results go.
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate/apply.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** BENCH_SCALE=0.1 runs every benchmark on a tenth of its data (a quick look, not a result). */
export const SCALE = Number(process.env.BENCH_SCALE ?? '1');
export const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * SCALE));

function adminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
}

export interface BenchDatabase {
  name: string;
  url: string;
  db: PrismaClient;
  /** A plain pg client for bulk SQL. */
  sql: pg.Client;
  drop(): Promise<void>;
}

/** A fresh database `dd_bench_<name>` migrated like production. */
export async function benchDatabase(name: string, poolSize = 20): Promise<BenchDatabase> {
  const dbName = `dd_bench_${name}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const u = new URL(adminUrl());
  u.pathname = `/${dbName}`;
  const url = u.toString();
  await applyMigrations(url);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const db = createPrismaClient(url, { poolSize });
  return {
    name: dbName,
    url,
    db,
    sql,
    async drop() {
      await db.$disconnect();
      await sql.end();
      if (process.env.BENCH_KEEP) return;
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function uniquePrefix(name: string): string {
  return `bench-${name}-${randomBytes(4).toString('hex')}`;
}

export interface Machine {
  cpus: number;
  cpu: string;
  memoryGb: number;
  node: string;
  postgres?: string;
  redis?: string;
  /** 1-minute load average when the benchmark started: other work on the machine skews every figure. */
  loadAverage: number;
}

export async function machine(sql?: pg.Client): Promise<Machine> {
  let redis: string | undefined;
  try {
    redis = execFileSync('redis-server', ['--version'], { encoding: 'utf8' }).split(' ').find((p) => p.startsWith('v='))?.slice(2);
  } catch {
    redis = undefined;
  }
  const postgres = sql ? String((await sql.query('SHOW server_version')).rows[0]?.server_version ?? '') : undefined;
  return {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    ...(postgres ? { postgres } : {}),
    ...(redis ? { redis } : {}),
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

/** p in [0, 1] of unsorted numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function writeResult(name: string, result: Record<string, unknown>): Promise<string> {
  const dir = path.join(ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify({ benchmark: name, at: new Date().toISOString(), scale: SCALE, ...result }, null, 2) + '\n');
  return path.relative(ROOT, file);
}

export function logger(name: string): (line: string) => void {
  return (line) => process.stdout.write(`[${name}] ${line}\n`);
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round(performance.now() - t0), value };
}

/**
 * An organisation for benchmarks: `units` units under one district unit, 5 officials each (the first is the head),
 * every official linked to Telegram chat 100000 + id.
 */
export async function fillOrganisation(sql: pg.Client, units: number): Promise<{ officials: number }> {
  const officials = units * 5;
  await sql.query(`
    INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt") VALUES (1, 'U1', 'Huyện', NULL, '/1/', 0, now());
    INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt")
      SELECT g, 'U' || g, 'Phòng số ' || g, 1, '/1/' || g || '/', 1, now() FROM generate_series(2, ${units}) g;
    SELECT setval(pg_get_serial_sequence('unit', 'id'), ${units});
    INSERT INTO official (id, code, "fullName", "nameFolded", title, role, "unitId", locale, "updatedAt")
      SELECT g, 'CB' || g, 'Nguyễn Văn ' || g, 'nguyen van ' || g, 'Chuyên viên',
             (CASE (g - 1) % 5 WHEN 0 THEN 'HEAD' WHEN 1 THEN 'DEPUTY' ELSE 'MEMBER' END)::"Role", 1 + (g - 1) / 5, 'vi', now()
      FROM generate_series(1, ${officials}) g;
    SELECT setval(pg_get_serial_sequence('official', 'id'), ${officials});
    INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId")
      SELECT g, 'TELEGRAM', (100000 + g)::text, (100000 + g)::text FROM generate_series(1, ${officials}) g;`);
  return { officials };
}
