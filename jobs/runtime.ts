// Builds and starts the queues and workers of one process. Nothing runs at import time: `startJobs` wires it.
import { Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { AppContext } from '../src/app/context.js';
import type { ClockHandlers } from '../src/app/clocks/fire-clock.js';
import type { ChannelSender } from '../src/app/ports/sender.js';
import type { ChannelName } from '../src/domain/org/types.js';
import { deliverNoticesInForce } from '../src/app/notices/notices-in-force.js';
import { BullClockScheduler, DEFAULT_HORIZON_MS, type ClockJobData } from './clock-scheduler.js';
import { processClockJob } from './clock.processor.js';
import { createRedis, type Redis, type RedisAddress } from './connection.js';
import { deliverChat, type DeliveryDeps } from './delivery/delivery.processor.js';
import { BullDeliveryKicker, type ChatJobData } from './delivery/kicker.js';
import { Pacer, type PacerLimits } from './delivery/pacer.js';
import { QUEUES } from './queues.js';
import { reconcileClocks, type ReconcileReport } from './reconciler.js';
import { watchForRedisLoss, type OwnedSchedule } from './self-heal.js';
import { DAY_MS, HOUR_MS } from '../src/domain/time/duration.js';
import { subscriptionsDue } from '../src/app/integration-events/dispatch.js';
import type { SecretBox } from '../src/app/ports/webhooks.js';
import { DEFAULT_RETRY, type RetrySchedule } from '../src/domain/integration/retry.js';
import { BullWebhookKicker, type WebhookJobData } from './webhooks/kicker.js';
import { processWebhookJob } from './webhooks/processor.js';
import { createWebhookPoster, DEFAULT_WEBHOOK_TIMEOUT_MS } from './webhooks/sender.js';

export interface QueueSet {
  producer: Redis;
  clocks: Queue<ClockJobData>;
  delivery: Queue<ChatJobData>;
  maintenance: Queue;
  webhooks: Queue<WebhookJobData>;
  scheduler: BullClockScheduler;
  kicker: BullDeliveryKicker;
  webhookKicker: BullWebhookKicker;
  close(): Promise<void>;
}

export function createQueues(redisUrl: RedisAddress, prefix: string, time: AppContext['time'], horizonMs = DEFAULT_HORIZON_MS): QueueSet {
  const producer = createRedis(redisUrl, 'producer');
  producer.on('error', () => {});
  const opts = { connection: producer, prefix };
  const clocks = new Queue<ClockJobData>(QUEUES.clocks, opts);
  const delivery = new Queue<ChatJobData>(QUEUES.delivery, opts);
  const maintenance = new Queue(QUEUES.maintenance, opts);
  const webhooks = new Queue<WebhookJobData>(QUEUES.webhooks, opts);
  for (const q of [clocks, delivery, maintenance, webhooks]) q.on('error', () => {});
  return {
    producer,
    clocks,
    delivery,
    maintenance,
    webhooks,
    scheduler: new BullClockScheduler(clocks as unknown as Queue, time, horizonMs),
    kicker: new BullDeliveryKicker(delivery as unknown as Queue),
    webhookKicker: new BullWebhookKicker(webhooks as unknown as Queue),
    async close() {
      await Promise.all([clocks.close(), delivery.close(), maintenance.close(), webhooks.close()]);
      producer.disconnect();
    },
  };
}

/** The queues a worker process can consume; a deployment may split them across processes (WORKER_QUEUES). */
export const WORKER_QUEUES = ['clocks', 'delivery', 'maintenance', 'webhooks'] as const;
export type WorkerQueue = (typeof WORKER_QUEUES)[number];

export interface WorkerOptions {
  redisUrl: RedisAddress;
  prefix: string;
  app: AppContext;
  handlers: ClockHandlers;
  senders: Map<ChannelName, ChannelSender>;
  limits: PacerLimits;
  logger: Logger;
  queues: QueueSet;
  clockConcurrency?: number;
  deliveryConcurrency?: number;
  /** Which queues this process consumes (default all). Every process still rebuilds the schedule at start. */
  consume?: readonly WorkerQueue[];
  /**
   * BullMQ job lock: a job held by a process that died is taken again after this (default 30 s) by the stalled-job
   * check, which runs every `stalledIntervalMs` (default 30 s). Fault tests shorten both.
   */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Only clock levels due within this are put into Redis (default 6 h); the reconciler adds later ones in time. */
  horizonMs?: number;
  /** How long a message being sent is reserved for the process sending it (see DeliveryDeps.leaseMs). */
  deliveryLeaseMs?: number;
  /** First back-off after a 5xx (see DeliveryDeps.backoffMs). */
  deliveryBackoffMs?: number;
  /** How often the reconciler and the outbox sweep run (ms); 0 = only at start. */
  maintenanceEveryMs?: number;
  onUnreachable?: DeliveryDeps['onUnreachable'];
  onSent?: DeliveryDeps['onSent'];
  /** Extra maintenance job handlers (digests, …) by job name. */
  maintenanceJobs?: Record<string, () => Promise<unknown>>;
  /** Further job schedulers this process owns (the digest): created at start, re-created if Redis loses them. */
  schedules?: readonly OwnedSchedule[];
  /** How often this process looks whether Redis lost the schedulers it owns (besides at every reconnect). */
  healCheckEveryMs?: number;
  /** Opens the webhook signing secrets (WEBHOOK_SECRET_KEY); without it nothing can be signed and deliveries wait. */
  webhookSecrets?: SecretBox;
  /** Webhook delivery: retry back-off, a post's timeout, the hold on a claimed delivery, subscriptions sent to at once. */
  webhookOptions?: { retry?: RetrySchedule; timeoutMs?: number; holdMs?: number; concurrency?: number };
}

export interface RunningWorkers {
  /** Rebuilds the fast path from the database; `horizonMs` overrides the horizon for this run. */
  reconcile(options?: { horizonMs?: number }): Promise<ReconcileReport>;
  sweepOutbox(): Promise<number>;
  /** Wakes every webhook subscription with deliveries due (the database is the source of truth). */
  sweepWebhooks(): Promise<number>;
  /** Finishes the jobs in hand and stops taking new ones. */
  close(): Promise<void>;
}

export async function startWorkers(o: WorkerOptions): Promise<RunningWorkers> {
  const connection = createRedis(o.redisUrl, 'worker');
  connection.on('error', (err) => o.logger.warn({ err: err.message }, 'redis connection error (worker)'));
  const pacer = new Pacer(o.queues.producer, o.prefix, o.limits);
  const deliveryDeps: DeliveryDeps = {
    outbox: o.app.stores.sending,
    catalogue: o.app.catalogue,
    senders: o.senders,
    pacer,
    logger: o.logger,
    rekick: (chat, delayMs) => o.queues.kicker.kick([{ ...chat, delayMs }]),
    ...(o.deliveryLeaseMs ? { leaseMs: o.deliveryLeaseMs } : {}),
    ...(o.deliveryBackoffMs ? { backoffMs: o.deliveryBackoffMs } : {}),
    // A wave is still firing while due clock jobs wait for a worker (a few running alone is the everyday trickle,
    // which the gathering window covers).
    waveInProgress: async () => ((await o.queues.clocks.getJobCounts('waiting')).waiting ?? 0) > 0,
    ...(o.onUnreachable ? { onUnreachable: o.onUnreachable } : {}),
    ...(o.onSent ? { onSent: o.onSent } : {}),
  };

  const reconcile = (options: { horizonMs?: number } = {}) =>
    reconcileClocks(o.app.stores.clocks, o.queues.clocks as unknown as Queue, o.app.time, options.horizonMs ?? o.horizonMs ?? DEFAULT_HORIZON_MS);
  const sweepOutbox = async () => {
    const chats = await o.app.stores.sending.chatsWithDue(new Date(), 5000);
    const dropped = await o.queues.kicker.wake(chats);
    if (dropped > 0) o.logger.warn({ dropped }, 'outbox sweep: dropped delivery deduplication keys of jobs that will never run');
    return chats.length;
  };

  const sweepWebhooks = async () => {
    const due = await subscriptionsDue(o.app);
    const dropped = await o.queues.webhookKicker.wake(due);
    if (dropped > 0) o.logger.warn({ dropped }, 'webhook sweep: dropped deduplication keys of jobs that will never run');
    return due.length;
  };

  const consume = new Set<WorkerQueue>(o.consume ?? WORKER_QUEUES);
  const common = {
    connection,
    prefix: o.prefix,
    ...(o.lockDurationMs ? { lockDuration: o.lockDurationMs } : {}),
    ...(o.stalledIntervalMs ? { stalledInterval: o.stalledIntervalMs } : {}),
  };
  const workers: Worker[] = [];
  if (consume.has('clocks')) {
    workers.push(
      new Worker<ClockJobData>(QUEUES.clocks, (job, token) => processClockJob(o.app, o.handlers, job, token), {
        ...common,
        concurrency: o.clockConcurrency ?? 8,
      }) as unknown as Worker,
    );
  }
  if (consume.has('delivery')) {
    workers.push(
      new Worker<ChatJobData>(QUEUES.delivery, (job) => deliverChat(deliveryDeps, job), {
        ...common,
        // Most of a delivery job's time is spent waiting for its turn; many can wait at once.
        concurrency: o.deliveryConcurrency ?? 64,
      }) as unknown as Worker,
    );
  }
  if (consume.has('webhooks')) {
    const timeoutMs = o.webhookOptions?.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    const webhookDeps = {
      app: o.app,
      kicker: o.queues.webhookKicker,
      dispatch: {
        secrets: o.webhookSecrets,
        post: createWebhookPoster({ timeoutMs }),
        retry: o.webhookOptions?.retry ?? DEFAULT_RETRY,
        // Well beyond one post, so a slow receiver is never sent the same event twice in parallel.
        holdMs: o.webhookOptions?.holdMs ?? Math.max(120_000, 3 * timeoutMs),
        batch: 16,
        maxRounds: 50,
      },
    };
    workers.push(
      new Worker<WebhookJobData>(QUEUES.webhooks, (job) => processWebhookJob(webhookDeps, job), {
        ...common,
        concurrency: o.webhookOptions?.concurrency ?? 8,
      }) as unknown as Worker,
    );
  }
  if (consume.has('maintenance')) {
    workers.push(
      new Worker(
        QUEUES.maintenance,
        async (job) => {
          if (job.name === 'reconcile') {
            // Officials imported since the last run receive the quán triệt notices in force for their unit (issue 15).
            await deliverNoticesInForce(o.app).catch((err: unknown) => o.logger.error({ err }, 'notices in force: delivery to newcomers failed'));
            return reconcile();
          }
          if (job.name === 'sweep-outbox') return sweepOutbox();
          if (job.name === 'sweep-webhooks') return sweepWebhooks();
          // Platforms retry an update for hours at most; a week of claims is plenty to stay idempotent.
          if (job.name === 'prune-updates') return o.app.stores.chats.pruneUpdates(new Date(Date.now() - 7 * DAY_MS));
          const extra = o.maintenanceJobs?.[job.name];
          if (extra) return extra();
          return undefined;
        },
        { ...common, concurrency: 2 },
      ),
    );
  }
  for (const w of workers) {
    w.on('error', (err) => o.logger.warn({ err: err.message, queue: w.name }, 'worker error'));
    w.on('failed', (job, err) => o.logger.warn({ err: err.message, queue: w.name, job: job?.id }, 'job failed'));
  }

  // Job schedulers: upserting the same id again (at every start, or after Redis lost it) creates no duplicate.
  const owned: OwnedSchedule[] = [];
  const every = o.maintenanceEveryMs;
  if (consume.has('maintenance') && every && every > 0) {
    const maintenance = o.queues.maintenance;
    owned.push(
      { id: 'reconcile', ensure: () => maintenance.upsertJobScheduler('reconcile', { every }, { name: 'reconcile' }) },
      { id: 'prune-updates', ensure: () => maintenance.upsertJobScheduler('prune-updates', { every: 6 * HOUR_MS }, { name: 'prune-updates' }) },
      {
        id: 'sweep-outbox',
        ensure: () => maintenance.upsertJobScheduler('sweep-outbox', { every: Math.max(10_000, Math.floor(every / 5)) }, { name: 'sweep-outbox' }),
      },
      {
        id: 'sweep-webhooks',
        ensure: () => maintenance.upsertJobScheduler('sweep-webhooks', { every: Math.max(10_000, Math.floor(every / 10)) }, { name: 'sweep-webhooks' }),
      },
    );
  }
  owned.push(...(o.schedules ?? []));
  for (const s of owned) await s.ensure();
  // At start: whatever Redis lost or never had is rebuilt from the database.
  const rebuild = async () => {
    await reconcile();
    await sweepOutbox();
    await sweepWebhooks();
  };
  await rebuild();
  // Watched only once created, so the first look finds them.
  const watch =
    owned.length > 0
      ? watchForRedisLoss({
          queue: o.queues.maintenance,
          connection: o.queues.producer,
          owned,
          rebuild,
          logger: o.logger,
          ...(o.healCheckEveryMs ? { everyMs: o.healCheckEveryMs } : {}),
        })
      : undefined;

  return {
    reconcile,
    sweepOutbox,
    sweepWebhooks,
    async close() {
      watch?.stop();
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
