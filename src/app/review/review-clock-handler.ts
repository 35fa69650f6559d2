// REVIEW_DECISION on the ladder: levels 0–1 remind whoever must decide the item now (the owner, or the head or
// assigner for a proposal); from level 2 their superiors are told. The clock stops by itself once the item is
// decided, the review is closed, or the task closed in the meantime.
import type { ClockHandler } from '../clocks/clock-handler.js';
import type { AppContext } from '../context.js';
import { personLabel } from '../views/people.js';
import { btn } from '../views/task-views.js';
import { deciderButtons, itemState, ownerButtons, taskLine } from './review-views.js';

export function reviewClockHandler(app: AppContext): ClockHandler {
  return {
    kinds: ['REVIEW_DECISION'],
    async load(tx, clock) {
      const item = await app.stores.review.item(clock.itemId, tx);
      if (!item) return null;
      const review = await app.stores.review.openOfHead(item.headId, tx);
      if (!review || review.code !== item.reviewCode) return null;
      const state = itemState(item);
      const forOwner = state === 'PENDING_OWNER' && clock.officialId === item.ownerId;
      const forDecider = state === 'PENDING_HEAD' && clock.officialId === item.deciderId;
      if (!forOwner && !forDecider) return null;
      return {
        code: item.task.code,
        render(t, v, ctx) {
          const base = {
            review: item.reviewCode,
            code: item.task.code,
            line: taskLine(t, v, item.task),
            since: v.dateTime(forOwner ? review.startedAt : (item.headDecidedAt ?? item.decidedAt ?? review.startedAt)),
            nextAt: ctx.nextAt ? v.dateTime(ctx.nextAt) : '—',
            superior: ctx.nextRecipient ? personLabel(t, ctx.nextRecipient) : t('reminder-no-superior'),
            role: forOwner ? 'owner' : 'decider',
          };
          if (ctx.audience.to === 'person') {
            return {
              text: t(ctx.level === 0 ? 'reminder-review-0' : 'reminder-review-1', base),
              buttons: forOwner ? ownerButtons(t, item.id) : deciderButtons(t, item.id),
            };
          }
          return {
            text: [
              t('escalation-title', { code: item.task.code, what: t('escalation-what-REVIEW_DECISION') }),
              t('escalation-review-body', { ...base, who: personLabel(t, ctx.person), reminders: ctx.sentSoFar }),
            ].join('\n'),
            buttons: [[btn(t, 'btn-view', 'task.view', item.taskId)]],
          };
        },
      };
    },
  };
}
