// What every fault test needs: its own database with the sample district linked to Telegram, its own BullMQ prefix,
// a Telegram stand-in, worker child processes, and a way to count what arrived.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startWorkerProcess, type ChildWorker } from './child-worker.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { seedDueTasks, seedLinkedOrganisation } from './due-reminders.js';
import { TEST_REDIS_URL } from './env.js';
import { createTelegramStandIn, type TelegramStandIn } from './telegram-stand-in.js';

export interface FaultRig {
  db: TestDatabase;
  tg: TelegramStandIn;
  redis: Redis;
  prefix: string;
  codes: string[];
  start(name: string, env?: Record<string, string>): ChildWorker;
  /** How many times each code was in a message the stand-in accepted. */
  deliveries(): Map<string, number>;
  /** Texts the stand-in accepted more than once. */
  duplicateMessages(): string[];
  /** Resolves once every code has arrived at least once. */
  allDelivered(timeoutMs?: number): Promise<void>;
  /** Every code arrived and the outbox is empty (all marked sent), then a moment for anything sent twice to arrive. */
  settled(timeoutMs?: number): Promise<void>;
  /**
   * A deadline for what the workers have left to do, from what this machine showed: 60 s when idle, else a few times
   * the slowest start of a child so far (compiling, connecting, a first rebuild), since a busy machine slows both alike.
   */
  budgetMs(): number;
  /** Deletes every Redis key of this deployment's prefix, as when Redis loses its data. */
  wipeRedis(): Promise<number>;
  close(): Promise<void>;
}

const CODE = /NV-2026-\d{6}/g;
const IDLE_BUDGET_MS = 60_000;
/** Settling a batch of a fault test is at most this many child starts' worth of work. */
const START_TO_WORK = 4;

export async function createFaultRig(due: number): Promise<FaultRig> {
  const db = await createTestDatabase();
  const tg = await createTelegramStandIn();
  const redis = new Redis(TEST_REDIS_URL);
  const prefix = `f-${randomBytes(5).toString('hex')}`;
  await seedLinkedOrganisation(db.db);
  const codes = await seedDueTasks(db.db, due, new Date(Date.now() - 1000));
  const children: ChildWorker[] = [];

  const accepted = () =>
    tg
      .callsTo('sendMessage')
      .filter((c) => c.outcome.ok)
      .map((c) => String(c.params.text));

  const rig: FaultRig = {
    db,
    tg,
    redis,
    prefix,
    codes,
    start(name, env = {}) {
      const child = startWorkerProcess(name, { DATABASE_URL: db.url, QUEUE_PREFIX: prefix, TELEGRAM_API_ROOT: tg.url, ...env });
      children.push(child);
      return child;
    },
    budgetMs() {
      const slowest = Math.max(0, ...children.map((c) => c.startMs() ?? 0));
      return Math.max(IDLE_BUDGET_MS, START_TO_WORK * slowest);
    },
    deliveries() {
      const counts = new Map<string, number>(codes.map((c) => [c, 0]));
      for (const text of accepted()) for (const m of text.matchAll(CODE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
      return counts;
    },
    duplicateMessages() {
      const seen = new Map<string, number>();
      for (const text of accepted()) seen.set(text, (seen.get(text) ?? 0) + 1);
      return [...seen].filter(([, n]) => n > 1).map(([t]) => t);
    },
    async allDelivered(timeoutMs = rig.budgetMs()) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const missing = [...rig.deliveries()].filter(([, n]) => n === 0).length;
        if (missing === 0) return;
        if (Date.now() > deadline) {
          const fired = await db.db.reminder.count();
          const outbox = await db.db.outbox.groupBy({ by: ['status'], _count: { _all: true } });
          // Where the stuck chats stand in Redis: the delivery job their deduplication key points to.
          const stuck = await db.db.outbox.findMany({ where: { status: { in: ['PENDING', 'SENDING'] } }, distinct: ['chatId'], take: 5 });
          const states = [];
          for (const row of stuck) {
            const jobId = await redis.get(`${prefix}:delivery:de:${row.channel}-${row.chatId}`);
            const job = jobId ? await redis.hgetall(`${prefix}:delivery:${jobId}`) : {};
            states.push({
              chat: row.chatId,
              status: row.status,
              notBefore: row.notBefore,
              createdAt: row.createdAt,
              dedupJob: jobId,
              job: {
                name: job.name,
                data: job.data,
                processedOn: job.processedOn,
                finishedOn: job.finishedOn,
                delay: job.delay,
                failedReason: job.failedReason,
              },
            });
          }
          const counts = {
            wait: await redis.llen(`${prefix}:delivery:wait`),
            active: await redis.llen(`${prefix}:delivery:active`),
            delayed: await redis.zcard(`${prefix}:delivery:delayed`),
            clocksWait: await redis.llen(`${prefix}:clocks:wait`),
          };
          throw new Error(
            `${missing} of ${codes.length} reminders never arrived (fired ${fired}; outbox ${JSON.stringify(outbox)})\n` +
              `stuck chats ${JSON.stringify(states)}\nqueues ${JSON.stringify(counts)}\n` +
              children.map((c) => `--- ${c.name}\n${c.output().slice(-2000)}`).join('\n'),
          );
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async settled(timeoutMs = rig.budgetMs()) {
      const deadline = Date.now() + timeoutMs;
      await rig.allDelivered(timeoutMs);
      while ((await db.db.outbox.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) > 0) {
        if (Date.now() > deadline)
          throw new Error(`the outbox did not drain: ${JSON.stringify(await db.db.outbox.groupBy({ by: ['status'], _count: { _all: true } }))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 1000));
    },
    async wipeRedis() {
      let deleted = 0;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) deleted += await redis.del(...keys);
      } while (cursor !== '0');
      return deleted;
    },
    async close() {
      await Promise.all(children.map((c) => c.kill().catch(() => {})));
      await rig.wipeRedis().catch(() => {});
      redis.disconnect();
      await tg.close();
      await db.drop();
    },
  };
  return rig;
}
