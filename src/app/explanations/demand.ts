// Demands for explanation (yêu cầu giải trình, PRODUCT.md §3; issue 4 §5): on an overdue, flagged or escalated item a
// superior demands a written explanation by a deadline; the person answers in chat; the demand runs on the same
// ladder (EXPLANATION_ANSWER) and both stay with the item.
import { basisOf, deliverableAt, ladderStepMs } from '../../domain/clocks/ladder.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import type { Priority } from '../../domain/priority.js';
import { EXPLANATION_LIMITS, formatExplanationCode, mayDemandExplanation } from '../../domain/signals/explanation.js';
import { mayReviewSignal } from '../../domain/signals/review.js';
import { OPEN_FOR_ASSIGNEE } from '../../domain/task/types.js';
import { optionalText, requireText } from '../../domain/text/field.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { ExplanationDemand } from '../ports/stores/explanations.js';
import { notify } from '../notify.js';
import { yearIn } from '../../domain/time/local-time.js';
import { inTransaction } from '../transaction.js';
import { cbtn } from '../views/consultation-views.js';
import { demandMessage } from '../views/explanation-views.js';
import { personLabel } from '../views/people.js';
import { explanationEvent } from '../integration-events/record.js';

export type DemandTarget =
  | { kind: 'TASK'; taskId: number }
  | { kind: 'CONSULTATION'; consultationId: number; officialId: number }
  | { kind: 'SIGNAL'; signalId: number };

interface Resolved {
  itemKind: 'TASK' | 'CONSULTATION' | 'SIGNAL';
  itemId: number;
  personId: OfficialId;
  priority: Priority;
  signalId: number | null;
}

async function flaggedOrEscalated(
  app: AppContext,
  tx: StoreTx,
  requesterId: number,
  itemKind: 'TASK' | 'CONSULTATION',
  itemId: number,
  personId: number,
): Promise<boolean> {
  const [signal, escalation] = await Promise.all([
    app.stores.signals.hasLive(tx, itemKind, itemId, personId),
    app.stores.clocks.wasEscalatedTo(tx, itemKind, itemId, personId, requesterId),
  ]);
  return signal || escalation;
}

/** What the demand is about and whom it is to; refused when the requester may not demand it, or nothing calls for it. */
async function resolve(app: AppContext, tx: StoreTx, requesterId: OfficialId, target: DemandTarget, now: Date): Promise<Resolved> {
  const org = await app.org();
  if (target.kind === 'TASK') {
    const task = await app.stores.tasks.find(target.taskId, tx);
    if (!task) throw new DomainError('task-not-found');
    if (!mayDemandExplanation(org, requesterId, task.assigneeId, { assignerId: task.assignerId })) throw new DomainError('explain-not-allowed');
    const overdue = task.deadline.getTime() < now.getTime() && OPEN_FOR_ASSIGNEE.includes(task.status);
    const lateDone = task.completedAt !== null && task.completedAt.getTime() > task.deadline.getTime();
    if (!overdue && !lateDone && !(await flaggedOrEscalated(app, tx, requesterId, 'TASK', task.id, task.assigneeId)))
      throw new DomainError('explain-not-applicable', { code: task.code });
    return { itemKind: 'TASK', itemId: task.id, personId: task.assigneeId, priority: task.priority, signalId: null };
  }
  if (target.kind === 'CONSULTATION') {
    const file = await app.stores.consultations.load(target.consultationId, tx);
    if (!file) throw new DomainError('consult-not-found');
    const c = file.consultation;
    const r = file.respondents.find((x) => x.officialId === target.officialId);
    if (!r) throw new DomainError('consult-not-respondent', { code: c.code });
    if (!mayDemandExplanation(org, requesterId, r.officialId)) throw new DomainError('explain-not-allowed');
    const lapsed = (!r.stance && c.deadline.getTime() < now.getTime()) || (r.firstAnsweredAt !== null && r.firstAnsweredAt.getTime() > c.deadline.getTime());
    if (!lapsed && !(await flaggedOrEscalated(app, tx, requesterId, 'CONSULTATION', c.id, r.officialId)))
      throw new DomainError('explain-not-applicable', { code: c.code });
    return { itemKind: 'CONSULTATION', itemId: c.id, personId: r.officialId, priority: c.priority, signalId: null };
  }
  const s = await app.stores.signals.find(tx, target.signalId);
  if (!s) throw new DomainError('signal-not-found');
  const personId = OfficialId(s.officialId);
  if (!mayReviewSignal(org, requesterId, personId) && !mayDemandExplanation(org, requesterId, personId)) throw new DomainError('explain-not-allowed');
  const priority = await app.stores.items.priority(s.itemKind, s.itemId, tx);
  const onItem = (s.itemKind === 'TASK' || s.itemKind === 'CONSULTATION') && s.itemId !== null;
  return { itemKind: onItem ? (s.itemKind as 'TASK' | 'CONSULTATION') : 'SIGNAL', itemId: onItem ? s.itemId! : s.id, personId, priority, signalId: s.id };
}

/** The person a demand would go to, or the refusal, before the superior types anything. */
export async function previewDemand(app: AppContext, requesterId: OfficialId, target: DemandTarget): Promise<OfficialId> {
  const now = app.time.now();
  return inTransaction(app, async (tx) => {
    const r = await resolve(app, tx, requesterId, target, now);
    const open = await app.stores.explanations.openFor(tx, { itemKind: r.itemKind, itemId: r.itemId, officialId: r.personId });
    if (open) throw new DomainError('explain-open-exists', { code: open.code });
    return r.personId;
  });
}

export async function demandExplanation(
  app: AppContext,
  requesterId: OfficialId,
  target: DemandTarget,
  rawQuestion: string | null,
): Promise<ExplanationDemand> {
  const question = optionalText(rawQuestion, { max: EXPLANATION_LIMITS.question }) ?? '';
  const org = await app.org();
  const calendar = await app.calendar();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const r = await resolve(app, tx, requesterId, target, now);
    const open = await app.stores.explanations.openFor(tx, { itemKind: r.itemKind, itemId: r.itemId, officialId: r.personId });
    if (open) throw new DomainError('explain-open-exists', { code: open.code });
    const year = yearIn(app.policy.calendar.timezone, now);
    const seq = await app.stores.sequences.next(tx, `GT-${year}`);
    const window = app.policy.clocks[r.priority].explanation;
    const deadline = calendar.add(now, window);
    const demand = await app.stores.explanations.create(tx, {
      code: formatExplanationCode(year, seq),
      itemKind: r.itemKind,
      itemId: r.itemId,
      requesterId,
      officialId: r.personId,
      question,
      priority: r.priority,
      deadline,
      signalId: r.signalId,
      createdAt: now,
    });
    effects.schedule(
      await app.stores.clocks.start(tx, {
        itemKind: 'EXPLANATION',
        itemId: demand.id,
        kind: 'EXPLANATION_ANSWER',
        officialId: r.personId,
        priority: r.priority,
        dueAt: deliverableAt(deadline, r.priority, calendar),
        stepMs: ladderStepMs(app.policy.ladder, window.ms, basisOf(r.priority)),
      }),
    );
    await app.stores.audit.append(tx, {
      at: now,
      actorId: requesterId,
      action: 'explanation.demanded',
      entity: 'explanation',
      entityId: demand.id,
      data: {
        code: demand.code,
        item: `${r.itemKind}:${r.itemId}`,
        officialId: r.personId,
        deadline: deadline.toISOString(),
        ...(r.signalId ? { signalId: r.signalId } : {}),
      },
    });
    const item = await app.stores.items.summary(r.itemKind, r.itemId);
    await notify(app, tx, effects, r.personId, (t, v) => demandMessage(t, v, demand, item, org));
    await explanationEvent(app, tx, effects, demand);
    return demand;
  });
}

export async function answerExplanation(app: AppContext, actorId: OfficialId, demandId: number, raw: string): Promise<ExplanationDemand> {
  const text = requireText(raw, { min: 3, max: EXPLANATION_LIMITS.answer, missing: 'explain-answer-required' });
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await app.stores.explanations.lock(tx, demandId);
    if (!before) throw new DomainError('explain-not-found');
    if (before.officialId !== actorId) throw new DomainError('explain-not-yours', { code: before.code });
    if (before.status !== 'OPEN') throw new DomainError('explain-answered', { code: before.code });
    const demand = await app.stores.explanations.markAnswered(tx, demandId, text, now);
    await app.stores.clocks.stop(tx, 'EXPLANATION', demand.id, now, 'answered');
    await app.stores.audit.append(tx, {
      at: now,
      actorId,
      action: 'explanation.answered',
      entity: 'explanation',
      entityId: demand.id,
      data: { code: demand.code, late: now > demand.deadline },
    });
    const item = await app.stores.items.summary(demand.itemKind, demand.itemId);
    await notify(app, tx, effects, demand.requesterId, (t, v) => ({
      text: t('explain-answered-notice', {
        code: demand.code,
        who: personLabel(t, org.official(actorId)),
        item: item ? `${item.code} "${v.quote(item.title, 120)}"` : '—',
        text: v.block(text, 3000),
        at: v.dateTime(now),
        deadline: v.dateTime(demand.deadline),
      }),
      buttons: [[cbtn(t, 'btn-view', 'explain.view', demand.id)]],
    }));
    return demand;
  });
}
