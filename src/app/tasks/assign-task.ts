import { DomainError } from '../../domain/errors.js';
import type { OfficialId } from '../../domain/ids.js';
import { checkDeadlineHorizon } from '../../domain/policy/deadline-horizon.js';
import { checkFiveClear, type NewTaskInput } from '../../domain/task/five-clear.js';
import { formatTaskCode, type Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { inTransaction } from '../transaction.js';
import { newTaskMessage } from '../views/task-views.js';
import { yearIn } from '../../domain/time/local-time.js';
import { auditTask, peopleOf } from './shared.js';
import { startAcceptClock } from './task-clocks.js';

/** What the assigner states; the assigner is the one calling. */
export type AssignTaskInput = Omit<NewTaskInput, 'assignerId'> & {
  /** The id another system gave this task; unique, so a retried script cannot create it twice. */
  externalRef?: string | null;
};

export interface AssignTaskResult {
  task: Task;
  acceptBy: Date;
  /** False when the assignee has no reachable chat: the task exists, the digest shows it. */
  notified: boolean;
}

/** A head, deputy, superior or admin gives a task that is clear on all of "5 rõ" (PRODUCT.md §1, §3). */
export async function assignTask(app: AppContext, assignerId: OfficialId, input: AssignTaskInput): Promise<AssignTaskResult> {
  const now = app.time.now();
  const clear = checkFiveClear({ ...input, assignerId }, now);
  checkDeadlineHorizon(clear.deadline, now, app.policy.maxDeadlineYears);
  const org = await app.org();
  if (!org.canAssign(assignerId, clear.assigneeId)) throw new DomainError('assign-not-allowed');
  const assignee = org.official(clear.assigneeId)!;
  const year = yearIn(app.policy.calendar.timezone, now);

  return inTransaction(app, async (tx, effects) => {
    const seq = await app.stores.sequences.next(tx, `NV-${year}`);
    const task = await app.stores.tasks.create(tx, {
      code: formatTaskCode(year, seq),
      year,
      seq,
      title: clear.title,
      description: clear.description,
      expectedResult: clear.expectedResult,
      priority: clear.priority,
      deadline: clear.deadline,
      originalDeadline: clear.deadline,
      assignerId,
      assigneeId: clear.assigneeId,
      unitId: assignee.unitId,
      sourceDocRef: clear.sourceDocRef,
      externalRef: input.externalRef ?? null,
      createdAt: now,
    });
    await app.stores.tasks.addEvent(tx, task.id, { kind: 'CREATED', actorId: assignerId, at: now, newDeadline: task.deadline });
    await auditTask(app, tx, now, assignerId, 'created', task, { assigneeId: task.assigneeId, deadline: task.deadline.toISOString(), priority: task.priority });
    const acceptBy = await startAcceptClock(app, tx, effects, task, now);
    const outboxId = await notify(app, tx, effects, task.assigneeId, (t, v) => newTaskMessage(t, v, task, peopleOf(org, task), acceptBy));
    return { task, acceptBy, notified: outboxId !== null };
  });
}

export type AssignOnceResult = { created: true; result: AssignTaskResult } | { created: false; task: Task };

/**
 * `task create --ref`: the task another system already created under this id, or a new one. Two calls racing with
 * the same id meet at the unique index; the loser returns the winner's task.
 */
export async function assignTaskOnce(app: AppContext, assignerId: OfficialId, input: AssignTaskInput & { externalRef: string }): Promise<AssignOnceResult> {
  const existing = await app.stores.tasks.findByExternalRef(input.externalRef);
  if (existing) return { created: false, task: existing };
  try {
    return { created: true, result: await assignTask(app, assignerId, input) };
  } catch (e) {
    const winner = app.stores.isUniqueViolation(e) ? await app.stores.tasks.findByExternalRef(input.externalRef) : undefined;
    if (winner) return { created: false, task: winner };
    throw e;
  }
}
