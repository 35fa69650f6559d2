// Composition root: validate config, open the database (migrating it), make sure Redis is there, then run the roles
// this process has (bot, worker, or both) and the HTTP server. Graceful shutdown on SIGINT/SIGTERM.
import { noticeClockHandler } from './app/notices/notice-clock-handler.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ClockHandlers } from './app/clocks/fire-clock.js';
import { taskClockHandler } from './app/clocks/task-clock-handler.js';
import { consultationClockHandler } from './app/consultations/clock-handler.js';
import { explanationClockHandler } from './app/explanations/clock-handler.js';
import { reviewClockHandler } from './app/review/review-clock-handler.js';
import { selfReviewClockHandler } from './app/self-review/self-review-clock-handler.js';
import { urgentStartHandler } from './app/signals/start-check.js';
import { createAppRouter } from './app/interaction/index.js';
import type { ChannelSender } from './app/ports/sender.js';
import { createReplyOutbox } from './app/delivery/reply-outbox.js';
import { createTelegramSender } from './channels/telegram/sender.js';
import { createTelegramFiles } from './channels/telegram/files.js';
import { ConfigError, createConfig, type Config } from './config.js';
import { loadConfiguredPolicy } from './config/policy-file.js';
import { loadEnvironment } from './config/environment.js';
import { openDatabase } from './db/open.js';
import { createPrismaClient } from './db/client.js';
import { createChatLock } from './db/chat-lock.js';
import { chatOrderedRouter } from './runtime/chat-order.js';
import { withinGrace } from './runtime/graceful-stop.js';
import { TELEGRAM_USERNAME, writeSetting } from './db/repositories/setting.repository.js';
import { systemTime } from './domain/time/time-source.js';
import type { ChannelName } from './domain/org/types.js';
import { createHttpApp, startHttpServer, type HealthCheck } from './http/server.js';
import { Metrics } from './http/metrics.js';
import { Catalogue } from './i18n/catalogue.js';
import { createLogger } from './logger.js';
import { createAppContext } from './runtime/app-context.js';
import { registerMetrics } from './runtime/metrics.js';
import { ensureRedis, RedisUnavailableError } from './runtime/redis-bootstrap.js';
import { prepareTelegram, TelegramTokenRefused, type TelegramRuntime } from './channels/telegram/start.js';
import { Readiness } from './runtime/readiness.js';
import { readyLine } from './runtime/ready-line.js';
import { StopRequested } from './channels/retry.js';
import type { TelegramBot } from './channels/telegram/bot.js';
import { ensurePrivateDir } from './db/private-files.js';
import { mountTelegramWebhook } from './channels/telegram/webhook.js';
import { createQueues, startWorkers, type RunningWorkers } from '../jobs/runtime.js';
import { digestJobs, digestSchedule } from '../jobs/digest.js';
import { selfReviewJobs, selfReviewSchedule } from '../jobs/self-review.js';
import { Pacer } from '../jobs/delivery/pacer.js';
import { rerouteUnreachable } from './app/delivery/reroute.js';
import { mountFileLinks } from './http/file-links.js';
import { mountApiV1 } from './http/api/v1/index.js';
import { KeyRateLimits } from './http/api/v1/rate-limit.js';
import { sleep } from './sleep.js';
import { prepareZalo, ZaloTokenRefused } from './channels/zalo/start.js';
import { redisAnswers } from '../jobs/connection.js';
import { prepareZaloOa } from './channels/zalo-oa/runtime.js';
import { createOaTokenRows } from './db/repositories/zalo-oa-token.repository.js';
import { createTokenCipher } from './channels/zalo-oa/token-crypto.js';
import type { Logger } from 'pino';
import type { TimeSource } from './domain/time/time-source.js';
import { composeSandbox } from './sandbox/compose.js';
import { enterSandbox, parseStartArgs, populateSandbox, seedSandboxOaTokens, terminalLocale, wantsSandbox, type SandboxMode } from './sandbox/start.js';
import { TOUR } from './sandbox/tour.js';
import { playTour } from './sandbox/tour-player.js';

async function main(): Promise<number> {
  const started = Date.now();
  let config: Config;
  let args;
  const env = loadEnvironment().values;
  try {
    config = createConfig(env);
    args = parseStartArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  // No token at all: the sandbox (src/sandbox/start.ts), the same system against the built-in platforms, on data of its
  // own. A token that is set but wrong still stops the start below with what to do.
  let sandbox: SandboxMode | undefined;
  if (wantsSandbox(config)) {
    sandbox = await enterSandbox(config, env, args);
    config = sandbox.config;
  } else if (args.reset || args.tour) {
    console.error(
      '--reset and --tour are for the sandbox (npm start with no bot token) / --reset và --tour chỉ dùng cho môi trường thử (chạy khi chưa có mã bot)',
    );
    return 2;
  }
  const time: TimeSource = sandbox?.time ?? systemTime;
  const logger = createLogger(config.logLevel, { format: config.logFormat });
  const policy = loadConfiguredPolicy(config);
  const catalogue = Catalogue.load();
  // Exports, the embedded database and our own Redis live here: the officials' data, for this user alone.
  const privacy = ensurePrivateDir(config.dataDir);
  if (privacy) logger.warn({ dataDir: config.dataDir }, privacy);

  let redis;
  try {
    redis = await ensureRedis(config.redis, config.dataDir);
  } catch (e) {
    if (e instanceof RedisUnavailableError) {
      console.error(e.message);
      await sandbox?.close();
      return 2;
    }
    throw e;
  }
  if (sandbox?.args.reset)
    logger.info({ keys: await sandbox.wipeRedis(redis.url), prefix: config.queuePrefix }, 'sandbox: started over (its data directory and Redis keys wiped)');
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.dbPoolSize,
    migrate: true,
    publishEmbedded: true,
  });
  logger.info({ embedded: database.embedded, dataDir: path.relative(process.cwd(), config.dataDir) || '.' }, 'database ready');
  // Digests and reports read from the replica when there is one (src/db/repositories/replica-reads.ts).
  const replica = config.databaseReplicaUrl ? createPrismaClient(config.databaseReplicaUrl, { poolSize: config.dbPoolSize }) : undefined;
  if (replica) logger.info('database replica: digests and reports read there (DATABASE_REPLICA_URL)');

  const queues = createQueues(redis.target, config.queuePrefix, time);
  const app = createAppContext({
    db: database.db,
    ...(replica ? { replica } : {}),
    time,
    catalogue,
    policy,
    logger,
    scheduler: queues.scheduler,
    delivery: queues.kicker,
    webhooks: queues.webhookKicker,
    links: {
      ...(config.telegram.username ? { telegramBotUsername: config.telegram.username } : {}),
      ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    },
  });
  // Files people send on Telegram (a notice's document) are downloaded to be kept here (src/app/notices).
  if (config.telegram.token) app.files = { TELEGRAM: createTelegramFiles({ token: config.telegram.token, apiRoot: config.telegram.apiRoot }) };
  const receivesTelegram = Boolean(config.telegram.token) && config.role !== 'worker';
  // /healthz answers from the moment the port is open, and says what the start still waits for.
  const readiness = new Readiness();
  readiness.waitFor('startup', 'starting');
  if (receivesTelegram) readiness.waitFor('telegram', 'waiting for Telegram: asking who the bot is (getMe)');
  const metrics = new Metrics({ process: true });
  const healthChecks: HealthCheck[] = [
    { name: 'database', check: async () => (await database.db.$queryRaw`SELECT 1`, true) },
    { name: 'redis', check: () => redisAnswers(redis.target, 1000) },
    ...(replica ? [{ name: 'replica', check: async () => (await replica.$queryRaw`SELECT 1`, true) }] : []),
    ...(receivesTelegram ? [readiness.check('telegram')] : []),
    readiness.check('startup'),
  ];
  const http = createHttpApp({ metrics, metricsToken: config.metricsToken, health: healthChecks });
  const appMetrics = registerMetrics(metrics, { db: database.db, queues });
  // Several bot processes behind a load balancer (README "A province"): one chat's updates one at a time, wherever they
  // land. The embedded database (and the sandbox on it) serves one process, which grammY and Zalo already order.
  const chatLock = database.embedded ? undefined : createChatLock(database.url, { poolSize: config.dbPoolSize, logger });
  const counted = appMetrics.countingRouter(createAppRouter(app));
  const router = chatLock ? chatOrderedRouter(counted, chatLock) : counted;

  // Replies and notifications to one chat (and to the whole bot) share the delivery pacer's limits.
  const replyPacer = new Pacer(queues.producer, config.queuePrefix, config.delivery);
  // Every route exists before the server serves; the Telegram webhook answers 503 until the bot knows who it is.
  let telegramBot: TelegramBot | undefined;
  const telegramRefusals =
    receivesTelegram && config.telegram.webhook ? mountTelegramWebhook(http, () => telegramBot, config.telegram.webhook.secret, { logger }) : undefined;

  // Zalo: the webhook route (or long polling) where this process receives, the sender where it delivers. Replies
  // and notifications to one chat share the delivery pacer. Files for Zalo go as links served here.
  mountFileLinks(http, { db: database.db, time, catalogue });
  // The integration API (issue 17): keys from `api-key create`, their rate counted in Redis beside the queues.
  mountApiV1(http, { app, limits: new KeyRateLimits(queues.producer, config.queuePrefix), pause: sleep });
  const zalo = config.zalo.token
    ? prepareZalo({
        token: config.zalo.token,
        apiRoot: config.zalo.apiRoot,
        webhook: config.zalo.webhook,
        monthlyCap: config.zalo.monthlyCap,
        app,
        logger,
        ...(config.role !== 'worker' ? { receive: { router, http } } : {}),
        pace: (chatId) => replyPacer.acquire('ZALO', chatId),
      })
    : undefined;

  // Zalo Official Account: only when ZALO_OA_* is configured. Its token health joins /healthz.
  const zaloOa = config.zaloOa
    ? prepareZaloOa({
        settings: config.zaloOa,
        app,
        tokenRows: createOaTokenRows(database.db),
        logger,
        ...(config.role !== 'worker' ? { receive: { router, http } } : {}),
        pace: (chatId) => replyPacer.waitTurn('ZALO_OA', chatId),
        sendPolicy: config.zaloOa.templateId ? { template: { id: config.zaloOa.templateId, field: 'content', maxLength: 400 } } : {},
      })
    : undefined;
  if (zaloOa) healthChecks.push(zaloOa.health);
  if (sandbox && zaloOa) await seedSandboxOaTokens(sandbox.platforms.oa, zaloOa.tokens, time.now());
  // The sandbox's page and API on the same server; its time moves walk the workers started below.
  const closingStreams = new AbortController();
  let workers: RunningWorkers | undefined;
  if (sandbox) {
    const { telegram: tg, zalo: zl, oa } = sandbox.platforms;
    composeSandbox({
      time: sandbox.time,
      app,
      db: database.db,
      queues,
      reconcile: async () => workers?.reconcile(),
      alsoIdle: async () => {
        await zalo?.idle();
        await zaloOa?.idle();
      },
      platforms: { telegram: tg, zalo: zl, oa },
    }).mount(http, closingStreams.signal);
  }

  const server = await startHttpServer(http, config.httpPort, config.httpHost);
  logger.info({ host: config.httpHost, port: server.port }, `listening on ${config.httpHost}:${server.port} (/healthz says what the start waits for)`);
  const stopping = new AbortController();
  const stop = () => stopping.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  let telegram: TelegramRuntime | undefined;
  /** Closes whatever was started, in reverse order. */
  const shutdown = async (exitCode: number): Promise<number> => {
    // /healthz says so at once: a load balancer stops sending here while the requests in hand are answered.
    readiness.waitFor('startup', 'stopping');
    // Within SHUTDOWN_GRACE_MS, or the process leaves anyway with 1 and says what it still waited for: whatever a
    // worker held goes again from the outbox's hold and BullMQ's stalled check on another worker.
    return withinGrace(config.shutdownGraceMs, logger, exitCode, [
      ['receiving', async () => (telegramRefusals?.flush(), closingStreams.abort(), await telegram?.stop(), await zalo?.stop(), await zaloOa?.stop())],
      // Stops taking connections and answers the requests in flight (their handling needs the database: still open).
      ['http requests in flight', () => server.close()],
      // Each worker finishes the job in hand (a wave being fired, a message being sent) and takes no other.
      ['jobs in hand', async () => void (await workers?.close())],
      ['queues', () => queues.close()],
      ['database', async () => (await chatLock?.close(), await replica?.$disconnect(), await database.close())],
      ['redis', async () => (await redis.stop(), await sandbox?.close())],
    ]);
  };
  /** A refused token ends the start with its message and code 2, a stop while waiting with 0; anything else is a bug. */
  const startFailure = (e: unknown): number => {
    if (e instanceof TelegramTokenRefused || e instanceof ZaloTokenRefused) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof StopRequested) {
      logger.info('stopped before the start was complete');
      return 0;
    }
    throw e;
  };

  try {
    telegram = receivesTelegram
      ? await prepareTelegram(config, {
          router,
          logger,
          catalogue,
          pacer: replyPacer,
          outbox: createReplyOutbox(app),
          onWaiting: (reason) => readiness.waitFor('telegram', reason),
          retry: { signal: stopping.signal },
        })
      : undefined;
  } catch (e) {
    return shutdown(startFailure(e));
  }
  if (telegram) {
    readiness.ready('telegram');
    app.links.telegramBotUsername = telegram.username;
    telegramBot = telegram.bot;
    // `npm run cli -- invite` prints the t.me link with it.
    await writeSetting(database.db, TELEGRAM_USERNAME, telegram.username).catch((e) => logger.warn({ err: e }, 'could not record the bot username'));
  }

  const senders = new Map<ChannelName, ChannelSender>();
  if (config.telegram.token) {
    const { Api } = await import('grammy');
    // A send must end well within delivery's hold on it (2 min), so a hung request is never sent twice in parallel.
    senders.set('TELEGRAM', createTelegramSender(new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot, timeoutSeconds: 60 })));
  }
  if (zalo) senders.set('ZALO', zalo.sender);
  if (zaloOa) senders.set('ZALO_OA', zaloOa.sender);
  workers =
    config.role === 'bot'
      ? undefined
      : await startWorkers({
          redisUrl: redis.target,
          prefix: config.queuePrefix,
          app,
          handlers: new ClockHandlers([
            taskClockHandler,
            consultationClockHandler(app),
            explanationClockHandler(app),
            urgentStartHandler(app),
            reviewClockHandler(app),
            selfReviewClockHandler(app),
            noticeClockHandler(app),
          ]),
          senders,
          limits: config.delivery,
          logger,
          queues,
          consume: config.workerQueues,
          maintenanceEveryMs: 5 * 60_000,
          maintenanceJobs: { ...digestJobs(app), ...selfReviewJobs(app) },
          // The morning digest: one job scheduler at the policy's time in the organisation's time zone (upserted, never
          // doubled, and re-created with the reconciler's and the sweep's if Redis comes back empty).
          // The morning digest is a schedule the worker owns (re-created after Redis loses it), except in the sandbox,
          // whose clock is shifted: its time moves run the digest when they cross its hour.
          schedules: sandbox ? [] : [digestSchedule(queues.maintenance, app), selfReviewSchedule(queues.maintenance, app)],
          onSent: appMetrics.onSent,
          // Webhook signing secrets are sealed with WEBHOOK_SECRET_KEY, the same AES-256-GCM sealing as the OA tokens.
          ...(config.webhookKeyring ? { webhookSecrets: createTokenCipher(config.webhookKeyring) } : {}),
          // One identity, two channels: what a refusing chat had queued goes to the person's other chat.
          onUnreachable: async (channel, chatId, officials, messages) => void (await rerouteUnreachable(app, channel, chatId, officials, messages)),
        });

  await telegram?.start();
  let zaloBot;
  try {
    zaloBot = await zalo?.start();
  } catch (e) {
    return shutdown(startFailure(e));
  }
  if (sandbox) {
    const ready = Date.now();
    let populated;
    try {
      populated = await populateSandbox({ db: database.db, app, time, platforms: sandbox.platforms });
    } catch (e) {
      logger.error({ err: e }, 'sandbox: could not prepare the sample district (npm start -- --reset starts over)');
      return shutdown(1);
    }
    const { imported, officials } = populated;
    logger.info(
      { imported, officials, ms: Date.now() - ready },
      'sandbox: the sample district is there and every official is linked on the built-in Telegram, Zalo Bot Platform and Zalo OA',
    );
  }
  readiness.ready('startup');
  if (zaloOa) {
    const tokens = await zaloOa.tokens.health().catch((e: unknown) => ({ ok: false as const, reason: String(e) }));
    if (tokens === true) logger.info({ oaId: config.zaloOa!.oaId, webhook: zaloOa.inbound ? config.zaloOa!.webhookPath : undefined }, 'zalo oa ready');
    else logger.error({ oaId: config.zaloOa!.oaId }, tokens === false ? 'zalo oa: token check failed' : tokens.reason);
  }
  if (sandbox) {
    const line = catalogue.t(terminalLocale(env), 'sandbox-log-start', { url: sandbox.pageUrl });
    logger.info({ ms: Date.now() - started, url: sandbox.pageUrl, dataDir: path.relative(process.cwd(), config.dataDir) || '.', sandbox: true }, line);
    if (sandbox.args.tour) void playSandboxTour(sandbox.pageUrl, terminalLocale(env), stopping.signal, logger);
  } else {
    const line = await readyLine(database.db, { config, telegram, zalo, zaloName: zaloBot?.account_name });
    logger.info(
      { ms: Date.now() - started, port: server.port, role: config.role, bot: telegram?.username, zalo: zaloBot?.account_name, zaloMode: zalo?.mode },
      line,
    );
  }
  if (!stopping.signal.aborted) await new Promise((resolve) => stopping.signal.addEventListener('abort', resolve, { once: true }));
  logger.info('stopping: finishing the jobs in hand');
  return shutdown(0);
}

/** --tour: plays the scripted tour through the page's API (the page shows it live); each narration goes to the log. */
async function playSandboxTour(baseUrl: string, lang: 'vi' | 'en', signal: AbortSignal, logger: Logger): Promise<void> {
  try {
    await playTour({
      baseUrl,
      lang,
      steps: TOUR,
      signal,
      onStep: (step, narration, index) => logger.info({ tour: step.id, step: index + 1, of: TOUR.length }, narration),
    });
    logger.info('sandbox: the tour is over');
  } catch (e) {
    if (!signal.aborted) logger.warn({ err: e }, 'sandbox: the tour stopped (npm start -- --reset --tour plays it on fresh data)');
  }
}

if (!existsSync(path.resolve('package.json'))) process.chdir(path.resolve(import.meta.dirname, '..'));
process.exitCode = await main();
// BullMQ and the pg pool can keep timers for a while; everything is closed, so leave now.
process.exit();
