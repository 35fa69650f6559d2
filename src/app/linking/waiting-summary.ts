// What waited for a person before they linked a chat (issue 13, point 5): messages to someone with no chat are not
// queued (notify), so on linking they get one summary of what is still theirs to act on, with actions: tasks,
// consultations, escalations, and quán triệt notices to confirm (issue 15 §5: an official imported after a notice).
import type { Locale } from '../../domain/locale.js';
import { encodeAction } from '../actions.js';
import type { AppContext } from '../context.js';
import type { ActionButton, ChannelCapabilities, OutboundMessage } from '../ports/channel.js';
import { buttonLabel } from '../views/labels.js';

/** Escalations received this many working days back are still news to someone who just linked. */
export const ESCALATION_LOOKBACK_WORKING_DAYS = 3;
/** Items listed per section; the rest is counted and found with /viec. */
const LISTED = 5;

interface Listed {
  code: string;
  title: string;
  action: string;
}

/** The summary, or undefined when nothing waits. */
export async function waitingSummary(
  app: AppContext,
  officialId: number,
  locale: Locale,
  capabilities: ChannelCapabilities,
): Promise<OutboundMessage | undefined> {
  const t = app.catalogue.translator(locale, capabilities);
  const stores = app.stores;
  const { tasks, total } = await stores.tasks.needingAction(officialId, { offset: 0, limit: LISTED });
  const consultations = await stores.consultations.waitingFor(officialId);
  const calendar = await app.calendar();
  const since = calendar.subtract(app.time.now(), { ms: ESCALATION_LOOKBACK_WORKING_DAYS * calendar.workingDayMs, basis: 'working' });
  const escalated: Listed[] = [];
  for (const e of await stores.clocks.escalationsReceivedSince(officialId, since)) {
    if (e.itemKind === 'TASK') {
      const task = await stores.tasks.find(e.itemId);
      if (task) escalated.push({ code: task.code, title: task.title, action: encodeAction('task.view', task.id) });
    } else if (e.itemKind === 'CONSULTATION') {
      const c = (await stores.consultations.load(e.itemId))?.consultation;
      if (c) escalated.push({ code: c.code, title: c.subject, action: encodeAction('consult.view', c.id) });
    }
  }
  // Quán triệt notices still to confirm: a newcomer added to a notice in force before linking hears of it here.
  const notices = await stores.notices.waitingFor(officialId);
  if (total === 0 && consultations.length === 0 && escalated.length === 0 && notices.length === 0) return undefined;

  const lines: string[] = [t('link-waiting-title')];
  const buttons: ActionButton[][] = [];
  const section = (title: string, items: Listed[], count: number, more: 'link-waiting-more' | 'link-waiting-more-notices' = 'link-waiting-more') => {
    if (count === 0) return;
    lines.push('', title);
    for (const i of items.slice(0, LISTED)) {
      lines.push(t('link-waiting-line', { code: i.code, title: buttonLabel(i.title) }));
      buttons.push([{ label: t('btn-digest-view', { code: i.code }), action: i.action }]);
    }
    if (count > LISTED) lines.push(t(more, { count: count - LISTED }));
  };
  section(
    t('link-waiting-tasks', { count: total }),
    tasks.map((x) => ({ code: x.code, title: x.title, action: encodeAction('task.view', x.id) })),
    total,
  );
  section(
    t('link-waiting-consultations', { count: consultations.length }),
    consultations.map((r) => ({ code: r.consultation.code, title: r.consultation.subject, action: encodeAction('consult.view', r.consultation.id) })),
    consultations.length,
  );
  section(t('link-waiting-escalations', { count: escalated.length, days: ESCALATION_LOOKBACK_WORKING_DAYS }), escalated, escalated.length);
  section(
    t('link-waiting-notices', { count: notices.length }),
    notices.map((f) => ({ code: f.notice.code, title: f.notice.title, action: encodeAction('notice.view', f.notice.id) })),
    notices.length,
    'link-waiting-more-notices',
  );
  return { text: lines.join('\n'), buttons };
}
