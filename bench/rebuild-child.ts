// One rebuild in a process of its own, so its peak memory is the reconciler's and not the benchmark's: connects to
// the database and Redis, runs the reconciler once with the given horizon, prints one JSON line and exits.
//   node dist/bench/rebuild-child.mjs <databaseUrl> <redisUrl> <prefix> <horizonMs>   (bundled by bench/rebuild.ts)
import type { Queue } from 'bullmq';
import { createPrismaClient } from '../src/db/client.js';
import { clockStore } from '../src/db/repositories/clock.repository.js';
import { systemTime } from '../src/domain/time/time-source.js';
import { reconcileClocks } from '../jobs/reconciler.js';
import { createQueues } from '../jobs/runtime.js';

const [databaseUrl, redisUrl, prefix, horizon] = process.argv.slice(2) as [string, string, string, string];
const db = createPrismaClient(databaseUrl, { poolSize: 4 });
const queues = createQueues(redisUrl, prefix, systemTime);
await db.$queryRaw`SELECT 1`;
await queues.clocks.getJobCounts();
const startRssMb = Math.round(process.memoryUsage.rss() / 1024 ** 2);
const t0 = performance.now();
const report = await reconcileClocks(clockStore(db), queues.clocks as unknown as Queue, systemTime, Number(horizon));
const ms = Math.round(performance.now() - t0);
// maxRSS: the peak resident set size of this process so far, in KB.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(JSON.stringify({ ...report, ms, startRssMb, peakRssMb }) + '\n');
await queues.close();
await db.$disconnect();
process.exit(0);
