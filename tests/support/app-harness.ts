// The whole bot in one test file: its own database and BullMQ prefix, a manual clock, the real router behind the
// Telegram webhook over HTTP, the real workers delivering to the Telegram stand-in.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { pino, type Logger } from 'pino';
import { everyClockHandler } from '../../src/app/clock-handlers.js';
import { ClockHandlers } from '../../src/app/clocks/fire-clock.js';
import type { ClockHandler } from '../../src/app/clocks/clock-handler.js';
import type { AppContext } from '../../src/app/context.js';
import { createAppRouter, type RouterExtensions } from '../../src/app/interaction/index.js';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import type { ChannelSender } from '../../src/app/ports/sender.js';
import { createReplyOutbox } from '../../src/app/delivery/reply-outbox.js';
import { createTelegramBot } from '../../src/channels/telegram/bot.js';
import { createTelegramSender } from '../../src/channels/telegram/sender.js';
import { createTelegramFiles } from '../../src/channels/telegram/files.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { OfficialId } from '../../src/domain/ids.js';
import type { Priority } from '../../src/domain/priority.js';
import type { Task } from '../../src/domain/task/types.js';
import type { ChannelName } from '../../src/domain/org/types.js';
import type { Policy } from '../../src/domain/policy/types.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { createHttpApp, startHttpServer, type RunningServer } from '../../src/http/server.js';
import { Metrics } from '../../src/http/metrics.js';
import { mountTelegramWebhook, TELEGRAM_WEBHOOK_PATH } from '../../src/channels/telegram/webhook.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createAppContext } from '../../src/runtime/app-context.js';
import { createQueues, startWorkers, type QueueSet, type RunningWorkers, type WorkerOptions } from '../../jobs/runtime.js';
import { digestJobs } from '../../jobs/digest.js';
import { Pacer } from '../../jobs/delivery/pacer.js';
import { rerouteUnreachable } from '../../src/app/delivery/reroute.js';
import type { ZaloSendPolicy } from '../../src/channels/zalo/sender.js';
import { mountFileLinks } from '../../src/http/file-links.js';
import { mountApiV1 } from '../../src/http/api/v1/index.js';
import { KeyRateLimits } from '../../src/http/api/v1/rate-limit.js';
import { sleep } from '../../src/sleep.js';
import { ZALO_WEBHOOK_PATH } from '../../src/channels/zalo/webhook.js';
import { prepareZalo, type ZaloRuntime } from '../../src/channels/zalo/start.js';
import { createZaloStandIn, type PostWebhookOptions, type ZaloStandIn } from './zalo-stand-in.js';
import { prepareZaloOa, type ZaloOaRuntime } from '../../src/channels/zalo-oa/runtime.js';
import { createOaTokenRows } from '../../src/db/repositories/zalo-oa-token.repository.js';
import { createTokenCipher } from '../../src/channels/zalo-oa/token-crypto.js';
import type { SecretBox } from '../../src/app/ports/webhooks.js';
import type { OaSendPolicy } from '../../src/channels/zalo-oa/sender.js';
import { ZALO_OA_WEBHOOK_PATH } from '../../src/channels/zalo-oa/webhook.js';
import { startZaloOaPlatform, type ZaloOaPlatform } from '../../src/sandbox/platforms/zalo-oa.js';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { composeSandbox } from '../../src/sandbox/compose.js';
import type { PeopleDirectory, SandboxPorts, SandboxTime } from '../../src/sandbox/ports.js';
import { quiet } from '../../src/sandbox/time-wiring.js';
import type { TimeMove } from '../../src/sandbox/time-moves.js';
import { zaloText } from './updates.js';
import { createTestDatabase, type TestDatabase, storesOn } from './database.js';
import { TEST_REDIS_URL } from './env.js';
import { createTelegramStandIn, type TelegramStandIn } from './telegram-stand-in.js';
import { command, user } from './updates.js';
import { waitUntil } from './wait.js';

export const SAMPLE_CSV = new URL('../../samples/huyen-mau.csv', import.meta.url);
export const BOT_TOKEN = '7000000001:AAtest-token-for-the-stand-in-0123456';
export const WEBHOOK_SECRET = 'test-webhook-secret-123';
export const ZALO_TOKEN = '1234567890123456789:zalo-test-token';
export const ZALO_WEBHOOK_SECRET = 'zalo-webhook-secret-123';

export interface HarnessOptions {
  /** A Monday morning in Hà Nội by default: inside working hours. */
  start?: string;
  policy?: (p: Policy) => Policy;
  handlers?: ClockHandler[];
  router?: (app: AppContext) => RouterExtensions;
  /** Start the background workers (default true). */
  workers?: boolean;
  /** Real time a reminder waits for others to the same chat (default 150 ms). */
  waveWindowMs?: number;
  /** Worker settings to change (pacing limits, concurrency, back-off …). */
  workerOptions?: Partial<Omit<WorkerOptions, 'redisUrl' | 'prefix' | 'app' | 'handlers' | 'senders' | 'logger' | 'queues'>>;
  /** A database kept from an earlier harness (a restart of the app); it is then left for the caller to drop. */
  database?: TestDatabase;
  /** The Zalo bot (always there, receiving by webhook): its monthly cap and how it treats 403 and 429. */
  zalo?: { monthlyCap?: number; sendPolicy?: Partial<ZaloSendPolicy>; replyRetryDelaysMs?: number[] };
  /** Where the app logs (default: pino at LOG_LEVEL, silent): the fuzz run collects errors from it. */
  logger?: Logger;
  /**
   * Run as the sandbox does: both platforms on the harness clock, the bot receiving by long polling over HTTP
   * (grammY's runner, Zalo's getUpdates) instead of webhooks, and the sandbox's page and API served at `/`.
   */
  sandbox?: boolean;
  /**
   * Also run the Zalo Official Account channel against its stand-in (on the harness clock), with tokens issued and
   * stored sealed as `zalo-oa authorize` would: `h.oa` is the platform, `h.oaRuntime` our side.
   */
  zaloOa?: boolean | { sendPolicy?: Partial<OaSendPolicy>; refreshAheadMs?: number };
}

export interface Harness {
  db: TestDatabase;
  timeSource: ManualTime;
  app: AppContext;
  tg: TelegramStandIn;
  queues: QueueSet;
  workers: RunningWorkers | undefined;
  http: RunningServer;
  prefix: string;
  zalo: ZaloStandIn;
  zaloRuntime: ZaloRuntime;
  /** Our Zalo webhook's URL (plain HTTP on 127.0.0.1). */
  zaloWebhookUrl: string;
  /** POSTs an event to the Zalo webhook like Zalo does (with our secret unless told otherwise); returns the HTTP status once it is handled. */
  postZalo(event: Parameters<ZaloStandIn['postWebhook']>[1], options?: PostWebhookOptions): Promise<number>;
  /** Links a Zalo user to an official by sending the invite code alone, as a first Zalo message may. Returns the Zalo user id. */
  linkZalo(officialCode: string, zaloUserId: string): Promise<string>;
  /** POSTs an update to the webhook like Telegram does; returns the HTTP status. */
  post(update: Update, secret?: string): Promise<number>;
  importSample(): Promise<void>;
  /** Links a Telegram user to an official through a real invite code and /start. Returns the Telegram user id. */
  link(officialCode: string, telegramUserId: number): Promise<number>;
  /** Moves the clock and lets the schedule catch up: due clocks fire, deliveries go out. */
  advance(ms: number): Promise<void>;
  setTime(iso: string): Promise<void>;
  /** Waits until no clock job and no delivery is waiting or running. */
  idle(timeoutMs?: number): Promise<void>;
  officialId(code: string): Promise<number>;
  /** The sandbox's time moves over this harness's clock and workers (each jump walked level by level). */
  time: SandboxTime & { move(move: TimeMove): Promise<void> };
  /** The people panel's directory (units, officials, their chats on the built-in platforms). */
  people: PeopleDirectory;
  /** With `sandbox: true`: what the sandbox API is given; its page is at `${baseUrl}/`. */
  sandboxPorts: SandboxPorts;
  baseUrl: string;
  /** Assigns a task (as the use case does, with its rules) and waits until its notifications are delivered. */
  give(by: string | number, to: string | number, task: { title: string; deadline: Date; priority?: Priority; expectedResult?: string }): Promise<Task>;
  oa: ZaloOaPlatform | undefined;
  oaRuntime: ZaloOaRuntime | undefined;
  /** Seals and opens webhook signing secrets as the workers do (issue 17). */
  webhookSecrets: SecretBox;
  /** Its key as WEBHOOK_SECRET_KEY, for a CLI run against this harness's database. */
  webhookKeyHex: string;
  close(): Promise<void>;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const db = options.database ?? (await createTestDatabase());
  const timeSource = new ManualTime(options.start ?? '2026-12-07T02:00:00Z'); // Mon 07/12/2026 09:00 in Hà Nội
  const sandbox = options.sandbox === true;
  // The sandbox's platforms date their messages on the sandbox clock; the tests' keep real time as before.
  const platformNow = sandbox ? { now: () => timeSource.now().getTime() } : {};
  const tg = await createTelegramStandIn(platformNow);
  const prefix = `t-${randomBytes(6).toString('hex')}`;
  const queues = createQueues(TEST_REDIS_URL, prefix, timeSource);
  const logger = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? 'silent' });
  const basePolicy = defaultPolicy('Asia/Ho_Chi_Minh');
  const app = createAppContext({
    db: db.db,
    time: timeSource,
    catalogue: Catalogue.load(),
    policy: options.policy ? options.policy(basePolicy) : basePolicy,
    logger,
    scheduler: queues.scheduler,
    delivery: queues.kicker,
    webhooks: queues.webhookKicker,
    links: { telegramBotUsername: tg.botInfo.username },
    tuning: { waveWindowMs: options.waveWindowMs ?? 150 },
    cacheMs: 0,
  });
  app.files = { TELEGRAM: createTelegramFiles({ token: BOT_TOKEN, apiRoot: tg.url }) };
  const router = createAppRouter(app, options.router?.(app));
  // Webhook signing secrets sealed as main.ts does; the key is the harness's (`webhookKeyHex` for a CLI on the same database).
  const webhookKeyHex = randomBytes(32).toString('hex');
  const webhookSecrets = createTokenCipher({ currentId: '1', keys: new Map([['1', Buffer.from(webhookKeyHex, 'hex')]]) });
  const limits = options.workerOptions?.limits ?? { globalPerSecond: 1000, perChatPerSecond: 1000 };
  // Replies keep the workers' pace, as in main.ts (one pacer over the same Redis keys).
  const replyPacer = new Pacer(queues.producer, prefix, limits);
  const replyOutbox = createReplyOutbox(app);
  const bot = createTelegramBot(BOT_TOKEN, { router, logger, pacer: replyPacer, outbox: replyOutbox }, { botInfo: tg.botInfo, client: { apiRoot: tg.url } });
  const metrics = new Metrics();
  const httpApp = createHttpApp({ metrics, health: [] });
  mountTelegramWebhook(httpApp, bot, WEBHOOK_SECRET);
  const zalo = await createZaloStandIn(platformNow);
  const zaloRuntime = prepareZalo({
    token: ZALO_TOKEN,
    apiRoot: zalo.url,
    ...(sandbox ? { pollTimeoutSeconds: 5 } : {}),
    webhook: sandbox ? undefined : { url: undefined, secret: ZALO_WEBHOOK_SECRET },
    monthlyCap: options.zalo?.monthlyCap ?? 3000,
    app,
    logger,
    receive: { router, http: httpApp },
    pace: (chatId) => replyPacer.acquire('ZALO', chatId),
    sendPolicy: { forbiddenStrikes: 2, rateLimitBaseMs: 200, ...options.zalo?.sendPolicy },
    replyRetryDelaysMs: options.zalo?.replyRetryDelaysMs ?? [50, 100, 200],
  });
  mountFileLinks(httpApp, { db: db.db, time: timeSource, catalogue: app.catalogue });
  mountApiV1(httpApp, { app, limits: new KeyRateLimits(queues.producer, prefix), pause: sleep });
  // The sandbox has the unit's OA built in (src/sandbox/start.ts): so does the harness composed as the sandbox.
  const oaOptions = options.zaloOa === true || (sandbox && options.zaloOa === undefined) ? {} : options.zaloOa || undefined;
  const oa = oaOptions ? await startZaloOaPlatform({ now: () => timeSource.now().getTime() }) : undefined;
  const oaRuntime =
    oa && oaOptions
      ? prepareZaloOa({
          settings: {
            appId: oa.appId,
            secretKey: oa.appSecretKey,
            oaSecretKey: oa.oaSecretKey,
            oaId: oa.oaId,
            keyring: { currentId: '1', keys: new Map([['1', randomBytes(32)]]) },
            apiRoot: oa.url,
            oauthRoot: oa.url,
            webhookPath: ZALO_OA_WEBHOOK_PATH,
          },
          app,
          tokenRows: createOaTokenRows(db.db),
          logger,
          receive: { router, http: httpApp },
          pace: (chatId) => replyPacer.waitTurn('ZALO_OA', chatId),
          replyRetryDelaysMs: [50, 100, 200],
          ...(oaOptions.sendPolicy ? { sendPolicy: oaOptions.sendPolicy } : {}),
          ...(oaOptions.refreshAheadMs !== undefined ? { refreshAheadMs: oaOptions.refreshAheadMs } : {}),
        })
      : undefined;
  if (oa && oaRuntime) {
    const issued = oa.issueTokens();
    const now = timeSource.now().getTime();
    await oaRuntime.tokens.save({
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      accessExpiresAt: new Date(now + Number(issued.expiresIn) * 1000),
      refreshExpiresAt: new Date(now + 90 * 86_400_000),
    });
  }
  // The sandbox's own composition (what `npm start` runs with no token), over this harness's clock and workers.
  const composed = composeSandbox({
    time: { now: () => timeSource.now(), set: (to) => timeSource.set(to) },
    app,
    db: db.db,
    queues,
    reconcile: async () => workers?.reconcile(),
    alsoIdle: async () => {
      await zaloRuntime.idle();
      await oaRuntime?.idle();
    },
    platforms: { telegram: tg, zalo, ...(oa ? { oa } : {}) },
    settleTimeoutMs: 20_000,
  });
  const { people, time, ports: sandboxPorts } = composed;
  const closing = new AbortController();
  if (sandbox) composed.mount(httpApp, closing.signal);
  const http = await startHttpServer(httpApp, 0, '127.0.0.1');
  app.links.publicBaseUrl = `http://127.0.0.1:${http.port}`;
  await zaloRuntime.start();
  const zaloWebhookUrl = `http://127.0.0.1:${http.port}${ZALO_WEBHOOK_PATH}`;
  oa?.setWebhook(`http://127.0.0.1:${http.port}${ZALO_OA_WEBHOOK_PATH}`);
  const senders = new Map<ChannelName, ChannelSender>([
    ['TELEGRAM', createTelegramSender(new Api(BOT_TOKEN, { apiRoot: tg.url }))],
    ['ZALO', zaloRuntime.sender],
  ]);
  if (oaRuntime) senders.set('ZALO_OA', oaRuntime.sender);
  let runner: RunnerHandle | undefined;
  if (sandbox) runner = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query'] } } });
  const workers =
    options.workers === false
      ? undefined
      : await startWorkers({
          redisUrl: TEST_REDIS_URL,
          prefix,
          app,
          handlers: new ClockHandlers([...everyClockHandler(app), ...(options.handlers ?? [])]),
          senders,
          limits,
          logger,
          queues,
          onUnreachable: async (channel, chatId, officials, messages) => void (await rerouteUnreachable(app, channel, chatId, officials, messages)),
          maintenanceJobs: digestJobs(app),
          webhookSecrets,
          ...options.workerOptions,
        });

  async function idle(timeoutMs = 10_000): Promise<void> {
    await zaloRuntime.idle();
    await oaRuntime?.idle();
    await waitUntil(async () => ((await quiet(queues, db.db)) ? true : undefined), { timeoutMs, intervalMs: 25, message: 'clock and delivery jobs to finish' });
  }

  /** Waits until no reply to the chat is waiting in the outbox or being sent (messages in back-off aside). */
  async function repliesSent(chatId: string): Promise<void> {
    const open = () =>
      db.db.outbox.count({
        where: { channel: 'TELEGRAM', chatId, mergeable: false, OR: [{ status: 'SENDING' }, { status: 'PENDING', notBefore: { lte: new Date() } }] },
      });
    await waitUntil(async () => ((await open()) === 0 ? true : undefined), {
      timeoutMs: 60_000,
      intervalMs: 25,
      message: `the replies queued for chat ${chatId}`,
    });
  }

  const harness: Harness = {
    db,
    timeSource,
    app,
    tg,
    queues,
    workers,
    http,
    prefix,
    zalo,
    zaloRuntime,
    zaloWebhookUrl,
    oa,
    oaRuntime,
    webhookSecrets,
    webhookKeyHex,
    time,
    people,
    sandboxPorts,
    baseUrl: `http://127.0.0.1:${http.port}`,
    async postZalo(event, options = {}) {
      const status = await zalo.postWebhook(zaloWebhookUrl, event, { secret: ZALO_WEBHOOK_SECRET, ...options });
      await zaloRuntime.idle();
      return status;
    },
    async linkZalo(officialCode, zaloUserId) {
      const invite = await issueInvite(storesOn(db.db), { officialCode, now: timeSource.now() });
      const status = await harness.postZalo(zaloText(zaloUserId, invite.code));
      if (status !== 200) throw new Error(`linking ${officialCode} on Zalo answered HTTP ${status}`);
      return zaloUserId;
    },
    async post(update, secret = WEBHOOK_SECRET) {
      const res = await fetch(`http://127.0.0.1:${http.port}${TELEGRAM_WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      });
      await res.arrayBuffer();
      // Replies that did not go at once wait in the outbox (src/channels/telegram/replies.ts): the caller sees the
      // whole answer, as when replies were all sent on the request path.
      const chat = update.message?.chat.id ?? update.callback_query?.message?.chat.id ?? update.callback_query?.from.id;
      if (workers && chat !== undefined) await repliesSent(String(chat));
      return res.status;
    },
    async importSample() {
      const r = await importOrganisation(storesOn(db.db), { file: await readFile(SAMPLE_CSV), now: timeSource.now(), source: 'huyen-mau.csv' });
      if (!r.ok) throw new Error(`sample import failed: ${JSON.stringify(r.errors)}`);
      app.invalidate();
    },
    async link(officialCode, telegramUserId) {
      const invite = await issueInvite(storesOn(db.db), { officialCode, now: timeSource.now() });
      const status = await harness.post(command(user(telegramUserId), '/start', invite.code));
      if (status !== 200) throw new Error(`linking ${officialCode} answered HTTP ${status}`);
      return telegramUserId;
    },
    async advance(ms) {
      timeSource.advance(ms);
      await workers?.reconcile();
      await idle();
    },
    async setTime(iso) {
      timeSource.set(iso);
      await workers?.reconcile();
      await idle();
    },
    idle,
    async give(by, to, task) {
      const id = async (who: string | number) => OfficialId(typeof who === 'number' ? who : await harness.officialId(who));
      const r = await assignTask(app, await id(by), {
        assigneeId: await id(to),
        title: task.title,
        expectedResult: task.expectedResult ?? 'Báo cáo bằng văn bản',
        deadline: task.deadline,
        priority: task.priority ?? 'NORMAL',
      });
      await idle();
      return r.task;
    },
    async officialId(code) {
      const o = await db.db.official.findFirstOrThrow({ where: { code } });
      return o.id;
    },
    async close() {
      closing.abort();
      if (runner?.isRunning()) await runner.stop();
      await workers?.close();
      await queues.clocks.obliterate({ force: true }).catch(() => {});
      await queues.delivery.obliterate({ force: true }).catch(() => {});
      await queues.maintenance.obliterate({ force: true }).catch(() => {});
      await queues.webhooks.obliterate({ force: true }).catch(() => {});
      const keys = await queues.producer.keys(`${prefix}:*`);
      if (keys.length > 0) await queues.producer.del(...keys);
      await queues.close();
      await zaloRuntime.stop();
      await oaRuntime?.stop();
      await oa?.echoesSettled();
      await http.close();
      await oa?.close();
      await tg.close();
      await zalo.close();
      if (!options.database) await db.drop();
    },
  };
  return harness;
}
