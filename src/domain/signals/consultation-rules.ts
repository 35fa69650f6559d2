// Detection rules on consultations (behaviours 5, 8, 10). Pure: a consultation, one respondent's row and entries in,
// at most one signal out.
import type { Consultation, Entry, Respondent } from '../consultation/types.js';
import { roundsSinceDecision } from '../consultation/rules.js';
import type { OfficialId } from '../ids.js';
import { takeGraphemes } from '../text/graphemes.js';
import { draft, type EvidenceEvent, type SignalDraft } from './types.js';

const entryEvidence = (e: Entry): EvidenceEvent => ({
  kind: e.kind === 'ANSWER' ? 'consult.answered' : e.kind === 'DELEGATED' ? 'consult.delegated' : 'consult.free-text',
  at: e.at,
  ref: { table: 'consultation_entry', id: e.id },
  actorId: e.authorId,
  ...(e.stance ? { stance: e.stance } : {}),
  // Cut between characters people see: half an emoji would make the evidence JSON PostgreSQL refuses.
  ...(e.text ? { text: takeGraphemes(e.text, 200) } : {}),
});

export type AnswerLapseRule = 'consult-late' | 'consult-no-stance';

/**
 * Behaviour 5 for one respondent, asked at the deadline, when a reply or a stance comes after it, and at closing:
 * - no stance when the deadline passed: "consult-no-stance" if they only wrote text without a stance before it,
 *   else "consult-late" (unanswered);
 * - a stance given only after the deadline: "consult-late".
 * One lapse is one signal: when one was already raised for this respondent (`existing`), what follows is added to it.
 * A consultation closed or superseded before its deadline owed nobody anything after that.
 */
export function answerLapse(
  c: Pick<Consultation, 'id' | 'code' | 'deadline' | 'createdAt' | 'askerId' | 'closedAt'>,
  r: Pick<Respondent, 'officialId' | 'stance' | 'firstAnsweredAt'>,
  entries: readonly Entry[],
  now: Date,
  existing?: AnswerLapseRule,
): SignalDraft | null {
  const deadline = c.deadline.getTime();
  if (now.getTime() < deadline) return null;
  if (c.closedAt && c.closedAt.getTime() < deadline) return null;
  const first = r.firstAnsweredAt?.getTime();
  if (first !== undefined && first <= deadline) return null;
  const own = entries.filter((e) => e.kind === 'ANSWER' || e.kind === 'FREE_TEXT' || e.kind === 'DELEGATED');
  const textsBeforeStance = own.filter((e) => e.kind === 'FREE_TEXT' && (first === undefined || e.at.getTime() < first));
  const rule: AnswerLapseRule = existing ?? (first === undefined && textsBeforeStance.length > 0 ? 'consult-no-stance' : 'consult-late');
  const events: EvidenceEvent[] = [
    { kind: 'consult.asked', at: c.createdAt, actorId: c.askerId, ref: { table: 'consultation', id: c.id } },
    { kind: 'consult.deadline', at: c.deadline },
    ...own.map(entryEvidence),
  ];
  const facts: Record<string, string | number> = { code: c.code };
  if (first !== undefined) facts.lateMinutes = Math.round((first - deadline) / 60_000);
  return draft(rule, { officialId: r.officialId, itemKind: 'CONSULTATION', itemId: c.id, at: now, evidence: events, facts });
}

/**
 * Behaviour 8: the matter is in its n-th round without a decision (n ≥ threshold). One signal per matter, on the
 * asker of the newest round; every round is evidence. The item is the matter's first consultation.
 */
export function matterRounds(
  rounds: readonly Pick<Consultation, 'id' | 'code' | 'round' | 'status' | 'decision' | 'createdAt' | 'askerId' | 'matterId'>[],
  threshold: number,
  now: Date,
): SignalDraft | null {
  if (rounds.length === 0) return null;
  const open = roundsSinceDecision(rounds);
  if (open < threshold) return null;
  const sorted = [...rounds].sort((a, b) => a.round - b.round);
  const latest = sorted.at(-1)!;
  const matterId = latest.matterId ?? sorted[0]!.id;
  return draft('matter-rounds', {
    officialId: latest.askerId,
    itemKind: 'CONSULTATION',
    itemId: matterId,
    at: now,
    evidence: sorted.map((r) => ({
      kind: 'consult.round' as const,
      at: r.createdAt,
      ref: { table: 'consultation' as const, id: r.id },
      actorId: r.askerId,
      text: `${r.code} (${r.round})`,
    })),
    facts: { code: sorted[0]!.code, latest: latest.code, rounds: open, threshold },
  });
}

/**
 * Behaviour 10: a consultation addressed to a unit head was answered by someone else on their behalf. The signal is
 * on the head (the plan: "người đứng đầu … giao cho cấp phó trả lời"); the deputy's answer and the hand-over, if
 * any, are the evidence.
 */
export function answeredForHead(
  c: Pick<Consultation, 'id' | 'code'>,
  r: Pick<Respondent, 'officialId'>,
  answer: Entry,
  delegation: Entry | undefined,
): SignalDraft | null {
  if (answer.kind !== 'ANSWER' || answer.authorId === r.officialId) return null;
  const events: EvidenceEvent[] = [entryEvidence(answer)];
  if (delegation) events.unshift(entryEvidence(delegation));
  return draft('answered-for-head', {
    officialId: r.officialId as OfficialId,
    itemKind: 'CONSULTATION',
    itemId: c.id,
    at: answer.at,
    evidence: events,
    facts: { code: c.code, deputyId: answer.authorId },
  });
}
