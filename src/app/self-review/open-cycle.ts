// Opening a self-review round (issue 16.2): every active official gets a form for the period, a clock to write it
// and a message. The yearly round opens by itself on the policy's day (review.selfReviewDate, 1 December by
// default) for the calendar year; an admin opens one for any period on demand (CLI `selfreview open`).
import { DomainError } from '../../domain/errors.js';
import { yearPeriod, type Period } from '../../domain/report/period.js';
import { selfReviewDue } from '../../domain/review/self-review.js';
import type { AppContext } from '../context.js';
import { notifyMany } from '../notify.js';
import type { SelfReviewCycleRow } from '../ports/stores/self-review.js';
import { buildReport } from '../reports/build-report.js';
import { figureLines, periodLabel } from '../reports/report-summary.js';
import { emptyFigures } from '../../domain/report/metrics.js';
import { btn } from '../views/task-views.js';
import { inTransaction } from '../transaction.js';
import { startSelfReviewClock } from './self-review-clocks.js';

export async function openSelfReview(app: AppContext, period: Period, openedById: number | null): Promise<{ cycle: SelfReviewCycleRow; forms: number }> {
  const org = await app.org();
  const store = app.stores.selfReview;
  // Everyone's figures in one computation of the evaluation report (the form recomputes them when opened).
  const report = await buildReport({ stores: app.stores, calendar: await app.calendar(), org, policy: app.policy, now: app.time.now() }, period, null);
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const existing = await store.cycle(period.from, period.to, tx);
    if (existing) throw new DomainError('self-review-exists', { from: period.from, to: period.to });
    const cycle = await store.createCycle(tx, { periodFrom: period.from, periodTo: period.to, openedAt: now, openedById });
    const forms = await store.createForms(
      tx,
      cycle.id,
      org.activeOfficials().map((o) => ({ officialId: o.id, unitId: o.unitId })),
    );
    const notices = [];
    for (const f of forms) {
      const by = await startSelfReviewClock(app, tx, effects, f.id, f.officialId, now);
      notices.push({
        recipientId: f.officialId,
        render: (t: Parameters<typeof periodLabel>[0], v: { dateTime(d: Date): string }) => ({
          text: [
            t('self-review-opened-notice', { period: periodLabel(t, period), by: v.dateTime(by) }),
            '',
            ...figureLines(t, report.computed.byOfficial.get(f.officialId) ?? emptyFigures()),
          ].join('\n'),
          buttons: [[btn(t, 'btn-self-open', 'self.view', f.id)]],
        }),
      });
    }
    await store.audit(tx, {
      at: now,
      actorId: openedById,
      action: 'self-review.opened',
      entity: 'self_review_cycle',
      entityId: cycle.id,
      data: { from: period.from, to: period.to, forms: forms.length },
    });
    await notifyMany(app, tx, effects, notices);
    return { cycle, forms: forms.length };
  });
}

/**
 * The daily run: on or after the policy's day, the year's round opens once (a second run finds it and does nothing).
 * Returns the round opened now, if any.
 */
export async function openYearlySelfReviewIfDue(app: AppContext): Promise<SelfReviewCycleRow | undefined> {
  const today = (await app.calendar()).localDate(app.time.now());
  if (!selfReviewDue(today, app.policy.review.selfReviewDate)) return undefined;
  const period = yearPeriod(Number(today.slice(0, 4)));
  if (await app.stores.selfReview.cycle(period.from, period.to)) return undefined;
  try {
    return (await openSelfReview(app, period, null)).cycle;
  } catch (e) {
    // Two workers at once: the unique period lets one through; the other finds it open.
    if (e instanceof DomainError && e.key === 'self-review-exists') return undefined;
    throw e;
  }
}
