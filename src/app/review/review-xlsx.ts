// The review's outcome as an XLSX workbook (exceljs): one row per item with the task, its owner, why it was in the
// review, the owner's decision, the head's, and where it stands; a notes sheet with the review's facts.
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../reports/workbook.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { formatDateTime } from '../../domain/time/local-time.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { ReviewItemView, ReviewRow } from '../ports/stores/review.js';
import { itemState } from './review-views.js';

const COLUMNS = [
  ['review-col-task', 16],
  ['review-col-title', 40],
  ['review-col-owner', 26],
  ['review-col-unit', 26],
  ['review-col-why', 14],
  ['review-col-status-start', 18],
  ['review-col-deadline', 17],
  ['review-col-decision', 18],
  ['review-col-note', 40],
  ['review-col-new-date', 17],
  ['review-col-decided-at', 17],
  ['review-col-head', 26],
  ['review-col-head-note', 30],
  ['review-col-state', 22],
  ['review-col-status-now', 18],
] as const;

export async function writeReviewXlsx(
  review: ReviewRow,
  items: readonly ReviewItemView[],
  org: OrgDirectory,
  t: Translate,
  timezone: string,
  file: string,
): Promise<void> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(t('review-sheet-items'));
  ws.columns = COLUMNS.map(([key, width]) => ({ header: t(key), width }));
  ws.getRow(1).font = { bold: true };
  const at = (d: Date | null) => (d ? formatDateTime(d, timezone) : '');
  for (const i of items) {
    const owner = org.official(OfficialId(i.ownerId));
    const head = i.headDecidedById ? org.official(OfficialId(i.headDecidedById)) : undefined;
    ws.addRow([
      i.task.code,
      i.task.title,
      owner?.fullName ?? '',
      org.unit(UnitId(i.task.unitId))?.name ?? '',
      t('review-why', { why: i.why }),
      t(`status-${i.statusAtStart}` as Parameters<Translate>[0]),
      at(i.deadlineAtStart),
      i.decision ? t('review-decision-label', { decision: i.decision }) : '',
      i.note ?? '',
      at(i.newDeadline),
      at(i.decidedAt),
      head?.fullName ?? '',
      i.headNote ?? '',
      t('review-state', { state: itemState(i) }),
      t(`status-${i.task.status}` as Parameters<Translate>[0]),
    ]);
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const notes = wb.addWorksheet(t('review-sheet-notes'));
  notes.columns = [{ width: 30 }, { width: 60 }];
  const head = org.official(OfficialId(review.headId));
  notes.addRows([
    [t('review-note-code'), review.code],
    [t('review-note-unit'), org.unit(UnitId(review.unitId))?.name ?? ''],
    [t('review-note-head'), head?.fullName ?? ''],
    [t('review-note-started'), at(review.startedAt)],
    [t('review-note-closed'), at(review.closedAt)],
    [t('review-note-items'), items.length],
    [t('review-note-rule'), t('review-note-rule-text')],
  ]);
  await wb.xlsx.writeFile(file);
}
