import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { ensureRedis } from '../../src/runtime/redis-bootstrap.js';
import { redisAnswers } from '../../jobs/connection.js';

const root = path.resolve(import.meta.dirname, '..', '..');

// How long these steps take depends on the machine and on what else runs on it (a busy machine ran the embedded
// PostgreSQL test in over a minute). So no step has a fixed time limit: each is given a multiple of a step this test
// measured, on the same machine at the same moment. The vitest timeout is only a guard against a hang.
const HANG_GUARD_MS = 15 * 60_000;
/** A later step may take this many times the step it is measured against. */
const SLOWER = 3;

/** Rejects when `work` takes longer than `ms`, saying what it was measured against. */
async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms)} ms`)), ms);
  });
  try {
    const result = await Promise.race([work, late]);
    console.info(`${what}: ${Math.round(performance.now() - started)} ms (limit ${Math.round(ms)} ms)`);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

function startMain(env: NodeJS.ProcessEnv, timeoutMs: number, args: string[] = []) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { ...r, ms: performance.now() - started };
}

/** How long the first start of src/main.ts took in this file (it refuses at once: an option it does not know). */
let refusedStartMs: number | undefined;
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'dondoc-rt-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('starting on a bare server', () => {
  // Without a token the start is the sandbox (tests/integration/sandbox-start.test.ts); an option it does not know
  // stops it before it opens anything.
  it(
    'refuses an unknown option on the command line',
    () => {
      const r = startMain({ PATH: process.env.PATH ?? '', DATA_DIR: tempDir() }, HANG_GUARD_MS, ['--rest']);
      refusedStartMs = r.ms;
      console.info(`refused start for an unknown option: ${Math.round(r.ms)} ms`);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('unknown option --rest (npm start accepts --reset and --tour)');
    },
    HANG_GUARD_MS,
  );

  it(
    'with a wrong variable, names it and exits',
    () => {
      // As quick as the refusal above: both stop at the configuration (a hang here is not waiting for something).
      const limit = refusedStartMs === undefined ? HANG_GUARD_MS : Math.ceil(SLOWER * refusedStartMs);
      const r = startMain({ PATH: process.env.PATH ?? '', HTTP_PORT: 'abc', TELEGRAM_BOT_TOKEN: '1:x' }, limit);
      expect(r.error, `limit ${Math.round(limit)} ms from the first start's ${Math.round(refusedStartMs ?? 0)} ms`).toBeUndefined();
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('HTTP_PORT must be a positive whole number');
      expect(r.stderr).toContain('TELEGRAM_BOT_TOKEN does not look like a bot token');
    },
    HANG_GUARD_MS,
  );

  it(
    'runs an embedded PostgreSQL under DATA_DIR, migrated, and a second process shares it',
    async () => {
      const dataDir = tempDir();
      const started = performance.now();
      const first = await openDatabase({ databaseUrl: undefined, dataDir, poolSize: 2, migrate: true, publishEmbedded: true });
      // Creating and migrating the database: each later open does less (it finds the schema in place).
      const limit = SLOWER * (performance.now() - started);
      try {
        expect(first.embedded).toBe(true);
        await first.db.unit.create({ data: { code: 'HU', name: 'Huyện ủy' } });
        // The CLI while the bot runs: PGlite opens its files in one process only, so it talks to the running one.
        const second = await within(
          openDatabase({ databaseUrl: undefined, dataDir, poolSize: 2, migrate: true }),
          limit,
          'opening through the running process',
        );
        try {
          expect(second.url).toBe(first.url);
          expect(await second.db.unit.count()).toBe(1);
        } finally {
          await second.close();
        }
      } finally {
        await first.close();
      }
      // Data survives a restart.
      const again = await within(openDatabase({ databaseUrl: undefined, dataDir, poolSize: 2, migrate: true }), limit, 'opening again after a restart');
      try {
        expect(await again.db.unit.findFirst({ where: { code: 'HU' } })).not.toBeNull();
      } finally {
        await again.close();
      }
    },
    HANG_GUARD_MS,
  );

  it('keeps concurrent queries from many connections apart on the embedded PostgreSQL', async () => {
    // pglite-socket ran one connection's Parse between another's Parse and Bind ("bind message supplies 2 parameters,
    // but prepared statement requires 1"); the password gate now gives PGlite to one request at a time.
    const db = await openDatabase({ databaseUrl: undefined, dataDir: tempDir(), poolSize: 8, migrate: false });
    try {
      const asked = Array.from({ length: 120 }, (_, i) => i);
      const answers = await Promise.all(
        asked.map((i) =>
          i % 2 === 0
            ? db.db.$queryRawUnsafe<{ n: number }[]>('SELECT $1::int AS n', i)
            : db.db.$queryRawUnsafe<{ n: number }[]>('SELECT $1::int + $2::int AS n', i, 1000),
        ),
      );
      expect(answers.map((r) => Number(r[0]!.n))).toEqual(asked.map((i) => (i % 2 === 0 ? i : i + 1000)));
    } finally {
      await db.close();
    }
  }, 120_000);

  it('starts its own redis-server when nothing answers on a local REDIS_URL', async () => {
    const url = `redis://127.0.0.1:${6400 + Math.floor(Math.random() * 500)}`;
    expect(await redisAnswers(url, 300)).toBe(false);
    const redis = await ensureRedis(url, tempDir());
    try {
      expect(await redisAnswers(url)).toBe(true);
    } finally {
      await redis.stop();
    }
    expect(await redisAnswers(url, 300)).toBe(false);
  });

  it('refuses a remote Redis that does not answer, saying where to look', async () => {
    await expect(ensureRedis('redis://10.255.255.1:6379', tempDir())).rejects.toThrow(/Không kết nối được Redis/);
  });
});
