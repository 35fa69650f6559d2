import type { ActionButton, OutboundMessage } from '../../ports/channel.js';
import { encodeAction } from '../../actions.js';
import { taskListLine } from '../../views/task-views.js';
import type { Session } from '../session.js';
import { buttonLabel } from '../../views/labels.js';

export const PAGE_SIZE = 5;

/** /viec: what waits for me, paged, one button per task to open it. */
export async function taskList(s: Session, page: number): Promise<OutboundMessage> {
  const { tasks, total } = await s.app.stores.tasks.needingAction(s.officialId, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  if (total === 0) return { text: s.t('tasks-list-empty') };
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const lines = [s.t('tasks-list-title', { total }), ...tasks.map((t) => taskListLine(s.t, s.v, t, s.officialId))];
  if (pages > 1) lines.push(s.t('tasks-list-page', { page, pages }));
  const buttons: ActionButton[][] = tasks.map((t) => [{ label: buttonLabel(`${t.code} · ${t.title}`), action: encodeAction('task.view', t.id) }]);
  const nav: ActionButton[] = [];
  if (page > 1) nav.push({ label: s.t('btn-prev'), action: encodeAction('list.tasks', page - 1) });
  if (page < pages) nav.push({ label: s.t('btn-next'), action: encodeAction('list.tasks', page + 1) });
  if (nav.length > 0) buttons.push(nav);
  return { text: lines.join('\n'), buttons };
}
