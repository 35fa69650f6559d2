import type { ActionButton } from '../ports/channel.js';
import { OfficialId } from '../../domain/ids.js';
import { mayCommend } from '../../domain/recognition/commendation.js';
import { encodeAction } from '../actions.js';
import type { Session } from '../interaction/session.js';
import { buttonLabel } from '../views/labels.js';
import { nameOf } from '../views/people.js';

/** "Khen đ/c …" under the confirmation of a completed task, for those who may commend its assignee (issue 15). */
export async function praiseButtons(s: Session, task: { id: number; assigneeId: number }): Promise<ActionButton[][]> {
  const org = await s.app.org();
  if (!mayCommend(org, s.officialId, OfficialId(task.assigneeId))) return [];
  return [
    [{ label: buttonLabel(s.t('btn-praise', { name: nameOf(org.official(OfficialId(task.assigneeId))) })), action: encodeAction('praise.task', task.id) }],
  ];
}
