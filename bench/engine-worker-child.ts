// One clock worker process of the engine benchmark when it runs several (BENCH_WORKERS, issue 14: "use both cores"),
// as a deployment runs one worker process per core: the clock worker's own processor over the real use case, on the
// benchmark's database and queue prefix. It tells its parent when it is ready and, every 100 ms, the completion times
// of its jobs (epoch ms; the parent measures delays from the release); it stops when the parent says so.
//   node --import tsx bench/engine-worker-child.ts <databaseUrl> <redisUrl> <prefix> <concurrency>
import { Worker } from 'bullmq';
import { createPrismaClient } from '../src/db/client.js';
import { systemTime } from '../src/domain/time/time-source.js';
import type { ClockJobData } from '../jobs/clock-scheduler.js';
import { processClockJob } from '../jobs/clock.processor.js';
import { createRedis } from '../jobs/connection.js';
import { QUEUES } from '../jobs/queues.js';
import { createQueues } from '../jobs/runtime.js';
import { engineApp } from './engine-app.js';

export type ChildMessage = { type: 'ready' } | { type: 'done'; at: number[]; failed: number; error?: string };

const [databaseUrl, redisUrl, prefix, concurrencyText] = process.argv.slice(2) as [string, string, string, string];
const concurrency = Number(concurrencyText);
const send = (m: ChildMessage) => process.send?.(m);

const db = createPrismaClient(databaseUrl, { poolSize: concurrency + 2 });
const queues = createQueues(redisUrl, prefix, systemTime);
const { app, handlers } = engineApp(db, queues);
const connection = createRedis(redisUrl, 'worker');
const worker = new Worker<ClockJobData>(QUEUES.clocks, (job, token) => processClockJob(app, handlers, job, token), {
  connection,
  prefix,
  concurrency,
  autorun: false,
});
let completed: number[] = [];
let failed = 0;
let firstError: string | undefined;
worker.on('completed', () => completed.push(Date.now()));
worker.on('failed', (_job, err) => {
  failed++;
  firstError ??= err.message;
});
const flush = () => {
  if (completed.length === 0 && failed === 0) return;
  send({ type: 'done', at: completed, failed, ...(firstError ? { error: firstError } : {}) });
  completed = [];
  failed = 0;
  firstError = undefined;
};
const timer = setInterval(flush, 100);

await app.org();
await app.calendar();
await db.$queryRaw`SELECT 1`;
worker.run().catch(() => {});
send({ type: 'ready' });

process.on('message', async (m: { type: string }) => {
  if (m.type !== 'stop') return;
  await worker.close();
  clearInterval(timer);
  flush();
  await queues.close();
  connection.disconnect();
  await db.$disconnect();
  process.exit(0);
});
