// PRODUCT.md §8 and issue 9 point 2: Redis restarted empty under a running app (no persistence, SIGKILL) heals without
// restarting the app. The real `src/main.ts`, as a worker and as a bot, runs against a redis-server of the test's own;
// due reminders and queued messages written meanwhile are delivered, each exactly once, and the morning digest is still
// scheduled.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { DIGEST_SCHEDULER_ID } from '../../jobs/digest.js';
import { QUEUES } from '../../jobs/queues.js';
import { enqueueOutbox } from '../../src/db/repositories/outbox.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedDueTasks, seedLinkedOrganisation } from '../support/due-reminders.js';
import { freePort, startMain, type MainProcess } from '../support/main-process.js';
import { hasRedisServer, startOwnRedis, type OwnRedis } from '../support/redis-server.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';
import { sleep } from '../support/wait.js';

const TOKEN = '7000000001:AAredis-restart-token-0123456789';
/** The bound: everything due is delivered within a minute of Redis coming back. */
const PRODUCT_BOUND_MS = 60_000;
const BATCH = 100;
const QUEUED = 40;
const CODE = /NV-2026-\d{6}/g;
/** The morning digest lists open tasks too; reminders are counted in the other messages. */
const isDigest = (text: string) => text.startsWith('📋');

let db: TestDatabase | undefined;
let tg: TelegramStandIn | undefined;
let redis: OwnRedis | undefined;
const mains: MainProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const m of mains) await m.stop();
  await redis?.close();
  await tg?.close();
  await db?.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!hasRedisServer())('Redis killed and started again empty under a running worker and bot', () => {
  it('heals without a restart: due reminders and queued messages arrive once each, the digest stays scheduled', { timeout: 600_000 }, async () => {
    redis = await startOwnRedis();
    db = await createTestDatabase();
    tg = await createTelegramStandIn({ token: TOKEN });
    await seedLinkedOrganisation(db.db);
    const prefix = 'rr';
    const env = async (role: string): Promise<Record<string, string>> => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-rr-'));
      dirs.push(dataDir);
      return {
        ROLE: role,
        DATABASE_URL: db!.url,
        REDIS_URL: redis!.url,
        QUEUE_PREFIX: prefix,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: tg!.url,
        DATA_DIR: dataDir,
        HTTP_PORT: String(await freePort()),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      };
    };
    const accepted = () =>
      tg!
        .callsTo('sendMessage')
        .filter((c) => c.outcome.ok)
        .map((c) => String(c.params.text));
    const codeCounts = (codes: readonly string[]) => {
      const counts = new Map<string, number>(codes.map((c) => [c, 0]));
      for (const text of accepted()) if (!isDigest(text)) for (const m of text.matchAll(CODE)) if (counts.has(m[0])) counts.set(m[0], counts.get(m[0])! + 1);
      return counts;
    };
    const waitDelivered = async (what: () => boolean, deadline: number, message: string) => {
      while (!what()) {
        if (Date.now() > deadline) {
          const outbox = await db!.db.outbox.groupBy({ by: ['status'], _count: { _all: true } });
          const held = await db!.db.outbox.findMany({
            where: { status: 'SENDING' },
            select: { id: true, chatId: true, createdAt: true, notBefore: true, attempts: true },
            take: 5,
          });
          const logs = path.join(dirs[0]!, '..', `dondoc-rr-${process.pid}.log`);
          writeFileSync(logs, mains.map((m) => `${m.stdout.join('\n')}\n${m.stderr}`).join('\n---\n'));
          throw new Error(
            `${message}: not within the bound (outbox ${JSON.stringify(outbox)}, held ${JSON.stringify(held, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}); the processes' logs are in ${logs}`,
          );
        }
        await sleep(100);
      }
    };

    // A first batch due at start: how long this machine takes, from nothing, to start and deliver it is the yardstick.
    const first = await seedDueTasks(db.db, BATCH, new Date(Date.now() - 1000));
    const launched = Date.now();
    const worker = startMain(await env('worker'));
    const bot = startMain(await env('bot'));
    mains.push(worker, bot);
    await Promise.all([worker.waitForLog(/^dondoc ready:/), bot.waitForLog(/^dondoc ready:/)]);
    await waitDelivered(() => [...codeCounts(first).values()].every((n) => n >= 1), launched + 10 * PRODUCT_BOUND_MS, 'the first batch');
    const startMs = Date.now() - launched;

    const queue = new Queue(QUEUES.maintenance, { connection: { url: redis.url, maxRetriesPerRequest: null }, prefix });
    queue.on('error', () => {});
    try {
      const digestBefore = await queue.getJobScheduler(DIGEST_SCHEDULER_ID);
      expect(digestBefore?.pattern).toBeDefined();

      // Written while Redis is away, as a use case or the CLI does when Redis does not answer: due reminders (their
      // clocks are in the database only) and queued messages (their wake-up never reached Redis).
      await redis.kill();
      const second = await seedDueTasks(db.db, BATCH, new Date(Date.now() - 1000), { firstSeq: BATCH + 1 });
      const officials = await db.db.chatIdentity.findMany({ select: { officialId: true, chatId: true }, orderBy: { officialId: 'asc' } });
      const queued = Array.from({ length: QUEUED }, (_, i) => `Tin nhắn chờ gửi số ${i + 1} khi Redis vắng mặt`);
      for (const [i, text] of queued.entries()) {
        const o = officials[i % officials.length]!;
        await enqueueOutbox(db.db, { channel: 'TELEGRAM', chatId: o.chatId, officialId: o.officialId, payload: { locale: 'vi', message: { text } } });
      }

      await redis.restart();
      const back = Date.now();
      // Within the product's minute, unless this machine needed longer than that just to start and deliver a batch.
      const bound = Math.max(PRODUCT_BOUND_MS, startMs);
      await waitDelivered(
        () => [...codeCounts(second).values()].every((n) => n >= 1) && queued.every((t) => accepted().includes(t)),
        back + bound,
        `every reminder due and every message queued while Redis was away (start took ${startMs} ms)`,
      );
      const healMs = Date.now() - back;
      console.log(`redis-restart: start and first batch ${startMs} ms, healed and delivered ${healMs} ms after Redis came back (bound ${bound} ms)`);
      // Everything marked sent: nothing held or waiting that could still go out a second time.
      while ((await db.db.outbox.count({ where: { status: { not: 'SENT' } } })) > 0) {
        if (Date.now() > back + bound) throw new Error('the outbox did not drain');
        await sleep(100);
      }
      await sleep(1000); // a moment for anything sent twice to arrive

      expect([...codeCounts([...first, ...second])].filter(([, n]) => n !== 1)).toEqual([]);
      for (const t of queued) expect(accepted().filter((a) => a === t)).toHaveLength(1);
      const seen = new Map<string, number>();
      for (const text of accepted()) seen.set(text, (seen.get(text) ?? 0) + 1);
      expect([...seen].filter(([, n]) => n > 1)).toEqual([]);

      // No restart: both processes are the ones started, started once; the worker said it healed.
      expect([worker.child.exitCode, bot.child.exitCode]).toEqual([null, null]);
      expect(worker.messages().filter((m) => m.startsWith('dondoc ready:'))).toHaveLength(1);
      expect(worker.messages().filter((m) => m.startsWith('Redis healed'))).toHaveLength(1);

      // The schedulers are back, the next morning's digest among them, at the same time as before.
      for (const id of ['reconcile', 'sweep-outbox', 'prune-updates']) expect(await queue.getJobScheduler(id), id).toBeDefined();
      const digest = await queue.getJobScheduler(DIGEST_SCHEDULER_ID);
      expect({ pattern: digest?.pattern, tz: digest?.tz }).toEqual({ pattern: digestBefore!.pattern, tz: digestBefore!.tz });
      expect(digest!.next! - Date.now()).toBeGreaterThan(0);
      expect(digest!.next! - Date.now()).toBeLessThanOrEqual(86_400_000);
    } finally {
      await queue.close();
    }
  });
});
