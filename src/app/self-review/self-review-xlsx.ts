// The unit's self-reviews as an XLSX for the review meeting: one row per official with the evaluation figures (the
// report's own columns, report-figures.ts FIGURE_COLUMNS), the registered extra figures, the self-assessment and the
// ratings proposed by the person and by the head; a notes sheet says the figures are evidence, not a verdict.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../reports/workbook.js';
import { OfficialId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { dynamicKey, type Translate } from '../../i18n/catalogue.js';
import { formatDateTime } from '../../domain/time/local-time.js';
import type { SelfReviewCycleRow, SelfReviewRow } from '../ports/stores/self-review.js';
import { FIGURE_COLUMNS } from '../reports/report-figures.js';
import { periodLabel } from '../reports/report-summary.js';
import type { PersonFigures } from './figures.js';
import { periodOf } from './write-form.js';

export interface UnitRow {
  form: SelfReviewRow;
  figures: PersonFigures;
}

export async function writeSelfReviewXlsx(
  cycle: SelfReviewCycleRow,
  unitName: string,
  rows: readonly UnitRow[],
  org: OrgDirectory,
  t: Translate,
  timezone: string,
  file: string,
): Promise<void> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(t('self-review-sheet'));
  const extraNames = [...new Set(rows.flatMap((r) => r.figures.extras.map(([n]) => n)))];
  const extraLabels = extraNames.map((n) =>
    rows
      .flatMap((r) => r.figures.extras)
      .find(([m]) => m === n)![1]
      .label(t),
  );
  const headers = [
    t('self-review-col-official'),
    t('self-review-col-title'),
    ...FIGURE_COLUMNS.map((c) => t(dynamicKey(c.key), c.args ?? {})),
    ...extraLabels,
    t('self-review-col-assessment'),
    t('self-review-col-rating'),
    t('self-review-col-written'),
    t('self-review-col-head'),
    t('self-review-col-head-comment'),
    t('self-review-col-head-rating'),
  ];
  ws.addRow(headers).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i < 2 ? 28 : i >= headers.length - 6 ? 30 : 11));
  const at = (d: Date | null) => (d ? formatDateTime(d, timezone) : '');
  const rating = (r: string | null) => (r ? t('self-review-rating', { rating: r }) : '');
  for (const r of rows) {
    const o = org.official(OfficialId(r.form.officialId));
    const extras = new Map(r.figures.extras);
    ws.addRow([
      o?.fullName ?? '',
      o?.title ?? '',
      ...FIGURE_COLUMNS.map((c) => c.value(r.figures.figures)),
      ...extraNames.map((n) => extras.get(n)?.count ?? 0),
      r.form.assessment ?? '',
      rating(r.form.rating),
      at(r.form.submittedAt),
      r.form.headId ? (org.official(OfficialId(r.form.headId))?.fullName ?? '') : '',
      r.form.headComment ?? '',
      rating(r.form.headRating),
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  const notes = wb.addWorksheet(t('self-review-sheet-notes'));
  notes.columns = [{ width: 28 }, { width: 90 }];
  notes.addRows([
    [t('self-review-note-unit'), unitName],
    [t('self-review-note-period'), periodLabel(t, periodOf(cycle))],
    [t('self-review-note-evidence'), t('self-review-note-evidence-text')],
  ]);
  await wb.xlsx.writeFile(file);
}
