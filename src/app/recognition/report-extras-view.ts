// Issue 15's parts of the evaluation report as people read them: the "Ghi nhận" block (before the figures that carry
// the signals, never after), the notices per official, two XLSX sheets with the items behind each line, and the
// definitions of the criteria for the notes sheet.
import type ExcelJS from 'exceljs';
import type { Block } from '../../domain/digest/split.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { dynamicKey, type Translate } from '../../i18n/catalogue.js';
import { formatDateTime } from '../../domain/time/local-time.js';
import type { Report } from '../reports/build-report.js';
import { nameOf, unitNameOf } from '../views/people.js';
import type { ReportExtras } from './report-extras.js';

/** Exemplary officials and units with the items behind them, and how many commendations, before any signal. */
export function praiseBlocks(t: Translate, x: ReportExtras, org: OrgDirectory, maxLines = 30): Block<never>[] {
  const lines = [t('report-praise-title')];
  for (const o of x.recognition.officials.slice(0, maxLines)) {
    lines.push(
      t('report-praise-official', {
        name: nameOf(org.official(OfficialId(o.officialId))),
        unit: unitNameOf(org.unit(UnitId(o.unitId))),
        count: o.items.length,
        codes: o.items.map((i) => i.code).join(', '),
      }),
    );
  }
  for (const u of x.recognition.units.slice(0, maxLines)) {
    lines.push(t('report-praise-unit', { unit: unitNameOf(org.unit(UnitId(u.unitId))), percent: Math.round(u.onTimeRate * 100), rated: u.rated }));
  }
  if (x.recognition.officials.length + x.recognition.units.length === 0) lines.push(t('report-praise-none'));
  lines.push(t('report-praise-commendations', { count: x.commendations.length }));
  return [{ text: lines.join('\n'), gap: true }];
}

export function noticeBlocks(t: Translate, x: ReportExtras, report: Pick<Report, 'officials'>, maxLines = 30): Block<never>[] {
  const n = x.notices;
  if (n.total.received === 0) return [];
  const lines = [t('report-notices-title'), t('report-notices-total', { ...n.total })];
  const people = report.officials.filter((o) => n.byOfficial.has(o.id));
  for (const o of people.slice(0, maxLines)) lines.push(t('report-notices-line', { name: nameOf(o), ...n.byOfficial.get(o.id)! }));
  return [{ text: lines.join('\n'), gap: true }];
}

/** The definitions the notes sheet lists, after the report's own. */
export function extrasDefinitions(t: Translate, x: ReportExtras): [string, string][] {
  const c = x.criteria;
  return [
    [
      t('report-def-recognition-term'),
      t('report-def-recognition', { minItems: c.minItems, percent: Math.round(c.unitOnTimeRate * 100), minUnit: c.unitMinItems }),
    ],
    [t('report-def-commendations-term'), t('report-def-commendations')],
    [t('report-def-notices-term'), t('report-def-notices')],
  ];
}

function header(sheet: ExcelJS.Worksheet, titles: string[]): void {
  const row = sheet.addRow(titles);
  row.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The recognition sheets of a report asked with them: "Ghi nhận" and the notices' confirmations. */
export function addExtrasSheets(wb: ExcelJS.Workbook, report: Report, org: OrgDirectory, t: Translate): void {
  const x = report.extras;
  if (!x) return;
  addRecognitionSheet(wb, x, report.timezone, org, t);
  addNoticesSheet(wb, x, report, org, t);
}

/** "Ghi nhận": one row per exemplary official or unit and per commendation, with the items behind it. */
function addRecognitionSheet(wb: ExcelJS.Workbook, x: ReportExtras, tz: string, org: OrgDirectory, t: Translate): void {
  const rs = wb.addWorksheet(t('report-sheet-recognition'));
  header(rs, [
    t('report-col-no'),
    t('report-rec-col-kind'),
    t('report-col-official-code'),
    t('report-col-official-name'),
    t('report-col-unit'),
    t('report-col-items'),
    t('report-col-detail'),
  ]);
  let n = 0;
  for (const o of x.recognition.officials) {
    const p = org.official(OfficialId(o.officialId));
    rs.addRow([
      ++n,
      t('report-kind-exemplary-official'),
      p?.code ?? '',
      nameOf(p),
      unitNameOf(org.unit(UnitId(o.unitId))),
      o.items.map((i) => i.code).join(', '),
      o.items.map((i) => `${i.code}: ${i.title}`).join('\n'),
    ]);
  }
  for (const u of x.recognition.units) {
    rs.addRow([
      ++n,
      t('report-kind-exemplary-unit'),
      '',
      '',
      unitNameOf(org.unit(UnitId(u.unitId))),
      u.items.map((i) => i.code).join(', '),
      `${Math.round(u.onTimeRate * 100)}% (${u.rated})`,
    ]);
  }
  for (const c of x.commendations) {
    const p = org.official(OfficialId(c.officialId));
    rs.addRow([
      ++n,
      t('report-kind-commendation'),
      p?.code ?? '',
      nameOf(p),
      unitNameOf(org.unit(UnitId(c.unitId))),
      c.itemCode ?? '',
      `${formatDateTime(c.at, tz)} · ${nameOf(org.official(OfficialId(c.byId)))}: ${c.text}`,
    ]);
  }
  [6, 22, 12, 26, 28, 40, 80].forEach((w, i) => (rs.getColumn(i + 1).width = w));
  rs.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
}

/** The notices (III.1 quán triệt): each official's confirmations counted, then one row per notice sent to them. */
function addNoticesSheet(wb: ExcelJS.Workbook, x: ReportExtras, report: Report, org: OrgDirectory, t: Translate): void {
  const tz = report.timezone;
  const ns = wb.addWorksheet(t('report-sheet-notices'));
  header(ns, [
    t('report-col-no'),
    t('report-col-official-code'),
    t('report-col-official-name'),
    t('report-col-unit'),
    t('report-col-notices-received'),
    t('report-col-notices-on-time'),
    t('report-col-notices-late'),
    t('report-col-notices-never'),
  ]);
  let n = 0;
  for (const o of report.officials) {
    const f = x.notices.byOfficial.get(o.id);
    if (f) ns.addRow([++n, o.code, o.fullName, unitNameOf(org.unit(o.unitId)), f.received, f.onTime, f.late, f.never]);
  }
  ns.addRow([]);
  header(ns, [
    t('report-col-no'),
    t('report-col-notice'),
    t('report-col-official-name'),
    t('report-col-unit'),
    t('report-rec-col-received-at'),
    t('report-rec-col-deadline'),
    t('report-col-confirmed-at'),
    t('report-col-notice-state'),
    t('report-col-commitment'),
  ]);
  n = 0;
  for (const r of x.notices.rows) {
    ns.addRow([
      ++n,
      `${r.code} ${r.title}`,
      nameOf(org.official(OfficialId(r.officialId))),
      unitNameOf(org.unit(UnitId(r.unitId))),
      formatDateTime(r.addedAt, tz),
      formatDateTime(r.deadline, tz),
      r.confirmedAt ? formatDateTime(r.confirmedAt, tz) : '',
      t(dynamicKey(`report-notice-state-${r.state}`)),
      r.commitment ?? '',
    ]);
  }
  [6, 40, 26, 28, 18, 18, 18, 16, 50].forEach((w, i) => (ns.getColumn(i + 1).width = w));
}
