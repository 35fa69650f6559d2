// /baocaokh [năm] (/planreport [year]): the draft of the plan's implementation report (IV.1) for the head's unit and
// the units under it, as a DOCX sent like the evaluation XLSX (a Telegram document, a download link on Zalo), with a
// short summary of its figures in the head's language.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RouterResult } from '../ports/channel.js';
import { FIRST_REPORT_YEAR, parseReportYear } from '../../domain/report/plan-year.js';
import { fold } from '../../domain/text/normalize.js';
import { formatDateTime, formatIsoDay } from '../../domain/time/local-time.js';
import type { Session } from '../interaction/session.js';
import { unitNameOf } from '../views/people.js';
import { buildPlanReport } from './plan-report.js';
import { DOCX_MIME } from './plan-report-docx.js';
import { REPORTS_DIR, sweepOldFiles } from './report-command.js';
import { percent } from './report-figures.js';

/** An ASCII file name: "bao-cao-ke-hoach_UBND_2026.docx". */
export function planReportFileName(prefix: string, unitCode: string, year: number): string {
  return `${prefix}_${unitCode.replace(/[^A-Za-z0-9_-]+/g, '-')}_${year}.docx`;
}

/** "", "2026", "nam 2026", "year 2026". */
function yearArgument(args: string): string | undefined {
  const m = /^(?:(?:nam|year)\s+)?(\S*)$/.exec(fold(args.trim()));
  return m ? m[1] : undefined;
}

export async function planReportCommand(s: Session, args: string): Promise<RouterResult> {
  if (s.official.role !== 'HEAD') return { replies: [{ text: s.t('plan-report-not-head') }] };
  const calendar = await s.app.calendar();
  const now = s.app.time.now();
  const thisYear = Number(calendar.localDate(now).slice(0, 4));
  const word = yearArgument(args);
  if (word === undefined || (word !== '' && !/^\d+$/.test(word))) return { replies: [{ text: s.t('plan-report-usage') }] };
  const year = word === '' ? thisYear : parseReportYear(word, thisYear);
  if (year === undefined) return { replies: [{ text: s.t('plan-report-future', { year: word, min: String(FIRST_REPORT_YEAR), max: String(thisYear) }) }] };

  const org = await s.app.org();
  const plan = await buildPlanReport(
    { stores: s.app.stores, catalogue: s.app.catalogue, calendar, org, policy: s.app.policy, now },
    { year, unitId: s.official.unitId },
  );
  const { report } = plan;
  const total = report.computed.total;
  const rate = percent(total.onTimeRate);
  const partial = report.bounds.cutoff.getTime() < report.bounds.to.getTime();
  const text = s.t(partial ? 'plan-report-ready-partial' : 'plan-report-ready', {
    year: String(year),
    unit: unitNameOf(org.unit(s.official.unitId)),
    from: formatIsoDay(report.period.from),
    to: formatIsoDay(report.period.to),
    at: formatDateTime(report.bounds.cutoff, report.timezone),
    tasks: total.tasksReceived,
    rate:
      rate === null
        ? s.t('plan-report-rate-none')
        : `${new Intl.NumberFormat(s.locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(rate)}%`,
    consultations: total.consultationsReceived,
    signals: total.signalsTotal,
  });

  await mkdir(REPORTS_DIR, { recursive: true });
  await sweepOldFiles(REPORTS_DIR);
  const dir = path.join(REPORTS_DIR, randomUUID());
  await mkdir(dir);
  const filename = planReportFileName(s.t('plan-report-file-prefix'), org.unit(s.official.unitId)?.code ?? 'unit', year);
  const file = path.join(dir, filename);
  await writeFile(file, plan.bytes);
  return {
    replies: [
      {
        text,
        attachment: {
          type: 'document',
          source: { kind: 'local-file', path: file, filename, mime: DOCX_MIME },
          caption: s.t('plan-report-file-caption', { file: filename }),
        },
      },
    ],
  };
}
