import { DomainError } from '../../domain/errors.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { TaskPeople } from '../views/task-views.js';

export async function lockTaskOrFail(app: AppContext, tx: StoreTx, taskId: number): Promise<Task> {
  const task = await app.stores.tasks.lock(tx, taskId);
  if (!task) throw new DomainError('task-not-found');
  return task;
}

export function peopleOf(org: OrgDirectory, task: Pick<Task, 'assignerId' | 'assigneeId'>): TaskPeople {
  return { assigner: org.official(task.assignerId), assignee: org.official(task.assigneeId) };
}

export async function auditTask(
  app: AppContext,
  tx: StoreTx,
  at: Date,
  actorId: number | null,
  action: string,
  task: Task,
  data: Record<string, unknown> = {},
): Promise<void> {
  await app.stores.audit.append(tx, { at, actorId, action: `task.${action}`, entity: 'task', entityId: task.id, data: { code: task.code, ...data } });
}
