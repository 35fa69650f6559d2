// The figures of an evaluation report as numbers people read: one column per figure, each with the one function that
// turns the computed Figures into the number shown. The XLSX (report-xlsx.ts) and the plan's implementation report
// (plan-report-content.ts) both read them from here, so a figure in the DOCX is the figure in the XLSX.
import { BEHAVIOURS, type Figures } from '../../domain/report/metrics.js';
import { HOUR_MS } from '../../domain/time/duration.js';

/** Working hours to one decimal, as the XLSX shows them. */
export const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / HOUR_MS) * 10) / 10);
/** A rate as a percentage to one decimal, as the XLSX shows it. */
export const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** A figure column of the officials and units sheets. */
export interface FigureColumn {
  /** Stable name for code that picks columns (the catalogue key is shared by the behaviour columns). */
  id: string;
  key: string;
  args?: Record<string, string | number>;
  width: number;
  value(f: Figures): number | null;
  /** Summed in the totals row (counts); rates and medians are not. */
  sum: boolean;
  format?: string;
}

export const FIGURE_COLUMNS: FigureColumn[] = [
  { id: 'tasksReceived', key: 'report-col-tasks-received', width: 11, value: (f) => f.tasksReceived, sum: true },
  { id: 'acceptedInTime', key: 'report-col-accepted-in-time', width: 11, value: (f) => f.acceptedInTime, sum: true },
  { id: 'completedOnTime', key: 'report-col-completed-on-time', width: 11, value: (f) => f.completedOnTime, sum: true },
  { id: 'completedLate', key: 'report-col-completed-late', width: 11, value: (f) => f.completedLate, sum: true },
  { id: 'overdueNow', key: 'report-col-overdue-now', width: 11, value: (f) => f.overdueNow, sum: true },
  { id: 'onTimeRate', key: 'report-col-on-time-rate', width: 11, value: (f) => percent(f.onTimeRate), sum: false, format: '0.0' },
  { id: 'acceptMedian', key: 'report-col-accept-median', width: 12, value: (f) => hours(f.acceptMedianMs), sum: false, format: '0.0' },
  { id: 'consultationsReceived', key: 'report-col-consultations-received', width: 11, value: (f) => f.consultationsReceived, sum: true },
  { id: 'answeredInTime', key: 'report-col-answered-in-time', width: 11, value: (f) => f.answeredInTime, sum: true },
  { id: 'answeredLate', key: 'report-col-answered-late', width: 11, value: (f) => f.answeredLate, sum: true },
  { id: 'unansweredOverdue', key: 'report-col-unanswered-overdue', width: 11, value: (f) => f.unansweredOverdue, sum: true },
  { id: 'answerMedian', key: 'report-col-answer-median', width: 12, value: (f) => hours(f.answerMedianMs), sum: false, format: '0.0' },
  { id: 'noStance', key: 'report-col-no-stance', width: 11, value: (f) => f.answersWithoutStance, sum: true },
  { id: 'signals', key: 'report-col-signals', width: 11, value: (f) => f.signalsTotal, sum: true },
  ...BEHAVIOURS.map(
    (n): FigureColumn => ({ id: `behaviour${n}`, key: 'report-col-behaviour', args: { n }, width: 6, value: (f) => f.signals[n] ?? 0, sum: true }),
  ),
  { id: 'explanations', key: 'report-col-explanations', width: 11, value: (f) => f.explanations, sum: true },
];

const BY_ID = new Map(FIGURE_COLUMNS.map((c) => [c.id, c]));

/** The column named `id`; a misspelt id is a programming error. */
export function figureColumn(id: string): FigureColumn {
  const c = BY_ID.get(id);
  if (!c) throw new RangeError(`no figure column ${id}`);
  return c;
}

/**
 * The share of requests for opinion answered with a stance (in time or late), in percent like the XLSX rates; null
 * when nobody was asked. Not a column of the XLSX: it is two of its columns over a third, so anyone recounts it there.
 */
export function stanceRatePercent(f: Figures): number | null {
  return f.consultationsReceived === 0 ? null : percent((f.answeredInTime + f.answeredLate) / f.consultationsReceived);
}
