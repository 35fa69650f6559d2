// Composition root: validate config, open the database (migrating it), make sure Redis is there, then run the roles
// this process has (bot, worker, or both) and the HTTP server. Graceful shutdown on SIGINT/SIGTERM. What belongs to
// one organisation (its bots, queues, workers) is built by runtime/organisation-runtime.ts: here the 'default' one,
// from the environment.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, createConfig, type Config } from './config.js';
import { loadConfiguredPolicy } from './config/policy-file.js';
import { loadEnvironment } from './config/environment.js';
import { openDatabase } from './db/open.js';
import { createOwnerClient, createPrismaClient } from './db/client.js';
import { listOrganisationsReadable } from './db/organisations.js';
import { createTokenCipher } from './channels/zalo-oa/token-crypto.js';
import { OrganisationsRegistry } from './runtime/organisations-registry.js';
import { createChatLock } from './db/chat-lock.js';
import { withinGrace } from './runtime/graceful-stop.js';
import { systemTime } from './domain/time/time-source.js';
import { createHttpApp, startHttpServer, type HealthCheck } from './http/server.js';
import { Metrics } from './http/metrics.js';
import type { RefusalSummary } from './http/refusal-summary.js';
import { Catalogue } from './i18n/catalogue.js';
import { createLogger } from './logger.js';
import { registerMetrics } from './runtime/metrics.js';
import { ensureRedis, RedisUnavailableError } from './runtime/redis-bootstrap.js';
import { TelegramTokenRefused } from './channels/telegram/start.js';
import { Readiness } from './runtime/readiness.js';
import { readyLine } from './runtime/ready-line.js';
import { StopRequested } from './channels/retry.js';
import { ensurePrivateDir } from './db/private-files.js';
import { mountTelegramWebhooks, TELEGRAM_ORG_WEBHOOK_PATH, TELEGRAM_WEBHOOK_PATH } from './channels/telegram/webhook.js';
import { mountZaloWebhooks, ZALO_ORG_WEBHOOK_PATH, ZALO_WEBHOOK_PATH } from './channels/zalo/webhook.js';
import { mountFileLinks } from './http/file-links.js';
import { mountApiV1 } from './http/api/v1/index.js';
import { mountOrganisationApis } from './http/api/v1/organisation-apis.js';
import type { ApiDeps } from './http/api/v1/env.js';
import { KeyRateLimits } from './http/api/v1/rate-limit.js';
import { sleep } from './sleep.js';
import { ZaloTokenRefused } from './channels/zalo/start.js';
import { redisAnswers } from '../jobs/connection.js';
import { organisationQueuePrefix, prepareOrganisation, type OrganisationRuntime, type SharedRuntime } from './runtime/organisation-runtime.js';
import { DEFAULT_ORGANISATION, OrganisationWebhooks } from './runtime/organisation-webhooks.js';
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

  // /healthz answers from the moment the port is open, and says what the start still waits for.
  const readiness = new Readiness();
  readiness.waitFor('startup', 'starting');
  const metrics = new Metrics({ process: true });
  const healthChecks: HealthCheck[] = [
    { name: 'database', check: async () => (await database.db.$queryRaw`SELECT 1`, true) },
    { name: 'redis', check: () => redisAnswers(redis.target, 1000) },
    ...(replica ? [{ name: 'replica', check: async () => (await replica.$queryRaw`SELECT 1`, true) }] : []),
  ];
  const http = createHttpApp({ metrics, metricsToken: config.metricsToken, health: healthChecks });
  // Several bot processes behind a load balancer (README "A province"): one chat's updates one at a time, wherever they
  // land; one pool of lock connections for every organisation. The embedded database (and the sandbox on it) serves
  // one process, which grammY and Zalo already order.
  const chatLock = database.embedded ? undefined : createChatLock(database.url, { poolSize: config.dbPoolSize, logger });
  const processMetrics = registerMetrics(metrics);
  const webhooks = new OrganisationWebhooks();
  const shared: SharedRuntime = {
    config,
    http,
    redis: redis.target,
    chatLock,
    logger,
    catalogue,
    time,
    // Registered once; each organisation adds its own series (label org), its gauges read its database and queues.
    metrics: (org) => processMetrics.forOrganisation(org),
    readiness,
    healthChecks,
    webhooks,
    ...(sandbox ? { sandbox: true } : {}),
  };
  // Every route exists before the server serves: one per platform for every organisation's bot, found per request.
  const receives = config.role !== 'worker';
  const refusals: RefusalSummary[] = [];
  if (receives && config.telegram.webhook) {
    refusals.push(
      mountTelegramWebhooks(http, TELEGRAM_WEBHOOK_PATH, webhooks.telegramFor, { logger }),
      mountTelegramWebhooks(http, TELEGRAM_ORG_WEBHOOK_PATH, webhooks.telegramFor, { logger }),
    );
  }
  if (receives && config.zalo.webhook) {
    refusals.push(
      mountZaloWebhooks(http, ZALO_WEBHOOK_PATH, webhooks.zaloFor, { logger }),
      mountZaloWebhooks(http, ZALO_ORG_WEBHOOK_PATH, webhooks.zaloFor, { logger }),
    );
  }
  // The 'default' organisation: today's bots, from the environment. The Zalo OA is its alone (README "A province").
  const defaultOrg = prepareOrganisation(
    {
      orgId: DEFAULT_ORGANISATION,
      db: database.db,
      ...(replica ? { replica } : {}),
      policy,
      queuePrefix: config.queuePrefix,
      telegram: config.telegram.token ? { ...config.telegram, token: config.telegram.token } : undefined,
      zalo: config.zalo.token
        ? { token: config.zalo.token, apiRoot: config.zalo.apiRoot, webhook: config.zalo.webhook, monthlyCap: config.zalo.monthlyCap }
        : undefined,
      zaloOa: config.zaloOa,
    },
    shared,
  );
  const { app, queues, zalo, zaloOa } = defaultOrg;
  healthChecks.push(readiness.check('startup'));

  // The other organisations (README "A province"): listed through the owner's client at start and every
  // ORG_REFRESH_MS, each started with a client of its own. Not on the embedded database, which serves one district.
  const owner = database.embedded ? undefined : createOwnerClient(database.url);
  const orgTokens = config.orgKeyring ? createTokenCipher(config.orgKeyring) : undefined;
  const registry = owner
    ? new OrganisationsRegistry({
        shared,
        list: () => listOrganisationsReadable(owner, orgTokens),
        openDatabase: (orgId) => createPrismaClient(database.url, { orgId, poolSize: config.orgPoolSize }),
        ...(config.databaseReplicaUrl
          ? { openReplica: (orgId: string) => createPrismaClient(config.databaseReplicaUrl!, { orgId, poolSize: config.orgPoolSize }) }
          : {}),
        policy,
        everyMs: config.orgRefreshMs,
      })
    : undefined;
  const organisations = (): OrganisationRuntime[] => [defaultOrg, ...(registry?.runtimes() ?? [])];
  // Files for Zalo go as links served here (each organisation's links in its own rows).
  mountFileLinks(http, { db: () => organisations().map((o) => o.db), time, catalogue });
  // The integration API (issue 17): keys from `api-key create`, their rate counted in Redis beside the queues.
  mountApiV1(http, { app, limits: new KeyRateLimits(queues.producer, config.queuePrefix), pause: sleep });
  // The other organisations' APIs under /orgs/<org>/api/v1, each with its own keys and its own rate counters.
  const orgApiDeps = new WeakMap<OrganisationRuntime, ApiDeps>();
  mountOrganisationApis(http, {
    catalogue,
    find: (orgId) => {
      const running = registry?.runtimes().find((o) => o.orgId === orgId);
      if (!running) return undefined;
      let deps = orgApiDeps.get(running);
      if (!deps) {
        deps = { app: running.app, limits: new KeyRateLimits(running.queues.producer, organisationQueuePrefix(config.queuePrefix, orgId)), pause: sleep };
        orgApiDeps.set(running, deps);
      }
      return deps;
    },
  });
  if (sandbox && zaloOa) await seedSandboxOaTokens(sandbox.platforms.oa, zaloOa.tokens, time.now());
  // The sandbox's page and API on the same server; its time moves walk the workers started below.
  const closingStreams = new AbortController();
  if (sandbox) {
    const { telegram: tg, zalo: zl, oa } = sandbox.platforms;
    composeSandbox({
      time: sandbox.time,
      app,
      db: database.db,
      queues,
      reconcile: async () => defaultOrg.workers?.reconcile(),
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

  /** Closes whatever was started, in reverse order. */
  const shutdown = async (exitCode: number): Promise<number> => {
    // /healthz says so at once: a load balancer stops sending here while the requests in hand are answered.
    readiness.waitFor('startup', 'stopping');
    const each = (step: (o: OrganisationRuntime) => Promise<unknown>) => async () => void (await Promise.allSettled(organisations().map(step)));
    // Within SHUTDOWN_GRACE_MS, or the process leaves anyway with 1 and says what it still waited for: whatever a
    // worker held goes again from the outbox's hold and BullMQ's stalled check on another worker.
    return withinGrace(config.shutdownGraceMs, logger, exitCode, [
      ['receiving', async () => (refusals.forEach((r) => r.flush()), closingStreams.abort(), await registry?.halt(), await each((o) => o.stopReceiving())())],
      // Stops taking connections and answers the requests in flight (their handling needs the database: still open).
      ['http requests in flight', () => server.close()],
      // Each worker finishes the job in hand (a wave being fired, a message being sent) and takes no other.
      ['jobs in hand', each((o) => o.stopWorkers())],
      ['queues', each((o) => o.closeQueues())],
      [
        'database',
        async () => (
          await chatLock?.close(), await registry?.closeDatabases(), await owner?.$disconnect(), await replica?.$disconnect(), await database.close()
        ),
      ],
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

  let running;
  try {
    running = await defaultOrg.start(stopping.signal);
  } catch (e) {
    return shutdown(startFailure(e));
  }
  const { telegram, zaloBot } = running;
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
  // Every other organisation with a bot token; each starts on its own (one whose platform does not answer yet waits
  // without holding up the others), and those added later start within ORG_REFRESH_MS.
  await registry?.begin();
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
