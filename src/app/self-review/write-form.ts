// Writing a self-review (issue 16.2): the person's self-assessment and proposed rating, then the head's comment and
// proposed rating. Each version is kept (self_review_entry) with, for the person's, the figures shown when they wrote
// it; the form holds the latest of each. Only the person writes their part; only someone above them comments.
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import type { Period } from '../../domain/report/period.js';
import { mayCommentSelfReview, mayReadSelfReview, mayWriteSelfReview, type Rating } from '../../domain/review/self-review.js';
import { checkReason } from '../../domain/task/five-clear.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import type { SelfReviewCycleRow, SelfReviewRow } from '../ports/stores/self-review.js';
import { inTransaction } from '../transaction.js';
import { personLabel } from '../views/people.js';
import { btn } from '../views/task-views.js';
import { figuresOf } from './figures.js';
import { startSelfReviewClock } from './self-review-clocks.js';

/** A self-assessment is short: a few paragraphs, as on the paper form. */
export const ASSESSMENT_MAX = 2000;

export function periodOf(cycle: SelfReviewCycleRow): Period {
  const year = Number(cycle.periodFrom.slice(0, 4));
  const whole = cycle.periodFrom === `${year}-01-01` && cycle.periodTo === `${year}-12-31`;
  return whole ? { kind: 'year', year, from: cycle.periodFrom, to: cycle.periodTo } : { kind: 'range', year, from: cycle.periodFrom, to: cycle.periodTo };
}

/** The form and its round, if `actorId` may read it. */
export async function readableForm(app: AppContext, actorId: OfficialId, formId: number): Promise<{ form: SelfReviewRow; cycle: SelfReviewCycleRow }> {
  const form = await app.stores.selfReview.formById(formId);
  if (!form) throw new DomainError('self-review-not-found');
  if (!mayReadSelfReview(await app.org(), actorId, OfficialId(form.officialId))) throw new DomainError('self-review-not-yours');
  const cycle = (await app.stores.selfReview.cycleById(form.cycleId))!;
  return { form, cycle };
}

export async function submitSelfReview(app: AppContext, actorId: OfficialId, formId: number, text: string, rating: Rating): Promise<SelfReviewRow> {
  const assessment = checkReason(text, ASSESSMENT_MAX);
  const { form, cycle } = await readableForm(app, actorId, formId);
  if (!mayWriteSelfReview(actorId, OfficialId(form.officialId))) throw new DomainError('self-review-not-yours');
  const org = await app.org();
  const shown = await figuresOf(app, periodOf(cycle), form.officialId);
  const superior = org.superiorOf(actorId);
  const store = app.stores.selfReview;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    if (!(await store.lockForm(tx, formId))) throw new DomainError('self-review-not-found');
    const saved = await store.saveSelf(tx, formId, {
      text: assessment,
      rating,
      at: now,
      figures: { figures: shown.figures, items: shown.items, extras: shown.extras.map(([n, f]) => [n, { count: f.count, items: f.items }]) },
    });
    await store.stopClocks(tx, formId, now, 'written', actorId);
    await store.audit(tx, { at: now, actorId, action: 'self-review.written', entity: 'self_review', entityId: formId, data: { rating, cycle: cycle.id } });
    if (superior) {
      await startSelfReviewClock(app, tx, effects, formId, superior.id, now);
      await notify(app, tx, effects, superior.id, (t) => ({
        text: t('self-review-written-notice', { who: personLabel(t, org.official(actorId)), rating }),
        buttons: [[btn(t, 'btn-self-review-head', 'self.view', formId)]],
      }));
    }
    return saved;
  });
}

export async function commentSelfReview(app: AppContext, actorId: OfficialId, formId: number, text: string, rating: Rating): Promise<SelfReviewRow> {
  const comment = checkReason(text, ASSESSMENT_MAX);
  const org = await app.org();
  const { form, cycle } = await readableForm(app, actorId, formId);
  if (!mayCommentSelfReview(org, actorId, OfficialId(form.officialId))) throw new DomainError('self-review-not-yours');
  const store = app.stores.selfReview;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    if (!(await store.lockForm(tx, formId))) throw new DomainError('self-review-not-found');
    const saved = await store.saveHead(tx, formId, { headId: actorId, text: comment, rating, at: now });
    await store.stopClocks(tx, formId, now, 'commented', actorId);
    await store.audit(tx, {
      at: now,
      actorId,
      action: 'self-review.commented',
      entity: 'self_review',
      entityId: formId,
      data: { rating, cycle: cycle.id, person: form.officialId },
    });
    await notify(app, tx, effects, form.officialId, (t, v) => ({
      text: t('self-review-commented-notice', { who: personLabel(t, org.official(actorId)), rating, comment: v.block(comment) }),
      buttons: [[btn(t, 'btn-self-open', 'self.view', formId)]],
    }));
    return saved;
  });
}
