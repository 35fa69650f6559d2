// The answer clock of one respondent (CONSULTATION_ANSWER) on the ladder of PRODUCT.md §4: reminders to the
// respondent, then their superior, then the superior's superior. At level 0 the deadline has passed without a
// stance: behaviour 5 is recorded.
import type { ClockHandler, ClockSubject } from '../clocks/clock-handler.js';
import type { WorkingCalendar } from '../../domain/calendar/types.js';
import { respondentState } from '../../domain/consultation/types.js';
import type { AppContext } from '../context.js';
import { signalsForRespondent } from '../signals/consultation-signals.js';
import { cbtn, consultArg, stanceButtons } from '../views/consultation-views.js';
import { personLabel } from '../views/people.js';
import type { ConsultationFile } from '../ports/stores/consultations.js';
import type { ViewTools } from '../views/tools.js';

function lateText(v: ViewTools, calendar: WorkingCalendar, file: ConsultationFile): string {
  const c = file.consultation;
  return c.priority === 'URGENT'
    ? v.wallDuration(Math.max(0, v.now.getTime() - c.deadline.getTime()))
    : v.workingDuration(calendar.workingMsBetween(c.deadline, v.now));
}

function subject(app: AppContext, file: ConsultationFile, respondentId: number, calendar: WorkingCalendar): ClockSubject {
  const c = file.consultation;
  const r = file.respondents.find((x) => x.id === respondentId)!;
  return {
    code: c.code,
    async fired(tx, { clock, now }) {
      if (clock.level === 0 && clock.cycle === 0) await signalsForRespondent(app, tx, file, r, now);
    },
    render(t, v, ctx) {
      const base = {
        code: c.code,
        subject: v.quote(c.subject, 200),
        asker: personLabel(t, ctx.org.official(c.askerId)),
        askedAt: v.dateTime(c.createdAt),
        deadline: v.dateTime(c.deadline),
        late: lateText(v, calendar, file),
        nextAt: ctx.nextAt ? v.dateTime(ctx.nextAt) : '—',
        superior: ctx.nextRecipient ? personLabel(t, ctx.nextRecipient) : t('reminder-no-superior'),
      };
      const noStance = respondentState(r) === 'no-stance';
      if (ctx.audience.to === 'person') {
        const lines = [t(ctx.level === 0 ? 'reminder-consult-0' : 'reminder-consult-1', base)];
        if (noStance) lines.push(t('reminder-consult-no-stance'));
        return { text: lines.join('\n'), buttons: stanceButtons(t, c.id, r) };
      }
      const lines = [
        t('escalation-consult-title', { code: c.code }),
        t('escalation-consult-body', { ...base, who: personLabel(t, ctx.person), reminders: ctx.sentSoFar }),
      ];
      if (noStance) lines.push(t('escalation-consult-no-stance'));
      if (r.delegateId) lines.push(t('consult-resp-delegated', { who: personLabel(t, ctx.org.official(r.delegateId)) }));
      lines.push(t('consult-escalation-level', { level: ctx.level, depth: ctx.audience.depth }));
      const arg = consultArg(c.id, r.officialId);
      return {
        text: lines.join('\n'),
        buttons: [[cbtn(t, 'btn-nudge', 'consult.nudge', arg), cbtn(t, 'btn-view', 'consult.view', c.id)], [cbtn(t, 'btn-explain', 'consult.explain', arg)]],
      };
    },
  };
}

export function consultationClockHandler(app: AppContext): ClockHandler {
  return {
    kinds: ['CONSULTATION_ANSWER'],
    async load(tx, clock) {
      const file = await app.stores.consultations.load(clock.itemId, tx);
      const r = file?.respondents.find((x) => x.officialId === clock.officialId);
      if (!file || !r || file.consultation.status !== 'OPEN' || r.stance) return null;
      return subject(app, file, r.id, await app.calendar());
    },
  };
}
