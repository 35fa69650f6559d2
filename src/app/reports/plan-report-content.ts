// The plan's implementation report (IV.1: "định kỳ hằng năm báo cáo kết quả thực hiện về Ban Thường vụ Huyện ủy") as
// content: the title block of Nghị định 30/2020/NĐ-CP, section I with the evaluation report's figures (the XLSX's, read
// through report-figures.ts: each unit's own items in tree order, then the total, exactly the XLSX's units sheet),
// sections II and III as placeholders for the office. The document is Vietnamese: it is built with the vi translator.
import { civilFromDays, parseIsoDate } from '../../domain/calendar/civil.js';
import type { IsoDate } from '../../domain/calendar/types.js';
import { UnitId } from '../../domain/ids.js';
import type { Unit } from '../../domain/org/types.js';
import { BEHAVIOURS, emptyFigures, type Figures } from '../../domain/report/metrics.js';
import { dynamicKey, type Translate } from '../../i18n/catalogue.js';
import { formatDateTime, formatIsoDay } from '../../domain/time/local-time.js';
import type {
  PlanBlock,
  PlanCell,
  PlanDocument,
  PlanReportContributions,
  PlanReportInput,
  PlanReportSlot,
  PlanSlotInput,
  PlanTable,
} from './plan-report-model.js';
import { figureColumn, stanceRatePercent, type FigureColumn } from './report-figures.js';

export interface PlanContentOptions {
  /** The day the draft is written (local): the date line, which the clerk corrects to the day of signing. */
  issuedOn: IsoDate;
  /** The place name of the date line; without it a blank for the clerk. */
  place?: string;
  contributions?: PlanReportContributions;
}

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/** A number as the document shows it: Vietnamese decimal comma ("42,9"); no figure as a dash. */
export function formatPlanNumber(n: number | null): string {
  return n === null ? '—' : decimal.format(n);
}

export function formatPlanCell(c: PlanCell): string {
  return typeof c === 'number' || c === null ? formatPlanNumber(c) : c;
}

/** Nghị định 30: a day below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2026"). */
export function decreeDateParts(date: IsoDate): { day: string; month: string; year: string } {
  const c = civilFromDays(parseIsoDate(date)!);
  return { day: String(c.day).padStart(2, '0'), month: c.month <= 2 ? String(c.month).padStart(2, '0') : String(c.month), year: String(c.year) };
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Columns of the tables, by the XLSX's figure columns (their titles, their values). */
const TASK_COLUMNS = ['tasksReceived', 'acceptedInTime', 'completedOnTime', 'completedLate', 'overdueNow', 'onTimeRate'].map(figureColumn);
const CONSULT_COLUMNS = ['consultationsReceived', 'answeredInTime', 'answeredLate', 'unansweredOverdue', 'noStance'].map(figureColumn);
const BEHAVIOUR_COLUMNS = BEHAVIOURS.map((n) => figureColumn(`behaviour${n}`));
const SIGNAL_TOTAL = figureColumn('signals');
const EXPLANATIONS = figureColumn('explanations');

interface FigureRow {
  unit: Unit & { depth: number };
  f: Figures;
}

function unitTable(
  t: Translate,
  caption: string,
  rows: FigureRow[],
  total: Figures,
  columns: { head: string; width: number; value(f: Figures): number | null }[],
  fontSize?: number,
): PlanTable {
  return {
    caption,
    head: [t('report-col-no'), t('report-col-unit'), ...columns.map((c) => c.head)],
    widths: [9, 36, ...columns.map((c) => c.width)],
    rows: [
      ...rows.map((r, i) => ({ cells: [i + 1, r.unit.name, ...columns.map((c) => c.value(r.f))], depth: r.unit.depth })),
      { cells: ['', t('report-total'), ...columns.map((c) => c.value(total))], total: true },
    ],
    ...(fontSize ? { fontSize } : {}),
  };
}

const fromXlsx = (t: Translate, c: FigureColumn, width: number, head?: string) => ({
  head: head ?? t(dynamicKey(c.key), c.args),
  width,
  value: (f: Figures) => c.value(f),
});

function rateText(t: Translate, f: Figures): string {
  const rated = f.completedOnTime + f.completedLate + f.overdueNow;
  const p = figureColumn('onTimeRate').value(f);
  return p === null ? t('plan-doc-rate-none') : t('plan-doc-rate', { percent: formatPlanNumber(p), onTime: f.completedOnTime, rated });
}

function hoursText(t: Translate, h: number | null): string {
  return h === null ? t('plan-doc-hours-none') : t('plan-doc-hours', { hours: formatPlanNumber(h) });
}

function stanceText(t: Translate, f: Figures): string {
  const p = stanceRatePercent(f);
  return p === null
    ? t('plan-doc-stance-none')
    : t('plan-doc-stance-rate', { percent: formatPlanNumber(p), answered: f.answeredInTime + f.answeredLate, received: f.consultationsReceived });
}

/** Tables 1–3 are section I's own; contributed tables follow in order. */
const OWN_TABLES = 3;

async function slot(input: PlanSlotInput, contributions: PlanReportContributions, name: PlanReportSlot, placeholder: string): Promise<PlanBlock[]> {
  const blocks = (await contributions[name]?.(input)) ?? null;
  return blocks && blocks.length > 0 ? blocks : [{ kind: 'placeholder', text: placeholder }];
}

/** What every section of section I reads: the total, each unit's own figures in tree order, the translator. */
interface SectionInput {
  t: Translate;
  total: Figures;
  rows: FigureRow[];
}

/** I.2 the tasks: the sentence with the totals, then the table per unit. */
function tasksSection({ t, total, rows }: SectionInput): PlanBlock[] {
  const median = hoursText(t, figureColumn('acceptMedian').value(total));
  const text = t('plan-doc-tasks-text', {
    received: total.tasksReceived,
    accepted: total.acceptedInTime,
    onTime: total.completedOnTime,
    late: total.completedLate,
    overdue: total.overdueNow,
    rate: rateText(t, total),
    median,
  });
  const columns = TASK_COLUMNS.map((col) => fromXlsx(t, col, 14));
  return [
    { kind: 'heading', level: 2, text: t('plan-doc-tasks-heading') },
    { kind: 'paragraph', text },
    { kind: 'table', table: unitTable(t, t('plan-doc-table-tasks'), rows, total, columns, 12) },
  ];
}

/** I.3 the requests for opinion: the sentence with the totals, then the table per unit with the stance rate. */
function consultationsSection({ t, total, rows }: SectionInput): PlanBlock[] {
  const text = t('plan-doc-consult-text', {
    received: total.consultationsReceived,
    inTime: total.answeredInTime,
    late: total.answeredLate,
    unanswered: total.unansweredOverdue,
    noStance: total.answersWithoutStance,
    stance: stanceText(t, total),
    median: hoursText(t, figureColumn('answerMedian').value(total)),
  });
  const columns = [...CONSULT_COLUMNS.map((col) => fromXlsx(t, col, 14)), { head: t('plan-doc-col-stance-rate'), width: 14, value: stanceRatePercent }];
  return [
    { kind: 'heading', level: 2, text: t('plan-doc-consult-heading') },
    { kind: 'paragraph', text },
    { kind: 'table', table: unitTable(t, t('plan-doc-table-consult'), rows, total, columns, 12) },
  ];
}

/** I.4 the behaviour signals (III.7's 11 behaviours) and the explanations demanded. */
function signalsSection({ t, total, rows }: SectionInput): PlanBlock[] {
  const detail = BEHAVIOURS.filter((n) => total.signals[n]! > 0).map((n) => t('plan-doc-behaviour-count', { behaviour: n, count: total.signals[n]! }));
  const text =
    total.signalsTotal === 0
      ? t('plan-doc-signals-none', { explanations: total.explanations })
      : t('plan-doc-signals-text', { count: total.signalsTotal, detail: detail.join('; '), explanations: total.explanations });
  const columns = [
    ...BEHAVIOUR_COLUMNS.map((col, i) => fromXlsx(t, col, 8, t('plan-doc-col-behaviour', { n: BEHAVIOURS[i]! }))),
    fromXlsx(t, SIGNAL_TOTAL, 10, t('plan-doc-col-signals-total')),
    fromXlsx(t, EXPLANATIONS, 12, t('plan-doc-col-explanations')),
  ];
  return [
    { kind: 'heading', level: 2, text: t('plan-doc-signals-heading') },
    { kind: 'paragraph', text },
    { kind: 'table', table: unitTable(t, t('plan-doc-table-signals'), rows, total, columns, 10) },
  ];
}

/** Sections II (limits, causes) and III (directions) are the office's to write: placeholders with the figures to weigh. */
function limitsAndDirections(t: Translate, total: Figures, unitName: string, year: string): PlanBlock[] {
  return [
    { kind: 'heading', level: 1, text: t('plan-doc-section-limits') },
    { kind: 'heading', level: 2, text: t('plan-doc-limits-heading') },
    {
      kind: 'placeholder',
      text: t('plan-doc-limits-placeholder', { overdue: total.overdueNow, unanswered: total.unansweredOverdue, signals: total.signalsTotal }),
    },
    { kind: 'heading', level: 2, text: t('plan-doc-causes-heading') },
    { kind: 'placeholder', text: t('plan-doc-causes-placeholder') },
    { kind: 'heading', level: 1, text: t('plan-doc-section-directions') },
    { kind: 'placeholder', text: t('plan-doc-directions-placeholder') },
    { kind: 'paragraph', text: t('plan-doc-closing', { unit: unitName, year }) },
  ];
}

/** The opening: what the report covers, and from which figures (partial while the year is not over). */
function introduction({ report, t }: PlanReportInput, unitName: string, year: string): PlanBlock[] {
  const source = report.bounds.cutoff.getTime() < report.bounds.to.getTime() ? 'plan-doc-source-partial' : 'plan-doc-source';
  return [
    { kind: 'paragraph', text: t('plan-doc-intro', { unit: unitName, year }) },
    {
      kind: 'paragraph',
      text: t(source, {
        from: formatIsoDay(report.period.from),
        to: formatIsoDay(report.period.to),
        at: formatDateTime(report.bounds.cutoff, report.timezone),
        units: report.units.length,
        officials: report.officials.length,
      }),
    },
  ];
}

export async function planReportContent(input: PlanReportInput, options: PlanContentOptions): Promise<PlanDocument> {
  const { report, org, t } = input;
  if (report.rootUnitId === null) throw new RangeError('the plan report is written by one unit');
  const unit = org.unit(UnitId(report.rootUnitId))!;
  const parent = unit.parentId === null ? undefined : org.unit(unit.parentId);
  const root = org.allUnits().find((u) => u.parentId === null && org.isUnitInSubtree(unit.id, u.id));
  const year = String(report.period.year);

  // The superior body heads the issuer only inside an administration (Phòng … under Ủy ban nhân dân huyện); a unit
  // directly under the organisation's root (the People's Committee under the Party Committee) issues in its own name.
  const superior = parent && parent.parentId !== null ? upper(parent.name) : null;
  const place = options.place?.trim() ? options.place.trim() : t('plan-doc-place-blank');

  const total = report.computed.total;
  const section: SectionInput = { t, total, rows: report.units.map((u) => ({ unit: u, f: report.computed.byUnit.get(u.id) ?? emptyFigures() })) };
  let tables = OWN_TABLES;
  const slotInput: PlanSlotInput = { ...input, tableNumber: () => ++tables };
  const contributions = options.contributions ?? {};

  const body: PlanBlock[] = [
    ...introduction(input, unit.name, year),
    { kind: 'heading', level: 1, text: t('plan-doc-section-results') },
    { kind: 'heading', level: 2, text: t('plan-doc-general-heading') },
    { kind: 'placeholder', text: t('plan-doc-general-placeholder') },
    ...tasksSection(section),
    ...consultationsSection(section),
    ...signalsSection(section),
    { kind: 'heading', level: 2, text: t('plan-doc-notices-heading') },
    ...(await slot(slotInput, contributions, 'notices', t('plan-doc-notices-placeholder'))),
    { kind: 'heading', level: 2, text: t('plan-doc-recognition-heading') },
    ...(await slot(slotInput, contributions, 'recognition', t('plan-doc-recognition-placeholder'))),
    { kind: 'heading', level: 2, text: t('plan-doc-assessment-heading') },
    { kind: 'placeholder', text: t('plan-doc-assessment-placeholder') },
    ...limitsAndDirections(t, total, unit.name, year),
  ];

  const recipients: string[] = [];
  if (root && root.id !== unit.id) recipients.push(t('plan-doc-recipient-standing', { root: root.name }));
  if (parent && root && parent.id !== root.id) recipients.push(t('plan-doc-recipient-unit', { unit: parent.name }));
  recipients.push(t('plan-doc-recipient-archive'));

  return {
    title: {
      superior,
      issuer: upper(unit.name),
      number: t('plan-doc-number', { symbol: unit.code }),
      nation: t('plan-doc-nation'),
      motto: t('plan-doc-motto'),
      placeDate: t('plan-doc-place-date', { place, ...decreeDateParts(options.issuedOn) }),
      draftMark: t('plan-doc-draft'),
    },
    kind: t('plan-doc-kind'),
    subject: t('plan-doc-subject', { year }),
    body,
    recipientsLabel: t('plan-doc-recipients'),
    recipients,
    signer: { authority: t('plan-doc-signer-authority'), name: org.headOf(unit.id)?.fullName ?? null },
  };
}
