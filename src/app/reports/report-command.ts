// /danhgia thang|quy|nam (/evaluation month|quarter|year), or a from–to range: the evaluation report of the head's
// unit subtree, as a chat summary and an XLSX file sent as a document. (/baocao is taken by progress reports.)
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OutboundMessage, RouterResult } from '../ports/channel.js';
import { parsePeriod } from '../../domain/report/period.js';
import type { Session } from '../interaction/session.js';
import { buildReport } from './build-report.js';
import { reportSummaryMessages } from './report-summary.js';
import { writeReportXlsx } from './report-xlsx.js';
import { DAY_MS } from '../../domain/time/duration.js';
import { withReportExtras } from '../recognition/report-extras.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Report files wait here until the chat platform has them; older ones are swept at the next report. */
export const REPORTS_DIR = path.join(tmpdir(), 'dondoc-reports');
const KEEP_FILES_MS = DAY_MS;

export async function sweepOldFiles(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const limit = Date.now() - KEEP_FILES_MS;
  for (const name of entries) {
    const p = path.join(dir, name);
    const s = await stat(p).catch(() => undefined);
    if (s && s.mtimeMs < limit) await rm(p, { recursive: true, force: true }).catch(() => {});
  }
}

/** An ASCII file name: "danh-gia_TCKH_2026-11-01_2026-11-30.xlsx". */
export function reportFileName(prefix: string, unitCode: string, from: string, to: string): string {
  const safe = unitCode.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${prefix}_${safe}_${from}_${to}.xlsx`;
}

export async function evaluationCommand(s: Session, args: string): Promise<RouterResult> {
  if (s.official.role !== 'HEAD') return { replies: [{ text: s.t('report-not-head') }] };
  const calendar = await s.app.calendar();
  const now = s.app.time.now();
  const today = calendar.localDate(now);
  const period = args.trim() === '' ? undefined : parsePeriod(args, today);
  if (!period) return { replies: [{ text: s.t('report-usage') }] };
  if (period.from > today) return { replies: [{ text: s.t('report-future') }] };

  const org = await s.app.org();
  const report = await withReportExtras(
    { stores: s.app.stores, org, criteria: s.app.policy.recognition },
    await buildReport({ stores: s.app.stores, calendar, org, policy: s.app.policy, now }, period, s.official.unitId),
  );
  const messages: OutboundMessage[] = reportSummaryMessages(report, { t: s.t, org, capabilities: s.capabilities, withFile: true });

  await mkdir(REPORTS_DIR, { recursive: true });
  await sweepOldFiles(REPORTS_DIR);
  const dir = path.join(REPORTS_DIR, randomUUID());
  await mkdir(dir);
  const unitCode = org.unit(s.official.unitId)?.code ?? 'unit';
  const filename = reportFileName(s.t('report-file-prefix'), unitCode, period.from, period.to);
  const file = path.join(dir, filename);
  await writeReportXlsx(report, org, s.t, file);
  const last = messages.at(-1)!;
  last.attachment = {
    type: 'document',
    source: { kind: 'local-file', path: file, filename, mime: XLSX_MIME },
    caption: s.t('report-file-caption', { file: filename }),
  };
  return { replies: messages };
}
