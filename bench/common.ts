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

export function adminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
}

/**
 * This run's tag, in every database name and Redis prefix it makes, so benchmarks run beside the tests and beside each
 * other (two runs of one benchmark included): nothing here drops or flushes what another run uses. The process id in
 * it lets a later run drop the databases of a run that was killed (its process is gone).
 */
export const RUN_TAG = `p${process.pid}_${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;

export function urlFor(dbName: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${dbName}`;
  return u.toString();
}

/** `dd_bench_<name>_<run tag>`: this run's own database. */
export function benchDbName(name: string): string {
  return `dd_bench_${name}_${RUN_TAG}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Drops the tagged databases of earlier runs whose process is gone (killed before it could drop them). */
async function dropOrphans(admin: pg.Client): Promise<void> {
  const rows = (await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'dd_bench_%_p%'`)).rows;
  for (const { datname } of rows) {
    const pid = Number(/_p(\d+)_[0-9a-z]+_[0-9a-f]{4}$/.exec(datname)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
}

const live = new Set<string>();
let signalsHooked = false;
/** Ctrl-C during a benchmark still drops its databases (unless BENCH_KEEP). */
function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      void dropDatabases([...live]).finally(() => process.exit(130));
    });
  }
}

export async function dropDatabases(names: readonly string[]): Promise<void> {
  if (names.length === 0 || process.env.BENCH_KEEP) return;
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    for (const n of names) {
      await c.query(`DROP DATABASE IF EXISTS "${n}" WITH (FORCE)`);
      live.delete(n);
    }
  } finally {
    await c.end();
  }
}

/** Creates this run's database `name` (already tagged) and migrates it like production. */
export async function createBenchDatabase(dbName: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await dropOrphans(admin);
    await admin.query(`CREATE DATABASE "${dbName}"`);
  } finally {
    await admin.end();
  }
  live.add(dbName);
  hookSignals();
  const url = urlFor(dbName);
  await applyMigrations(url);
  return url;
}

export interface BenchDatabase {
  name: string;
  url: string;
  db: PrismaClient;
  /** A plain pg client for bulk SQL. */
  sql: pg.Client;
  drop(): Promise<void>;
}

/** A fresh database `dd_bench_<name>_<run tag>` migrated like production; dropped by `drop()` unless BENCH_KEEP. */
export async function benchDatabase(name: string, poolSize = 20): Promise<BenchDatabase> {
  const dbName = benchDbName(name);
  const url = await createBenchDatabase(dbName);
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
      await dropDatabases([dbName]);
    },
  };
}

/** A BullMQ / pacer prefix of this run: `bench-<name>-<run tag>-<random>`. */
export function uniquePrefix(name: string): string {
  return `bench-${name}-${RUN_TAG}-${randomBytes(2).toString('hex')}`;
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
    redis = execFileSync('redis-server', ['--version'], { encoding: 'utf8' })
      .split(' ')
      .find((p) => p.startsWith('v='))
      ?.slice(2);
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

/** The commit the benchmark ran (with "+changes" when the work tree differed from it). */
function gitHead(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return undefined;
  }
}

export async function writeResult(name: string, result: Record<string, unknown>): Promise<string> {
  const dir = path.join(ROOT, 'bench', 'results');
  await mkdir(dir, { recursive: true });
  // BENCH_RUN=2 writes <name>-2.json: the runs of one figure side by side (the README quotes all of them).
  const run = process.env.BENCH_RUN;
  const file = path.join(dir, run ? `${name}-${run}.json` : `${name}.json`);
  await writeFile(
    file,
    JSON.stringify({ benchmark: name, at: new Date().toISOString(), scale: SCALE, runTag: RUN_TAG, commit: gitHead(), ...result }, null, 2) + '\n',
  );
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

/**
 * `n` NORMAL tasks spread over the units of {@link fillOrganisation}, each waiting for acceptance with its TASK_ACCEPT
 * clock already due (a minute ago): the wave the engine benchmarks fire. ANALYZEs afterwards.
 */
export async function fillDueTaskClocks(sql: pg.Client, n: number, units: number): Promise<void> {
  await sql.query(`
    INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
    SELECT 'NV-2026-' || lpad(g::text, 6, '0'), 2026, g, 'Rà soát hồ sơ số ' || g || ' theo Kế hoạch 12/KH-UBND', 'Báo cáo bằng văn bản', 'NORMAL', 'ASSIGNED',
           now() + interval '20 days', now() + interval '20 days', (u - 1) * 5 + 1, (u - 1) * 5 + 3 + g % 3, u, now() - interval '1 day', now()
    FROM generate_series(1, ${n}) g, LATERAL (SELECT 1 + g % ${units} AS u) x;
    INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, state, generation, "dueAt", "stepMs", level, cycle, "nextAt", "updatedAt")
    SELECT 'TASK', id, 'TASK_ACCEPT', "assigneeId", 'NORMAL', 'ACTIVE', 0, now() - interval '1 minute', 7200000, 0, 0, now() - interval '1 minute', now() FROM task;
    ANALYZE;`);
}
