// `report plan --year 2026 --unit UBND --out bao-cao.docx [--place NAME] [--lang vi|en]`: the draft of the plan's
// implementation report (IV.1) for a unit and the units under it, as DOCX (Nghị định 30/2020/NĐ-CP). The document is
// Vietnamese; --lang is the language of what the command prints. Nothing is written unless the whole draft is ready.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlanReport } from '../../app/reports/plan-report.js';
import { loadConfiguredPolicy } from '../../config/policy-file.js';
import { loadCalendar } from '../../db/repositories/calendar.repository.js';
import { loadOrgDirectory } from '../../db/repositories/org.repository.js';
import { createStores } from '../../db/stores.js';
import { asLocale } from '../../domain/locale.js';
import { normaliseCode } from '../../domain/org/org-import.js';
import { FIRST_REPORT_YEAR, parseReportYear } from '../../domain/report/plan-year.js';
import { cleanText } from '../../domain/text/normalize.js';
import { defineCommand } from '../define-command.js';

const USAGE = 'report plan --year YYYY --unit CODE --out FILE.docx [--place NAME] [--lang vi|en]';

export const reportPlanCommand = defineCommand({
  path: ['report', 'plan'],
  usage: USAGE,
  summary: "the plan's yearly implementation report for a unit subtree: a DOCX draft (Decree 30/2020 form)",
  options: {
    year: { type: 'string' },
    unit: { type: 'string' },
    out: { type: 'string' },
    place: { type: 'string' },
    lang: { type: 'string' },
  },
  async run(ctx, { values: flags, positionals }) {
    const t = ctx.catalogue.translator(asLocale(flags.lang ?? 'vi'));
    const usage = () => {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      ctx.err(t('plan-report-cli-usage'));
      return 2;
    };
    const out = flags.out;
    if (!out || flags.year === undefined || flags.unit === undefined || positionals.length > 0) return usage();
    if (!out.toLowerCase().endsWith('.docx')) {
      ctx.err(t('plan-report-cli-not-docx', { file: out }));
      return usage();
    }

    const policy = loadConfiguredPolicy(ctx.config);
    const opened = await ctx.openDatabase();
    try {
      const calendar = await loadCalendar(opened.db, policy);
      const now = ctx.time.now();
      const thisYear = Number(calendar.localDate(now).slice(0, 4));
      const year = parseReportYear(flags.year, thisYear);
      if (year === undefined) {
        ctx.err(t('plan-report-cli-bad-year', { year: flags.year, min: String(FIRST_REPORT_YEAR), max: String(thisYear) }));
        return 2;
      }
      const org = await loadOrgDirectory(opened.db);
      const code = normaliseCode(flags.unit);
      const unit = org.allUnits().find((u) => u.code === code);
      if (!unit) {
        ctx.err(t('report-cli-unknown-unit', { code }));
        return 1;
      }
      const place = flags.place === undefined ? undefined : cleanText(flags.place);

      const plan = await buildPlanReport(
        { stores: createStores(opened.db), catalogue: ctx.catalogue, calendar, org, policy, now },
        { year, unitId: unit.id, ...(place ? { place } : {}) },
      );
      const file = path.resolve(out);
      try {
        await writeFile(file, plan.bytes);
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        ctx.err(t('plan-report-cli-cannot-write', { file, reason: err.code ?? err.message }));
        return 1;
      }
      const { report } = plan;
      ctx.out(
        t('plan-report-cli-written', {
          file,
          year: String(year),
          units: report.units.length,
          officials: report.officials.length,
          tasks: report.computed.total.tasksReceived,
        }),
      );
      return 0;
    } finally {
      await opened.close();
    }
  },
});
