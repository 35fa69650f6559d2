// The review's own clock (REVIEW_DECISION) on the ladder: one per item for whoever must decide it now, the owner
// and then, for a proposal, the head (or the assigner it was forwarded to).
import { basisOf, deliverableAt, ladderStepMs } from '../../domain/clocks/ladder.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { Effects } from '../transaction.js';

/** Starts the decision clock of an item for `officialId`; returns when it runs out. */
export async function startDecisionClock(app: AppContext, tx: StoreTx, effects: Effects, itemId: number, officialId: number, from: Date): Promise<Date> {
  const calendar = await app.calendar();
  const within = app.policy.review.decideWithin;
  const dueAt = deliverableAt(calendar.add(from, within), 'NORMAL', calendar);
  const clock = await app.stores.review.startClock(tx, {
    itemKind: 'REVIEW_ITEM',
    itemId,
    kind: 'REVIEW_DECISION',
    officialId,
    priority: 'NORMAL',
    dueAt,
    stepMs: ladderStepMs(app.policy.ladder, within.ms, basisOf('NORMAL')),
  });
  effects.schedule(clock);
  return dueAt;
}
