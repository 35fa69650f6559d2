// One organisation's composed instance inside a process (README "A province"): its Prisma client, AppContext, queues
// under its own prefix (so the delivery pacer in Redis counts per bot: each bot keeps its own 30/s and 1/s per chat),
// the router behind the process's chat lock, its Telegram bot (webhook or long polling), its Zalo Bot Platform bot,
// the senders and the workers with the clock handlers and schedules. The 'default' organisation is built from the
// environment exactly as a district's single bot always was (main.ts); the others from their organisation rows
// (organisations-registry.ts). The Zalo Official Account stays with the 'default' organisation only: its OAuth
// tokens, callback and signed webhook are one OA per deployment.
//
// Two steps, because routes and the HTTP server come between them: prepareOrganisation builds everything and makes
// the webhooks reachable (routes are resolved per request, organisation-webhooks.ts); start() asks the platforms
// who the bots are, starts the workers and then the receiving.
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { everyClockHandler } from '../app/clock-handlers.js';
import { ClockHandlers } from '../app/clocks/fire-clock.js';
import type { AppContext } from '../app/context.js';
import { createReplyOutbox } from '../app/delivery/reply-outbox.js';
import { rerouteUnreachable } from '../app/delivery/reroute.js';
import { createAppRouter } from '../app/interaction/index.js';
import type { ChannelSender } from '../app/ports/sender.js';
import type { TelegramBot } from '../channels/telegram/bot.js';
import { createTelegramFiles } from '../channels/telegram/files.js';
import { createTelegramSender } from '../channels/telegram/sender.js';
import { prepareTelegram, type TelegramRuntime, type TelegramSettings } from '../channels/telegram/start.js';
import { prepareZalo, type ZaloRuntime } from '../channels/zalo/start.js';
import type { ZaloBotInfo } from '../channels/zalo/types.js';
import { prepareZaloOa, type ZaloOaRuntime } from '../channels/zalo-oa/runtime.js';
import { createTokenCipher } from '../channels/zalo-oa/token-crypto.js';
import type { Config, RedisTarget, ZaloOaConfig } from '../config.js';
import type { SharedChatLock } from '../db/chat-lock.js';
import type { PrismaClient } from '../db/client.js';
import { TELEGRAM_USERNAME, writeSetting } from '../db/repositories/setting.repository.js';
import { createOaTokenRows } from '../db/repositories/zalo-oa-token.repository.js';
import type { ChannelName } from '../domain/org/types.js';
import type { Policy } from '../domain/policy/types.js';
import type { TimeSource } from '../domain/time/time-source.js';
import type { HealthCheck } from '../http/server.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { createQueues, startWorkers, type QueueSet, type RunningWorkers } from '../../jobs/runtime.js';
import { digestJobs, digestSchedule } from '../../jobs/digest.js';
import { selfReviewJobs, selfReviewSchedule } from '../../jobs/self-review.js';
import { Pacer } from '../../jobs/delivery/pacer.js';
import { createAppContext } from './app-context.js';
import { chatOrderedRouter } from './chat-order.js';
import type { AppMetrics, MetricsSource } from './metrics.js';
import { DEFAULT_ORGANISATION, type OrganisationWebhooks } from './organisation-webhooks.js';
import type { Readiness } from './readiness.js';

/** What one organisation runs with. */
export interface OrganisationSettings {
  orgId: string;
  /** Its client: connects as the organisation (row-level security), pool ORG_DB_POOL_SIZE (DB_POOL_SIZE for 'default'). */
  db: PrismaClient;
  /** Digests and reports read here (DATABASE_REPLICA_URL). */
  replica?: PrismaClient;
  policy: Policy;
  /** QUEUE_PREFIX for 'default', `<QUEUE_PREFIX>-<orgId>` for the others (organisationQueuePrefix). */
  queuePrefix: string;
  telegram: (TelegramSettings & { username?: string | undefined }) | undefined;
  zalo: { token: string; apiRoot: string; webhook: { url: string | undefined; secret: string; path?: string } | undefined; monthlyCap: number } | undefined;
  /** 'default' only. */
  zaloOa?: ZaloOaConfig | undefined;
}

/** What every organisation of the process shares. */
export interface SharedRuntime {
  config: Config;
  http: Hono;
  redis: RedisTarget;
  /** Several bot processes on one database: one pool for every organisation's chats. None on the embedded database. */
  chatLock: SharedChatLock | undefined;
  logger: Logger;
  catalogue: Catalogue;
  time: TimeSource;
  /** This organisation's series of /metrics (registered once per process, labelled org); close() when it stops. */
  metrics: (org: MetricsSource) => AppMetrics;
  readiness: Readiness;
  /** /healthz's checks: each organisation adds its own (and takes them away when it stops). */
  healthChecks: HealthCheck[];
  webhooks: OrganisationWebhooks;
  /** The sandbox runs the morning schedules itself (its clock is shifted). */
  sandbox?: boolean;
}

export interface OrganisationStarted {
  telegram: TelegramRuntime | undefined;
  zaloBot: ZaloBotInfo | undefined;
}

export interface OrganisationRuntime {
  readonly orgId: string;
  readonly app: AppContext;
  readonly db: PrismaClient;
  readonly queues: QueueSet;
  readonly zalo: ZaloRuntime | undefined;
  readonly zaloOa: ZaloOaRuntime | undefined;
  readonly workers: RunningWorkers | undefined;
  readonly telegram: TelegramRuntime | undefined;
  /** /healthz's name for this organisation's Telegram readiness. */
  readonly telegramCheck: string;
  /**
   * After the HTTP server listens: getMe (retried until `signal` aborts; a refused token throws
   * TelegramTokenRefused), the workers, then the receiving (webhook set or long polling).
   */
  start(signal: AbortSignal): Promise<OrganisationStarted>;
  /** The steps of a stop, in the order a graceful stop runs them across organisations. */
  stopReceiving(): Promise<void>;
  stopWorkers(): Promise<void>;
  closeQueues(): Promise<void>;
  /** All of it, in order (an organisation stopped alone); its database client is the caller's. */
  stop(): Promise<void>;
}

/** The BullMQ prefix of an organisation: QUEUE_PREFIX for 'default'; `<QUEUE_PREFIX>-<orgId>` (inside the braces of a hash tag) for others. */
export function organisationQueuePrefix(processPrefix: string, orgId: string): string {
  if (orgId === DEFAULT_ORGANISATION) return processPrefix;
  const tagged = /^\{([^{}]+)\}$/.exec(processPrefix);
  return tagged ? `{${tagged[1]}-${orgId}}` : `${processPrefix}-${orgId}`;
}

export function prepareOrganisation(o: OrganisationSettings, shared: SharedRuntime): OrganisationRuntime {
  const { config, logger: processLogger, time, catalogue, readiness } = shared;
  const orgId = o.orgId;
  const isDefault = orgId === DEFAULT_ORGANISATION;
  const logger = isDefault ? processLogger : processLogger.child({ org: orgId });
  const queues = createQueues(shared.redis, o.queuePrefix, time);
  const app = createAppContext({
    db: o.db,
    ...(o.replica ? { replica: o.replica } : {}),
    time,
    catalogue,
    policy: o.policy,
    logger,
    scheduler: queues.scheduler,
    delivery: queues.kicker,
    webhooks: queues.webhookKicker,
    links: {
      ...(o.telegram?.username ? { telegramBotUsername: o.telegram.username } : {}),
      ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    },
  });
  // Files people send on Telegram (a notice's document) are downloaded to be kept here (src/app/notices).
  if (o.telegram) app.files = { TELEGRAM: createTelegramFiles({ token: o.telegram.token, apiRoot: o.telegram.apiRoot }) };
  const receives = config.role !== 'worker';
  const receivesTelegram = Boolean(o.telegram) && receives;
  const telegramCheck = isDefault ? 'telegram' : `telegram:${orgId}`;
  const checks: HealthCheck[] = [];
  if (receivesTelegram) {
    readiness.waitFor(telegramCheck, 'waiting for Telegram: asking who the bot is (getMe)');
    // Another organisation's bot waiting does not make the process unready (HealthCheck.advisory); the default's does.
    checks.push({ ...readiness.check(telegramCheck), advisory: !isDefault });
  }
  const appMetrics = shared.metrics({ orgId, db: o.db, queues });
  // One chat's updates one at a time, wherever they land (the lock's key names the organisation).
  const counted = appMetrics.countingRouter(createAppRouter(app));
  const router = shared.chatLock ? chatOrderedRouter(counted, shared.chatLock.forOrganisation(orgId)) : counted;
  // Replies and notifications to one chat (and to the whole bot) share the delivery pacer's limits: per bot, since
  // the pacer's keys are under this organisation's queue prefix.
  const replyPacer = new Pacer(queues.producer, o.queuePrefix, config.delivery);

  // The Telegram webhook answers 503 until the bot knows who it is.
  let telegramBot: TelegramBot | undefined;
  if (receivesTelegram && o.telegram?.webhook) shared.webhooks.telegram.set(orgId, { bot: () => telegramBot, secret: o.telegram.webhook.secret });

  const zalo = o.zalo
    ? prepareZalo({
        token: o.zalo.token,
        apiRoot: o.zalo.apiRoot,
        webhook: o.zalo.webhook,
        monthlyCap: o.zalo.monthlyCap,
        app,
        logger,
        // The webhook route is the process's (one for every organisation): it hands events over below.
        ...(receives ? { receive: { router } } : {}),
        pace: (chatId) => replyPacer.acquire('ZALO', chatId),
      })
    : undefined;
  if (zalo?.inbound && o.zalo?.webhook) {
    const inbound = zalo.inbound;
    shared.webhooks.zalo.set(orgId, { secret: o.zalo.webhook.secret, onUpdate: (u) => inbound.dispatch(u) });
  }

  // Zalo Official Account: the 'default' organisation's, when ZALO_OA_* is configured. Its token health joins /healthz.
  const zaloOa = o.zaloOa
    ? prepareZaloOa({
        settings: o.zaloOa,
        app,
        tokenRows: createOaTokenRows(o.db),
        logger,
        ...(receives ? { receive: { router, http: shared.http } } : {}),
        pace: (chatId) => replyPacer.waitTurn('ZALO_OA', chatId),
        sendPolicy: o.zaloOa.templateId ? { template: { id: o.zaloOa.templateId, field: 'content', maxLength: 400 } } : {},
      })
    : undefined;
  if (zaloOa) checks.push(zaloOa.health);
  shared.healthChecks.push(...checks);

  let telegram: TelegramRuntime | undefined;
  let workers: RunningWorkers | undefined;

  async function start(signal: AbortSignal): Promise<OrganisationStarted> {
    // The directory and calendar loaded before the first update: use cases read them inside their transactions, and a
    // first load there needs a second connection of the organisation's pool (ORG_DB_POOL_SIZE); with as many first
    // updates in hand as connections, each waited for the others until Prisma's 20 s limit failed them (the province
    // bench, the first seconds of the day). Not fatal: without the database now, they load on first use.
    await Promise.all([app.org(), app.calendar()]).catch((err: unknown) => logger.warn({ err }, 'organisation directory and calendar not loaded at start'));
    telegram = receivesTelegram
      ? await prepareTelegram(o.telegram!, {
          router,
          logger,
          catalogue,
          pacer: replyPacer,
          outbox: createReplyOutbox(app),
          onWaiting: (reason) => readiness.waitFor(telegramCheck, reason),
          retry: { signal },
        })
      : undefined;
    if (telegram) {
      readiness.ready(telegramCheck);
      app.links.telegramBotUsername = telegram.username;
      telegramBot = telegram.bot;
      // `npm run cli -- invite` prints the t.me link with it.
      await writeSetting(o.db, TELEGRAM_USERNAME, telegram.username).catch((e) => logger.warn({ err: e }, 'could not record the bot username'));
    }

    const senders = new Map<ChannelName, ChannelSender>();
    if (o.telegram) {
      const { Api } = await import('grammy');
      // A send must end well within delivery's hold on it (2 min), so a hung request is never sent twice in parallel.
      senders.set('TELEGRAM', createTelegramSender(new Api(o.telegram.token, { apiRoot: o.telegram.apiRoot, timeoutSeconds: 60 })));
    }
    if (zalo) senders.set('ZALO', zalo.sender);
    if (zaloOa) senders.set('ZALO_OA', zaloOa.sender);
    workers =
      config.role === 'bot'
        ? undefined
        : await startWorkers({
            redisUrl: shared.redis,
            prefix: o.queuePrefix,
            app,
            handlers: new ClockHandlers([...everyClockHandler(app)]),
            senders,
            limits: config.delivery,
            logger,
            queues,
            consume: config.workerQueues,
            maintenanceEveryMs: 5 * 60_000,
            maintenanceJobs: { ...digestJobs(app), ...selfReviewJobs(app) },
            // The morning digest: one job scheduler at the policy's time in the organisation's time zone (upserted,
            // never doubled, and re-created with the reconciler's and the sweep's if Redis comes back empty). The
            // sandbox's clock is shifted: its time moves run the digest when they cross its hour.
            schedules: shared.sandbox ? [] : [digestSchedule(queues.maintenance, app), selfReviewSchedule(queues.maintenance, app)],
            onSent: appMetrics.onSent,
            // Webhook signing secrets are sealed with WEBHOOK_SECRET_KEY, the same AES-256-GCM sealing as the OA tokens.
            ...(config.webhookKeyring ? { webhookSecrets: createTokenCipher(config.webhookKeyring) } : {}),
            // One identity, two channels: what a refusing chat had queued goes to the person's other chat.
            onUnreachable: async (channel, chatId, officials, messages) => void (await rerouteUnreachable(app, channel, chatId, officials, messages)),
          });

    await telegram?.start();
    const zaloBot = await zalo?.start();
    return { telegram, zaloBot };
  }

  const stopReceiving = async () => {
    shared.webhooks.forget(orgId);
    await telegram?.stop();
    await zalo?.stop();
    await zaloOa?.stop();
  };
  const stopWorkers = async () => void (await workers?.close());
  const closeQueues = () => queues.close();

  return {
    orgId,
    app,
    db: o.db,
    queues,
    zalo,
    zaloOa,
    get workers() {
      return workers;
    },
    get telegram() {
      return telegram;
    },
    telegramCheck,
    start,
    stopReceiving,
    stopWorkers,
    closeQueues,
    async stop() {
      for (const c of checks) {
        const at = shared.healthChecks.indexOf(c);
        if (at >= 0) shared.healthChecks.splice(at, 1);
      }
      readiness.ready(telegramCheck);
      appMetrics.close();
      await stopReceiving();
      await stopWorkers();
      await closeQueues();
    },
  };
}
