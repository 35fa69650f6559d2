// Inbound benchmark (issue 3): updates a second through the Telegram webhook for /viec (the list of one's tasks)
// with a populated database: 3,000 officials linked to Telegram and 60,000 tasks. Each request is answered when the
// update is handled: identity found, update claimed (idempotency), tasks queried, list rendered, reply sent through
// the stand-in. Baseline: a bare grammY bot answering the same updates through the same stand-in, behind the same
// HTTP server (Hono + webhookCallback). Writes bench/results/inbound.json.
//
//   npm run bench -- inbound         BENCH_SCALE=0.1 for a quick look; BENCH_INFLIGHT (default 32)
import os from 'node:os';
import { Bot, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { Pacer } from '../jobs/delivery/pacer.js';
import { createAppRouter } from '../src/app/interaction/index.js';
import { createTelegramBot } from '../src/channels/telegram/bot.js';
import { systemTime } from '../src/domain/time/time-source.js';
import { defaultPolicy } from '../src/domain/policy/resolve-policy.js';
import { Metrics } from '../src/http/metrics.js';
import { createHttpApp, startHttpServer } from '../src/http/server.js';
import { mountTelegramWebhook, TELEGRAM_WEBHOOK_PATH } from '../src/channels/telegram/webhook.js';
import { Catalogue } from '../src/i18n/catalogue.js';
import { createAppContext } from '../src/runtime/app-context.js';
import { chatOrderedRouter } from '../src/runtime/chat-order.js';
import { createChatLock } from '../src/db/chat-lock.js';
import { createReplyOutbox } from '../src/app/delivery/reply-outbox.js';
import { createTelegramStandIn, type TelegramStandIn } from '../tests/support/telegram-stand-in.js';
import { command, user } from '../tests/support/updates.js';
import { cpuMeter, perUnit, type CpuFigures } from './cpu.js';
import { profiled, type TopEntry } from './profile.js';
import { benchDatabase, fillOrganisation, logger, machine, percentile, REDIS_URL, round, scaled, timed, uniquePrefix, writeResult } from './common.js';

const log = logger('inbound');
const loadNow = () =>
  os
    .loadavg()
    .map((l) => round(l, 1))
    .join(' ');
const TOKEN = '7000000001:AAbench-token-for-the-stand-in-012345';
const SECRET = 'bench-webhook-secret-123';

interface Load {
  /** CPU time per update: this process (server, bot, stand-in and driver alike) and the database's backends. */
  cpuPerUpdate?: { nodeMs: number; postgresMs: number };
  updates: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  replies: number;
  non200: number;
}

/** Posts every update to the webhook, `inflight` at a time; times each answer. */
async function drive(url: string, updates: Update[], inflight: number, tg: TelegramStandIn): Promise<Load> {
  const latencies: number[] = [];
  let next = 0;
  let non200 = 0;
  const before = tg.callsTo('sendMessage').filter((c) => c.outcome.ok).length;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (next < updates.length) {
        const u = updates[next++]!;
        const t0 = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: JSON.stringify(u),
        });
        await res.arrayBuffer();
        if (res.status !== 200) non200++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    updates: updates.length,
    seconds: round(seconds, 2),
    perSecond: round(updates.length / seconds, 1),
    p50Ms: Math.round(percentile(latencies, 0.5)),
    p99Ms: Math.round(percentile(latencies, 0.99)),
    replies: tg.callsTo('sendMessage').filter((c) => c.outcome.ok).length - before,
    non200,
  };
}

export async function runInboundBench(): Promise<Record<string, unknown>> {
  const units = 600;
  const count = scaled(1500, 50);
  const inflight = Number(process.env.BENCH_INFLIGHT ?? '32');
  const bdb = await benchDatabase('inbound');
  const m = await machine(bdb.sql);
  log(`machine: ${m.cpus} cores (${m.cpu}), ${m.memoryGb} GB, load ${m.loadAverage}; ${count} /viec updates per run, ${inflight} in flight`);
  try {
    const fill = await timed(async () => {
      const { officials } = await fillOrganisation(bdb.sql, units);
      // 20 tasks per official as assignee: a third open (waiting, accepted, in progress), the rest closed.
      await bdb.sql.query(`
        INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
        SELECT 'NV-2026-' || lpad(g::text, 6, '0'), 2026, g, 'Rà soát hồ sơ số ' || g || ' theo Kế hoạch 12/KH-UBND', 'Báo cáo bằng văn bản',
               (ARRAY['NORMAL','NORMAL','HIGH','URGENT'])[1 + g % 4]::"Priority",
               (ARRAY['ASSIGNED','ACCEPTED','IN_PROGRESS','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED'])[1 + g % 9]::"TaskStatus",
               now() + (g % 30 - 10) * interval '1 day', now() + (g % 30 - 10) * interval '1 day',
               ((a - 1) / 5) * 5 + 1, a, 1 + (a - 1) / 5, now() - interval '20 days', now()
        FROM generate_series(1, ${officials * 20}) g, LATERAL (SELECT 1 + g % ${officials} AS a) x;
        ANALYZE;`);
      return officials;
    });
    const officials = fill.value;
    log(`filled ${officials} officials and ${officials * 20} tasks in ${fill.ms} ms`);
    // Distinct users, so the one-reply-a-second-per-chat rule never holds a request: this measures the pipeline.
    const updatesFor = () => Array.from({ length: count }, (_, i) => command(user(100000 + 1 + (i % officials)), '/viec'));
    // Warm-up from other users (the last ones), so no measured user waits for its one-reply-a-second turn.
    const warmUp = () => Array.from({ length: Math.min(50, officials - count) }, (_, i) => command(user(100000 + officials - i), '/viec'));

    const quiet = pino({ level: 'silent' });
    const noQueues = { schedule: async () => {}, kick: async () => {} };
    const app = createAppContext({
      db: bdb.db,
      time: systemTime,
      catalogue: Catalogue.load(),
      policy: defaultPolicy(),
      logger: quiet,
      scheduler: noQueues,
      delivery: noQueues,
    });
    const router = createAppRouter(app);
    const runs: Record<string, Load> = {};
    // BENCH_PROFILE=1: V8's self time of the router alone and of the webhook path (replies unthrottled), whose CPU
    // figures the profiler then inflates; the paced run (bound by the 30 a second, not the CPU) is left out.
    const profiles: Record<string, TopEntry[]> = {};
    // The shared router alone (no HTTP, no grammY, no reply): what the database path costs.
    {
      let key = 0;
      const envelope = (i: number) => {
        const id = String(100000 + 1 + (i % officials));
        return {
          channel: 'TELEGRAM' as const,
          updateKey: `bench-${Date.now()}-${key++}`,
          externalUserId: id,
          chatId: id,
          displayName: 'bench',
          event: { type: 'text' as const, text: '/viec' },
        };
      };
      for (let i = 0; i < 50; i++) await router.handle(envelope(i));
      const latencies: number[] = [];
      let next = 0;
      const stopCpu = await cpuMeter(bdb.sql, bdb.name);
      const started = performance.now();
      const prof = await profiled('inbound-router', () =>
        Promise.all(
          Array.from({ length: inflight }, async () => {
            while (next < count) {
              const e = envelope(next++);
              const t0 = performance.now();
              await router.handle(e);
              latencies.push(performance.now() - t0);
            }
          }),
        ),
      );
      if (prof.top) profiles.routerOnly = prof.top;
      const seconds = (performance.now() - started) / 1000;
      const cpu: CpuFigures = await stopCpu();
      runs.routerOnly = {
        cpuPerUpdate: perUnit(cpu, count),
        updates: count,
        seconds: round(seconds, 2),
        perSecond: round(count / seconds, 1),
        p50Ms: Math.round(percentile(latencies, 0.5)),
        p99Ms: Math.round(percentile(latencies, 0.99)),
        replies: 0,
        non200: 0,
      };
      log(
        `router alone (identity, update claim, tasks query, render; no HTTP): ${runs.routerOnly.perSecond} updates/s, p50 ${runs.routerOnly.p50Ms} ms, p99 ${runs.routerOnly.p99Ms} ms; CPU per update node ${runs.routerOnly.cpuPerUpdate!.nodeMs} ms, postgres ${runs.routerOnly.cpuPerUpdate!.postgresMs} ms (load ${loadNow()})`,
      );
    }
    const pipelines = [
      ['ours', 30],
      ['oursUnthrottled', 1_000_000],
      ['oursDeployedPath', 1_000_000],
    ] as const;
    for (const [name, repliesPerSecond] of pipelines.filter(([n]) => !process.env.BENCH_PROFILE || n !== 'ours')) {
      const tg = await createTelegramStandIn();
      // Replies take their turn in the delivery pacer as deployed: 30/s and 1/s per chat, or lifted to time the rest.
      const redis = new Redis(REDIS_URL);
      const perChatPerSecond = repliesPerSecond === 30 ? 1 : repliesPerSecond;
      const pacer = new Pacer(redis, uniquePrefix('inbound'), { globalPerSecond: repliesPerSecond, perChatPerSecond });
      // oursDeployedPath: the rest of what a deployment adds on the request path (src/main.ts): the chat's lock
      // (src/runtime/chat-order.ts; every deployment on a PostgreSQL server) and replies sent by the replier, which
      // checks the outbox for anything due for the chat before sending (src/channels/telegram/replies.ts).
      const deployed = name === 'oursDeployedPath';
      const chatLock = deployed ? createChatLock(bdb.url, { poolSize: 10 }) : undefined;
      const bot = createTelegramBot(
        TOKEN,
        { router: chatLock ? chatOrderedRouter(router, chatLock) : router, logger: quiet, pacer, ...(deployed ? { outbox: createReplyOutbox(app) } : {}) },
        { botInfo: tg.botInfo, client: { apiRoot: tg.url } },
      );
      const http = createHttpApp({ metrics: new Metrics(), health: [] });
      mountTelegramWebhook(http, bot, SECRET);
      const server = await startHttpServer(http, 0, '127.0.0.1');
      const url = `http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`;
      await drive(url, warmUp(), 8, tg);
      const stopCpu = await cpuMeter(bdb.sql, bdb.name);
      const prof = await profiled(`inbound-${name}`, () => drive(url, updatesFor(), inflight, tg));
      runs[name] = prof.value;
      if (prof.top) profiles[name] = prof.top;
      runs[name]!.cpuPerUpdate = perUnit(await stopCpu(), count);
      log(
        `${name} (replies ≤ ${repliesPerSecond === 30 ? '30/s, as deployed' : 'unlimited'}): ${runs[name]!.perSecond} updates/s, p50 ${runs[name]!.p50Ms} ms, p99 ${runs[name]!.p99Ms} ms, ${runs[name]!.replies} replies; CPU per update node ${runs[name]!.cpuPerUpdate!.nodeMs} ms, postgres ${runs[name]!.cpuPerUpdate!.postgresMs} ms (load ${loadNow()})`,
      );
      await server.close();
      await tg.close();
      await redis.quit();
      await chatLock?.close();
    }

    // Baseline: a bare grammY bot, the same kind of answer (a list of 5 tasks with a button each), no database.
    const tg = await createTelegramStandIn();
    const bare = new Bot(TOKEN, { botInfo: tg.botInfo, client: { apiRoot: tg.url } });
    const text = [
      '📋 Việc cần đồng chí xử lý (7)',
      ...Array.from({ length: 5 }, (_, i) => `🟡 NV-2026-00000${i} · Rà soát hồ sơ số ${i} theo Kế hoạch 12/KH-UBND · hạn 17:00 15/12/2026 · Đã nhận`),
      'Trang 1/2',
    ].join('\n');
    bare.command('viec', (ctx) =>
      ctx.reply(text, { reply_markup: { inline_keyboard: Array.from({ length: 5 }, (_, i) => [{ text: `NV-2026-00000${i}`, callback_data: `tv:${i}` }]) } }),
    );
    const http = createHttpApp({ metrics: new Metrics(), health: [] });
    const handle = webhookCallback(bare, 'hono', { secretToken: SECRET });
    http.post(TELEGRAM_WEBHOOK_PATH, (c) => handle(c));
    const server = await startHttpServer(http, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${server.port}${TELEGRAM_WEBHOOK_PATH}`;
    await drive(url, warmUp(), 8, tg);
    const stopBaseCpu = await cpuMeter(bdb.sql, bdb.name);
    const baseline = await drive(url, updatesFor(), inflight, tg);
    baseline.cpuPerUpdate = perUnit(await stopBaseCpu(), count);
    log(
      `baseline (bare grammY): ${baseline.perSecond} updates/s, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms; CPU per update node ${baseline.cpuPerUpdate.nodeMs} ms (load ${loadNow()})`,
    );
    await server.close();
    await tg.close();

    const ratio = round(runs.oursUnthrottled!.perSecond / baseline.perSecond, 3);
    const ratioAsDeployed = runs.ours ? round(runs.ours.perSecond / baseline.perSecond, 3) : undefined;
    const ratioDeployedPath = runs.oursDeployedPath ? round(runs.oursDeployedPath.perSecond / baseline.perSecond, 3) : undefined;
    log(
      `ratio ${ratio} with replies unthrottled (${ratioDeployedPath} with the chat lock and the replier), ${ratioAsDeployed} as deployed (target ≥ 0.5): ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
    );
    const result = {
      machine: m,
      setup: { officials, tasks: officials * 20, updatesPerRun: count, inflight, distinctUsers: Math.min(count, officials) },
      ours: {
        ...runs.ours,
        note: 'as deployed: replies take their turn in the delivery pacer in Redis (30 a second, 1 a second per chat); no grammY throttler',
      },
      oursUnthrottled: { ...runs.oursUnthrottled, note: 'the same pipeline with the reply throttle lifted: what the code itself can do' },
      oursDeployedPath: {
        ...runs.oursDeployedPath,
        note: 'as oursUnthrottled, plus what src/main.ts adds on the request path: the chat lock (two advisory-lock round trips) and the replier with its outbox check',
      },
      ratioDeployedPath,
      routerOnly: {
        ...runs.routerOnly,
        note: 'router.handle alone: update claim and identity, last-seen update (once a minute), dialog look-up, task page and count, render',
      },
      loadAverageAtEnd: loadNow(),
      baseline: { what: 'bare grammY bot, same webhook server and stand-in, static reply', ...baseline },
      ratio,
      ratioAsDeployed,
      target: { ratio: 0.5, met: ratio >= 0.5 },
      ...(Object.keys(profiles).length > 0 ? { profileTop: profiles } : {}),
    };
    log(`written to ${await writeResult('inbound', result)}`);
    return result;
  } finally {
    await bdb.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runInboundBench();
  process.exit(0);
}
