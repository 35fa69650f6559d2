// Rebuild benchmark (issue 3): 1,000,000 open clocks in the database and an empty Redis (it lost its data, or this
// is a new Redis): how long the reconciler takes to rebuild the fast path, and the peak memory of the process.
// The reconciler only puts levels due within its horizon (6 h) into Redis, so it is measured twice: as deployed, and
// with the horizon forced past every clock so all 1,000,000 jobs are created. Baseline: the same 1,000,000 delayed
// jobs added straight to BullMQ from memory (no database), the floor of any rebuild. Writes bench/results/rebuild.json.
//
//   npm run bench -- rebuild         BENCH_SCALE=0.1 for a quick look
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { systemTime } from '../src/domain/time/time-source.js';
import { clockJob, DEFAULT_HORIZON_MS } from '../jobs/clock-scheduler.js';
import { DEFAULT_BATCHING, type ReconcileReport } from '../jobs/reconciler.js';
import { createQueues } from '../jobs/runtime.js';
import { benchDatabase, logger, machine, REDIS_URL, ROOT, round, scaled, timed, uniquePrefix, writeResult } from './common.js';
import { DAY_MS, HOUR_MS } from '../src/domain/time/duration.js';

const log = logger('rebuild');

async function redisUsedMb(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Math.round(Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0) / 1024 ** 2);
}

async function wipe(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length > 0) await redis.unlink(...keys);
  } while (cursor !== '0');
}

/** bench/rebuild-child.ts bundled like the bot (scripts/build.mjs): packages stay in node_modules. */
async function bundleChild(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(ROOT, 'dist', 'bench', 'rebuild-child.mjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['bench/rebuild-child.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** The floor of any rebuild: `n` delayed jobs added with addBulk from memory, in chunks of 2,000, no database. */
async function addBulkFromMemory(redis: Redis, n: number) {
  const prefix = uniquePrefix('rebuild-floor');
  const queue = new Queue('clocks', { connection: redis, prefix });
  const now = new Date();
  const floor = await timed(async () => {
    for (let i = 0; i < n; i += 2000) {
      const count = Math.min(2000, n - i);
      await queue.addBulk(
        Array.from({ length: count }, (_, k) =>
          clockJob({ id: i + k + 1, generation: 0, level: 0, cycle: 0, nextAt: new Date(now.getTime() + 60_000 + ((i + k) % 43_200) * 60_000) }, now),
        ) as never,
      );
    }
  });
  const baseline = { what: 'the same number of delayed jobs added with addBulk from memory (no database)', jobs: n, seconds: round(floor.ms / 1000, 1) };
  log(`baseline (addBulk from memory): ${baseline.seconds} s`);
  await queue.close();
  await wipe(redis, prefix);

  return baseline;
}

interface Rebuild extends ReconcileReport {
  seconds: number;
  /** The rebuilding process: resident memory before it started, and its peak. */
  startRssMb: number;
  peakRssMb: number;
  redisMb: number;
  jobsInRedis: number;
}

export async function runRebuildBench(): Promise<Record<string, unknown>> {
  const n = scaled(1_000_000, 1000);
  const bdb = await benchDatabase('rebuild');
  const m = await machine(bdb.sql);
  const redis = new Redis(REDIS_URL);
  log(`machine: ${m.cpus} cores (${m.cpu}), ${m.memoryGb} GB, load ${m.loadAverage}; ${n} open clocks`);
  try {
    // Open clocks of every kind, next levels spread from an hour ago to 30 days ahead (as in a district with a
    // month of work in hand): a few are due now, about 1 in 120 within the 6-hour horizon.
    const fill = await timed(() =>
      bdb.sql.query(`
        INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, state, generation, "dueAt", "stepMs", level, cycle, "nextAt", "updatedAt")
        SELECT 'TASK', g, (ARRAY['TASK_ACCEPT','TASK_PROGRESS','TASK_BEFORE_DEADLINE','TASK_OVERDUE'])[1 + g % 4]::"ClockKind", 1 + g % 5000,
               (ARRAY['NORMAL','NORMAL','HIGH','URGENT'])[1 + g % 4]::"Priority", 'ACTIVE', g % 3, t, 7200000, g % 3, 0, t, now()
        FROM generate_series(1, ${n}) g, LATERAL (SELECT now() - interval '1 hour' + ((g::bigint * 7919) % (${30 * 24 * 60}))::int * interval '1 minute' AS t) x;
        ANALYZE clock;`),
    );
    log(`filled ${n} clocks in ${fill.ms} ms`);
    const inHorizon = Number(
      (await bdb.sql.query(`SELECT count(*) AS c FROM clock WHERE state = 'ACTIVE' AND "nextAt" <= now() + interval '6 hours'`)).rows[0].c,
    );

    // The child compiled as `npm start` runs the worker (plain node over an esbuild bundle, scripts/build.mjs), not
    // under tsx, whose TypeScript loader alone held ~60 MB of the 180 MB the process had before it began.
    const child = await bundleChild();
    const runs: Record<string, Rebuild> = {};
    const variants: [string, number, string[]][] = [
      ['asDeployed', DEFAULT_HORIZON_MS, []],
      ['allClocks', 400 * DAY_MS, []],
    ];
    // V8 grows its heap lazily when memory is plentiful; capped, the same work shows its working set (BENCH_REBUILD_CAPPED=1).
    if (process.env.BENCH_REBUILD_CAPPED === '1') variants.push(['allClocksHeapCapped', 400 * DAY_MS, ['--max-old-space-size=128']]);
    for (const [name, horizonMs, flags] of variants) {
      const prefix = uniquePrefix('rebuild');
      const queues = createQueues(REDIS_URL, prefix, systemTime);
      const before = await redisUsedMb(redis);
      // The rebuild runs in a process of its own (as in a worker starting up), so its memory is measured alone.
      const { stdout } = await promisify(execFile)(process.execPath, [...flags, child, bdb.url, REDIS_URL, prefix, String(horizonMs)], {
        cwd: ROOT,
        maxBuffer: 1 << 20,
      });
      const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as ReconcileReport & { ms: number; startRssMb: number; peakRssMb: number };
      const jobsInRedis = (await queues.clocks.getJobCounts('delayed', 'waiting')) as Record<string, number>;
      runs[name] = {
        scanned: report.scanned,
        added: report.added,
        promoted: report.promoted,
        requeued: report.requeued,
        seconds: round(report.ms / 1000, 1),
        startRssMb: report.startRssMb,
        peakRssMb: report.peakRssMb,
        redisMb: (await redisUsedMb(redis)) - before,
        jobsInRedis: (jobsInRedis.delayed ?? 0) + (jobsInRedis.waiting ?? 0),
      };
      const r = runs[name]!;
      log(
        `${name} (horizon ${round(horizonMs / HOUR_MS, 0)} h${flags.length ? `, ${flags.join(' ')}` : ''}): ${r.seconds} s, peak RSS ${r.peakRssMb} MB (${r.startRssMb} MB before it began); scanned ${r.scanned} clocks, ${r.jobsInRedis} jobs in Redis (${r.redisMb} MB of Redis)`,
      );
      await queues.close();
      await wipe(redis, prefix);
    }

    // Baseline: the same delayed jobs from memory straight into BullMQ (BENCH_REBUILD_BASELINE=0 leaves it out: it
    // takes as long as the rebuild itself, and at a high load the runs of one figure must fit the afternoon).
    const baseline = process.env.BENCH_REBUILD_BASELINE === '0' ? undefined : await addBulkFromMemory(redis, n);
    const all = runs.allClocks!;
    const met = all.seconds <= 120 && all.peakRssMb < 300;
    log(
      `target ≤ 120 s under 300 MB for all ${n} without heap flags: time ${all.seconds <= 120 ? 'met' : 'NOT met'}, memory ${all.peakRssMb < 300 ? 'met' : 'NOT met'} (as deployed: ${runs.asDeployed!.seconds} s)`,
    );
    const result = {
      machine: m,
      setup: {
        clocks: n,
        dueWithin6h: inHorizon,
        fillMs: fill.ms,
        batching: DEFAULT_BATCHING,
        note: 'each rebuild runs in a process of its own, compiled (esbuild bundle, plain node, no heap flags); peak RSS is that process’s maxRSS (Node, Prisma client, BullMQ)',
      },
      asDeployed: runs.asDeployed,
      allClocks: runs.allClocks,
      ...(runs.allClocksHeapCapped ? { allClocksHeapCapped: { ...runs.allClocksHeapCapped, nodeFlags: '--max-old-space-size=128' } } : {}),
      baseline,
      target: { seconds: 120, peakRssMb: 300, met, timeMet: all.seconds <= 120, memoryMet: all.peakRssMb < 300 },
      loadAverageAtEnd: os.loadavg().map((l) => round(l, 1)),
    };
    log(`written to ${await writeResult('rebuild', result)}`);
    return result;
  } finally {
    redis.disconnect();
    await bdb.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runRebuildBench();
  process.exit(0);
}
