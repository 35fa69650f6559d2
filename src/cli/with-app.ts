// Use cases run from the CLI need the same app context as the bot: the CLI queues jobs in the same Redis so the
// running bot's workers pick them up. Redis gets a short time (ctx.queueTimeoutMs): the command commits to the
// database first, and if Redis does not answer it says so and ends normally, leaving the scheduling to the running
// bot's reconciler and outbox sweep.
import { pino } from 'pino';
import type { AppContext } from '../app/context.js';
import { loadConfiguredPolicy } from '../config/policy-file.js';
import { DEFAULT_ORG, type PrismaClient } from '../db/client.js';
import { organisationPolicyText } from '../db/organisations.js';
import { loadPolicy } from '../domain/policy/load-policy.js';
import type { Policy } from '../domain/policy/types.js';
import { createAppContext } from '../runtime/app-context.js';
import { createQueues } from '../../jobs/runtime.js';
import { errBothLanguages } from './bilingual.js';
import { BoundedQueues } from './bounded-queues.js';
import { QUEUE_TIMEOUT_MS, type CliContext } from './context.js';

/** The Redis URL without its password, for messages. */
function redisShown(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '6379'}`;
  } catch {
    return 'REDIS_URL';
  }
}

/** The queue prefix of an organisation's jobs: QUEUE_PREFIX for 'default', `<QUEUE_PREFIX>-<org>` for the others. */
export function queuePrefixFor(prefix: string, orgId: string | undefined): string {
  return orgId === undefined || orgId === DEFAULT_ORG ? prefix : `${prefix}-${orgId}`;
}

/** The policy of an organisation (--org) that keeps its own (`org create --policy`); undefined: the configured one. */
async function organisationPolicy(ctx: CliContext, db: PrismaClient): Promise<Policy | undefined> {
  if (ctx.orgId === undefined) return undefined;
  const text = await organisationPolicyText(db, ctx.orgId);
  return text === undefined ? undefined : loadPolicy({ text, format: 'yaml', timezone: ctx.config.timezone, source: `organisation ${ctx.orgId}` });
}

export async function withApp<T>(ctx: CliContext, fn: (app: AppContext) => Promise<T>): Promise<T> {
  const configured = loadConfiguredPolicy(ctx.config);
  const opened = await ctx.openDatabase();
  let policy: Policy;
  try {
    policy = (await organisationPolicy(ctx, opened.db)) ?? configured;
  } catch (e) {
    await opened.close();
    throw e;
  }
  const queues = new BoundedQueues(
    createQueues(ctx.config.redis, queuePrefixFor(ctx.config.queuePrefix, ctx.orgId), ctx.time),
    ctx.queueTimeoutMs ?? QUEUE_TIMEOUT_MS,
  );
  try {
    const app = createAppContext({
      db: opened.db,
      time: ctx.time,
      catalogue: ctx.catalogue,
      policy,
      logger: pino({ level: 'silent' }),
      scheduler: queues.scheduler,
      delivery: queues.kicker,
      webhooks: queues.webhooks,
    });
    const result = await fn(app);
    if (queues.failure !== undefined) {
      errBothLanguages(ctx, 'cli-queue-unavailable', { redis: redisShown(ctx.config.redisUrl), seconds: String(Math.round(queues.timeoutMs / 100) / 10) });
    }
    return result;
  } finally {
    await queues.close();
    await opened.close();
  }
}
