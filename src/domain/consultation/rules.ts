// The rules of asking and answering (PRODUCT.md §3 "Consultation"): a consultation is clear on who is asked, about
// what, by when and how urgently; a respondent answers with a stance, and a disagreement or an amendment says why.
import { DomainError } from '../errors.js';
import type { OfficialId } from '../ids.js';
import type { OrgDirectory } from '../org/directory.js';
import type { Priority } from '../priority.js';
import { optionalText, requireText, type TextRule } from '../text/field.js';
import { fold } from '../text/normalize.js';
import type { Consultation, Respondent, Stance } from './types.js';

export const CONSULT_LIMITS = {
  subject: 300,
  question: 3000,
  stanceText: 2000,
  decision: 3000,
  clarification: 1000,
  freeText: 2000,
  respondents: 30,
} as const;

const MIN_TEXT = 3;

export interface NewConsultationInput {
  askerId: OfficialId;
  respondentIds: readonly OfficialId[];
  subject: string;
  question: string;
  deadline: Date | null;
  priority: Priority | null;
}

export interface ClearConsultation {
  askerId: OfficialId;
  respondentIds: OfficialId[];
  subject: string;
  question: string;
  deadline: Date;
  priority: Priority;
}

/** A text that must say something: sanitised (src/domain/text/sanitize.ts), counted in characters people see. */
function text(value: string, max: number, shortKey: string): string {
  return requireText(value, { min: MIN_TEXT, max, missing: shortKey });
}

/** The subject is a name for the matter: one line. */
export const SUBJECT_RULE: TextRule = { min: MIN_TEXT, max: CONSULT_LIMITS.subject, missing: 'consult-clear-subject', oneLine: true };
export const QUESTION_RULE: TextRule = { min: MIN_TEXT, max: CONSULT_LIMITS.question, missing: 'consult-clear-question' };

/** Refuses a consultation that does not say who is asked, what, by when and how urgently; removes repeated names. */
export function checkNewConsultation(input: NewConsultationInput, now: Date): ClearConsultation {
  const respondentIds = [...new Set(input.respondentIds)];
  if (respondentIds.length === 0) throw new DomainError('consult-clear-respondents');
  if (respondentIds.includes(input.askerId)) throw new DomainError('consult-self');
  if (respondentIds.length > CONSULT_LIMITS.respondents) throw new DomainError('consult-too-many', { max: CONSULT_LIMITS.respondents });
  const subject = requireText(input.subject, SUBJECT_RULE);
  const question = requireText(input.question, QUESTION_RULE);
  if (input.deadline === null) throw new DomainError('consult-clear-deadline');
  if (input.deadline.getTime() <= now.getTime()) throw new DomainError('deadline-in-past');
  if (input.priority === null) throw new DomainError('five-clear-priority');
  return { askerId: input.askerId, respondentIds, subject, question, deadline: input.deadline, priority: input.priority };
}

/** A stance is the answer; "không đồng ý" needs the reason, "đồng ý có ý kiến bổ sung" the amendment. */
export function checkStance(stance: Stance, raw: string | null | undefined): string | null {
  if (stance === 'AGREE') return optionalText(raw, { max: CONSULT_LIMITS.stanceText });
  return text(raw ?? '', CONSULT_LIMITS.stanceText, stance === 'DISAGREE' ? 'consult-disagree-needs-reason' : 'consult-amend-needs-text');
}

export function checkDecision(raw: string): string {
  return text(raw, CONSULT_LIMITS.decision, 'consult-decision-required');
}

export function checkClarification(raw: string): string {
  return text(raw, CONSULT_LIMITS.clarification, 'reason-required');
}

export function checkFreeText(raw: string): string {
  return requireText(raw, { min: 1, max: CONSULT_LIMITS.freeText, missing: 'dialog-need-text' });
}

/**
 * Who may give the stance of a respondent row: the person asked; or, for a unit head, a deputy of that unit (the
 * plan's behaviour 10 — a head passing the answer to a deputy — is then recorded, not forbidden).
 */
export type AnswerRole = 'self' | 'deputy';

export function answerRole(org: OrgDirectory, actorId: OfficialId, respondent: Pick<Respondent, 'officialId' | 'delegateId'>): AnswerRole | undefined {
  if (actorId === respondent.officialId) return 'self';
  if (respondent.delegateId === actorId) return 'deputy';
  return isDeputyOf(org, actorId, respondent.officialId) ? 'deputy' : undefined;
}

/** Is `deputyId` an active deputy of the unit `headId` heads? */
export function isDeputyOf(org: OrgDirectory, deputyId: OfficialId, headId: OfficialId): boolean {
  const head = org.official(headId);
  const deputy = org.official(deputyId);
  if (!head || !deputy || !deputy.active || head.role !== 'HEAD' || deputy.role !== 'DEPUTY') return false;
  return deputy.unitId === head.unitId;
}

/** The deputies a head may hand an answer to. */
export function deputiesOf(org: OrgDirectory, headId: OfficialId) {
  const head = org.official(headId);
  if (!head || head.role !== 'HEAD') return [];
  return org.membersOf(head.unitId).filter((o) => o.role === 'DEPUTY' && o.active && o.id !== headId);
}

export type Access = 'asker' | 'respondent' | 'deputy' | 'overseer';

/**
 * Who may see a consultation (PRODUCT.md §8; issue 4 "Reach"): its asker and respondents, a deputy answering for a
 * head, and those who lead or are superior to one of them (a head sees their subtree). Nobody else.
 */
export function consultationAccess(
  org: OrgDirectory,
  viewerId: OfficialId,
  c: Pick<Consultation, 'askerId'>,
  respondents: readonly Pick<Respondent, 'officialId' | 'delegateId'>[],
): Access | undefined {
  if (c.askerId === viewerId) return 'asker';
  if (respondents.some((r) => r.officialId === viewerId)) return 'respondent';
  if (respondents.some((r) => answerRole(org, viewerId, r) === 'deputy')) return 'deputy';
  const parties = [c.askerId, ...respondents.map((r) => r.officialId)];
  if (parties.some((p) => org.oversees(viewerId, p))) return 'overseer';
  return undefined;
}

/** Text that plainly states a stance ("đồng ý", "nhất trí"): offered the buttons instead of being taken as no stance. */
export function typedStance(raw: string): Stance | undefined {
  const t = fold(raw)
    .replace(/[.!,;:]+$/g, '')
    .trim();
  if (['dong y', 'nhat tri', 'thong nhat', 'agree', 'i agree', 'toi dong y', 'dong y a'].includes(t)) return 'AGREE';
  if (['khong dong y', 'khong nhat tri', 'disagree', 'toi khong dong y'].includes(t)) return 'DISAGREE';
  if (t.startsWith('dong y co y kien bo sung') || t === 'dong y co bo sung') return 'AGREE_WITH_AMENDMENTS';
  return undefined;
}

/** Rounds of one matter since its last decision (a new round after a decision starts the count again). */
export function roundsSinceDecision(rounds: readonly Pick<Consultation, 'round' | 'status' | 'decision'>[]): number {
  const sorted = [...rounds].sort((a, b) => a.round - b.round);
  let count = 0;
  for (const r of sorted) {
    if (r.status === 'CLOSED' && r.decision) count = 0;
    else count++;
  }
  return count;
}
