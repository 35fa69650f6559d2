// `report --from … --to … [--unit CODE] --out FILE.xlsx`: the admin's evaluation report (PRODUCT.md §5, §7) for a
// period and a unit subtree (the whole organisation without --unit), written as XLSX, its summary printed.
import path from 'node:path';
import { buildReport } from '../../app/reports/build-report.js';
import { withReportExtras } from '../../app/recognition/report-extras.js';
import { createStores } from '../../db/stores.js';
import { reportSummaryBlocks } from '../../app/reports/report-summary.js';
import { writeReportXlsx } from '../../app/reports/report-xlsx.js';
import { CAPABILITIES } from '../../app/ports/channel.js';
import { loadConfiguredPolicy } from '../../config/policy-file.js';
import { loadCalendar } from '../../db/repositories/calendar.repository.js';
import { loadOrgDirectory } from '../../db/repositories/org.repository.js';
import { asLocale } from '../../domain/locale.js';
import { normaliseCode } from '../../domain/org/org-import.js';
import { parseLocalDate, parsePeriod, type Period } from '../../domain/report/period.js';
import { defineCommand } from '../define-command.js';

const USAGE = 'report --from DATE --to DATE [--unit CODE] --out FILE.xlsx [--lang vi|en]';

export const reportCommand = defineCommand({
  path: ['report'],
  usage: USAGE,
  summary: 'evaluation report for a period and a unit subtree: XLSX (officials, units, items) and a summary',
  options: {
    from: { type: 'string' },
    to: { type: 'string' },
    period: { type: 'string' },
    unit: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  },
  async run(ctx, { values: flags, positionals: positional }) {
    const t = ctx.catalogue.translator(asLocale(flags.lang ?? 'vi'));
    const out = flags.out;
    const usage = () => {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      ctx.err(t('report-cli-usage'));
      return 2;
    };
    if (!out || positional.length > 0 || !out.toLowerCase().endsWith('.xlsx')) return usage();

    const policy = loadConfiguredPolicy(ctx.config);
    const opened = await ctx.openDatabase();
    try {
      const calendar = await loadCalendar(opened.db, policy);
      const now = ctx.time.now();
      const today = calendar.localDate(now);
      const thisYear = Number(today.slice(0, 4));
      let period: Period | undefined;
      if (typeof flags.period === 'string') period = parsePeriod(flags.period, today);
      else if (typeof flags.from === 'string' && typeof flags.to === 'string') {
        const from = parseLocalDate(flags.from, thisYear);
        const to = parseLocalDate(flags.to, thisYear);
        if (from && to && from <= to) period = { kind: 'range', from, to, year: Number(from.slice(0, 4)) };
      }
      if (!period) {
        ctx.err(t('report-cli-bad-period', { from: String(flags.from ?? ''), to: String(flags.to ?? '') }));
        return usage();
      }

      const org = await loadOrgDirectory(opened.db);
      let rootUnitId: number | null = null;
      if (flags.unit !== undefined) {
        const code = normaliseCode(flags.unit);
        const unit = org.allUnits().find((u) => u.code === code);
        if (!unit) {
          ctx.err(t('report-cli-unknown-unit', { code }));
          return 1;
        }
        rootUnitId = unit.id;
      }

      const report = await withReportExtras(
        { stores: createStores(opened.db), org, criteria: policy.recognition },
        await buildReport({ db: opened.db, calendar, org, policy, now }, period, rootUnitId),
      );
      const file = path.resolve(out);
      await writeReportXlsx(report, org, t, file);
      const blocks = reportSummaryBlocks(report, { t, org, capabilities: CAPABILITIES.TELEGRAM, withFile: false });
      for (const b of blocks) {
        if (b.gap) ctx.out('');
        for (const line of b.text.split('\n')) ctx.out(line);
      }
      ctx.out('');
      ctx.out(t('report-cli-written', { file, tasks: report.computed.tasks.length, answers: report.computed.answers.length }));
      return 0;
    } finally {
      await opened.close();
    }
  },
});
