import type { OaSendKindName } from '../oa-window.js';

/** What the window rule needs to know about the person behind an OA chat. */
export interface OaChatFacts {
  identityId: number;
  officialId: number;
  unitId: number;
  lastInboundAt: Date | null;
  /** The person has another linked chat that is not marked unreachable. */
  otherChannel: boolean;
  /** cs messages recorded for this identity from `lastInboundAt` on (all of them when it is null). */
  csSinceInbound: number;
}

export interface OaSendRecord {
  at: Date;
  month: string;
  identityId: number | undefined;
  unitId: number | undefined;
  kind: OaSendKindName;
  insideWindow: boolean;
}

/** One line of the month's report: messages of one kind, inside or outside the window, for one unit. */
export interface OaUsageLine {
  unitId: number | null;
  unitCode: string | null;
  unitName: string | null;
  kind: OaSendKindName;
  insideWindow: boolean;
  count: number;
}

/** The OA's record of what it sent (table oa_send) and the month's budget warning. Each call stands alone. */
export interface OaUsageStore {
  facts(chatId: string): Promise<OaChatFacts | undefined>;
  record(entry: OaSendRecord): Promise<void>;
  month(month: string): Promise<OaUsageLine[]>;
  /** Marks the month's budget warning as given; false when another process did it first. */
  claimBudgetWarning(month: string, now: Date): Promise<boolean>;
  /**
   * Held notifications of a chat (outbox rows waiting with `heldPrefix` in their last error) become due now;
   * returns how many.
   */
  releaseHeld(chatId: string, heldPrefix: string, now: Date): Promise<number>;
}
