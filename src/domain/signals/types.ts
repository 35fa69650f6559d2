// Behaviour signals (PRODUCT.md §1, the table of the plan's 11 avoidance behaviours): a record that something in the
// data looks like one of the behaviours, with the events that raised it. Evidence, not a verdict: a head confirms or
// dismisses it, and only confirmed signals count.
import type { OfficialId } from '../ids.js';

export const BEHAVIOURS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

/** Detection rules and the behaviour each one is evidence of. */
export const DETECTED_RULES = {
  /** 1: a task past its deadline and not done (or done only after it). */
  'task-overdue': 1,
  /** 2: an URGENT task not accepted within its time to accept. */
  'urgent-not-accepted': 2,
  /** 2: an URGENT task accepted but not started (no progress report) within the start window. */
  'urgent-not-started': 2,
  /** 4: a decline the assigner ruled within the person's duty ("giữ nguyên"). */
  'task-insisted': 4,
  /** 4: a task declined or passed on so often that it bounces. */
  'task-bounced': 4,
  /** 5: no stance by the consultation's deadline, or a stance only after it. */
  'consult-late': 5,
  /** 5: a reply without a stance and no stance by the deadline. */
  'consult-no-stance': 5,
  /** 6: no progress report within the reporting interval, or a report after it. */
  'task-progress-late': 6,
  /** 8: the same matter consulted in many rounds without a decision. */
  'matter-rounds': 8,
  /** 10: a consultation addressed to a head answered by a deputy on their behalf. */
  'answered-for-head': 10,
} as const satisfies Record<string, Behaviour>;

export type DetectedRule = keyof typeof DETECTED_RULES;

/** Behaviours nothing in the data shows: heads record them by hand, with a note. */
export const MANUAL_BEHAVIOURS = [3, 7, 9, 11] as const satisfies readonly Behaviour[];
export type ManualBehaviour = (typeof MANUAL_BEHAVIOURS)[number];

export function manualRule(behaviour: ManualBehaviour): string {
  return `manual-${behaviour}`;
}

export function isManualBehaviour(n: number): n is ManualBehaviour {
  return (MANUAL_BEHAVIOURS as readonly number[]).includes(n);
}

export type SignalItemKind = 'TASK' | 'CONSULTATION';

/** One event behind a signal: what happened, when, and the row it lives in. */
export interface EvidenceEvent {
  kind:
    | 'task.assigned'
    | 'task.accept-due'
    | 'task.accepted'
    | 'task.start-due'
    | 'task.progress-due'
    | 'task.reported'
    | 'task.deadline'
    | 'task.completed'
    | 'task.declined'
    | 'task.reassigned'
    | 'task.insisted'
    | 'consult.asked'
    | 'consult.deadline'
    | 'consult.answered'
    | 'consult.free-text'
    | 'consult.delegated'
    | 'consult.round';
  at: Date;
  /** The task event, consultation entry or consultation the event is stored as. */
  ref?: { table: 'task_event' | 'consultation_entry' | 'consultation'; id: number };
  actorId?: number;
  /** A short text: a reason, a reply, a round's code. */
  text?: string;
  /** The stance of an answer. */
  stance?: string;
}

/** What a rule found: one signal, before it is stored (or merged into the one already stored for the same lapse). */
export interface SignalDraft {
  behaviour: Behaviour;
  rule: DetectedRule;
  officialId: OfficialId;
  itemKind: SignalItemKind;
  itemId: number;
  at: Date;
  evidence: EvidenceEvent[];
  /** Figures shown with the signal (bounce count, rounds, days late). */
  facts: Record<string, string | number>;
}

export function draft(rule: DetectedRule, fields: Omit<SignalDraft, 'behaviour' | 'rule'>): SignalDraft {
  return { behaviour: DETECTED_RULES[rule], rule, ...fields };
}
