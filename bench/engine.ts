// Reminder engine benchmark (issue 3): 100,000 open clocks due in one burst, as at 07:30 after Tết. Each becomes a
// reminder end to end: the clock row locked at its level, the reminder claimed by its unique key, the message
// rendered from the catalogue, the outbox row written and delivery woken, in one transaction per level (the same
// processor the clock worker runs). Baseline: the same number of no-op BullMQ jobs, released the same way, on the
// same Redis and with the same concurrency; and a raw baseline (bench/engine-raw.ts): the same database and queue work
// done with set-based SQL and no application code, on the same clocks set due again. CPU time per reminder (this
// process and the database's backends) is reported beside each rate. Writes bench/results/engine.json.
//
//   npm run bench -- engine          BENCH_SCALE=0.1 for a quick look; BENCH_CONCURRENCY (default 16)
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { systemTime } from '../src/domain/time/time-source.js';
import { clockJob, type ClockJobData } from '../jobs/clock-scheduler.js';
import { processClockJob } from '../jobs/clock.processor.js';
import { createRedis } from '../jobs/connection.js';
import { QUEUES } from '../jobs/queues.js';
import { createQueues } from '../jobs/runtime.js';
import { engineApp } from './engine-app.js';
import { cpuMeter, perUnit, processCpuMs, type CpuFigures } from './cpu.js';
import type { ChildMessage } from './engine-worker-child.js';
import { profiled, type TopEntry } from './profile.js';
import { runRawBaseline } from './engine-raw.js';
import { WAVE_SIZE } from '../jobs/clock.processor.js';
import {
  benchDatabase,
  fillDueTaskClocks,
  fillOrganisation,
  logger,
  machine,
  percentile,
  REDIS_URL,
  ROOT,
  round,
  scaled,
  timed,
  uniquePrefix,
  writeResult,
} from './common.js';
import { HOUR_MS as HOUR } from '../src/domain/time/duration.js';

const log = logger('engine');
const loadNow = () =>
  os
    .loadavg()
    .map((l) => round(l, 1))
    .join(' ');

interface BurstFigures {
  jobs: number;
  seconds: number;
  perSecond: number;
  p50DelayMs: number;
  p99DelayMs: number;
  maxDelayMs: number;
}

/** Releases every delayed job of the queue at once and times each job's completion from that instant. */
async function burst(queue: Queue, worker: Worker, jobs: number): Promise<BurstFigures> {
  const delays: number[] = [];
  let failed = 0;
  let t0 = 0;
  const done = new Promise<void>((resolve) => {
    const check = () => delays.length + failed >= jobs && resolve();
    worker.on('completed', () => {
      delays.push(Date.now() - t0);
      check();
    });
    worker.on('failed', (_job, err) => {
      failed++;
      if (failed <= 3) log(`  a job failed: ${err.message}`);
      check();
    });
  });
  t0 = Date.now();
  await queue.promoteJobs({ count: 5000 });
  worker.run().catch(() => {});
  await done;
  return figures(delays, failed);
}

function figures(delays: number[], failed: number): BurstFigures {
  const seconds = (Math.max(...delays) || 1) / 1000;
  if (failed > 0) log(`  ${failed} jobs failed`);
  return {
    jobs: delays.length,
    seconds: round(seconds, 2),
    perSecond: Math.round(delays.length / seconds),
    p50DelayMs: percentile(delays, 0.5),
    p99DelayMs: percentile(delays, 0.99),
    maxDelayMs: Math.max(...delays),
  };
}

/**
 * The burst run by `workers` clock worker processes of their own (bench/engine-worker-child.ts), as deployed with one
 * per core. Node CPU is theirs (from /proc), not this process's, which only releases the jobs and counts.
 */
async function burstInWorkers(
  queue: Queue,
  jobs: number,
  workers: number,
  concurrency: number,
  databaseUrl: string,
  prefix: string,
  startPgMeter: () => Promise<() => Promise<CpuFigures>>,
): Promise<{ figures: BurstFigures; cpu: CpuFigures }> {
  const children = Array.from({ length: workers }, () =>
    fork(path.join(ROOT, 'bench/engine-worker-child.ts'), [databaseUrl, REDIS_URL, prefix, String(concurrency)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const delays: number[] = [];
  let failed = 0;
  let t0 = 0;
  let ready = 0;
  let allReady!: () => void;
  let allDone!: () => void;
  const readyP = new Promise<void>((r) => (allReady = r));
  const doneP = new Promise<void>((r) => (allDone = r));
  for (const child of children) {
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'ready' && ++ready === workers) allReady();
      if (m.type !== 'done') return;
      for (const at of m.at) delays.push(at - t0);
      if (m.failed > 0 && failed < 3) log(`  a job failed: ${m.error}`);
      failed += m.failed;
      if (delays.length + failed >= jobs) allDone();
    });
  }
  await readyP;
  const pgMeter = await startPgMeter();
  const cpu0 = children.map((c) => processCpuMs(c.pid!) ?? 0);
  t0 = Date.now();
  await queue.promoteJobs({ count: 5000 });
  await doneP;
  const nodeMs = children.reduce((sum, c, i) => sum + (processCpuMs(c.pid!) ?? 0) - cpu0[i]!, 0);
  const { postgresMs } = await pgMeter();
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          c.once('exit', () => resolve());
          c.send({ type: 'stop' });
        }),
    ),
  );
  return { figures: figures(delays, failed), cpu: { nodeMs: Math.round(nodeMs), postgresMs } };
}

export async function runEngineBench(): Promise<Record<string, unknown>> {
  const n = scaled(100_000);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? '16');
  // One clock worker process per core, as the deployment guide recommends (BENCH_WORKERS=1: in this process, profiled).
  const workers = Number(process.env.BENCH_WORKERS ?? String(Math.min(2, os.cpus().length)));
  const units = 400;
  const bdb = await benchDatabase('engine', concurrency + 4);
  const m = await machine(bdb.sql);
  log(
    `machine: ${m.cpus} cores (${m.cpu}), ${m.memoryGb} GB, load ${m.loadAverage}; ${n} clocks, ${workers} worker process(es), concurrency ${concurrency} each`,
  );
  try {
    // 2,000 officials in 400 units; every member has NORMAL tasks waiting for acceptance whose time ran out.
    const fill = await timed(async () => {
      await fillOrganisation(bdb.sql, units);
      await fillDueTaskClocks(bdb.sql, n, units);
    });
    log(`filled ${n} tasks and clocks in ${fill.ms} ms`);

    // Engine: the clock worker's own processor over the real use case.
    const prefix = uniquePrefix('engine');
    const queues = createQueues(REDIS_URL, prefix, systemTime);
    const { app, handlers } = engineApp(bdb.db, queues);
    // Put every level in Redis as a delayed job (as the scheduler does hours ahead), then release them all at once.
    const rows = await bdb.db.clock.findMany({ select: { id: true, generation: true, level: true, cycle: true, nextAt: true } });
    const far = new Date(Date.now() - 2 * HOUR); // delay = nextAt − "now" ≈ 2 h: delayed until promoted
    const scheduled = await timed(async () => {
      for (let i = 0; i < rows.length; i += 2000) await queues.clocks.addBulk(rows.slice(i, i + 2000).map((r) => clockJob(r, far)) as never);
    });
    log(`scheduled ${rows.length} delayed jobs in ${scheduled.ms} ms`);
    const connection = createRedis(REDIS_URL, 'worker');
    await app.org();
    await app.calendar();
    let engine: BurstFigures;
    let engineCpuUsed: CpuFigures;
    let profileTop: TopEntry[] | undefined;
    if (workers > 1) {
      ({ figures: engine, cpu: engineCpuUsed } = await burstInWorkers(queues.clocks as unknown as Queue, n, workers, concurrency, bdb.url, prefix, () =>
        cpuMeter(bdb.sql, bdb.name),
      ));
    } else {
      const engineCpu = await cpuMeter(bdb.sql, bdb.name);
      const engineWorker = new Worker<ClockJobData>(QUEUES.clocks, (job, token) => processClockJob(app, handlers, job, token), {
        connection,
        prefix,
        concurrency,
        autorun: false,
      });
      const profiledRun = await profiled('engine', () => burst(queues.clocks as unknown as Queue, engineWorker as unknown as Worker, n));
      engine = profiledRun.value;
      profileTop = profiledRun.top;
      engineCpuUsed = await engineCpu();
      if (profileTop) log(`profile (${profiledRun.file}), self time:\n${profileTop.map((e) => `    ${e.selfPercent}%  ${e.fn}`).join('\n')}`);
      await engineWorker.close();
    }
    const reminders = await bdb.db.reminder.count();
    const outbox = await bdb.db.outbox.count();
    const chats = (await bdb.db.outbox.groupBy({ by: ['chatId'] })).length;
    const enginePer = perUnit(engineCpuUsed, reminders);
    log(
      `engine: ${engine.perSecond} reminders/s (${engine.jobs} in ${engine.seconds} s), delay p50 ${engine.p50DelayMs} ms, p99 ${engine.p99DelayMs} ms; ${reminders} reminders, ${outbox} outbox rows for ${chats} chats; CPU per reminder: node ${enginePer.nodeMs} ms, postgres ${enginePer.postgresMs} ms (load ${loadNow()})`,
    );

    // Raw baseline: the same clocks due again, the engine's rows gone, the tables vacuumed as before the engine ran.
    await queues.delivery.obliterate({ force: true });
    await bdb.sql.query(`TRUNCATE reminder, outbox, audit_log;
      UPDATE clock SET level = 0, cycle = 0, state = 'ACTIVE', "stoppedAt" = NULL, "stopReason" = NULL, "nextAt" = now() - interval '1 minute';`);
    await bdb.sql.query('VACUUM ANALYZE clock, reminder, outbox, audit_log');
    const rawCpu = await cpuMeter(bdb.sql, bdb.name);
    const { measured: rawCpuUsed, ...raw } = await runRawBaseline(bdb.url, queues.delivery as unknown as Queue, concurrency, WAVE_SIZE, rawCpu);
    const rawPer = perUnit(rawCpuUsed, raw.reminders);
    log(
      `raw baseline (set-based SQL, no app code): ${raw.perSecond} reminders/s (${raw.reminders} in ${raw.seconds} s, ${raw.waves} waves); CPU per reminder: node ${rawPer.nodeMs} ms, postgres ${rawPer.postgresMs} ms (load ${loadNow()})`,
    );

    // Baseline: no-op jobs, same Redis, same concurrency, released the same way.
    const basePrefix = uniquePrefix('noop');
    const noop = new Queue('noop', { connection: queues.producer, prefix: basePrefix });
    for (let i = 0; i < n; i += 2000) {
      const count = Math.min(2000, n - i);
      await noop.addBulk(
        Array.from({ length: count }, (_, k) => ({
          name: 'noop',
          data: { id: i + k, generation: 0, level: 0, cycle: 0 },
          opts: { jobId: `noop-${i + k}`, delay: 2 * HOUR, removeOnComplete: true, attempts: 5 },
        })),
      );
    }
    const noopWorker = new Worker('noop', async () => 'ok', { connection, prefix: basePrefix, concurrency, autorun: false });
    const noopCpu = await cpuMeter(bdb.sql, bdb.name);
    const baseline = await burst(noop, noopWorker, n);
    const noopPer = perUnit(await noopCpu(), baseline.jobs);
    log(
      `baseline (no-op BullMQ job): ${baseline.perSecond} jobs/s (${baseline.jobs} in ${baseline.seconds} s), delay p50 ${baseline.p50DelayMs} ms, p99 ${baseline.p99DelayMs} ms; node CPU per job ${noopPer.nodeMs} ms (load ${loadNow()})`,
    );
    await noopWorker.close();
    await noop.obliterate({ force: true });
    await noop.close();
    for (const q of [queues.clocks, queues.delivery, queues.maintenance]) await q.obliterate({ force: true }).catch(() => {});
    await queues.close();
    connection.disconnect();

    const ratio = round(engine.perSecond / baseline.perSecond, 3);
    const rawRatio = round(engine.perSecond / raw.perSecond, 3);
    const cpuRatio = round((rawPer.nodeMs + rawPer.postgresMs) / Math.max(0.001, enginePer.nodeMs + enginePer.postgresMs), 3);
    log(
      `ratio to the raw baseline ${rawRatio} (target ≥ 0.5: ${rawRatio >= 0.5 ? 'met' : 'NOT met'}); by CPU per reminder ${cpuRatio}; ratio to a no-op job ${ratio}`,
    );
    const result = {
      machine: m,
      setup: {
        clocks: n,
        officials: units * 5,
        workers,
        concurrency,
        fillMs: fill.ms,
        scheduleMs: scheduled.ms,
        perReminder: 'one transaction: lock clock, claim reminder, render, outbox row, audit row; then wake delivery',
      },
      engine: { ...engine, reminders, outboxRows: outbox, chats, cpu: engineCpuUsed, cpuPerReminder: enginePer },
      raw: { what: 'same database and queue work, set-based SQL, no application code (bench/engine-raw.ts)', ...raw, cpu: rawCpuUsed, cpuPerReminder: rawPer },
      baseline: { what: 'no-op BullMQ job', ...baseline, cpuPerJob: noopPer },
      ratio: rawRatio,
      cpuRatio,
      noopRatio: ratio,
      loadAverageAtEnd: loadNow(),
      ...(profileTop ? { profileTop } : {}),
      target: { ratio: 0.5, of: 'raw baseline', met: rawRatio >= 0.5 },
    };
    log(`written to ${await writeResult('engine', result)}`);
    return result;
  } finally {
    await bdb.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runEngineBench();
  process.exit(0);
}
