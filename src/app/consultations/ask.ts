// Asking for opinions (PRODUCT.md §3 "Consultation", issue 4 §1): respondents, subject, question, deadline (default
// by priority on the working calendar), priority, an optional task, or an earlier consultation of which this is the
// next round. Each respondent gets the question with the stance buttons and their own answer clock.
import { checkNewConsultation, deputiesOf } from '../../domain/consultation/rules.js';
import { formatConsultationCode, type Consultation, type Respondent } from '../../domain/consultation/types.js';
import { mayReach, taskParties } from '../../domain/org/reach.js';
import { DomainError } from '../../domain/errors.js';
import type { OfficialId } from '../../domain/ids.js';
import { checkDeadlineHorizon } from '../../domain/policy/deadline-horizon.js';
import type { Priority } from '../../domain/priority.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { signalsForRespondent, signalsOnRound } from '../signals/consultation-signals.js';
import { yearIn } from '../../domain/time/local-time.js';
import { inTransaction } from '../transaction.js';
import { questionMessage } from '../views/consultation-views.js';
import type { ConsultationFile } from '../ports/stores/consultations.js';
import { auditConsultation, startAnswerClock, stopAllAnswerClocks } from './shared.js';

export interface AskInput {
  respondentIds: OfficialId[];
  subject: string;
  question: string;
  /** Null: the policy's default for the priority (`clocks[priority].answer`), on the working calendar. */
  deadline: Date | null;
  priority: Priority | null;
  taskId?: number | null;
  /** The earlier consultation of the same matter: this one is its next round. */
  previousId?: number | null;
  /** The id another system gave this request; unique, so a retried script cannot ask twice. */
  externalRef?: string | null;
}

export interface AskResult {
  consultation: Consultation;
  respondents: Respondent[];
  /** Respondents with no reachable chat: asked all the same, the digest and /ykien show it. */
  unreachable: OfficialId[];
}

/** When an answer is due by default: the policy's answer time for the priority from now, on the working calendar. */
export async function defaultAnswerDeadline(app: AppContext, priority: Priority, from: Date = app.time.now()): Promise<Date> {
  const calendar = await app.calendar();
  return calendar.add(from, app.policy.clocks[priority].answer);
}

export async function askForOpinion(app: AppContext, askerId: OfficialId, input: AskInput): Promise<AskResult> {
  const now = app.time.now();
  const org = await app.org();
  const asker = org.official(askerId);
  if (!asker?.active) throw new DomainError('account-inactive');
  const deadline = input.deadline ?? (input.priority ? await defaultAnswerDeadline(app, input.priority, now) : null);
  const clear = checkNewConsultation(
    { askerId, respondentIds: input.respondentIds, subject: input.subject, question: input.question, deadline, priority: input.priority },
    now,
  );
  checkDeadlineHorizon(clear.deadline, now, app.policy.maxDeadlineYears);
  for (const id of clear.respondentIds) if (!org.official(id)?.active) throw new DomainError('consult-respondent-unknown');
  const year = yearIn(app.policy.calendar.timezone, now);

  const { consultations } = app.stores;
  return inTransaction(app, async (tx, effects) => {
    let round = 1;
    let matterId: number | null = null;
    let previousId: number | null = null;
    if (input.previousId) {
      const prevFile = await consultations.lock(tx, input.previousId);
      const prev = prevFile.consultation;
      if (prev.askerId !== askerId) throw new DomainError('consult-not-asker', { code: prev.code });
      const next = await consultations.nextRoundOf(tx, prev.id);
      if (next) throw new DomainError('consult-round-exists', { code: prev.code, next: next.code });
      round = prev.round + 1;
      matterId = prev.matterId ?? prev.id;
      previousId = prev.id;
      if (prev.status === 'OPEN') {
        await consultations.update(tx, prev.id, { status: 'SUPERSEDED', closedAt: now });
        await stopAllAnswerClocks(app, tx, prev, now, 'superseded');
        await auditConsultation(app, tx, now, askerId, 'superseded', prev);
        // Who had let the deadline pass without a stance keeps that on record, even if its clock had not fired yet.
        const superseded = { ...prevFile, consultation: { ...prev, status: 'SUPERSEDED' as const, closedAt: now } };
        for (const r of prevFile.respondents) if (!r.stance) await signalsForRespondent(app, tx, superseded, r, now);
      }
    }
    let taskId: number | null = null;
    if (input.taskId) {
      const task = await app.stores.tasks.find(input.taskId, tx);
      if (!task) throw new DomainError('task-not-found');
      if (!mayReach(org, askerId, taskParties(task))) throw new DomainError('task-not-visible');
      taskId = task.id;
    }

    const seq = await app.stores.sequences.next(tx, `YK-${year}`);
    const consultation = await consultations.create(tx, {
      code: formatConsultationCode(year, seq),
      year,
      seq,
      subject: clear.subject,
      question: clear.question,
      askerId,
      unitId: asker.unitId,
      priority: clear.priority,
      deadline: clear.deadline,
      round,
      matterId,
      previousId,
      taskId,
      externalRef: input.externalRef ?? null,
      createdAt: now,
    });
    const respondents = await consultations.addRespondents(tx, consultation.id, clear.respondentIds);
    await auditConsultation(app, tx, now, askerId, 'asked', consultation, {
      respondents: clear.respondentIds,
      deadline: consultation.deadline.toISOString(),
      priority: consultation.priority,
      round,
      ...(previousId ? { previousId } : {}),
      ...(taskId ? { taskId } : {}),
    });

    const links = await consultations.links(consultation, tx);
    const unreachable: OfficialId[] = [];
    for (const r of respondents) {
      await startAnswerClock(app, tx, effects, consultation, r.officialId, now);
      const canDelegate = deputiesOf(org, r.officialId).length > 0;
      const sent = await notify(app, tx, effects, r.officialId, (t, v) => questionMessage(t, v, consultation, r, org, links, { canDelegate }));
      if (sent === null) unreachable.push(r.officialId);
    }
    if (round > 1 && matterId !== null) await signalsOnRound(app, tx, matterId, now);
    return { consultation, respondents, unreachable };
  });
}

export type AskOnceResult = { created: true; result: AskResult } | { created: false; existing: ConsultationFile };

/**
 * `consult create --ref`: the request another system already made under this id, or a new one. Two calls racing
 * with the same id meet at the unique index; the loser returns the winner's consultation.
 */
export async function askForOpinionOnce(app: AppContext, askerId: OfficialId, input: AskInput & { externalRef: string }): Promise<AskOnceResult> {
  const { consultations } = app.stores;
  const existing = await consultations.findByExternalRef(input.externalRef);
  if (existing) return { created: false, existing: await loadOrFail(app, existing.id) };
  try {
    return { created: true, result: await askForOpinion(app, askerId, input) };
  } catch (e) {
    const winner = app.stores.isUniqueViolation(e) ? await consultations.findByExternalRef(input.externalRef) : undefined;
    if (winner) return { created: false, existing: await loadOrFail(app, winner.id) };
    throw e;
  }
}

async function loadOrFail(app: AppContext, id: number): Promise<ConsultationFile> {
  const file = await app.stores.consultations.load(id);
  if (!file) throw new DomainError('consult-not-found');
  return file;
}
