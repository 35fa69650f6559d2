// The report as a head reads it in chat: the totals of their subtree, then one line per unit below them (each with
// everything under it) or, in a unit without units below, one line per official. The XLSX has the rest.
import type { ChannelCapabilities, OutboundMessage } from '../ports/channel.js';
import { packBlocks, type Block } from '../../domain/digest/split.js';
import { UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Figures } from '../../domain/report/metrics.js';
import type { Period } from '../../domain/report/period.js';
import type { Translate } from '../../i18n/catalogue.js';
import { formatDateTime, formatIsoDay } from '../../domain/time/local-time.js';
import type { Report } from './build-report.js';
import { nameOf, unitNameOf } from '../views/people.js';
import { noticeBlocks, praiseBlocks } from '../recognition/report-extras-view.js';

/** Lines per unit or official in chat; the file lists everyone. */
export const SUMMARY_LINES = 30;

export function periodLabel(t: Translate, p: Period): string {
  switch (p.kind) {
    case 'month':
      return t('report-period-month', { month: String(p.index).padStart(2, '0'), year: String(p.year) });
    case 'quarter':
      return t('report-period-quarter', { quarter: p.index ?? 1, year: String(p.year) });
    case 'year':
      return t('report-period-year', { year: String(p.year) });
    case 'range':
      return t('report-period-range', { from: formatIsoDay(p.from), to: formatIsoDay(p.to) });
  }
}

function decimal(locale: string, n: number): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 0 }).format(n);
}

function rate(t: Translate, f: Figures): string {
  const rated = f.completedOnTime + f.completedLate + f.overdueNow;
  if (f.onTimeRate === null) return t('report-rate-none');
  return t('report-rate', { percent: decimal(t.locale, f.onTimeRate * 100), onTime: f.completedOnTime, rated });
}

function hours(t: Translate, ms: number | null): string {
  return ms === null ? t('report-median-none') : t('report-hours', { hours: decimal(t.locale, ms / 3_600_000) });
}

function signalsText(t: Translate, f: Figures): string {
  if (f.signalsTotal === 0) return t('report-signals-none');
  const parts = f.signals.map((n, b) => (n > 0 ? t('report-behaviour-count', { behaviour: b, count: n }) : '')).filter(Boolean);
  return t('report-signals', { count: f.signalsTotal, detail: parts.join('; ') });
}

/** The summary lines of one set of figures. */
export function figureLines(t: Translate, f: Figures): string[] {
  return [
    t('report-tasks-heading'),
    t('report-tasks-line1', { received: f.tasksReceived, accepted: f.acceptedInTime }),
    t('report-tasks-line2', { onTime: f.completedOnTime, late: f.completedLate, overdue: f.overdueNow }),
    t('report-tasks-rate', { rate: rate(t, f) }),
    t('report-tasks-accept-median', { median: hours(t, f.acceptMedianMs) }),
    t('report-consult-heading'),
    t('report-consult-line1', { received: f.consultationsReceived, inTime: f.answeredInTime, late: f.answeredLate, unanswered: f.unansweredOverdue }),
    t('report-consult-line2', { noStance: f.answersWithoutStance, median: hours(t, f.answerMedianMs) }),
    signalsText(t, f),
    t('report-explanations', { count: f.explanations }),
  ];
}

/** One compact line for a unit or an official. */
export function shortLine(t: Translate, name: string, f: Figures): string {
  return t('report-short-line', {
    name,
    received: f.tasksReceived,
    rate: rate(t, f),
    overdue: f.overdueNow,
    inTime: f.answeredInTime,
    asked: f.consultationsReceived,
    signals: f.signalsTotal,
  });
}

export interface SummaryContext {
  t: Translate;
  org: OrgDirectory;
  capabilities: ChannelCapabilities;
  /** Whether a file comes with the summary (the bot) or not. */
  withFile: boolean;
}

export function reportSummaryBlocks(report: Report, c: SummaryContext): Block<never>[] {
  const { t, org } = c;
  const tz = report.timezone;
  const rootName = report.rootUnitId === null ? t('report-scope-all') : unitNameOf(org.unit(UnitId(report.rootUnitId)));
  const blocks: Block<never>[] = [];
  const head = [t('report-title', { period: periodLabel(t, report.period), unit: rootName })];
  head.push(t('report-range', { from: formatIsoDay(report.period.from), to: formatIsoDay(report.period.to) }));
  if (report.bounds.cutoff.getTime() < report.bounds.to.getTime()) head.push(t('report-cutoff', { at: formatDateTime(report.bounds.cutoff, tz) }));
  head.push(t('report-scope', { units: report.units.length, officials: report.officials.length }));
  blocks.push({ text: head.join('\n') });
  // Recognition comes before the figures that carry the signals, never after (issue 15).
  if (report.extras) blocks.push(...praiseBlocks(t, report.extras, org));
  blocks.push({ text: figureLines(t, report.computed.total).join('\n'), gap: true });
  if (report.extras) blocks.push(...noticeBlocks(t, report.extras, report));

  const root = report.rootUnitId === null ? undefined : report.units[0];
  const children = report.units.filter((u) => (root ? u.depth === 1 : u.depth === 0));
  const lines: string[] = [];
  if (children.length > 0) {
    blocks.push({ text: t('report-by-unit'), gap: true });
    if (root) {
      const own = report.computed.byUnit.get(root.id);
      if (own) lines.push(shortLine(t, t('report-own-unit', { unit: unitNameOf(root) }), own));
    }
    for (const u of children) lines.push(shortLine(t, unitNameOf(u), report.rolledUp(u.id)));
  } else {
    blocks.push({ text: t('report-by-official'), gap: true });
    for (const o of report.officials) {
      const f = report.computed.byOfficial.get(o.id);
      if (f) lines.push(shortLine(t, t('report-official-name', { name: nameOf(o) }), f));
    }
  }
  for (const line of lines.slice(0, SUMMARY_LINES)) blocks.push({ text: line });
  if (lines.length > SUMMARY_LINES) blocks.push({ text: t('report-more-lines', { count: lines.length - SUMMARY_LINES }) });
  if (lines.length === 0) blocks.push({ text: t('report-no-lines') });
  blocks.push({ text: t(c.withFile ? 'report-file-note' : 'report-cli-note'), gap: true });
  return blocks;
}

export function reportSummaryMessages(report: Report, c: SummaryContext): OutboundMessage[] {
  const title = reportSummaryBlocks(report, c);
  const parts = packBlocks(title, {
    max: c.capabilities.maxTextLength,
    continuation: (part, parts) => c.t('report-continued', { part, parts }),
  });
  return parts.map((p) => ({ text: p.text }));
}
