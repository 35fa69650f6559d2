import type { Logger } from 'pino';
import { DEFAULT_WAVE_WINDOW_MS } from '../app/clocks/fire-clock.js';
import type { AppContext } from '../app/context.js';
import type { ClockScheduler, DeliveryKicker } from '../app/ports/scheduling.js';
import type { WebhookKicker } from '../app/ports/webhooks.js';
import type { PrismaClient } from '../db/client.js';
import { loadCalendar } from '../db/repositories/calendar.repository.js';
import { loadOrgDirectory } from '../db/repositories/org.repository.js';
import { createStores } from '../db/stores.js';
import type { WorkingCalendar } from '../domain/calendar/types.js';
import type { TimeSource } from '../domain/time/time-source.js';
import type { OrgDirectory } from '../domain/org/directory.js';
import type { Policy } from '../domain/policy/types.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { refreshingCache } from './refreshing-cache.js';

export interface AppContextOptions {
  db: PrismaClient;
  /** A replica's client (DATABASE_REPLICA_URL): digests and reports read there. */
  replica?: PrismaClient;
  time: TimeSource;
  catalogue: Catalogue;
  policy: Policy;
  logger: Logger;
  scheduler: ClockScheduler;
  delivery: DeliveryKicker;
  webhooks?: WebhookKicker;
  links?: AppContext['links'];
  tuning?: Partial<AppContext['tuning']>;
  /** How long the organisation and calendar are cached (other processes may import meanwhile). */
  cacheMs?: number;
  /** Real time in ms for those caches' time to live (tests pass their own; the domain clock is `time`). */
  cacheClock?: () => number;
}

export function createAppContext(o: AppContextOptions): AppContext {
  const ttl = o.cacheMs ?? 30_000;
  const onRefreshError = (what: string) => (err: unknown) => o.logger.warn({ err }, `${what}: reload failed, the loaded one is kept`);
  const org = refreshingCache<OrgDirectory>(() => loadOrgDirectory(o.db), {
    ttlMs: ttl,
    onRefreshError: onRefreshError('organisation directory'),
    ...(o.cacheClock ? { now: o.cacheClock } : {}),
  });
  const calendar = refreshingCache<WorkingCalendar>(() => loadCalendar(o.db, o.policy), {
    ttlMs: ttl,
    onRefreshError: onRefreshError('working calendar'),
    ...(o.cacheClock ? { now: o.cacheClock } : {}),
  });
  return {
    stores: createStores(o.db, o.replica ? { replica: o.replica } : {}),
    time: o.time,
    catalogue: o.catalogue,
    policy: o.policy,
    logger: o.logger,
    scheduler: o.scheduler,
    delivery: o.delivery,
    ...(o.webhooks ? { webhooks: o.webhooks } : {}),
    links: o.links ?? {},
    tuning: { waveWindowMs: o.tuning?.waveWindowMs ?? DEFAULT_WAVE_WINDOW_MS },
    org: () => org.get(),
    calendar: () => calendar.get(),
    invalidate() {
      org.drop();
      calendar.drop();
      // Loaded again now rather than by the next reader, who may be inside a transaction (refreshing-cache.ts).
      if (ttl > 0) for (const c of [org, calendar]) void c.get().catch(() => {});
    },
  };
}
