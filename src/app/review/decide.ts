// Decisions on review items (issue 16.1). The owner's decision is applied through the task's own use case — done:
// completion (acceptance first if it was never accepted), keep: an extension request to the assigner — so the state
// machine, the clocks, the signals and the audit log of the task see it as they see any other answer. Transfer and
// drop are proposals: the head agrees or not; when the head did not assign the task, the agreement is forwarded to
// the assigner, the only one the state machine lets cancel it or take it back. The use case runs first, in its own
// transaction; the review item is written after it: a use case that refuses (a stale state, a date not later) leaves
// the item as it was, and an item whose task closed by itself counts as settled (review-views.ts itemState).
import { DomainError } from '../../domain/errors.js';
import { OfficialId, TaskId } from '../../domain/ids.js';
import { checkDeadlineHorizon } from '../../domain/policy/deadline-horizon.js';
import { deciderAfterHeadAgreed, needsHead, REVIEWABLE_STATUSES, transferApplies, type ReviewDecision } from '../../domain/review/backlog.js';
import { LIMITS, checkReason } from '../../domain/task/five-clear.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import type { ReviewItemChange, ReviewItemView } from '../ports/stores/review.js';
import { cancelTask } from '../tasks/assigner-decisions.js';
import { acceptTaskIn, declineTask, requestExtension } from '../tasks/respond-to-task.js';
import { completeTaskIn } from '../tasks/work-on-task.js';
import type { StoreTx } from '../ports/stores.js';
import { type Effects, inTransaction } from '../transaction.js';
import { personLabel } from '../views/people.js';
import { startDecisionClock } from './review-clocks.js';
import { proposalCard } from './review-views.js';

export type OwnerDecision =
  | { decision: 'DONE'; result: string }
  | { decision: 'KEEP'; newDeadline: Date; reason: string }
  | { decision: 'TRANSFER'; reason: string }
  | { decision: 'DROP'; reason: string };

/** The item, checked to be this owner's and still waiting for them in an open review. */
export async function ownerItem(app: AppContext, ownerId: OfficialId, itemId: number): Promise<ReviewItemView> {
  const item = await app.stores.review.item(itemId);
  if (!item) throw new DomainError('review-item-not-found');
  if (item.ownerId !== ownerId) throw new DomainError('review-item-not-yours', { code: item.task.code });
  if (item.outcome !== 'PENDING_OWNER') throw new DomainError('review-item-decided', { code: item.task.code });
  if (!REVIEWABLE_STATUSES.includes(item.task.status) || item.task.assigneeId !== ownerId)
    throw new DomainError('review-item-settled', { code: item.task.code });
  const review = await app.stores.review.byCode(item.reviewCode);
  if (review?.closedAt) throw new DomainError('review-closed');
  return item;
}

/** The owner decides one item. */
export async function decideItem(app: AppContext, ownerId: OfficialId, itemId: number, d: OwnerDecision): Promise<ReviewItemView> {
  const item = await ownerItem(app, ownerId, itemId);
  const taskId = TaskId(item.taskId);
  let note: string;
  let change: ReviewItemChange;
  const now = () => app.time.now();
  switch (d.decision) {
    case 'DONE': {
      note = checkReason(d.result, LIMITS.note);
      // Accepting, completing and recording the decision are one change: accepting alone starts the task's clocks,
      // and an overdue reminder fired between two transactions reached the owner after "done" was recorded.
      const result = note;
      return record(app, ownerId, item, d.decision, note, { outcome: 'APPLIED', applied: 'completed', appliedAt: now() }, async (tx, effects) => {
        if (item.task.status === 'ASSIGNED') await acceptTaskIn(app, tx, effects, ownerId, taskId);
        await completeTaskIn(app, tx, effects, ownerId, taskId, result);
      });
    }
    case 'KEEP': {
      note = checkReason(d.reason);
      checkDeadlineHorizon(d.newDeadline, now(), app.policy.maxDeadlineYears);
      await requestExtension(app, ownerId, taskId, d.newDeadline, note);
      change = { outcome: 'APPLIED', applied: 'extension-requested', appliedAt: now(), newDeadline: d.newDeadline };
      break;
    }
    case 'TRANSFER':
    case 'DROP':
      note = checkReason(d.reason);
      change = { outcome: 'PENDING_HEAD', deciderId: item.headId };
      break;
  }
  return record(app, ownerId, item, d.decision, note, change);
}

async function record(
  app: AppContext,
  ownerId: OfficialId,
  item: ReviewItemView,
  decision: ReviewDecision,
  note: string,
  change: ReviewItemChange,
  apply?: (tx: StoreTx, effects: Effects) => Promise<void>,
): Promise<ReviewItemView> {
  const org = await app.org();
  const store = app.stores.review;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const locked = await store.lockItem(tx, item.id);
    if (!locked || locked.outcome !== 'PENDING_OWNER') throw new DomainError('review-item-decided', { code: item.task.code });
    await apply?.(tx, effects);
    await store.updateItem(tx, item.id, { ...change, decision, note, decidedAt: now });
    await store.stopClocks(tx, item.id, now, 'decided', ownerId);
    await store.audit(tx, {
      at: now,
      actorId: ownerId,
      action: 'review.decided',
      entity: 'review_item',
      entityId: item.id,
      data: {
        review: item.reviewCode,
        task: item.task.code,
        decision,
        applied: change.applied ?? null,
        ...(change.newDeadline ? { newDeadline: change.newDeadline.toISOString() } : {}),
      },
    });
    const updated: ReviewItemView = { ...item, ...change, decision, note, decidedAt: now };
    if (needsHead(decision)) {
      await startDecisionClock(app, tx, effects, item.id, item.headId, now);
      await notify(app, tx, effects, item.headId, (t, v) => proposalCard(t, v, org, updated));
    }
    return updated;
  });
}

/** The head (or the assigner it was forwarded to) agrees to a proposal or not (a reason is required to refuse). */
export async function decideProposal(
  app: AppContext,
  actorId: OfficialId,
  itemId: number,
  agree: boolean,
  refusal?: string,
): Promise<{ item: ReviewItemView; result: 'applied' | 'forwarded' | 'refused' }> {
  const store = app.stores.review;
  const item = await store.item(itemId);
  if (!item) throw new DomainError('review-item-not-found');
  if (item.outcome !== 'PENDING_HEAD') throw new DomainError('review-item-decided', { code: item.task.code });
  if (item.deciderId !== actorId) throw new DomainError('review-item-not-yours', { code: item.task.code });
  const org = await app.org();

  if (!agree) {
    const reason = checkReason(refusal ?? '');
    const updated = await finish(
      app,
      actorId,
      item,
      { outcome: 'REFUSED', headNote: reason, headDecidedById: actorId, headDecidedAt: app.time.now() },
      'refused',
      (t, v) => ({
        text: t('review-refused-notice', {
          code: item.task.code,
          who: personLabel(t, org.official(actorId)),
          decision: item.decision ?? 'DROP',
          reason: v.block(reason),
        }),
      }),
    );
    return { item: updated, result: 'refused' };
  }

  const { decider, forwarded } = deciderAfterHeadAgreed(actorId, item.task.assignerId);
  if (forwarded) {
    const updated = await inTransaction(app, async (tx, effects) => {
      const now = app.time.now();
      const locked = await store.lockItem(tx, item.id);
      if (!locked || locked.outcome !== 'PENDING_HEAD' || locked.deciderId !== actorId) throw new DomainError('review-item-decided', { code: item.task.code });
      const change: ReviewItemChange = { deciderId: decider, headDecidedById: actorId, headDecidedAt: now };
      await store.updateItem(tx, item.id, change);
      await store.stopClocks(tx, item.id, now, 'forwarded', actorId);
      await startDecisionClock(app, tx, effects, item.id, decider, now);
      await store.audit(tx, {
        at: now,
        actorId,
        action: 'review.forwarded',
        entity: 'review_item',
        entityId: item.id,
        data: { review: item.reviewCode, task: item.task.code, to: decider },
      });
      const next: ReviewItemView = { ...item, ...change };
      await notify(app, tx, effects, decider, (t, v) => proposalCard(t, v, org, next, actorId));
      return next;
    });
    return { item: updated, result: 'forwarded' };
  }

  // The decider is the task's assigner: the proposal is applied through the task's own use case.
  const reason = item.note ?? '';
  const taskId = TaskId(item.taskId);
  let applied: string;
  if (item.decision === 'TRANSFER' && transferApplies(item.task.status) === 'decline') {
    // Before acceptance the transfer is the owner's decline; the assigner then reassigns it (the decline message).
    await declineTask(app, OfficialId(item.ownerId), taskId, reason);
    applied = 'declined';
  } else {
    await cancelTask(app, actorId, taskId, reason);
    applied = 'cancelled';
  }
  const now = app.time.now();
  const updated = await finish(
    app,
    actorId,
    item,
    { outcome: 'APPLIED', applied, appliedAt: now, headDecidedById: item.headDecidedById ?? actorId, headDecidedAt: item.headDecidedAt ?? now },
    'agreed',
    (t) => ({
      text: t('review-agreed-notice', { code: item.task.code, who: personLabel(t, org.official(actorId)), decision: item.decision ?? 'DROP', applied }),
    }),
  );
  return { item: updated, result: 'applied' };
}

async function finish(
  app: AppContext,
  actorId: OfficialId,
  item: ReviewItemView,
  change: ReviewItemChange,
  what: 'agreed' | 'refused',
  message: Parameters<typeof notify>[4],
): Promise<ReviewItemView> {
  const store = app.stores.review;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const locked = await store.lockItem(tx, item.id);
    if (!locked || locked.outcome !== 'PENDING_HEAD') throw new DomainError('review-item-decided', { code: item.task.code });
    await store.updateItem(tx, item.id, change);
    await store.stopClocks(tx, item.id, now, what);
    await store.audit(tx, {
      at: now,
      actorId,
      action: `review.${what}`,
      entity: 'review_item',
      entityId: item.id,
      data: { review: item.reviewCode, task: item.task.code, decision: item.decision, applied: change.applied ?? null },
    });
    await notify(app, tx, effects, item.ownerId, message);
    return { ...item, ...change };
  });
}
