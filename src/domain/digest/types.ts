// What a unit head's daily digest says (PRODUCT.md §5), as plain data: facts grouped by unit, and one head's digest
// rolled up over their unit subtree. Rendering lives in src/app/digest; the queries in src/app/digest too.
import type { IsoDate } from '../calendar/types.js';

/** Open tasks of one unit (or a subtree), by status colour (PRODUCT.md §3). */
export interface TaskCounts {
  /** Not yet accepted (or declined, waiting for the assigner), within the deadline. */
  grey: number;
  /** Accepted or in progress, within the deadline. */
  blue: number;
  /** Not overdue, due within the policy's "due soon" working days (a subset of grey + blue). */
  dueSoon: number;
  /** Overdue and not done. */
  red: number;
  /** Overdue by at most the first bucket's working days … */
  redShort: number;
  /** … by more than that and at most the second bucket's … */
  redMedium: number;
  /** … and by more. */
  redLong: number;
}

export interface ReminderCounts {
  reminders: number;
  escalations: number;
}

/** An overdue open task, for "the oldest overdue items". */
export interface OverdueTask {
  id: number;
  code: string;
  title: string;
  assigneeId: number;
  unitId: number;
  deadline: Date;
  /** Not accepted yet (ASSIGNED, or DECLINED and waiting for the assigner). */
  notAccepted: boolean;
}

/** An official nobody can reach by chat: every linked account refuses delivery, or none is linked. */
export interface ReachIssue {
  officialId: number;
  unitId: number;
  /** False: never linked a chat account. */
  linked: boolean;
  /** When the last account became unreachable (linked only). */
  since: Date | null;
}

export interface PendingSignals {
  officialId: number;
  unitId: number;
  count: number;
}

/**
 * The facts behind digests, grouped by unit (direct, not rolled up): the same shape whether loaded for one subtree
 * (a /tonghop) or for the whole organisation at once (the 07:30 run for every head).
 */
export interface DigestFacts {
  tasks: Map<number, TaskCounts>;
  consultationsOverdue: Map<number, number>;
  reminders: Map<number, ReminderCounts>;
  signals: PendingSignals[];
  reach: ReachIssue[];
  /** At least the N oldest overdue tasks of every unit in scope (enough to roll up any subtree's N oldest). */
  overdue: OverdueTask[];
}

/** The instants a digest is computed against, all derived from "now" by the working calendar. */
export interface DigestInstants {
  now: Date;
  /** Deadlines up to here are "due soon" (now + N working days). */
  dueSoonUntil: Date;
  /** Overdue since this instant or later = overdue by at most the short bucket. */
  shortSince: Date;
  /** Overdue since this instant or later (and before `shortSince`) = the medium bucket. */
  mediumSince: Date;
  /** Reminders and escalations sent from … */
  remindersFrom: Date;
  /** … to (exclusive): the previous working day, and any days off between it and today. */
  remindersTo: Date;
}

export interface DigestWindow {
  /** Today, in the organisation's time zone. */
  date: IsoDate;
  /** The previous working day … */
  previousWorkingDay: IsoDate;
  /** … through the last day before today (equal to previousWorkingDay unless days off lie between). */
  lastDayBefore: IsoDate;
}

/** Overdue buckets in working days: "up to 2", "2 to 5", "more than 5". */
export const OVERDUE_BUCKET_DAYS = { short: 2, medium: 5 } as const;

export interface OldestItem extends OverdueTask {
  overdueMs: number;
}

/** One head's (or opted-in deputy's) digest over their unit subtree. */
export interface Digest {
  recipientId: number;
  rootUnitId: number;
  /** Units below the root in the subtree. */
  subunits: number;
  window: DigestWindow;
  tasks: TaskCounts;
  consultationsOverdue: number;
  reminders: ReminderCounts;
  signalsPending: number;
  /** Of those, the ones whose reviewer is the recipient (they are the person's superior). */
  signalsForRecipient: number;
  /** Linked but unreachable, oldest first. */
  unreachable: ReachIssue[];
  /** Never linked a chat account. */
  unlinked: number;
  oldest: OldestItem[];
}

export function emptyTaskCounts(): TaskCounts {
  return { grey: 0, blue: 0, dueSoon: 0, red: 0, redShort: 0, redMedium: 0, redLong: 0 };
}

/** Nothing to say: the digest is one line. */
export function isEmptyDigest(d: Digest): boolean {
  const t = d.tasks;
  return (
    t.grey + t.blue + t.red === 0 &&
    d.consultationsOverdue === 0 &&
    d.reminders.reminders + d.reminders.escalations === 0 &&
    d.signalsPending === 0 &&
    d.unreachable.length === 0 &&
    d.unlinked === 0
  );
}
