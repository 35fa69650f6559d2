// Use cases run from the CLI need the same app context as the bot: the CLI queues jobs in the same Redis so the
// running bot's workers pick them up (or the reconciler does, if Redis is down right now).
import { pino } from 'pino';
import type { AppContext } from '../app/context.js';
import { loadConfiguredPolicy } from '../config/policy-file.js';
import { createAppContext } from '../runtime/app-context.js';
import { createQueues } from '../../jobs/runtime.js';
import type { CliContext } from './context.js';

export async function withApp<T>(ctx: CliContext, fn: (app: AppContext) => Promise<T>): Promise<T> {
  const opened = await ctx.openDatabase();
  const queues = createQueues(ctx.config.redisUrl, ctx.config.queuePrefix, ctx.clock);
  try {
    const app = createAppContext({
      db: opened.db,
      clock: ctx.clock,
      catalogue: ctx.catalogue,
      policy: loadConfiguredPolicy(ctx.config),
      logger: pino({ level: 'silent' }),
      scheduler: queues.scheduler,
      delivery: queues.kicker,
    });
    return await fn(app);
  } finally {
    await queues.close();
    await opened.close();
  }
}
