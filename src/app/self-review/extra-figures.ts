// The seam for figures other features add to a self-review: notices confirmed (QT-…) and commendations, issue 15,
// built alongside this one. A source gives, per official and period, its lines (a count and the items behind it);
// the form and the unit's XLSX show every registered source after the evaluation figures. Issue 15's sources
// (src/app/recognition/self-review-sources.ts) read the report extras /danhgia and its XLSX show.
import type { AppContext } from '../context.js';
import type { Report } from '../reports/build-report.js';
import type { Translate } from '../../i18n/catalogue.js';
import { COMMENDATIONS, NOTICES_LATE, NOTICES_NEVER, NOTICES_ON_TIME, NOTICES_RECEIVED } from '../recognition/self-review-sources.js';

export interface ExtraFigure {
  /** A catalogue key naming the figure ("Thông báo đã xác nhận đã đọc"), its count, and the item codes behind it. */
  label: (t: Translate) => string;
  count: number;
  items: string[];
}

export interface SelfReviewExtraSource {
  /** A stable name for the XLSX column and the stored snapshot ("notices-confirmed", "commendations"). */
  name: string;
  /**
   * The figures of these officials, from the evaluation report the form shows (same period, same scope): issue 15's
   * reportExtras(deps, report) (src/app/recognition/report-extras.ts) takes exactly this report.
   */
  figures(app: AppContext, report: Report, officialIds: readonly number[]): Promise<Map<number, ExtraFigure>>;
}

/** Issue 15: the notices received, confirmed on time, late and never; the commendations. In the form's order. */
export const SELF_REVIEW_EXTRA_SOURCES: SelfReviewExtraSource[] = [NOTICES_RECEIVED, NOTICES_ON_TIME, NOTICES_LATE, NOTICES_NEVER, COMMENDATIONS];

/** Every registered source's figures for these officials, by official: [source name, figure][]. */
export async function extraFigures(
  app: AppContext,
  report: Report,
  officialIds: readonly number[],
  sources = SELF_REVIEW_EXTRA_SOURCES,
): Promise<Map<number, [string, ExtraFigure][]>> {
  const out = new Map<number, [string, ExtraFigure][]>();
  for (const source of sources) {
    const byOfficial = await source.figures(app, report, officialIds);
    for (const [id, f] of byOfficial) out.set(id, [...(out.get(id) ?? []), [source.name, f]]);
  }
  return out;
}
