// A worker process for fault tests: the real clock and delivery workers on the system clock, against a given
// database, Redis prefix and Telegram stand-in, started as a child process so a test can SIGKILL it.
//
//   node --import tsx tests/support/worker-process.ts
//
// Environment: DATABASE_URL, REDIS_URL, QUEUE_PREFIX, TELEGRAM_API_ROOT (required); WORKER_QUEUES (default
// clocks,delivery,maintenance); DELIVERY_RATE_GLOBAL, DELIVERY_RATE_PER_CHAT; CLOCK_CONCURRENCY, DELIVERY_CONCURRENCY; LOCK_MS and
// STALLED_MS (BullMQ job lock and stalled check); LEASE_MS (the hold on a message being sent); WAVE_WINDOW_MS;
// SLOW_FIRE_MS (loading what a wave of clock levels is about takes this long, inside the firing transaction, so a test
// can kill the process in the middle of a batch).
// Prints "ready" on stdout once the workers run; SIGTERM closes them gracefully (the jobs in hand finish).
import { Api } from 'grammy';
import { pino } from 'pino';
import { ClockHandlers } from '../../src/app/clocks/fire-clock.js';
import { taskClockHandler } from '../../src/app/clocks/task-clock-handler.js';
import type { ChannelSender } from '../../src/app/ports/sender.js';
import { createTelegramSender } from '../../src/channels/telegram/sender.js';
import { createPrismaClient } from '../../src/db/client.js';
import { systemTime } from '../../src/domain/time/time-source.js';
import type { ChannelName } from '../../src/domain/org/types.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createAppContext } from '../../src/runtime/app-context.js';
import { createQueues, startWorkers, WORKER_QUEUES, type WorkerQueue } from '../../jobs/runtime.js';

const env = process.env;
const need = (name: string): string => {
  const v = env[name];
  if (!v) throw new Error(`worker-process: ${name} is required`);
  return v;
};
const num = (name: string): number | undefined => (env[name] ? Number(env[name]) : undefined);

const logger = pino({ level: env.LOG_LEVEL ?? 'silent' });
const db = createPrismaClient(need('DATABASE_URL'), { poolSize: 10 });
const prefix = need('QUEUE_PREFIX');
const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const queues = createQueues(redisUrl, prefix, systemTime);
const app = createAppContext({
  db,
  time: systemTime,
  catalogue: Catalogue.load(),
  policy: defaultPolicy('Asia/Ho_Chi_Minh'),
  logger,
  scheduler: queues.scheduler,
  delivery: queues.kicker,
  tuning: { waveWindowMs: num('WAVE_WINDOW_MS') ?? 200 },
});
const slow = num('SLOW_FIRE_MS') ?? 0;
const pause = () => new Promise((r) => setTimeout(r, slow));
const handler = slow
  ? {
      ...taskClockHandler,
      load: async (...args: Parameters<typeof taskClockHandler.load>) => (await pause(), taskClockHandler.load(...args)),
      loadMany: async (...args: Parameters<NonNullable<typeof taskClockHandler.loadMany>>) => (await pause(), taskClockHandler.loadMany!(...args)),
    }
  : taskClockHandler;
const senders = new Map<ChannelName, ChannelSender>([
  ['TELEGRAM', createTelegramSender(new Api('7000000001:AAtest-token-for-the-stand-in-0123456', { apiRoot: need('TELEGRAM_API_ROOT') }))],
]);
const consume = (env.WORKER_QUEUES ?? WORKER_QUEUES.join(',')).split(',').map((s) => s.trim()) as WorkerQueue[];

const workers = await startWorkers({
  redisUrl,
  prefix,
  app,
  handlers: new ClockHandlers([handler]),
  senders,
  limits: { globalPerSecond: num('DELIVERY_RATE_GLOBAL') ?? 1000, perChatPerSecond: num('DELIVERY_RATE_PER_CHAT') ?? 1000 },
  logger,
  queues,
  consume,
  ...(num('CLOCK_CONCURRENCY') ? { clockConcurrency: num('CLOCK_CONCURRENCY')! } : {}),
  ...(num('DELIVERY_CONCURRENCY') ? { deliveryConcurrency: num('DELIVERY_CONCURRENCY')! } : {}),
  ...(num('LOCK_MS') ? { lockDurationMs: num('LOCK_MS')! } : {}),
  ...(num('STALLED_MS') ? { stalledIntervalMs: num('STALLED_MS')! } : {}),
  ...(num('LEASE_MS') ? { deliveryLeaseMs: num('LEASE_MS')! } : {}),
  ...(num('MAINTENANCE_EVERY_MS') ? { maintenanceEveryMs: num('MAINTENANCE_EVERY_MS')! } : {}),
});
process.stdout.write('ready\n');

process.once('SIGTERM', () => {
  void (async () => {
    await workers.close();
    await queues.close();
    await db.$disconnect();
    process.stdout.write('closed\n');
    process.exit(0);
  })();
});
