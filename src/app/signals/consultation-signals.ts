// Where the consultation rules are asked: at the answer deadline (clock level 0), when a stance or a reply comes
// after it, at closing, when a new round opens, and when a deputy answers for a head.
import type { Entry, Respondent } from '../../domain/consultation/types.js';
import { answerLapse, answeredForHead, matterRounds } from '../../domain/signals/consultation-rules.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { ConsultationFile } from '../ports/stores/consultations.js';
import { existingAnswerLapse, raiseSignals } from './raise.js';

/** Behaviour 5 for one respondent (no stance by the deadline, a stance after it, only text without a stance). */
export async function signalsForRespondent(
  app: AppContext,
  tx: StoreTx,
  file: ConsultationFile,
  respondent: Respondent,
  now: Date,
  extra: Entry[] = [],
): Promise<void> {
  const c = file.consultation;
  if (now.getTime() < c.deadline.getTime()) return;
  const entries = [...file.entries, ...extra].filter((e) => e.respondentId === respondent.id);
  const existing = await existingAnswerLapse(app, tx, c.id, respondent.officialId);
  await raiseSignals(app, tx, [answerLapse(c, respondent, entries, now, existing)]);
}

/** Behaviour 8: the new round makes the matter one consulted too many times without a decision. */
export async function signalsOnRound(app: AppContext, tx: StoreTx, matterId: number, now: Date): Promise<void> {
  const rounds = await app.stores.consultations.roundsOfMatter(tx, matterId);
  await raiseSignals(app, tx, [matterRounds(rounds, app.policy.signals.roundsWithoutDecision, now)]);
}

/** Behaviour 10: a deputy gave the stance of a head. */
export async function signalsOnDeputyAnswer(app: AppContext, tx: StoreTx, file: ConsultationFile, respondent: Respondent, answer: Entry): Promise<void> {
  const delegation = [...file.entries].reverse().find((e) => e.kind === 'DELEGATED' && e.respondentId === respondent.id);
  await raiseSignals(app, tx, [answeredForHead(file.consultation, respondent, answer, delegation)]);
}
