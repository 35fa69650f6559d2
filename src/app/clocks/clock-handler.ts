import type { AppContext } from '../context.js';
import type { OutboundMessage } from '../ports/channel.js';
import type { StoreTx } from '../ports/stores.js';
import type { Effects } from '../transaction.js';
import type { Audience, ClockKind, ClockRecord } from '../../domain/clocks/types.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Official } from '../../domain/org/types.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { ViewTools } from '../views/tools.js';

/** What a firing level knows when it renders its message. */
export interface FireContext {
  clock: ClockRecord;
  level: number;
  audience: Audience;
  /** Whose clock it is. */
  person: Official;
  /** Who receives this message. */
  recipient: Official;
  /** Who will be told at the next level, if anyone (for "… sẽ báo cáo đ/c X"). */
  nextRecipient: Official | undefined;
  /** When the next level fires, if it does. */
  nextAt: Date | null;
  /** Reminders already sent in this generation of the clock. */
  sentSoFar: number;
  org: OrgDirectory;
}

/** The item a clock is about, loaded inside the firing transaction. */
export interface ClockSubject {
  /** Item code shown on merged reminders (NV-2026-0012). */
  code: string;
  render(t: Translate, v: ViewTools, ctx: FireContext): OutboundMessage;
  /**
   * Called in the firing transaction when a level is due, before anyone is told (also when nobody can be reached):
   * the place for what the running-out of the clock means beyond a message, such as a behaviour signal.
   */
  fired?(tx: StoreTx, ctx: { clock: ClockRecord; now: Date; effects: Effects }): Promise<void>;
}

/**
 * One per clock kind. `load` returns null when the clock no longer applies (the person acted, the item closed):
 * the firing then stops the clock instead of reminding anyone. Consultations and explanations plug in here. `app` is
 * the firing's context, for its stores.
 */
export interface ClockHandler {
  kinds: readonly ClockKind[];
  load(tx: StoreTx, clock: ClockRecord, app: AppContext): Promise<ClockSubject | null>;
  /** The same for a wave of clocks in one query (optional; without it `load` runs per clock). Keyed by clock id. */
  loadMany?(tx: StoreTx, clocks: readonly ClockRecord[], app: AppContext): Promise<Map<number, ClockSubject | null>>;
}
