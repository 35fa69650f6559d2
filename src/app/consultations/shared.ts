import type { PrismaClient, Tx } from '../../db/client.js';
import { basisOf, deliverableAt, ladderStepMs } from '../../domain/clocks/ladder.js';
import type { Consultation, Respondent } from '../../domain/consultation/types.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { Effects } from '../transaction.js';
import type { LinkedItems } from '../views/consultation-views.js';

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

/**
 * The task and the previous round a consultation points to, for its messages. Use cases call
 * `app.stores.consultations.links`; this form, over a client, remains for the chat handler that still passes `app.db`
 * (src/app/interaction/handlers/consult-actions.ts) and goes when it moves to the store.
 */
export async function linksOf(db: PrismaClient | Tx, c: Pick<Consultation, 'previousId' | 'taskId'>): Promise<LinkedItems> {
  const [previous, task] = await Promise.all([
    c.previousId ? db.consultation.findUnique({ where: { id: c.previousId }, select: { code: true } }) : null,
    c.taskId ? db.task.findUnique({ where: { id: c.taskId }, select: { code: true, title: true } }) : null,
  ]);
  return { previous: previous ?? undefined, task: task ?? undefined };
}
