// The report's items sheet: one row per task, request for opinion, signal and demand for explanation behind the
// figures, with a 1 in each figure column the item counts in, so a filter and a sum recount any number of the other
// sheets. Columns are named (ITEM_COLUMNS) and each kind of item fills the cells it has by name: a row is never a
// list of positional blanks that shifts when a column is added.
import type ExcelJS from 'exceljs';
import { OfficialId, UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Figures } from '../../domain/report/metrics.js';
import { type Translate, dynamicKey } from '../../i18n/catalogue.js';
import type { ExplanationRow, SignalRow } from '../ports/stores/reports.js';
import type { Report } from './build-report.js';
import { hours } from './report-figures.js';
import { headerRow, sumCell, wall } from './report-sheet-cells.js';

const DATE_TIME = 'dd/mm/yyyy hh:mm';
const HOURS = '0.0';

/** The descriptive columns, in order. */
const ITEM_COLUMNS = [
  { id: 'kind', key: 'report-col-kind', width: 12 },
  { id: 'code', key: 'report-col-code', width: 14 },
  { id: 'subject', key: 'report-col-subject', width: 50 },
  { id: 'officialCode', key: 'report-col-official-code', width: 12 },
  { id: 'officialName', key: 'report-col-official-name', width: 26 },
  { id: 'unit', key: 'report-col-unit', width: 30 },
  { id: 'status', key: 'report-col-status', width: 20 },
  { id: 'receivedAt', key: 'report-col-received-at', width: 16, format: DATE_TIME },
  { id: 'acceptDueAt', key: 'report-col-accept-due', width: 16, format: DATE_TIME },
  { id: 'acceptedAt', key: 'report-col-accepted-at', width: 16, format: DATE_TIME },
  { id: 'acceptHours', key: 'report-col-accept-hours', width: 10, format: HOURS },
  { id: 'deadline', key: 'report-col-deadline', width: 16, format: DATE_TIME },
  { id: 'doneAt', key: 'report-col-done-at', width: 16, format: DATE_TIME },
  { id: 'answerHours', key: 'report-col-answer-hours', width: 10, format: HOURS },
  { id: 'stance', key: 'report-col-stance', width: 18 },
] as const;

/** The figure columns: a 1 where the item counts in the figure; the totals row sums them. */
const FLAG_COLUMNS = [
  { id: 'tasksReceived', key: 'report-col-tasks-received', total: (f: Figures) => f.tasksReceived },
  { id: 'acceptedInTime', key: 'report-col-accepted-in-time', total: (f: Figures) => f.acceptedInTime },
  { id: 'completedOnTime', key: 'report-col-completed-on-time', total: (f: Figures) => f.completedOnTime },
  { id: 'completedLate', key: 'report-col-completed-late', total: (f: Figures) => f.completedLate },
  { id: 'overdueNow', key: 'report-col-overdue-now', total: (f: Figures) => f.overdueNow },
  { id: 'consultationsReceived', key: 'report-col-consultations-received', total: (f: Figures) => f.consultationsReceived },
  { id: 'answeredInTime', key: 'report-col-answered-in-time', total: (f: Figures) => f.answeredInTime },
  { id: 'answeredLate', key: 'report-col-answered-late', total: (f: Figures) => f.answeredLate },
  { id: 'unansweredOverdue', key: 'report-col-unanswered-overdue', total: (f: Figures) => f.unansweredOverdue },
  { id: 'noStance', key: 'report-col-no-stance', total: (f: Figures) => f.answersWithoutStance },
  { id: 'signals', key: 'report-col-signals', total: (f: Figures) => f.signalsTotal },
  { id: 'explanations', key: 'report-col-explanations', total: (f: Figures) => f.explanations },
] as const;

const FLAG_WIDTH = 10;
const NOTE_WIDTH = 40;

type ColumnId = (typeof ITEM_COLUMNS)[number]['id'] | (typeof FLAG_COLUMNS)[number]['id'] | 'note';
/** One item's cells by column; a column it does not name stays empty. */
type ItemCells = Partial<Record<ColumnId, ExcelJS.CellValue>>;

const ALL_COLUMNS: ColumnId[] = [...ITEM_COLUMNS.map((c) => c.id), ...FLAG_COLUMNS.map((c) => c.id), 'note'];

/** 1 where the item counts, empty where it does not (a filter on the column then shows the items behind a figure). */
const one = (b: boolean) => (b ? 1 : null);

/** The cells of every item of the report, tasks first, then answers, signals and explanations. */
function itemRows(report: Report, org: OrgDirectory, t: Translate): ItemCells[] {
  const tz = report.timezone;
  const c = report.computed;
  const unit = (id: number) => org.unit(UnitId(id))?.name ?? String(id);
  const person = (id: number): ItemCells => {
    const o = org.official(OfficialId(id));
    return { officialCode: o?.code ?? String(id), officialName: o?.fullName ?? '' };
  };
  const tasks = c.tasks.map(
    (x): ItemCells => ({
      kind: t('report-kind-task'),
      code: x.code,
      subject: x.title,
      ...person(x.assigneeId),
      unit: unit(x.unitId),
      status: t(dynamicKey(`status-${x.status}`)),
      receivedAt: wall(x.receivedAt, tz),
      acceptDueAt: wall(x.acceptDueAt, tz),
      acceptedAt: wall(x.acceptedAt, tz),
      acceptHours: hours(x.flags.acceptMs),
      deadline: wall(x.deadline, tz),
      doneAt: wall(x.completedAt, tz),
      tasksReceived: one(x.flags.received),
      acceptedInTime: one(x.flags.acceptedInTime),
      completedOnTime: one(x.flags.completedOnTime),
      completedLate: one(x.flags.completedLate),
      overdueNow: one(x.flags.overdueNow),
      note: x.flags.cancelled
        ? t('report-note-cancelled')
        : x.status === 'DECLINED' && !x.flags.overdueNow && x.deadline < report.bounds.cutoff
          ? t('report-note-declined')
          : null,
    }),
  );
  const answers = c.answers.map(
    (x): ItemCells => ({
      kind: t('report-kind-consultation'),
      code: x.code,
      subject: x.subject,
      ...person(x.officialId),
      unit: unit(x.unitId),
      status: t(dynamicKey(`report-consultation-status-${x.status}`)),
      receivedAt: wall(x.askedAt, tz),
      deadline: wall(x.deadline, tz),
      doneAt: wall(x.answeredAt, tz),
      answerHours: hours(x.flags.answerMs),
      stance: x.stance ? t(dynamicKey(`report-stance-${x.stance}`)) : null,
      consultationsReceived: one(x.flags.received),
      answeredInTime: one(x.flags.answeredInTime),
      answeredLate: one(x.flags.answeredLate),
      unansweredOverdue: one(x.flags.unansweredOverdue),
      noStance: one(x.flags.noStance),
    }),
  );
  const signals = c.signals.map(
    (s: SignalRow): ItemCells => ({
      kind: t('report-kind-signal'),
      code: t('report-signal-code', { id: String(s.id), behaviour: s.behaviour }),
      subject: t('report-signal-subject', { behaviour: s.behaviour, rule: s.rule, item: s.itemCode ?? '—' }),
      ...person(s.officialId),
      unit: unit(s.unitId),
      status: t('report-signal-confirmed'),
      receivedAt: wall(s.raisedAt, tz),
      signals: 1,
    }),
  );
  const explanations = c.explanations.map(
    (e: ExplanationRow): ItemCells => ({
      kind: t('report-kind-explanation'),
      code: e.code,
      subject: t('report-explanation-subject', { item: e.itemCode ?? '—' }),
      ...person(e.officialId),
      unit: unit(e.unitId),
      status: t(dynamicKey(`report-explanation-status-${e.status}`)),
      receivedAt: wall(e.createdAt, tz),
      explanations: 1,
    }),
  );
  return [...tasks, ...answers, ...signals, ...explanations];
}

/** Adds the items sheet named `name`: header, one row per item, a totals row of the figure columns, an autofilter. */
export function addItemsSheet(wb: ExcelJS.Workbook, name: string, report: Report, org: OrgDirectory, t: Translate): void {
  const sheet = wb.addWorksheet(name);
  headerRow(sheet, [...ITEM_COLUMNS.map((c) => t(dynamicKey(c.key))), ...FLAG_COLUMNS.map((c) => t(dynamicKey(c.key))), t('report-col-note')]);
  for (const cells of itemRows(report, org, t)) sheet.addRow(ALL_COLUMNS.map((id) => cells[id] ?? null));

  const last = sheet.rowCount;
  const totals: ExcelJS.CellValue[] = ITEM_COLUMNS.map(() => null);
  totals[0] = t('report-total');
  FLAG_COLUMNS.forEach((c, i) => totals.push(sumCell(ITEM_COLUMNS.length + i + 1, 2, last, c.total(report.computed.total)) ?? 0));
  sheet.addRow(totals).font = { bold: true };

  ITEM_COLUMNS.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = c.width;
    if ('format' in c) col.numFmt = c.format;
  });
  FLAG_COLUMNS.forEach((_, i) => (sheet.getColumn(ITEM_COLUMNS.length + i + 1).width = FLAG_WIDTH));
  sheet.getColumn(ALL_COLUMNS.length).width = NOTE_WIDTH;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ALL_COLUMNS.length } };
}
