import { basisOf, deliverableAt, ladderStepMs } from '../../domain/clocks/ladder.js';
import type { Consultation, Respondent } from '../../domain/consultation/types.js';
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { ConsultationFile } from '../ports/stores/consultations.js';
import type { Effects } from '../transaction.js';

export async function auditConsultation(
  app: AppContext,
  tx: StoreTx,
  at: Date,
  actorId: number | null,
  action: string,
  c: Pick<Consultation, 'id' | 'code'>,
  data: Record<string, unknown> = {},
): Promise<void> {
  await app.stores.audit.append(tx, { at, actorId, action: `consultation.${action}`, entity: 'consultation', entityId: c.id, data: { code: c.code, ...data } });
}

/**
 * The answer clock of one respondent (PRODUCT.md §4): level 0 when the deadline passes, then the ladder. Its step is
 * a share of the time given to answer, so a one-day question escalates faster than a week's.
 */
export async function startAnswerClock(app: AppContext, tx: StoreTx, effects: Effects, c: Consultation, officialId: number, from: Date): Promise<void> {
  const calendar = await app.calendar();
  const basis = basisOf(c.priority);
  const span = basis === 'wall' ? c.deadline.getTime() - from.getTime() : calendar.workingMsBetween(from, c.deadline);
  effects.schedule(
    await app.stores.clocks.start(tx, {
      itemKind: 'CONSULTATION',
      itemId: c.id,
      kind: 'CONSULTATION_ANSWER',
      officialId,
      priority: c.priority,
      dueAt: deliverableAt(c.deadline, c.priority, calendar),
      stepMs: ladderStepMs(app.policy.ladder, Math.max(span, 0), basis),
    }),
  );
}

/** A stance stops that respondent's ladder only. */
export async function stopAnswerClock(
  app: AppContext,
  tx: StoreTx,
  c: Pick<Consultation, 'id'>,
  r: Pick<Respondent, 'officialId'>,
  at: Date,
  reason: string,
): Promise<void> {
  await app.stores.clocks.stop(tx, 'CONSULTATION', c.id, at, reason, ['CONSULTATION_ANSWER'], r.officialId);
}

export async function stopAllAnswerClocks(app: AppContext, tx: StoreTx, c: Pick<Consultation, 'id'>, at: Date, reason: string): Promise<void> {
  await app.stores.clocks.stop(tx, 'CONSULTATION', c.id, at, reason, ['CONSULTATION_ANSWER']);
}

/** The consultation with its respondents and entries; refused with `consult-not-found` when there is none. */
export async function loadConsultationOrFail(app: AppContext, id: number): Promise<ConsultationFile> {
  const file = await app.stores.consultations.load(id);
  if (!file) throw new DomainError('consult-not-found');
  return file;
}
