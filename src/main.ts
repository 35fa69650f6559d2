// Composition root: validate config, open the database (migrating it), make sure Redis is there, then run the roles
// this process has (bot, worker, or both) and the HTTP server. Graceful shutdown on SIGINT/SIGTERM.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ClockHandlers } from './app/clocks/fire-clock.js';
import { taskClockHandler } from './app/clocks/task-clock-handler.js';
import { consultationClockHandler } from './app/consultations/clock-handler.js';
import { explanationClockHandler } from './app/explanations/clock-handler.js';
import { urgentStartHandler } from './app/signals/start-check.js';
import { createAppRouter } from './app/interaction/index.js';
import type { ChannelSender } from './channels/sender.js';
import { createTelegramSender } from './channels/telegram/sender.js';
import { ConfigError, createConfig, type Config } from './config.js';
import { loadConfiguredPolicy } from './config/policy-file.js';
import { loadEnvironment } from './config/environment.js';
import { openDatabase } from './db/open.js';
import { TELEGRAM_USERNAME, writeSetting } from './db/repositories/setting.repository.js';
import { systemClock } from './domain/clock.js';
import type { ChannelName } from './domain/org/types.js';
import { createHttpApp, startHttpServer } from './http/server.js';
import { Metrics } from './http/metrics.js';
import { Catalogue } from './i18n/catalogue.js';
import { createLogger } from './logger.js';
import { createAppContext } from './runtime/app-context.js';
import { registerMetrics } from './runtime/metrics.js';
import { NO_TOKEN_MESSAGE } from './runtime/messages.js';
import { ensureRedis, RedisUnavailableError } from './runtime/redis-bootstrap.js';
import { prepareTelegram } from './runtime/telegram.js';
import { createQueues, startWorkers } from '../jobs/runtime.js';
import { digestJobs, scheduleDailyDigest } from '../jobs/digest.js';
import { Pacer } from '../jobs/delivery/pacer.js';
import { rerouteUnreachable } from './app/delivery/reroute.js';
import { mountFileLinks } from './http/file-links.js';
import { prepareZalo, ZaloTokenRefused } from './runtime/zalo.js';
import { redisAnswers } from '../jobs/connection.js';

async function main(): Promise<number> {
  const started = Date.now();
  let config: Config;
  try {
    config = createConfig(loadEnvironment().values);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  if (!config.telegram.token && !config.zalo.token) {
    console.error(NO_TOKEN_MESSAGE);
    return 2;
  }
  const logger = createLogger(config.logLevel);
  const policy = loadConfiguredPolicy(config);
  const catalogue = Catalogue.load();

  let redis;
  try {
    redis = await ensureRedis(config.redisUrl, config.dataDir);
  } catch (e) {
    if (e instanceof RedisUnavailableError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.dbPoolSize, migrate: true, publishEmbedded: true });
  logger.info({ embedded: database.embedded, dataDir: path.relative(process.cwd(), config.dataDir) || '.' }, 'database ready');

  const queues = createQueues(redis.url, config.queuePrefix, systemClock);
  const app = createAppContext({
    db: database.db,
    clock: systemClock,
    catalogue,
    policy,
    logger,
    scheduler: queues.scheduler,
    delivery: queues.kicker,
    links: { ...(config.telegram.username ? { telegramBotUsername: config.telegram.username } : {}), ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}) },
  });
  const metrics = new Metrics();
  const http = createHttpApp({
    metrics,
    health: [
      { name: 'database', check: async () => (await database.db.$queryRaw`SELECT 1`, true) },
      { name: 'redis', check: () => redisAnswers(redis.url, 1000) },
    ],
  });
  const appMetrics = registerMetrics(metrics, { db: database.db, queues });
  const router = appMetrics.countingRouter(createAppRouter(app));

  // Replies and notifications to one chat (and to the whole bot) share the delivery pacer's limits.
  const replyPacer = new Pacer(queues.producer, config.queuePrefix, config.delivery);
  const telegram = config.telegram.token && config.role !== 'worker' ? await prepareTelegram(config, { router, logger, catalogue, http, pacer: replyPacer }) : undefined;
  if (telegram) app.links.telegramBotUsername = telegram.username;
  // `npm run cli -- invite` prints the t.me link with it.
  if (telegram) await writeSetting(database.db, TELEGRAM_USERNAME, telegram.username).catch((e) => logger.warn({ err: e }, 'could not record the bot username'));

  // Zalo: the webhook route (or long polling) where this process receives, the sender where it delivers. Replies
  // and notifications to one chat share the delivery pacer. Files for Zalo go as links served here.
  mountFileLinks(http, { db: database.db, clock: systemClock, catalogue });
  const zalo = config.zalo.token
    ? prepareZalo({
        token: config.zalo.token,
        apiRoot: config.zalo.apiRoot,
        webhook: config.zalo.webhook,
        monthlyCap: config.zalo.monthlyCap,
        app,
        logger,
        ...(config.role !== 'worker' ? { receive: { router, http } } : {}),
        pace: (chatId) => replyPacer.waitTurn('ZALO', chatId),
      })
    : undefined;

  const senders = new Map<ChannelName, ChannelSender>();
  if (config.telegram.token) {
    const { Api } = await import('grammy');
    // A send must end well within delivery's hold on it (2 min), so a hung request is never sent twice in parallel.
    senders.set('TELEGRAM', createTelegramSender(new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot, timeoutSeconds: 60 })));
  }
  if (zalo) senders.set('ZALO', zalo.sender);
  const workers =
    config.role === 'bot'
      ? undefined
      : await startWorkers({
          redisUrl: redis.url,
          prefix: config.queuePrefix,
          app,
          handlers: new ClockHandlers([taskClockHandler, consultationClockHandler(app), explanationClockHandler(app), urgentStartHandler(app)]),
          senders,
          limits: config.delivery,
          logger,
          queues,
          consume: config.workerQueues,
          maintenanceEveryMs: 5 * 60_000,
          maintenanceJobs: digestJobs(app),
          onSent: appMetrics.onSent,
          // One identity, two channels: what a refusing chat had queued goes to the person's other chat.
          onUnreachable: async (channel, chatId, officials, messages) => void (await rerouteUnreachable(app, channel, chatId, officials, messages)),
        });

  // The morning digest: one job scheduler at the policy's time in the organisation's time zone (upserted, never doubled).
  if (workers) await scheduleDailyDigest(queues.maintenance, app);
  const server = await startHttpServer(http, config.httpPort);
  await telegram?.start();
  let zaloBot;
  let refused = false;
  try {
    zaloBot = await zalo?.start();
  } catch (e) {
    if (!(e instanceof ZaloTokenRefused)) throw e;
    console.error(e.message);
    refused = true;
  }
  if (!refused) {
    logger.info({ ms: Date.now() - started, port: server.port, role: config.role, bot: telegram?.username, zalo: zaloBot?.account_name, zaloMode: zalo?.mode }, 'dondoc started');
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    logger.info('stopping: finishing the jobs in hand');
  }
  await telegram?.stop();
  await zalo?.stop();
  await server.close();
  await workers?.close();
  await queues.close();
  await database.close();
  await redis.stop();
  return refused ? 2 : 0;
}

if (!existsSync(path.resolve('package.json'))) process.chdir(path.resolve(import.meta.dirname, '..'));
process.exitCode = await main();
// BullMQ and the pg pool can keep timers for a while; everything is closed, so leave now.
process.exit();
