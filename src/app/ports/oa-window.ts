// What the Official Account's sender asks the application before and after each send (src/app/delivery/oa-usage.ts
// answers): the person's window by the policy, and the record of how each message went (the monthly cost report and
// the budget warning read it).
import type { OaWindowDecision } from '../../domain/oa/window.js';
import type { OaOutsideWindow } from '../../domain/policy/types.js';

export type OaSendKindName = 'CS' | 'TRANSACTION' | 'MOVED' | 'HELD';

export interface OaChatWindow extends OaWindowDecision {
  identityId: number | undefined;
  /** The person has another reachable chat (Telegram, the Bot Platform). */
  otherChannel: boolean;
  /** The policy's choice outside the free window. */
  outsideWindow: OaOutsideWindow;
  /** Whether digests and reminders carry the one-tap reply that reopens the window. */
  nudge: boolean;
}

export interface OaWindowPort {
  windowOf(chatId: string): Promise<OaChatWindow>;
  /** Records one message (or one notification moved or held); warns the admins once a month past the budget share. */
  record(chatId: string, kind: OaSendKindName, insideWindow: boolean): Promise<void>;
  /** The reason a held notification carries until the person writes again (the outbox's last error starts with it). */
  readonly heldPrefix: string;
  /** The person wrote on the OA: what was held for the next window goes now. */
  released(chatId: string): Promise<number>;
}
