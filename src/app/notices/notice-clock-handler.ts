// The confirmation clock of one recipient (NOTICE_CONFIRM) on the ladder of PRODUCT.md §4: reminders to the
// recipient (merged with their other reminders in a wave), then their superior at level 2, and up.
import { OfficialId } from '../../domain/ids.js';
import type { ClockHandler, ClockSubject } from '../clocks/clock-handler.js';
import type { NoticeFile, NoticeRecipientRecord } from '../ports/stores/notices.js';
import type { AppContext } from '../context.js';
import { personLabel } from '../views/people.js';
import { confirmButtons, nbtn } from './notice-views.js';

function subject(file: NoticeFile, r: NoticeRecipientRecord, workingMsLate: number): ClockSubject {
  const n = file.notice;
  return {
    code: n.code,
    render(t, v, ctx) {
      const base = {
        code: n.code,
        title: v.quote(n.title, 200),
        sender: personLabel(t, ctx.org.official(OfficialId(n.senderId))),
        sentAt: v.dateTime(r.addedAt),
        deadline: v.dateTime(r.deadline),
        late: v.workingDuration(Math.max(0, workingMsLate)),
        nextAt: ctx.nextAt ? v.dateTime(ctx.nextAt) : '—',
        superior: ctx.nextRecipient ? personLabel(t, ctx.nextRecipient) : t('reminder-no-superior'),
      };
      if (ctx.audience.to === 'person') {
        return { text: t(ctx.level === 0 ? 'reminder-notice-0' : 'reminder-notice-1', base), buttons: confirmButtons(t, n.id) };
      }
      return {
        text: [
          t('escalation-notice-title', { code: n.code }),
          t('escalation-notice-body', { ...base, who: personLabel(t, ctx.person), reminders: ctx.sentSoFar }),
        ].join('\n'),
        buttons: [[nbtn(t, 'btn-notice-view', 'notice.view', n.id)]],
      };
    },
  };
}

export function noticeClockHandler(app: AppContext): ClockHandler {
  return {
    kinds: ['NOTICE_CONFIRM'],
    async load(tx, clock) {
      const file = await app.stores.notices.load(tx, clock.itemId);
      const r = file?.recipients.find((x) => x.officialId === clock.officialId);
      if (!file || !r || file.notice.status !== 'OPEN' || r.confirmedAt) return null;
      const calendar = await app.calendar();
      return subject(file, r, calendar.workingMsBetween(r.deadline, app.time.now()));
    },
  };
}
