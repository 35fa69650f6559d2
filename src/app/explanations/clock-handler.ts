// The answer clock of a demand for explanation (EXPLANATION_ANSWER), on the same ladder as everything else.
import type { ClockHandler } from '../clocks/clock-handler.js';
import type { AppContext } from '../context.js';
import { cbtn } from '../views/consultation-views.js';
import { questionText } from '../views/explanation-views.js';
import { personLabel } from '../views/people.js';

export function explanationClockHandler(app: AppContext): ClockHandler {
  return {
    kinds: ['EXPLANATION_ANSWER'],
    async load(tx, clock) {
      const d = await app.stores.explanations.find(tx, clock.itemId);
      if (!d || d.status !== 'OPEN' || d.officialId !== clock.officialId) return null;
      const item = await app.stores.items.summary(d.itemKind, d.itemId, tx);
      const calendar = await app.calendar();
      return {
        code: d.code,
        render(t, v, ctx) {
          const late =
            d.priority === 'URGENT'
              ? v.wallDuration(Math.max(0, v.now.getTime() - d.deadline.getTime()))
              : v.workingDuration(calendar.workingMsBetween(d.deadline, v.now));
          const base = {
            code: d.code,
            item: item ? `${item.code} "${v.quote(item.title, 120)}"` : '—',
            question: questionText(t, v, d, item),
            askedAt: v.dateTime(d.createdAt),
            deadline: v.dateTime(d.deadline),
            late,
            nextAt: ctx.nextAt ? v.dateTime(ctx.nextAt) : '—',
            superior: ctx.nextRecipient ? personLabel(t, ctx.nextRecipient) : t('reminder-no-superior'),
            requester: personLabel(t, ctx.org.official(d.requesterId as never)),
          };
          if (ctx.audience.to === 'person') {
            return {
              text: t(ctx.level === 0 ? 'reminder-explain-0' : 'reminder-explain-1', base),
              buttons: [[cbtn(t, 'btn-explain-answer', 'explain.answer', d.id)]],
            };
          }
          return {
            text: [
              t('escalation-explain-title', { code: d.code }),
              t('escalation-explain-body', { ...base, who: personLabel(t, ctx.person), reminders: ctx.sentSoFar }),
              t('explain-escalation-level', { level: ctx.level, depth: ctx.audience.depth }),
            ].join('\n'),
            buttons: [[cbtn(t, 'btn-view', 'explain.view', d.id)]],
          };
        },
      };
    },
  };
}
