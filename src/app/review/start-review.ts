// A head starts a backlog review of their unit subtree (plan III.5, issue 16): every open task past its deadline or
// open longer than the policy's threshold becomes an item its owner must decide, each on its own clock.
import { DomainError } from '../../domain/errors.js';
import type { OfficialId } from '../../domain/ids.js';
import { REVIEWABLE_STATUSES, reviewWhy } from '../../domain/review/backlog.js';
import type { AppContext } from '../context.js';
import { notifyMany } from '../notify.js';
import type { ReviewItemRow, ReviewRow } from '../ports/stores/review.js';
import { yearIn } from '../../domain/time/local-time.js';
import { inTransaction } from '../transaction.js';
import { startDecisionClock } from './review-clocks.js';
import { ownerCard } from './review-views.js';

export function reviewCode(year: number, n: number): string {
  return `RS-${year}-${String(n).padStart(4, '0')}`;
}

/** Only a unit's head reviews its subtree (the one who answers for it, plan III.5). */
export async function assertHead(app: AppContext, officialId: OfficialId) {
  const org = await app.org();
  const head = org.official(officialId);
  if (!head || !head.active || head.role !== 'HEAD') throw new DomainError('review-not-head');
  return { org, head };
}

export async function startReview(app: AppContext, headId: OfficialId): Promise<{ review: ReviewRow; items: ReviewItemRow[] }> {
  const { org, head } = await assertHead(app, headId);
  const calendar = await app.calendar();
  const store = app.stores.review;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const open = await store.openOfHead(headId, tx);
    if (open) throw new DomainError('review-already-open', { code: open.code });
    const staleBefore = calendar.subtract(now, app.policy.review.staleAfter);
    const candidates = await store.openTasksOfUnits(tx, org.subtreeUnitIds(head.unitId), REVIEWABLE_STATUSES);
    const chosen = candidates.flatMap((c) => {
      const why = reviewWhy(c, now, staleBefore);
      return why ? [{ c, why }] : [];
    });
    if (chosen.length === 0) throw new DomainError('review-nothing', { stale: app.policy.review.staleAfter.ms });
    const year = yearIn(app.policy.calendar.timezone, now);
    const review = await store.create(tx, {
      code: reviewCode(year, await store.nextNumber(tx, year)),
      headId,
      unitId: head.unitId,
      staleAfter: String(app.policy.review.staleAfter.ms),
      startedAt: now,
    });
    const items = await store.addItems(
      tx,
      chosen.map(({ c, why }) => ({ reviewId: review.id, taskId: c.id, ownerId: c.assigneeId, why, statusAtStart: c.status, deadlineAtStart: c.deadline })),
    );
    const byTask = new Map(chosen.map(({ c }) => [c.id, c]));
    const cards = [];
    for (const item of items) {
      const decideBy = await startDecisionClock(app, tx, effects, item.id, item.ownerId, now);
      const task = byTask.get(item.taskId)!;
      cards.push({
        recipientId: item.ownerId,
        render: (t: Parameters<typeof ownerCard>[0], v: Parameters<typeof ownerCard>[1]) =>
          ownerCard(t, v, org, { reviewCode: review.code, headId, itemId: item.id, task }, decideBy),
      });
    }
    await store.audit(tx, {
      at: now,
      actorId: headId,
      action: 'review.started',
      entity: 'review',
      entityId: review.id,
      data: { code: review.code, unitId: head.unitId, items: items.map((i) => ({ item: i.id, task: i.taskId, owner: i.ownerId, why: i.why })) },
    });
    await notifyMany(app, tx, effects, cards);
    return { review, items };
  });
}

/** The head closes the review: clocks of undecided items stop; what was decided stays as it is. */
export async function closeReview(app: AppContext, headId: OfficialId, reviewId: number): Promise<ReviewRow> {
  const store = app.stores.review;
  const items = await store.items(reviewId);
  return inTransaction(app, async (tx) => {
    const now = app.time.now();
    const open = await store.openOfHead(headId, tx);
    if (!open || open.id !== reviewId) throw new DomainError('review-closed');
    await store.close(tx, reviewId, now);
    for (const i of items) await store.stopClocks(tx, i.id, now, 'review-closed');
    await store.audit(tx, { at: now, actorId: headId, action: 'review.closed', entity: 'review', entityId: reviewId, data: { code: open.code } });
    return { ...open, closedAt: now };
  });
}
