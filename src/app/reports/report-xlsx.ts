// The report as an XLSX workbook (exceljs): one sheet per level (officials, units), an items sheet listing every task,
// request for opinion, signal and demand for explanation behind the figures (one 1 per figure it counts in, so a
// filter and a sum recount any number), and a notes sheet with the period and the definitions.
import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { emptyFigures, type Figures } from '../../domain/report/metrics.js';
import { type Translate, dynamicKey } from '../../i18n/catalogue.js';
import type { Report } from './build-report.js';
import { formatDateTime, formatIsoDay, wallClockDate } from '../../domain/time/local-time.js';
import { addExtrasSheets, extrasDefinitions } from '../recognition/report-extras-view.js';
import { FIGURE_COLUMNS, hours } from './report-figures.js';

/** The instant as the organisation's wall-clock time, in a Date whose UTC fields hold it (Excel has no time zones). */
function wall(at: Date | null, timezone: string): Date | null {
  return at ? wallClockDate(at, timezone) : null;
}

function headerRow(sheet: ExcelJS.Worksheet, titles: string[]): void {
  const row = sheet.addRow(titles);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
  row.height = 48;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The figure sheets' totals: SUM formulas (with their values, so readers without recalculation see them too). */
function totalsRow(sheet: ExcelJS.Worksheet, label: string, leading: number, firstDataRow: number, lastDataRow: number, total: Figures): void {
  const values: ExcelJS.CellValue[] = new Array(leading).fill(null);
  values[leading - 1] = label;
  FIGURE_COLUMNS.forEach((c, i) => {
    const col = columnLetter(leading + i + 1);
    const v = c.value(total);
    // A zero total is written as a number: exceljs leaves a zero result out, and not every reader recalculates.
    values.push(c.sum && v && lastDataRow >= firstDataRow ? { formula: `SUM(${col}${firstDataRow}:${col}${lastDataRow})`, result: v } : v);
  });
  sheet.addRow(values).font = { bold: true };
}

function figureCells(f: Figures): (number | null)[] {
  return FIGURE_COLUMNS.map((c) => c.value(f));
}

function formatFigureColumns(sheet: ExcelJS.Worksheet, leading: number): void {
  FIGURE_COLUMNS.forEach((c, i) => {
    const col = sheet.getColumn(leading + i + 1);
    col.width = c.width;
    if (c.format) col.numFmt = c.format;
  });
}

export interface SheetNames {
  officials: string;
  units: string;
  items: string;
  notes: string;
}

export function sheetNames(t: Translate): SheetNames {
  return { officials: t('report-sheet-officials'), units: t('report-sheet-units'), items: t('report-sheet-items'), notes: t('report-sheet-notes') };
}

export async function reportWorkbook(report: Report, org: OrgDirectory, t: Translate): Promise<ExcelJS.Workbook> {
  const tz = report.timezone;
  const wb = await newWorkbook();
  wb.creator = 'dondoc';
  wb.created = report.generatedAt;
  wb.calcProperties.fullCalcOnLoad = true;
  const names = sheetNames(t);
  const figureTitles = FIGURE_COLUMNS.map((c) => t(dynamicKey(c.key), c.args));
  const unitName = (id: number) => org.unit(UnitId(id))?.name ?? String(id);
  const official = (id: number) => org.official(OfficialId(id));
  const c = report.computed;

  // === Officials
  const os = wb.addWorksheet(names.officials);
  headerRow(os, [
    t('report-col-no'),
    t('report-col-official-code'),
    t('report-col-official-name'),
    t('report-col-title'),
    t('report-col-unit'),
    ...figureTitles,
  ]);
  report.officials.forEach((o, i) => {
    os.addRow([i + 1, o.code, o.fullName, o.title, unitName(o.unitId), ...figureCells(c.byOfficial.get(o.id) ?? emptyFigures())]);
  });
  totalsRow(os, t('report-total'), 5, 2, report.officials.length + 1, c.total);
  [6, 12, 28, 30, 30].forEach((w, i) => (os.getColumn(i + 1).width = w));
  formatFigureColumns(os, 5);

  // === Units (each unit's own items; the totals row is the whole scope)
  const us = wb.addWorksheet(names.units);
  headerRow(us, [t('report-col-no'), t('report-col-unit-code'), t('report-col-unit'), t('report-col-level'), ...figureTitles]);
  report.units.forEach((u, i) => {
    us.addRow([i + 1, u.code, `${'    '.repeat(u.depth)}${u.name}`, u.depth + 1, ...figureCells(c.byUnit.get(u.id) ?? emptyFigures())]);
  });
  totalsRow(us, t('report-total'), 4, 2, report.units.length + 1, c.total);
  [6, 12, 40, 6].forEach((w, i) => (us.getColumn(i + 1).width = w));
  formatFigureColumns(us, 4);

  // === Items
  const is = wb.addWorksheet(names.items);
  const flagKeys = [
    'report-col-tasks-received',
    'report-col-accepted-in-time',
    'report-col-completed-on-time',
    'report-col-completed-late',
    'report-col-overdue-now',
    'report-col-consultations-received',
    'report-col-answered-in-time',
    'report-col-answered-late',
    'report-col-unanswered-overdue',
    'report-col-no-stance',
    'report-col-signals',
    'report-col-explanations',
  ];
  const itemHead = [
    t('report-col-kind'),
    t('report-col-code'),
    t('report-col-subject'),
    t('report-col-official-code'),
    t('report-col-official-name'),
    t('report-col-unit'),
    t('report-col-status'),
    t('report-col-received-at'),
    t('report-col-accept-due'),
    t('report-col-accepted-at'),
    t('report-col-accept-hours'),
    t('report-col-deadline'),
    t('report-col-done-at'),
    t('report-col-answer-hours'),
    t('report-col-stance'),
  ];
  headerRow(is, [...itemHead, ...flagKeys.map((k) => t(dynamicKey(k))), t('report-col-note')]);
  const one = (b: boolean) => (b ? 1 : null);
  const person = (id: number) => [official(id)?.code ?? String(id), official(id)?.fullName ?? ''];
  for (const x of c.tasks) {
    const f = x.flags;
    is.addRow([
      t('report-kind-task'),
      x.code,
      x.title,
      ...person(x.assigneeId),
      unitName(x.unitId),
      t(dynamicKey(`status-${x.status}`)),
      wall(x.receivedAt, tz),
      wall(x.acceptDueAt, tz),
      wall(x.acceptedAt, tz),
      hours(f.acceptMs),
      wall(x.deadline, tz),
      wall(x.completedAt, tz),
      null,
      null,
      one(f.received),
      one(f.acceptedInTime),
      one(f.completedOnTime),
      one(f.completedLate),
      one(f.overdueNow),
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      f.cancelled
        ? t('report-note-cancelled')
        : x.status === 'DECLINED' && !f.overdueNow && x.deadline < report.bounds.cutoff
          ? t('report-note-declined')
          : null,
    ]);
  }
  for (const x of c.answers) {
    const f = x.flags;
    is.addRow([
      t('report-kind-consultation'),
      x.code,
      x.subject,
      ...person(x.officialId),
      unitName(x.unitId),
      t(dynamicKey(`report-consultation-status-${x.status}`)),
      wall(x.askedAt, tz),
      null,
      null,
      null,
      wall(x.deadline, tz),
      wall(x.answeredAt, tz),
      hours(f.answerMs),
      x.stance ? t(dynamicKey(`report-stance-${x.stance}`)) : null,
      null,
      null,
      null,
      null,
      null,
      one(f.received),
      one(f.answeredInTime),
      one(f.answeredLate),
      one(f.unansweredOverdue),
      one(f.noStance),
      null,
      null,
      null,
    ]);
  }
  for (const s of c.signals) {
    is.addRow([
      t('report-kind-signal'),
      t('report-signal-code', { id: String(s.id), behaviour: s.behaviour }),
      t('report-signal-subject', { behaviour: s.behaviour, rule: s.rule, item: s.itemCode ?? '—' }),
      ...person(s.officialId),
      unitName(s.unitId),
      t('report-signal-confirmed'),
      wall(s.raisedAt, tz),
      ...new Array(7).fill(null),
      ...new Array(10).fill(null),
      1,
      null,
      null,
    ]);
  }
  for (const e of c.explanations) {
    is.addRow([
      t('report-kind-explanation'),
      e.code,
      t('report-explanation-subject', { item: e.itemCode ?? '—' }),
      ...person(e.officialId),
      unitName(e.unitId),
      t(dynamicKey(`report-explanation-status-${e.status}`)),
      wall(e.createdAt, tz),
      ...new Array(7).fill(null),
      ...new Array(11).fill(null),
      1,
      null,
    ]);
  }
  const last = is.rowCount;
  const totals: ExcelJS.CellValue[] = new Array(itemHead.length).fill(null);
  totals[0] = t('report-total');
  const sums = [
    c.total.tasksReceived,
    c.total.acceptedInTime,
    c.total.completedOnTime,
    c.total.completedLate,
    c.total.overdueNow,
    c.total.consultationsReceived,
    c.total.answeredInTime,
    c.total.answeredLate,
    c.total.unansweredOverdue,
    c.total.answersWithoutStance,
    c.total.signalsTotal,
    c.total.explanations,
  ];
  flagKeys.forEach((_, i) => {
    const col = columnLetter(itemHead.length + i + 1);
    totals.push(last >= 2 && sums[i] ? { formula: `SUM(${col}2:${col}${last})`, result: sums[i]! } : (sums[i] ?? 0));
  });
  is.addRow(totals).font = { bold: true };
  [12, 14, 50, 12, 26, 30, 20, 16, 16, 16, 10, 16, 16, 10, 18].forEach((w, i) => (is.getColumn(i + 1).width = w));
  for (const col of [8, 9, 10, 12, 13]) is.getColumn(col).numFmt = 'dd/mm/yyyy hh:mm';
  for (const col of [11, 14]) is.getColumn(col).numFmt = '0.0';
  flagKeys.forEach((_, i) => (is.getColumn(itemHead.length + i + 1).width = 10));
  is.getColumn(itemHead.length + flagKeys.length + 1).width = 40;
  is.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: itemHead.length + flagKeys.length + 1 } };

  addExtrasSheets(wb, report, org, t);

  // === Notes
  const ns = wb.addWorksheet(names.notes);
  const scope = report.rootUnitId === null ? t('report-scope-all') : unitName(report.rootUnitId);
  ns.addRow([t('report-notes-title')]).font = { bold: true, size: 13 };
  ns.addRow([t('report-notes-period'), `${formatIsoDay(report.period.from)} – ${formatIsoDay(report.period.to)}`]);
  ns.addRow([t('report-notes-scope'), scope]);
  ns.addRow([t('report-notes-cutoff'), formatDateTime(report.bounds.cutoff, tz)]);
  ns.addRow([t('report-notes-generated'), formatDateTime(report.generatedAt, tz)]);
  ns.addRow([t('report-notes-timezone'), tz]);
  ns.addRow([]);
  for (const key of [
    'received',
    'accepted',
    'completed',
    'overdue',
    'rate',
    'medians',
    'consultations',
    'no-stance',
    'signals',
    'explanations',
    'units',
    'items',
  ]) {
    ns.addRow([t(dynamicKey(`report-def-${key}-term`)), t(dynamicKey(`report-def-${key}`))]);
  }
  if (report.extras) for (const row of extrasDefinitions(t, report.extras)) ns.addRow(row);
  ns.getColumn(1).width = 34;
  ns.getColumn(2).width = 110;
  ns.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return wb;
}

export async function writeReportXlsx(report: Report, org: OrgDirectory, t: Translate, path: string): Promise<void> {
  await (await reportWorkbook(report, org, t)).xlsx.writeFile(path);
}
