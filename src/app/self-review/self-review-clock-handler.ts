// SELF_REVIEW on the ladder: the person is reminded to write their form, then the head to comment on it; from level 2
// the superiors are told. Writing (or commenting) stops the clock; so does a form already done.
import { OfficialId } from '../../domain/ids.js';
import type { ClockHandler } from '../clocks/clock-handler.js';
import type { AppContext } from '../context.js';
import { periodLabel } from '../reports/report-summary.js';
import { personLabel } from '../views/people.js';
import { btn } from '../views/task-views.js';
import { periodOf } from './write-form.js';

export function selfReviewClockHandler(app: AppContext): ClockHandler {
  return {
    kinds: ['SELF_REVIEW'],
    async load(tx, clock) {
      const form = await app.stores.selfReview.formById(clock.itemId, tx);
      if (!form) return null;
      const own = clock.officialId === form.officialId;
      const waiting = own
        ? form.submittedAt === null
        : form.submittedAt !== null && (form.headAt === null || form.headAt.getTime() < form.submittedAt.getTime());
      if (!waiting) return null;
      const cycle = await app.stores.selfReview.cycleById(form.cycleId);
      if (!cycle) return null;
      const code = `TS-${cycle.periodTo.slice(0, 4)}`;
      return {
        code,
        render(t, v, ctx) {
          const org = ctx.org;
          const base = {
            period: periodLabel(t, periodOf(cycle)),
            person: personLabel(t, org.official(OfficialId(form.officialId))),
            role: own ? 'self' : 'head',
            nextAt: ctx.nextAt ? v.dateTime(ctx.nextAt) : '—',
            superior: ctx.nextRecipient ? personLabel(t, ctx.nextRecipient) : t('reminder-no-superior'),
          };
          if (ctx.audience.to === 'person') {
            return {
              text: t(ctx.level === 0 ? 'reminder-self-review-0' : 'reminder-self-review-1', base),
              buttons: [[btn(t, own ? 'btn-self-open' : 'btn-self-review-head', 'self.view', form.id)]],
            };
          }
          return {
            text: [
              t('escalation-title', { code, what: t('escalation-what-SELF_REVIEW') }),
              t('escalation-self-review-body', { ...base, who: personLabel(t, ctx.person), reminders: ctx.sentSoFar }),
            ].join('\n'),
          };
        },
      };
    },
  };
}
