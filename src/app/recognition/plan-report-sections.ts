// Issue 15's parts of the plan report's section I (the seam in src/app/reports/plan-report-contributions.ts): I.5, the
// notices sent to the unit's officials and how they were confirmed, per unit and per notice; I.6, the exemplary units
// and officials and the commendations. Both read the report extras (report-extras.ts) of the document's own
// evaluation report: the figures of the "Quán triệt" and "Ghi nhận" sheets of the XLSX for the same year and unit.
import { OfficialId, UnitId } from '../../domain/ids.js';
import { formatDate } from '../../domain/time/local-time.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { AppStores } from '../ports/stores.js';
import type { RecognitionCriteria } from '../../domain/recognition/criteria.js';
import { formatPlanNumber } from '../reports/plan-report-content.js';
import type { PlanBlock, PlanReportContribution, PlanTable } from '../reports/plan-report-model.js';
import { ensureReportExtras, type NoticeFigures } from './report-extras.js';

export interface PlanSectionDeps {
  stores: Pick<AppStores, 'notices' | 'recognition'>;
  criteria: RecognitionCriteria;
}

/** Confirmed on time over received, to one decimal like the report's other rates; null without any. */
function onTimePercent(f: NoticeFigures): number | null {
  return f.received === 0 ? null : Math.round((f.onTime / f.received) * 1000) / 10;
}

const noticeCells = (f: NoticeFigures) => [f.received, f.onTime, f.late, f.never, onTimePercent(f)];

function noticeHead(t: Translate): string[] {
  return [
    t('report-col-notices-received'),
    t('report-col-notices-on-time'),
    t('report-col-notices-late'),
    t('report-col-notices-never'),
    t('plan-doc-col-notices-rate'),
  ];
}

const empty = (): NoticeFigures => ({ received: 0, onTime: 0, late: 0, never: 0 });

function count(f: NoticeFigures, state: string): void {
  f.received++;
  if (state === 'confirmed') f.onTime++;
  else if (state === 'late') f.late++;
  else if (state === 'overdue') f.never++;
}

/** I.5: the notices received by the officials of the unit's subtree in the year; null when there were none. */
export function noticesSection(deps: PlanSectionDeps): PlanReportContribution {
  return async ({ report, org, t, tableNumber }) => {
    const x = await ensureReportExtras({ ...deps, org }, report);
    const { rows, total } = x.notices;
    if (rows.length === 0) return null;
    const byUnit = new Map<number, NoticeFigures>();
    const byNotice = new Map<number, { code: string; title: string; f: NoticeFigures }>();
    for (const r of rows) {
      let u = byUnit.get(r.unitId);
      if (!u) byUnit.set(r.unitId, (u = empty()));
      count(u, r.state);
      let n = byNotice.get(r.noticeId);
      if (!n) byNotice.set(r.noticeId, (n = { code: r.code, title: r.title, f: empty() }));
      count(n.f, r.state);
    }
    const pending = total.received - total.onTime - total.late - total.never;
    const rate = onTimePercent(total);
    const units: PlanTable = {
      caption: t('plan-doc-table-notices-units', { n: tableNumber() }),
      head: [t('report-col-no'), t('report-col-unit'), ...noticeHead(t)],
      widths: [9, 36, 14, 14, 14, 14, 14],
      rows: [
        ...report.units.map((u, i) => ({ cells: [i + 1, u.name, ...noticeCells(byUnit.get(u.id) ?? empty())], depth: u.depth })),
        { cells: ['', t('report-total'), ...noticeCells(total)], total: true },
      ],
      fontSize: 12,
    };
    const notices: PlanTable = {
      caption: t('plan-doc-table-notices-list', { n: tableNumber() }),
      head: [t('report-col-no'), t('report-col-notice'), ...noticeHead(t)],
      widths: [9, 46, 12, 12, 12, 12, 12],
      rows: [...byNotice.values()].map((n, i) => ({ cells: [i + 1, `${n.code} ${n.title}`, ...noticeCells(n.f)] })),
      fontSize: 12,
    };
    return [
      {
        kind: 'paragraph',
        text: t('plan-doc-notices-text', {
          notices: byNotice.size,
          received: total.received,
          onTime: total.onTime,
          late: total.late,
          never: total.never,
          pending,
          rate: rate === null ? '—' : formatPlanNumber(rate),
        }),
      },
      { kind: 'table', table: units },
      { kind: 'table', table: notices },
    ];
  };
}

/** I.6: exemplary officials and units (the policy's criteria) and commendations, as the XLSX's "Ghi nhận" sheet. */
export function recognitionSection(deps: PlanSectionDeps): PlanReportContribution {
  return async ({ report, org, t, tableNumber }) => {
    const x = await ensureReportExtras({ ...deps, org }, report);
    const { officials, units } = x.recognition;
    if (officials.length + units.length + x.commendations.length === 0) return null;
    const unitName = (id: number) => org.unit(UnitId(id))?.name ?? '—';
    const personName = (id: number) => org.official(OfficialId(id))?.fullName ?? '—';
    const c = x.criteria;
    const blocks: PlanBlock[] = [
      { kind: 'paragraph', text: t('plan-doc-recognition-text', { units: units.length, officials: officials.length, commendations: x.commendations.length }) },
      {
        kind: 'paragraph',
        text: t('plan-doc-recognition-criteria', { minItems: c.minItems, percent: Math.round(c.unitOnTimeRate * 100), minUnit: c.unitMinItems }),
      },
    ];
    const table: PlanTable = {
      caption: t('plan-doc-table-recognition', { n: tableNumber() }),
      head: [t('report-col-no'), t('report-rec-col-kind'), t('report-col-official-name'), t('report-col-unit'), t('report-col-detail')],
      widths: [9, 22, 28, 32, 54],
      rows: [
        ...officials.map((o) => [
          t('report-kind-exemplary-official'),
          personName(o.officialId),
          unitName(o.unitId),
          t('plan-doc-recognition-items', { count: o.items.length, codes: o.items.map((i) => i.code).join(', ') }),
        ]),
        ...units.map((u) => [
          t('report-kind-exemplary-unit'),
          '',
          unitName(u.unitId),
          t('plan-doc-recognition-unit-rate', { percent: formatPlanNumber(Math.round(u.onTimeRate * 1000) / 10), rated: u.rated }),
        ]),
        ...x.commendations.map((m) => [
          t('report-kind-commendation'),
          personName(m.officialId),
          unitName(m.unitId),
          t('plan-doc-recognition-commendation', { date: formatDate(m.at, report.timezone), by: personName(m.byId), item: m.itemCode ?? 'none', text: m.text }),
        ]),
      ].map((cells, i) => ({ cells: [i + 1, ...cells] })),
      fontSize: 12,
    };
    blocks.push({ kind: 'table', table });
    return blocks;
  };
}
