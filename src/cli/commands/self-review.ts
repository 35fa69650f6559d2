// `selfreview open --from DATE --to DATE [--by CODE]`: an admin opens a self-review round for any period (the yearly
// round opens by itself on the policy's day); `selfreview export --unit CODE --out FILE.xlsx [--from --to]`: the
// unit's forms for the review meeting (issue 16.2).
import path from 'node:path';
import { openSelfReview } from '../../app/self-review/open-cycle.js';
import { unitRows } from '../../app/self-review/self-review-chat.js';
import { writeSelfReviewXlsx } from '../../app/self-review/self-review-xlsx.js';
import { DomainError } from '../../domain/errors.js';
import { normaliseCode } from '../../domain/org/org-import.js';
import { parseLocalDate, type Period } from '../../domain/report/period.js';
import { dynamicKey } from '../../i18n/catalogue.js';
import { defineCommand } from '../define-command.js';
import { withApp } from '../with-app.js';

const OPEN = 'selfreview open --from DATE --to DATE [--by ADMIN_CODE]';
const EXPORT = 'selfreview export --unit CODE --from DATE --to DATE --out FILE.xlsx';

function periodOf(from: string | undefined, to: string | undefined, thisYear: number): Period | undefined {
  const f = from ? parseLocalDate(from, thisYear) : undefined;
  const t = to ? parseLocalDate(to, thisYear) : undefined;
  if (!f || !t || f > t) return undefined;
  const year = Number(f.slice(0, 4));
  return f === `${year}-01-01` && t === `${year}-12-31` ? { kind: 'year', year, from: f, to: t } : { kind: 'range', year, from: f, to: t };
}

export const selfReviewOpenCommand = defineCommand({
  path: ['selfreview', 'open'],
  usage: OPEN,
  summary: 'open a self-review round for every official over a period (the year opens by itself on the policy day)',
  options: { from: { type: 'string' }, to: { type: 'string' }, by: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    return withApp(ctx, async (app) => {
      const t = app.catalogue.translator('vi');
      const thisYear = Number((await app.calendar()).localDate(app.time.now()).slice(0, 4));
      const period = periodOf(values.from, values.to, thisYear);
      if (positionals.length > 0 || !period) {
        ctx.err(`usage: npm run cli -- ${OPEN}`);
        return 2;
      }
      let by: number | null = null;
      if (values.by) {
        const admin = await app.stores.org.officialByCode(values.by);
        if (!admin?.isAdmin) {
          ctx.err(t('invite-official-unknown', { code: values.by }));
          return 1;
        }
        by = admin.id;
      }
      try {
        const { cycle, forms } = await openSelfReview(app, period, by);
        ctx.out(`${cycle.periodFrom} – ${cycle.periodTo}\t${forms}`);
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.err(t(dynamicKey(e.key), e.args as Record<string, string>));
          return 1;
        }
        throw e;
      }
    });
  },
});

export const selfReviewExportCommand = defineCommand({
  path: ['selfreview', 'export'],
  usage: EXPORT,
  summary: "write a unit's self-review forms (figures, self-assessment, both ratings) as XLSX",
  options: { unit: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    return withApp(ctx, async (app) => {
      const t = app.catalogue.translator('vi');
      const thisYear = Number((await app.calendar()).localDate(app.time.now()).slice(0, 4));
      const period = periodOf(values.from, values.to, thisYear);
      if (positionals.length > 0 || !period || !values.unit || !values.out?.toLowerCase().endsWith('.xlsx')) {
        ctx.err(`usage: npm run cli -- ${EXPORT}`);
        return 2;
      }
      const org = await app.org();
      const code = normaliseCode(values.unit);
      const unit = org.allUnits().find((u) => u.code === code);
      const cycle = await app.stores.selfReview.cycle(period.from, period.to);
      if (!unit || !cycle) {
        ctx.err(unit ? t('self-review-not-found') : t('report-cli-unknown-unit', { code }));
        return 1;
      }
      const { rows } = await unitRows(app, cycle.id, unit.id);
      const file = path.resolve(values.out);
      await writeSelfReviewXlsx(cycle, unit.name, rows, org, t, app.policy.calendar.timezone, file);
      ctx.out(t('self-review-file-caption', { unit: unit.name, count: rows.length }));
      ctx.out(file);
      return 0;
    });
  },
});
