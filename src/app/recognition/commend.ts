// A head's commendation (issue 15 "Recognition" §3): a short text kept on the person's record, told to the person in
// a warm, formal tone and to their superior, counted in reports beside signals.
import type { OfficialId } from '../../domain/ids.js';
import { checkCommend, COMMENDATION_RULE } from '../../domain/recognition/commendation.js';
import { DomainError } from '../../domain/errors.js';
import { requireText } from '../../domain/text/field.js';
import type { CommendationRecord } from '../ports/stores/recognition.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { inTransaction } from '../transaction.js';
import { personLabel } from '../views/people.js';

export interface CommendInput {
  officialId: OfficialId;
  text: string;
  /** The completed task the commendation is for, if any. */
  taskId?: number | null;
}

type NotifyTx = Parameters<typeof notify>[1];

export async function commend(app: AppContext, byId: OfficialId, input: CommendInput): Promise<CommendationRecord> {
  const org = await app.org();
  checkCommend(org, byId, input.officialId);
  const text = requireText(input.text, COMMENDATION_RULE);
  let task: Awaited<ReturnType<AppContext['stores']['recognition']['task']>>;
  if (input.taskId) {
    task = await app.stores.recognition.task(input.taskId);
    if (!task) throw new DomainError('task-not-found');
    if (task.assigneeId !== input.officialId) throw new DomainError('commend-task-not-theirs', { code: task.code });
    if (task.status !== 'CLOSED' && task.status !== 'DONE') throw new DomainError('commend-task-not-done', { code: task.code });
  }
  const person = org.official(input.officialId)!;
  const by = org.official(byId)!;
  const superior = org.superiorOf(input.officialId);
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const c = await app.stores.recognition.commend(tx, {
      officialId: input.officialId,
      unitId: person.unitId,
      byId,
      text,
      itemKind: task ? 'TASK' : null,
      itemId: task ? task.id : null,
      at: now,
    });
    await app.stores.recognition.audit(tx, {
      at: now,
      actorId: byId,
      action: 'given',
      commendationId: c.id,
      data: { officialId: input.officialId, item: task?.code ?? null },
    });
    await notify(app, tx as NotifyTx, effects, input.officialId, (t, v) => ({
      text: [
        t('commend-to-person-title'),
        t(task ? 'commend-to-person-item' : 'commend-to-person', {
          by: personLabel(t, by),
          code: task?.code ?? '',
          title: task ? v.quote(task.title, 120) : '',
        }),
        t('commend-text', { text: v.block(text, 500) }),
        t('commend-to-person-close'),
      ].join('\n'),
    }));
    if (superior && superior.id !== byId && superior.id !== input.officialId) {
      await notify(app, tx as NotifyTx, effects, superior.id, (t, v) => ({
        text: [
          t('commend-to-superior-title'),
          t(task ? 'commend-to-superior-item' : 'commend-to-superior', {
            by: personLabel(t, by),
            who: personLabel(t, person),
            code: task?.code ?? '',
            title: task ? v.quote(task.title, 120) : '',
          }),
          t('commend-text', { text: v.block(text, 500) }),
        ].join('\n'),
      }));
    }
    return c;
  });
}
