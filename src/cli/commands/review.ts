// `review start --head CODE`: a head's backlog review of their subtree, as /rasoat starts it (issue 16.1);
// `review export --code RS-… --out FILE.xlsx`: every item of a review with its decision.
import path from 'node:path';
import { startReview } from '../../app/review/start-review.js';
import { writeReviewXlsx } from '../../app/review/review-xlsx.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { dynamicKey } from '../../i18n/catalogue.js';
import { defineCommand } from '../define-command.js';
import { withApp } from '../with-app.js';

const START = 'review start --head CODE';
const EXPORT = 'review export --code RS-YYYY-NNNN --out FILE.xlsx';

const plainArgs = (args: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : (v as string)]));

export const reviewStartCommand = defineCommand({
  path: ['review', 'start'],
  usage: START,
  summary: "start a head's review of long-open and overdue tasks of their unit subtree (as /rasoat)",
  options: { head: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0 || !values.head) {
      ctx.err(`usage: npm run cli -- ${START}`);
      return 2;
    }
    return withApp(ctx, async (app) => {
      const t = app.catalogue.translator('vi');
      const head = await app.stores.org.officialByCode(values.head!);
      if (!head) {
        ctx.err(t('invite-official-unknown', { code: values.head! }));
        return 1;
      }
      try {
        const { review, items } = await startReview(app, OfficialId(head.id));
        ctx.out(t('review-started-reply', { code: review.code, count: items.length, owners: new Set(items.map((i) => i.ownerId)).size }));
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.err(t(dynamicKey(e.key), plainArgs(e.args)));
          return 1;
        }
        throw e;
      }
    });
  },
});

export const reviewExportCommand = defineCommand({
  path: ['review', 'export'],
  usage: EXPORT,
  summary: 'write every item of a review with its decision as XLSX',
  options: { code: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0 || !values.code || !values.out?.toLowerCase().endsWith('.xlsx')) {
      ctx.err(`usage: npm run cli -- ${EXPORT}`);
      return 2;
    }
    return withApp(ctx, async (app) => {
      const t = app.catalogue.translator('vi');
      const review = await app.stores.review.byCode(values.code!.trim().toUpperCase());
      if (!review) {
        ctx.err(t('review-not-found'));
        return 1;
      }
      const items = await app.stores.review.items(review.id);
      const file = path.resolve(values.out!);
      await writeReviewXlsx(review, items, await app.org(), t, app.policy.calendar.timezone, file);
      ctx.out(t('review-file-caption', { code: review.code, count: items.length }));
      ctx.out(file);
      return 0;
    });
  },
});
