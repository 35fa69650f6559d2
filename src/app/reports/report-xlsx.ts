// The report as an XLSX workbook (exceljs): one sheet per level (officials, units), an items sheet listing every task,
// request for opinion, signal and demand for explanation behind the figures (report-items-sheet.ts), the recognition
// sheets when asked for, and a notes sheet with the period and the definitions.
import type ExcelJS from 'exceljs';
import { newWorkbook } from './workbook.js';
import { UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { emptyFigures, type Figures } from '../../domain/report/metrics.js';
import { type Translate, dynamicKey } from '../../i18n/catalogue.js';
import type { Report } from './build-report.js';
import { formatDateTime, formatIsoDay } from '../../domain/time/local-time.js';
import { addExtrasSheets, extrasDefinitions } from '../recognition/report-extras-view.js';
import { FIGURE_COLUMNS } from './report-figures.js';
import { addItemsSheet } from './report-items-sheet.js';
import { headerRow, sumCell } from './report-sheet-cells.js';

/** The figure sheets' totals: SUM formulas over the counts (rates and medians are shown as computed, not summed). */
function totalsRow(sheet: ExcelJS.Worksheet, label: string, leading: number, firstDataRow: number, lastDataRow: number, total: Figures): void {
  const values: ExcelJS.CellValue[] = new Array(leading).fill(null);
  values[leading - 1] = label;
  FIGURE_COLUMNS.forEach((c, i) => {
    const v = c.value(total);
    values.push(c.sum ? sumCell(leading + i + 1, firstDataRow, lastDataRow, v) : v);
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

/** The officials sheet: one row per official in scope with their figures, and the scope's totals. */
function addOfficialsSheet(wb: ExcelJS.Workbook, name: string, report: Report, org: OrgDirectory, t: Translate, figureTitles: string[]): void {
  const sheet = wb.addWorksheet(name);
  const titles = [t('report-col-no'), t('report-col-official-code'), t('report-col-official-name'), t('report-col-title'), t('report-col-unit')];
  headerRow(sheet, [...titles, ...figureTitles]);
  const c = report.computed;
  report.officials.forEach((o, i) => {
    const unit = org.unit(UnitId(o.unitId))?.name ?? String(o.unitId);
    sheet.addRow([i + 1, o.code, o.fullName, o.title, unit, ...figureCells(c.byOfficial.get(o.id) ?? emptyFigures())]);
  });
  totalsRow(sheet, t('report-total'), titles.length, 2, report.officials.length + 1, c.total);
  [6, 12, 28, 30, 30].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  formatFigureColumns(sheet, titles.length);
}

/** The units sheet: each unit's own items (indented by depth); the totals row is the whole scope. */
function addUnitsSheet(wb: ExcelJS.Workbook, name: string, report: Report, t: Translate, figureTitles: string[]): void {
  const sheet = wb.addWorksheet(name);
  const titles = [t('report-col-no'), t('report-col-unit-code'), t('report-col-unit'), t('report-col-level')];
  headerRow(sheet, [...titles, ...figureTitles]);
  const c = report.computed;
  report.units.forEach((u, i) => {
    sheet.addRow([i + 1, u.code, `${'    '.repeat(u.depth)}${u.name}`, u.depth + 1, ...figureCells(c.byUnit.get(u.id) ?? emptyFigures())]);
  });
  totalsRow(sheet, t('report-total'), titles.length, 2, report.units.length + 1, c.total);
  [6, 12, 40, 6].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  formatFigureColumns(sheet, titles.length);
}

/** The terms of each figure, in the order the notes sheet lists them (report-def-<term>-term and report-def-<term>). */
const DEFINED_TERMS = [
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
];

/** The notes sheet: period, scope, cut-off, time zone, and what every figure means. */
function addNotesSheet(wb: ExcelJS.Workbook, name: string, report: Report, org: OrgDirectory, t: Translate): void {
  const tz = report.timezone;
  const sheet = wb.addWorksheet(name);
  const scope = report.rootUnitId === null ? t('report-scope-all') : (org.unit(UnitId(report.rootUnitId))?.name ?? String(report.rootUnitId));
  sheet.addRow([t('report-notes-title')]).font = { bold: true, size: 13 };
  sheet.addRow([t('report-notes-period'), `${formatIsoDay(report.period.from)} – ${formatIsoDay(report.period.to)}`]);
  sheet.addRow([t('report-notes-scope'), scope]);
  sheet.addRow([t('report-notes-cutoff'), formatDateTime(report.bounds.cutoff, tz)]);
  sheet.addRow([t('report-notes-generated'), formatDateTime(report.generatedAt, tz)]);
  sheet.addRow([t('report-notes-timezone'), tz]);
  sheet.addRow([]);
  for (const term of DEFINED_TERMS) sheet.addRow([t(dynamicKey(`report-def-${term}-term`)), t(dynamicKey(`report-def-${term}`))]);
  if (report.extras) for (const row of extrasDefinitions(t, report.extras)) sheet.addRow(row);
  sheet.getColumn(1).width = 34;
  sheet.getColumn(2).width = 110;
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

export async function reportWorkbook(report: Report, org: OrgDirectory, t: Translate): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  wb.creator = 'dondoc';
  wb.created = report.generatedAt;
  wb.calcProperties.fullCalcOnLoad = true;
  const names = sheetNames(t);
  const figureTitles = FIGURE_COLUMNS.map((c) => t(dynamicKey(c.key), c.args));
  addOfficialsSheet(wb, names.officials, report, org, t, figureTitles);
  addUnitsSheet(wb, names.units, report, t, figureTitles);
  addItemsSheet(wb, names.items, report, org, t);
  addExtrasSheets(wb, report, org, t);
  addNotesSheet(wb, names.notes, report, org, t);
  return wb;
}

export async function writeReportXlsx(report: Report, org: OrgDirectory, t: Translate, path: string): Promise<void> {
  await (await reportWorkbook(report, org, t)).xlsx.writeFile(path);
}
