// Consultations (xin ý kiến, PRODUCT.md §3): a question to one or more respondents, who must answer with a stance.
import type { ConsultationId, OfficialId, UnitId } from '../ids.js';
import type { Priority } from '../priority.js';

export const STANCES = ['AGREE', 'DISAGREE', 'AGREE_WITH_AMENDMENTS'] as const;
export type Stance = (typeof STANCES)[number];

export type ConsultationStatus = 'OPEN' | 'CLOSED' | 'SUPERSEDED';
export type EntryKind = 'ANSWER' | 'FREE_TEXT' | 'CLARIFICATION_QUESTION' | 'CLARIFICATION_REPLY' | 'DELEGATED';

export interface Consultation {
  id: ConsultationId;
  code: string;
  year: number;
  seq: number;
  subject: string;
  question: string;
  askerId: OfficialId;
  /** The asker's unit when asked. */
  unitId: UnitId;
  priority: Priority;
  deadline: Date;
  status: ConsultationStatus;
  round: number;
  /** The first consultation of the matter (its own id in round 1). */
  matterId: number | null;
  previousId: number | null;
  taskId: number | null;
  decision: string | null;
  /** When it was closed with a decision or superseded by a new round. */
  closedAt: Date | null;
  createdAt: Date;
}

export interface Respondent {
  id: number;
  consultationId: number;
  officialId: OfficialId;
  stance: Stance | null;
  stanceText: string | null;
  answeredAt: Date | null;
  firstAnsweredAt: Date | null;
  /** Who gave the stance when not the addressee (a deputy for their head). */
  answeredById: OfficialId | null;
  clarificationAskedAt: Date | null;
  lastFreeTextAt: Date | null;
  /** The deputy a head handed this answer to. */
  delegateId: OfficialId | null;
  delegatedAt: Date | null;
}

export interface Entry {
  id: number;
  consultationId: number;
  respondentId: number | null;
  authorId: OfficialId;
  kind: EntryKind;
  stance: Stance | null;
  text: string | null;
  at: Date;
}

/** Code `YK-<year>-<seq>`, e.g. YK-2026-0031. */
export function formatConsultationCode(year: number, seq: number): string {
  return `YK-${year}-${String(seq).padStart(4, '0')}`;
}

/** Where a respondent stands: a stance given; only text without a stance; nothing yet. */
export type RespondentState = 'answered' | 'no-stance' | 'waiting';

export function respondentState(r: Pick<Respondent, 'stance' | 'lastFreeTextAt'>): RespondentState {
  if (r.stance) return 'answered';
  return r.lastFreeTextAt ? 'no-stance' : 'waiting';
}
