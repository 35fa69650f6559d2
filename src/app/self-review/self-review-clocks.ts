// SELF_REVIEW on the ladder: the person's clock until they write the form, then their head's until the head comments.
import { basisOf, deliverableAt, ladderStepMs } from '../../domain/clocks/ladder.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { Effects } from '../transaction.js';

export async function startSelfReviewClock(app: AppContext, tx: StoreTx, effects: Effects, formId: number, officialId: number, from: Date): Promise<Date> {
  const calendar = await app.calendar();
  const within = app.policy.review.selfReviewWithin;
  const dueAt = deliverableAt(calendar.add(from, within), 'NORMAL', calendar);
  effects.schedule(
    await app.stores.selfReview.startClock(tx, {
      itemKind: 'SELF_REVIEW',
      itemId: formId,
      kind: 'SELF_REVIEW',
      officialId,
      priority: 'NORMAL',
      dueAt,
      stepMs: ladderStepMs(app.policy.ladder, within.ms, basisOf('NORMAL')),
    }),
  );
  return dueAt;
}
