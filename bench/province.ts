// Province benchmark (issue 18, "The simulation"): organisations, each with its own Telegram bot on ONE stand-in
// that keeps Telegram's limits per bot token (30/s, 1/s per chat; none lifted), served by 2 ROLE=bot and 2
// ROLE=worker processes of the real bot (dist/main.mjs, as `npm start` runs it) sharing PostgreSQL and Redis on this
// machine. One working day compressed:
//   - 07:30 after a holiday: every waiting task's accept clock falls due at one instant (filled by SQL, like
//     bench/engine.ts), about a minute after the processes start;
//   - the day: every official acts ~20 times (/viec, /xem, a progress report dialog of three updates, …), each update
//     posted to the bot processes round-robin (a load balancer), the official's next update once the answer came;
//   - the evening: the daily digest job for every organisation (every head gets theirs);
//   - mid-day one bot process and one worker are killed (SIGKILL) and replacements started.
// Measured: updates/s answered, p99 reply time (update posted → its answer recorded at the stand-in), reminders/s,
// messages/s per bot against its 30/s, 429s per bot, isolation (every message to a chat went out with its
// organisation's token), and after the kill: every update answered once, every reminder once (at most the in-flight
// duplicates DEVELOPERS.md allows). Writes bench/results/province.json.
//
//   npm run bench -- province     BENCH_SCALE=0.1 for a quick look (officials and actions); BENCH_ORGS (default 10
//                                 when the organisations exist in this build, else 1), BENCH_INFLIGHT (default 48)
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { Redis } from 'ioredis';
import { DIGEST_JOB } from '../jobs/digest.js';
import { createQueues } from '../jobs/runtime.js';
import { systemTime } from '../src/domain/time/time-source.js';
import { startTelegramPlatform } from '../src/sandbox/platforms/telegram.js';
import { callbackQuery, command, textMessage, user } from '../tests/support/updates.js';
import { benchDatabase, logger, machine, percentile, REDIS_URL, ROOT, round, SCALE, uniquePrefix, writeResult } from './common.js';
import { fillOrg, finishFill, type OfficialSpec, type OrgSpec } from './province-fill.js';
import { StandInMeter } from './province-meter.js';
import { startProc, type Proc } from './province-procs.js';
import { provisionOrganisations, multiOrgSupported } from './province-orgs.js';

const log = logger('province');
const loadNow = () => os.loadavg().map((l) => round(l, 2));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SECRET = 'province-webhook-secret-0123';
/** An answer not there by then counts as lost (the stalled-job check gives a dead worker's jobs back within ~1 min). */
const ANSWER_TIMEOUT_MS = 90_000;
/** The largest value (Math.max(...list) overflows the stack past ~100,000 values: the full scale's 160,000 replies). */
const maxOf = (list: readonly number[]) => list.reduce((m, x) => (x > m ? x : m), -Infinity);

/** One action of an official: the update(s) to post and how many answers (non-push messages) it brings. */
interface Action {
  kind: string;
  update: (o: OfficialSpec) => Update;
  /** Messages (not pushes) the chat gets for it. */
  answers: number;
  /** A button press: its answer is answerCallbackQuery. */
  callback?: boolean;
}

const from = (o: OfficialSpec) => user(o.chatId, { firstName: `CB ${o.chatId}` });

/** A member's day: look at the list, at its task, report progress (a dialog of three updates), … */
const MEMBER_ACTIONS: Action[] = [
  { kind: '/viec', update: (o) => command(from(o), 'viec'), answers: 1 },
  { kind: '/xem', update: (o) => command(from(o), 'xem', o.progressCode), answers: 1 },
  { kind: '/baocao', update: (o) => command(from(o), 'baocao', o.progressCode), answers: 1 },
  { kind: 'report %', update: () => ({}) as Update, answers: 1 },
  { kind: 'report note', update: () => ({}) as Update, answers: 1 },
  { kind: 'press', update: () => ({}) as Update, answers: 1, callback: true },
];
const HEAD_ACTIONS: Action[] = [
  { kind: '/viec', update: (o) => command(from(o), 'viec'), answers: 1 },
  { kind: '/trogiup', update: (o) => command(from(o), 'trogiup'), answers: 1 },
];
MEMBER_ACTIONS[3]!.update = (o) => textMessage(from(o), String(10 + (o.chatId % 80)));
MEMBER_ACTIONS[4]!.update = (o) => textMessage(from(o), 'Đã rà soát xong các hồ sơ của tổ, đang tổng hợp ý kiến các phòng.');
// The task's button in the /viec list: its card.
MEMBER_ACTIONS[5]!.update = (o) => callbackQuery(from(o), `tv:${o.progressTaskId}`);

interface Official extends OfficialSpec {
  done: number;
  total: number;
  answersExpected: number;
  /** Answers its updates (not button presses) should bring in all: the count nothing re-synchronises. */
  answersPosted: number;
}

/** Deletes this run's Redis keys (its prefix and the organisations' prefixes under it). */
async function wipePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function runProvinceBench(): Promise<Record<string, unknown>> {
  const multi = await multiOrgSupported();
  const orgCount = Number(process.env.BENCH_ORGS ?? (multi ? '10' : '1'));
  if (orgCount > 1 && !multi) throw new Error('BENCH_ORGS > 1 needs organisations (issue 18) in this build');
  const perOrg = Math.max(10, Math.round(800 * SCALE));
  const actionsEach = Math.max(6, Math.round(20 * SCALE));
  const inflight = Number(process.env.BENCH_INFLIGHT ?? '48');
  const loadAtStart = loadNow();

  log('building dist/main.mjs (scripts/build.mjs), as npm start runs it');
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

  const bdb = await benchDatabase('province', 4);
  const m = await machine(bdb.sql);
  const tg = await startTelegramPlatform(); // Telegram's limits, per token, not lifted
  const prefix = uniquePrefix('province');
  const procs: Proc[] = [];
  try {
    const orgs: OrgSpec[] = Array.from({ length: orgCount }, (_, i) => ({
      // The first is the implicit 'default' organisation (its bot from TELEGRAM_BOT_TOKEN, as a district has it); the
      // others are created as `org create` does, each with its own bot token.
      id: i === 0 ? 'default' : `huyen-${String(i + 1).padStart(2, '0')}`,
      token: `${7100000000 + i}:AAprovince-bot-token-${String(i).padStart(2, '0')}-abcdefghij`,
      base: i * 100_000,
      chatBase: (i + 1) * 10_000_000,
      officials: perOrg,
    }));
    log(
      `machine: ${m.cpus} cores (${m.cpu}), ${m.memoryGb} GB, load ${loadAtStart.join(' ')}; ${orgCount} organisation(s) × ${perOrg} officials, ~${actionsEach} actions each, ${inflight} in flight`,
    );
    const waveDelayMs = Number(process.env.BENCH_WAVE_DELAY_MS ?? '60000');
    // Fill first; the wave's instant is set once the processes are up (below), by moving the clocks.
    const farWave = new Date(Date.now() + 10 * 86_400_000);
    const officials: Official[] = [];
    let clocks = 0;
    let tasks = 0;
    const t0Fill = Date.now();
    const orgKey = randomBytes(32).toString('hex');
    if (multi && orgCount > 1) await provisionOrganisations(bdb.url, orgs, orgKey);
    for (const [i, org] of orgs.entries()) {
      const filled = await fillOrg(bdb.url, org, i * perOrg * 3, farWave);
      clocks += filled.clocks;
      tasks += filled.tasks;
      for (const o of filled.officials) officials.push({ ...o, done: 0, total: actionsEach, answersExpected: 0, answersPosted: 0 });
    }
    await finishFill(bdb.url);
    log(`filled ${officials.length} officials, ${tasks} tasks, ${clocks} clocks in ${Date.now() - t0Fill} ms`);

    const tokenOfChat = new Map<string, string>();
    for (const o of officials) tokenOfChat.set(String(o.chatId), o.org.token);
    const meter = new StandInMeter(tg, (chat) => tokenOfChat.get(chat));

    // No catch-up digest at start: the digest is triggered at the end of the day below.
    const policyFile = path.join(os.tmpdir(), `province-policy-${process.pid}.yaml`);
    writeFileSync(policyFile, 'digest:\n  time: "23:59"\n');
    const env: Record<string, string> = {
      DATABASE_URL: bdb.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: orgs[0]!.token,
      TELEGRAM_API_ROOT: tg.url,
      TELEGRAM_WEBHOOK_URL: 'https://province.example/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      POLICY_FILE: policyFile,
      // PostgreSQL here allows 100 connections for everyone on the machine: small pools. A bot process holds up to
      // DB_POOL_SIZE ('default') + DB_POOL_SIZE (chat locks) + 9 × ORG_DB_POOL_SIZE, a worker the same less the locks.
      DB_POOL_SIZE: process.env.BENCH_DB_POOL ?? '2',
      ORG_DB_POOL_SIZE: '2',
      ORG_TOKEN_KEY: orgKey,
      ORG_REFRESH_MS: '5000',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: '5000',
    };
    const start = (name: string, role: 'bot' | 'worker') => startProc(name, role, env);
    const bots = [await start('bot-1', 'bot'), await start('bot-2', 'bot')];
    const workers = [await start('worker-1', 'worker'), await start('worker-2', 'worker')];
    procs.push(...bots, ...workers);
    const readyMs = await Promise.all([...bots, ...workers].map((p) => p.ready));
    log(`processes ready in ${readyMs.join(', ')} ms (load ${loadNow().join(' ')})`);

    // The load balancer: round-robin over the bot processes alive; a refused or failed post goes to the next one
    // (as Telegram retries a webhook that failed).
    let live = [...bots];
    let rr = 0;
    let retries = 0;
    const webhookPath = (org: OrgSpec) => (org.id === 'default' ? '/telegram/webhook' : `/telegram/${org.id}/webhook`);
    const secretOf = (org: OrgSpec) => (org.id === 'default' ? SECRET : createHmac('sha256', SECRET).update(org.id).digest('hex'));
    const post = async (org: OrgSpec, update: Update): Promise<void> => {
      for (let attempt = 0; ; attempt++) {
        const target = live[rr++ % live.length]!;
        try {
          const res = await fetch(`http://127.0.0.1:${target.port}${webhookPath(org)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secretOf(org) },
            body: JSON.stringify(update),
            signal: AbortSignal.timeout(30_000),
          });
          await res.arrayBuffer();
          if (res.status === 200) return;
          if (attempt > 20) throw new Error(`webhook answered ${res.status}`);
        } catch (e) {
          if (attempt > 20) throw e;
        }
        retries++;
        await sleep(200);
      }
    };

    // 07:30 after the holiday: every accept clock due at one instant, a minute from now; the workers' reconciler
    // takes the clocks due within its horizon, so it is run again here by moving them (as after a restart).
    const waveAt = new Date(Date.now() + waveDelayMs);
    await bdb.sql.query(`UPDATE clock SET "dueAt" = $1, "nextAt" = $1 WHERE kind = 'TASK_ACCEPT'`, [waveAt]);
    const queues = createQueues(REDIS_URL, prefix, systemTime);
    const orgQueues = orgs.filter((o) => o.id !== 'default').map((o) => createQueues(REDIS_URL, `${prefix}-${o.id}`, systemTime));
    // The reconciler job (the one each worker runs at start and every 5 minutes) puts the wave's levels in Redis.
    for (const q of [queues, ...orgQueues]) await q.maintenance.add('reconcile', {}, { jobId: `bench-reconcile-${Date.now()}` });
    log(`wave of ${clocks} reminders due at ${waveAt.toISOString()}`);
    // When the wave's reminders are fired (rows written): polled every 250 ms until all are there.
    let waveFiredAt: number | undefined;
    let waveFirstAt: number | undefined;
    const wavePoll = (async () => {
      const deadline = Date.now() + waveDelayMs + 900_000;
      while (Date.now() < deadline) {
        const n = Number((await bdb.sql.query<{ n: string }>('SELECT count(*) AS n FROM reminder')).rows[0]?.n ?? 0);
        if (n > 0 && waveFirstAt === undefined) waveFirstAt = Date.now();
        if (n >= clocks) {
          waveFiredAt = Date.now();
          return;
        }
        await sleep(250);
      }
    })();

    // The day: every official acts in turn; an official's next update goes once the answer to the last one came.
    const latencies: number[] = [];
    /** [posted, latency] of every answered update, to tell the minutes after the kill from the rest. */
    const timeline: [number, number][] = [];
    const latencyByKind = new Map<string, number[]>();
    const unanswered: { chat: number; kind: string; posted: number }[] = [];
    const totalActions = officials.reduce((s, o) => s + o.total, 0);
    let doneActions = 0;
    const queue = [...officials].sort((a, b) => (a.chatId % 997) - (b.chatId % 997) || a.chatId - b.chatId);
    const t0Day = Date.now();
    let killedAt: number | undefined;
    const lastCpu = new Map<string, number | null>();
    let replaced: { bot: Proc; worker: Proc; readyMs: number[] } | undefined;
    const act = async (o: Official): Promise<void> => {
      const actions = o.head ? HEAD_ACTIONS : MEMBER_ACTIONS;
      const action = actions[o.done % actions.length]!;
      const update = action.update(o);
      const posted = Date.now();
      const chat = String(o.chatId);
      const target = o.answersExpected + action.answers;
      o.answersExpected = target;
      o.answersPosted += action.answers;
      const answered = action.callback ? meter.callbackAnswered(update.callback_query!.id) : meter.answerNumber(chat, target - action.answers + 1);
      await post(o.org, update);
      const at = await Promise.race([answered, sleep(ANSWER_TIMEOUT_MS).then(() => undefined)]);
      if (at === undefined) {
        unanswered.push({ chat: o.chatId, kind: action.kind, posted: Math.round((posted - t0Day) / 1000) });
        // Count on from what the chat really got, so one lost answer does not shift the official's later ones.
        if (!action.callback) o.answersExpected = meter.answers.get(chat)?.length ?? 0;
      } else {
        latencies.push(at - posted);
        timeline.push([posted, at - posted]);
        const list = latencyByKind.get(action.kind) ?? [];
        list.push(at - posted);
        latencyByKind.set(action.kind, list);
      }
      // The rest of a multi-message answer arrives before the official goes on.
      if (action.answers > 1 && !action.callback) await Promise.race([meter.answerNumber(chat, target), sleep(ANSWER_TIMEOUT_MS)]);
      o.done++;
      doneActions++;
    };
    const killAt = Math.round(totalActions * 0.4);
    const killer = (async () => {
      while (doneActions < killAt) await sleep(100);
      killedAt = Date.now();
      log(`killing bot-1 and worker-1 (SIGKILL) after ${doneActions} of ${totalActions} actions (load ${loadNow().join(' ')})`);
      live = [bots[1]!];
      for (const p of [bots[0]!, workers[0]!]) lastCpu.set(p.name, p.cpuMs() ?? null);
      await Promise.all([bots[0]!.kill('SIGKILL'), workers[0]!.kill('SIGKILL')]);
      const bot = await start('bot-3', 'bot');
      const worker = await start('worker-3', 'worker');
      procs.push(bot, worker);
      const ms = await Promise.all([bot.ready, worker.ready]);
      live = [bots[1]!, bot];
      replaced = { bot, worker, readyMs: ms };
      log(`replacements ready in ${ms.join(', ')} ms`);
    })();
    let lastLog = Date.now();
    await Promise.all(
      Array.from({ length: inflight }, async () => {
        for (;;) {
          const o = queue.shift();
          if (!o) return;
          await act(o);
          if (o.done < o.total) queue.push(o);
          if (Date.now() - lastLog > 15_000) {
            lastLog = Date.now();
            log(`  ${doneActions}/${totalActions} actions, ${round(doneActions / ((Date.now() - t0Day) / 1000), 1)}/s, load ${loadNow().join(' ')}`);
          }
        }
      }),
    );
    const daySeconds = (Date.now() - t0Day) / 1000;
    await killer;
    await wavePoll;
    log(`day done: ${doneActions} actions in ${round(daySeconds, 1)} s; ${unanswered.length} unanswered (load ${loadNow().join(' ')})`);

    // The evening: the digest for every organisation, as its job scheduler would run it.
    const t0Digest = Date.now();
    for (const q of [queues, ...orgQueues]) await q.maintenance.add(DIGEST_JOB, {}, { jobId: `bench-digest-${Date.now()}` });
    const heads = officials.filter((o) => o.head).length;
    // Heads of units with no tasks below them get no digest; wait until the digest rows stop growing.
    let lastDigests = -1;
    let stable = 0;
    while (stable < 10 && Date.now() - t0Digest < 600_000) {
      await sleep(1000);
      const sent = Number((await bdb.sql.query<{ n: string }>('SELECT count(*) AS n FROM digest_sent')).rows[0]?.n ?? 0);
      const pending = Number((await bdb.sql.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE status IN ('PENDING','SENDING')`)).rows[0]?.n ?? 0);
      stable = sent === lastDigests && pending === 0 ? stable + 1 : 0;
      lastDigests = sent;
    }
    const digestSeconds = (Date.now() - t0Digest) / 1000;

    // Settle: nothing left in the outbox (reminders, notices, queued answers), then a moment for a late duplicate.
    const settleStart = Date.now();
    for (;;) {
      const pending = Number((await bdb.sql.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE status IN ('PENDING','SENDING')`)).rows[0]?.n ?? 0);
      if (pending === 0 || Date.now() - settleStart > 300_000) break;
      await sleep(1000);
    }
    await sleep(3000);
    const loadAtEnd = loadNow();
    const cpuAtEnd = procs.map((p) => [p.name, p.cpuMs() ?? lastCpu.get(p.name) ?? null] as const);

    // ---- Checks ----
    const q1 = async (sql: string) => Number((await bdb.sql.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
    const reminderRows = await q1('SELECT count(*) AS n FROM reminder');
    const outboxLeft = await q1(`SELECT count(*) AS n FROM outbox WHERE status IN ('PENDING','SENDING')`);
    const outboxFailed = await q1(`SELECT count(*) AS n FROM outbox WHERE status NOT IN ('PENDING','SENDING','SENT')`);
    const claimed = await q1(`SELECT count(*) AS n FROM processed_update WHERE channel = 'TELEGRAM'`);
    // Every wave code reached its chat once (reminders): codes of the accept clocks.
    const waveCodes = (
      await bdb.sql.query<{ chat: string; code: string }>(`
        SELECT ci."chatId" AS chat, t.code FROM clock c JOIN task t ON t.id = c."itemId" JOIN chat_identity ci ON ci."officialId" = c."officialId"
        WHERE c.kind = 'TASK_ACCEPT' AND ci.channel = 'TELEGRAM'`)
    ).rows;
    let remindersMissing = 0;
    const remindersDoubled: string[] = [];
    for (const { chat, code } of waveCodes) {
      const n = meter.reminderCodes.get(`${chat} ${code}`) ?? 0;
      if (n === 0) remindersMissing++;
      if (n > 1) remindersDoubled.push(`${chat} ${code} ×${n}`);
    }
    // Every update answered once: answers per chat equal to those expected, every button press answered once.
    // Against what every update should have brought: never came, or came more than once. An answer that came after
    // the generator's timeout is late, not missing.
    let answersMissing = 0;
    let answersExtra = 0;
    const answersExtraSample: { chat: number; posted: number; texts: string[] }[] = [];
    for (const o of officials) {
      const got = meter.answers.get(String(o.chatId))?.length ?? 0;
      if (got < o.answersPosted) answersMissing += o.answersPosted - got;
      if (got > o.answersPosted) {
        answersExtra += got - o.answersPosted;
        if (answersExtraSample.length < 5)
          answersExtraSample.push({ chat: o.chatId, posted: o.answersPosted, texts: meter.answerTexts.get(String(o.chatId)) ?? [] });
      }
    }
    const timedOut = unanswered.filter((u) => u.kind !== 'press').length;
    const callbacksTwice = [...meter.callbackAnswers.values()].filter((l) => l.length > 1).length;
    const digestHeads = [...meter.digestsByChat.values()];
    const digestsTwice = digestHeads.filter((n) => n > 1).length;
    const digestRows = await q1('SELECT count(*) AS n FROM digest_sent');

    // Messages per bot: total, the busiest second, and the mean over the seconds it sent in.
    const perBot = orgs.map((org) => {
      const seconds = meter.sendsBySecond.get(org.token) ?? new Map<number, number>();
      const counts = [...seconds.values()];
      const span = counts.length === 0 ? 0 : Math.max(...seconds.keys()) - Math.min(...seconds.keys()) + 1;
      return {
        org: org.id,
        messages: meter.sends.get(org.token) ?? 0,
        peakPerSecond: counts.length === 0 ? 0 : Math.max(...counts),
        meanPerSecondWhileSending: span === 0 ? 0 : round((meter.sends.get(org.token) ?? 0) / span, 1),
        limitPerSecond: 30,
        tooManyRequests: meter.tooMany.get(org.token) ?? 0,
      };
    });
    const reminderTimes = meter.reminderMessageTimes;
    // Fired: from the instant they fell due to the last reminder row written (polled every 250 ms).
    const remindersSpan = waveFiredAt === undefined ? NaN : (waveFiredAt - waveAt.getTime()) / 1000;
    const answeredCount = latencies.length;
    const result = {
      machine: m,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      setup: {
        organisations: orgCount,
        officialsPerOrganisation: perOrg,
        officials: officials.length,
        heads,
        tasks,
        waveClocks: clocks,
        actionsPerOfficial: actionsEach,
        inflight,
        processes: '2 ROLE=bot + 2 ROLE=worker (dist/main.mjs), one Telegram stand-in in the benchmark process, limits per token',
        pools: { DB_POOL_SIZE: env.DB_POOL_SIZE, ORG_DB_POOL_SIZE: env.ORG_DB_POOL_SIZE },
        readyMs,
      },
      day: {
        actions: doneActions,
        seconds: round(daySeconds, 1),
        updatesPerSecond: round(answeredCount / daySeconds, 1),
        replyP50Ms: Math.round(percentile(latencies, 0.5)),
        replyP99Ms: Math.round(percentile(latencies, 0.99)),
        replyMaxMs: Math.round(maxOf(latencies)),
        byKind: Object.fromEntries(
          [...latencyByKind].map(([k, l]) => [k, { n: l.length, p50Ms: Math.round(percentile(l, 0.5)), p99Ms: Math.round(percentile(l, 0.99)) }]),
        ),
        // Answered before the kill; posted two minutes after it or later; the rest (in hand or queued around the kill).
        replyP99MsBeforeKill: killedAt
          ? Math.round(
              percentile(
                timeline.filter(([p, l]) => p + l < killedAt!).map(([, l]) => l),
                0.99,
              ),
            )
          : null,
        replyP99MsFromTwoMinutesAfterKill: killedAt
          ? Math.round(
              percentile(
                timeline.filter(([p]) => p > killedAt! + 120_000).map(([, l]) => l),
                0.99,
              ),
            )
          : null,
        replyP99MsAroundKill: killedAt
          ? Math.round(
              percentile(
                timeline.filter(([p, l]) => p + l >= killedAt! && p <= killedAt! + 120_000).map(([, l]) => l),
                0.99,
              ),
            )
          : null,
        answersOver10s: latencies.filter((l) => l > 10_000).length,
        unanswered: unanswered.length,
        unansweredSample: unanswered.slice(0, 10),
        webhookRetries: retries,
        updatesClaimed: claimed,
      },
      wave: {
        reminders: reminderRows,
        expected: clocks,
        firedSeconds: round(remindersSpan, 1),
        firstFiredAfterDueSeconds: waveFirstAt === undefined ? null : round((waveFirstAt - waveAt.getTime()) / 1000, 1),
        remindersPerSecond: round(reminderRows / Math.max(0.001, remindersSpan), 1),
        messages: reminderTimes.length,
        deliveredSeconds: reminderTimes.length ? round((maxOf(reminderTimes) - waveAt.getTime()) / 1000, 1) : null,
        missing: remindersMissing,
        doubled: remindersDoubled.length,
        doubledSample: remindersDoubled.slice(0, 10),
      },
      digest: { heads, digestMessages: digestHeads.length, digestSentRows: digestRows, twice: digestsTwice, seconds: round(digestSeconds, 1) },
      perBot,
      tooManyRequests: [...meter.tooMany.values()].reduce((a, b) => a + b, 0),
      tooManyRequestsDetail: meter.refusals.slice(0, 20).map((r) => ({ ...r, atS: round((r.at - t0Day) / 1000, 1) })),
      isolation: { chatsWritten: meter.tokensByChat.size, crossings: meter.crossings.length, sample: meter.crossings.slice(0, 5) },
      kill: {
        at: killedAt ? round((killedAt - t0Day) / 1000, 1) : null,
        replacementsReadyMs: replaced?.readyMs ?? null,
        answersMissing,
        answersLateBeyondTimeout: Math.max(0, timedOut - answersMissing),
        pressesUnanswered: unanswered.filter((u) => u.kind === 'press').length,
        answersExtra,
        answersExtraSample,
        callbacksAnsweredTwice: callbacksTwice,
        outboxLeft,
        outboxNotSent: outboxFailed,
      },
      pushes: Object.fromEntries(meter.pushes),
      processCpuMs: Object.fromEntries(cpuAtEnd),
      problems: Object.fromEntries(procs.map((p) => [p.name, p.problems().slice(0, 5)])),
    };
    meter.stop();
    if (process.env.BENCH_DUMP) {
      for (const o of [officials.findLast((x) => !x.head)!, officials.findLast((x) => x.head)!]) {
        log(`--- chat ${o.chatId} (${o.head ? 'head' : 'member'}), ${o.answersExpected} answers expected`);
        for (const c of tg.callsForChat(o.chatId))
          log(
            `  ${c.method} ${c.outcome.ok ? 'ok' : 'refused'} ${JSON.stringify(c.params.text ?? c.params.callback_query_id ?? '').slice(0, 100)} ${c.params.reply_markup ? JSON.stringify(c.params.reply_markup).slice(0, 200) : ''}`,
          );
      }
    }
    log(JSON.stringify({ day: result.day, wave: result.wave, digest: result.digest, kill: result.kill, isolation: result.isolation, perBot }, null, 1));
    log(`written to ${await writeResult('province', result)}`);
    await queues.close();
    for (const q of orgQueues) await q.close();
    return result;
  } finally {
    await Promise.all(procs.map((p) => p.kill('SIGTERM')));
    for (const p of procs) rmSync(p.dataDir, { recursive: true, force: true });
    rmSync(path.join(os.tmpdir(), `province-policy-${process.pid}.yaml`), { force: true });
    await tg.close();
    await wipePrefix(prefix);
    await bdb.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runProvinceBench();
  process.exit(0);
}
