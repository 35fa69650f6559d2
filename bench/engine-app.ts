// The application as the clock worker runs it in the engine bench: silent, default policy, the queues' scheduler and
// delivery kicker. One place for the bench's in-process run (engine.ts) and its worker processes (engine-worker-child.ts).
import { pino } from 'pino';
import { ClockHandlers } from '../src/app/clocks/fire-clock.js';
import { taskClockHandler } from '../src/app/clocks/task-clock-handler.js';
import type { AppContext } from '../src/app/context.js';
import type { PrismaClient } from '../src/db/client.js';
import { defaultPolicy } from '../src/domain/policy/resolve-policy.js';
import { systemTime } from '../src/domain/time/time-source.js';
import { Catalogue } from '../src/i18n/catalogue.js';
import { createAppContext } from '../src/runtime/app-context.js';
import type { createQueues } from '../jobs/runtime.js';

export function engineApp(db: PrismaClient, queues: ReturnType<typeof createQueues>): { app: AppContext; handlers: ClockHandlers } {
  const app = createAppContext({
    db,
    time: systemTime,
    catalogue: Catalogue.load(),
    policy: defaultPolicy(),
    logger: pino({ level: 'silent' }),
    scheduler: queues.scheduler,
    delivery: queues.kicker,
  });
  return { app, handlers: new ClockHandlers([taskClockHandler]) };
}
