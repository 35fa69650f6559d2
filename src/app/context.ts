import type { Logger } from 'pino';
import type { WorkingCalendar } from '../domain/calendar/types.js';
import type { TimeSource } from '../domain/time/time-source.js';
import type { OrgDirectory } from '../domain/org/directory.js';
import type { Policy } from '../domain/policy/types.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { ChannelFiles } from './ports/channel-files.js';
import type { ClockScheduler, DeliveryKicker } from './ports/scheduling.js';
import type { AppStores } from './ports/stores.js';
import type { WebhookKicker } from './ports/webhooks.js';

/** Everything a use case may use. Built once by the composition root (src/main.ts) or a test. */
export interface AppContext {
  /** The database through the application's store ports (ports/stores.ts). */
  stores: AppStores;
  /** Where "now" comes from (ManualTime in tests, the shifted sandbox time, else the system's). */
  time: TimeSource;
  catalogue: Catalogue;
  policy: Policy;
  logger: Logger;
  scheduler: ClockScheduler;
  delivery: DeliveryKicker;
  /** Wakes webhook delivery after a commit queued some (absent: the webhook sweep of a running worker finds them). */
  webhooks?: WebhookKicker;
  /** The working calendar (policy + the admin's overrides in the database); cached. */
  calendar(): Promise<WorkingCalendar>;
  /** The organisation; cached for a short while and dropped after an import. */
  org(): Promise<OrgDirectory>;
  /** Drop cached organisation and calendar (after an import or a calendar change). */
  invalidate(): void;
  links: { telegramBotUsername?: string; publicBaseUrl?: string };
  /**
   * The files people sent, downloaded from their platform (set by the wiring once the adapters exist: main.ts, the
   * test harness); a channel missing here keeps its file references as they came.
   */
  files?: ChannelFiles;
  tuning: {
    /** Real time a reminder waits for others due for the same chat, so a wave goes out as one message. */
    waveWindowMs: number;
  };
}
