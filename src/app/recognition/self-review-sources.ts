// Issue 15's figures on a self-review form (the seam in src/app/self-review/extra-figures.ts): the notices each
// official received in the period, confirmed on time, late and never, and the commendations they were given. Read off
// the report extras of the form's own evaluation report (report-extras.ts), the computation /danhgia and its XLSX use:
// nothing is counted here.
import type { RecipientState } from '../../domain/notice/types.js';
import { formatDate } from '../../domain/time/local-time.js';
import type { AppContext } from '../context.js';
import type { Report } from '../reports/build-report.js';
import type { ExtraFigure, SelfReviewExtraSource } from '../self-review/extra-figures.js';
import { ensureReportExtras, type ReportExtras } from './report-extras.js';

async function extrasOf(app: AppContext, report: Report): Promise<ReportExtras> {
  return ensureReportExtras({ stores: app.stores, org: await app.org(), criteria: app.policy.recognition }, report);
}

/** One notices figure: the codes of the notices (QT-…) whose recipient row is in one of these states. */
function noticeSource(name: string, states: readonly RecipientState[] | 'all', label: ExtraFigure['label']): SelfReviewExtraSource {
  return {
    name,
    async figures(app, report, officialIds) {
      const x = await extrasOf(app, report);
      return new Map(
        officialIds.map((id) => {
          const items = x.notices.rows.filter((r) => r.officialId === id && (states === 'all' || states.includes(r.state))).map((r) => r.code);
          return [id, { label, count: items.length, items }];
        }),
      );
    },
  };
}

export const NOTICES_RECEIVED = noticeSource('notices-received', 'all', (t) => t('self-review-extra-notices-received'));
export const NOTICES_ON_TIME = noticeSource('notices-on-time', ['confirmed'], (t) => t('self-review-extra-notices-on-time'));
export const NOTICES_LATE = noticeSource('notices-late', ['late'], (t) => t('self-review-extra-notices-late'));
export const NOTICES_NEVER = noticeSource('notices-never', ['overdue'], (t) => t('self-review-extra-notices-never'));

/** Commendations in the period: the item praised (NV-…), or the day of a commendation not on an item. */
export const COMMENDATIONS: SelfReviewExtraSource = {
  name: 'commendations',
  async figures(app, report, officialIds) {
    const x = await extrasOf(app, report);
    return new Map(
      officialIds.map((id) => {
        const items = x.commendations.filter((c) => c.officialId === id).map((c) => c.itemCode ?? formatDate(c.at, report.timezone));
        return [id, { label: (t) => t('self-review-extra-commendations'), count: items.length, items }];
      }),
    );
  },
};
