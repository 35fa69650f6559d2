import type { CalendarConfig } from '../calendar/types.js';
import type { DeactivationLimit } from '../org/import-plan.js';
import type { ChannelName } from '../org/types.js';
import type { Priority } from '../priority.js';
import type { RecognitionCriteria } from '../recognition/criteria.js';
import type { Duration } from '../time/duration.js';

/** The clocks of one priority (PRODUCT.md §4 table). */
export interface PriorityClocks {
  /** Time to accept a task. */
  accept: Duration;
  /** Progress report interval for tasks longer than it (behaviour 6). */
  progressInterval: Duration;
  /** Reminder before the deadline. */
  beforeDeadline: Duration;
  /** Default deadline for answering a consultation (behaviour 5). */
  answer: Duration;
  /** Default deadline for answering a demand for explanation. */
  explanation: Duration;
}

export interface LadderPolicy {
  /** Level 1 repeats after this fraction of the clock … */
  stepFraction: number;
  /** … but at least this … */
  minStep: Duration;
  /** … and at most this (working-time clocks: NORMAL, HIGH). */
  maxStep: Duration;
  /**
   * Bounds of the step for clocks that run on wall time (URGENT): its 30-minute time to accept cannot wait a working
   * hour between levels. Always wall time.
   */
  urgentMinStep: Duration;
  urgentMaxStep: Duration;
  /** The highest level (default 3: the superior's superior); it then repeats once per `repeatTopEvery`. */
  topLevel: number;
  repeatTopEvery: Duration;
}

export interface SignalPolicy {
  /** Behaviour 8: the same matter in this many rounds without a decision. */
  roundsWithoutDecision: number;
  /** Behaviour 2: an URGENT task not started (first progress report) within this after acceptance. */
  urgentStartWindow: Duration;
  /** Behaviour 4: declines/reassignments of one matter that count as bouncing. */
  bouncesPerTask: number;
}

export interface DigestPolicy {
  /** Local time of the daily digest on working days, "07:30". */
  time: string;
  /** "Due soon" = due within this many working days. */
  dueSoonWorkingDays: number;
  /** How many of the oldest overdue items to list. */
  oldestOverdue: number;
}

/** Backlog review (rà soát, plan III.5) and self-review (tự soi, tự sửa, plan III.7), issue 16. */
export interface ReviewPolicy {
  /** An open task older than this (working time) is in a head's review even before its deadline. */
  staleAfter: Duration;
  /** Time an owner (or the head, for a proposal) has to decide an item before the ladder starts. */
  decideWithin: Duration;
  /** The day each year the self-review opens for everyone, "12-01" (month-day, local). */
  selfReviewDate: string;
  /** Time to write the self-review (and then for the head to comment) before the ladder starts. */
  selfReviewWithin: Duration;
}

/** Quán triệt notices (issue 15). */
export interface NoticePolicy {
  /** Default time to confirm a notice, on the working calendar (its own clock kind, NOTICE_CONFIRM). */
  confirmWithin: Duration;
  /** The largest document a notice carries, in bytes (Telegram bots send documents up to 50 MB). */
  maxFileBytes: number;
}

export interface Policy {
  calendar: CalendarConfig;
  clocks: Record<Priority, PriorityClocks>;
  ladder: LadderPolicy;
  signals: SignalPolicy;
  digest: DigestPolicy;
  /** How far ahead a deadline may be, in years from now (tasks, extensions, consultations). */
  maxDeadlineYears: number;
  /** How long an invite code stays valid. */
  inviteTtl: Duration;
  /** How long a numbered reply on a channel without buttons stays tied to its prompt. */
  promptTtl: Duration;
  /** How long an unfinished multi-step dialog is kept. */
  dialogTtl: Duration;
  /** Keep details off third-party platforms: notifications carry only code, title and deadline. */
  minimalNotifications: boolean;
  /** An organisation import that would deactivate more officials than this is refused without --allow-deactivate. */
  orgImport: DeactivationLimit;
  channels: ChannelPolicy;
  zaloOa: ZaloOaPolicy;
  review: ReviewPolicy;
  notices: NoticePolicy;
  /** When an official or a unit is exemplary in a period (issue 15). */
  recognition: RecognitionCriteria;
}

export interface ChannelPolicy {
  /** Without a choice (/kenh), or while the chosen channel is unreachable, the first reachable channel in this order. */
  fallbackOrder: ChannelName[];
}

/**
 * What happens to a notification for the OA outside the free window:
 * - `transaction`: sent as a paid transaction message (since 2026-03-01 reported as a ZBS template);
 * - `other-channel`: sent on the person's other linked channel (while there is one);
 * - `hold`: kept, and sent merged with the rest when the person next writes on the OA (the window reopens).
 */
export type OaOutsideWindow = 'transaction' | 'other-channel' | 'hold';

export interface ZaloOaPolicy {
  /** "Tư vấn" messages are free this long after the person's last message (wall time). */
  freeWindowMs: number;
  /** … and for at most this many messages without a reply. */
  unansweredCap: number;
  /** A cs message past the free window is still delivered (billed) up to this long after the last message. */
  deliveryWindowMs: number;
  outsideWindow: OaOutsideWindow;
  /** Digests and reminders on the OA carry a one-tap reply button that reopens the window. */
  nudge: boolean;
  /** Unit prices in đồng. */
  prices: { billedCsVnd: number; transactionVnd: number };
  /** Monthly budget in đồng; the admins are warned once a month at `budgetWarningShare` of it. */
  monthlyBudgetVnd: number;
  budgetWarningShare: number;
}
