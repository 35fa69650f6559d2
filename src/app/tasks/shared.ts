import type { Tx } from '../../db/client.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { lockTask } from '../../db/repositories/task.repository.js';
import { DomainError } from '../../domain/errors.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Task } from '../../domain/task/types.js';
import type { TaskPeople } from '../views/task-views.js';

export async function lockTaskOrFail(tx: Tx, taskId: number): Promise<Task> {
  const task = await lockTask(tx, taskId);
  if (!task) throw new DomainError('task-not-found');
  return task;
}

export function peopleOf(org: OrgDirectory, task: Pick<Task, 'assignerId' | 'assigneeId'>): TaskPeople {
  return { assigner: org.official(task.assignerId), assignee: org.official(task.assigneeId) };
}

export async function auditTask(tx: Tx, at: Date, actorId: number | null, action: string, task: Task, data: Record<string, unknown> = {}): Promise<void> {
  await appendAudit(tx, { at, actorId, action: `task.${action}`, entity: 'task', entityId: task.id, data: { code: task.code, ...data } });
}
