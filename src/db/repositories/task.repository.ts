import { OfficialId, TaskId, UnitId } from '../../domain/ids.js';
import type { Task, TaskStatus } from '../../domain/task/types.js';
import type { PrismaClient, Tx } from '../client.js';
import type { Prisma, Task as TaskRow } from '../generated/client.js';

export function toTask(row: TaskRow): Task {
  return {
    ...row,
    id: TaskId(row.id),
    assignerId: OfficialId(row.assignerId),
    assigneeId: OfficialId(row.assigneeId),
    unitId: UnitId(row.unitId),
  };
}

/** Reads the task and locks its row until the transaction ends, so two taps on one button serialise. */
export async function lockTask(tx: Tx, id: number): Promise<Task | undefined> {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM task WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) return undefined;
  const row = await tx.task.findUnique({ where: { id } });
  return row ? toTask(row) : undefined;
}

export async function findTask(db: PrismaClient | Tx, id: number): Promise<Task | undefined> {
  const row = await db.task.findUnique({ where: { id } });
  return row ? toTask(row) : undefined;
}

export async function findTaskByCode(db: PrismaClient | Tx, code: string): Promise<Task | undefined> {
  const row = await db.task.findUnique({ where: { code: code.toUpperCase() } });
  return row ? toTask(row) : undefined;
}

/** The task another system created with this id (`task create --ref`). */
export async function findTaskByExternalRef(db: PrismaClient | Tx, externalRef: string): Promise<Task | undefined> {
  const row = await db.task.findUnique({ where: { externalRef } });
  return row ? toTask(row) : undefined;
}

export async function updateTask(tx: Tx, id: number, data: Prisma.TaskUpdateInput): Promise<Task> {
  return toTask(await tx.task.update({ where: { id }, data }));
}

export type TaskEventInput = Omit<Prisma.TaskEventUncheckedCreateInput, 'id' | 'taskId'>;

export async function addTaskEvent(tx: Tx, taskId: number, event: TaskEventInput): Promise<number> {
  const row = await tx.taskEvent.create({ data: { ...event, taskId }, select: { id: true } });
  return row.id;
}

/** The note of the latest progress report that had one, for the task card. */
export async function latestProgressNote(db: PrismaClient | Tx, taskId: number): Promise<string | undefined> {
  const row = await db.taskEvent.findFirst({ where: { taskId, kind: 'PROGRESS_REPORTED', note: { not: null } }, orderBy: [{ at: 'desc' }, { id: 'desc' }], select: { note: true } });
  return row?.note ?? undefined;
}

/** Tasks where the person owes something now: to do as assignee, or to decide as assigner. */
export async function listTasksNeedingAction(
  db: PrismaClient,
  officialId: number,
  page: { offset: number; limit: number },
): Promise<{ tasks: Task[]; total: number }> {
  const where: Prisma.TaskWhereInput = {
    OR: [
      { assigneeId: officialId, status: { in: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'] satisfies TaskStatus[] } },
      { assignerId: officialId, status: { in: ['DONE', 'DECLINED'] satisfies TaskStatus[] } },
      { assignerId: officialId, extensions: { some: { status: 'PENDING' } } },
    ],
  };
  const rows = await db.task.findMany({ where, orderBy: [{ deadline: 'asc' }, { id: 'asc' }], skip: page.offset, take: page.limit });
  // A first page that is not full is the whole list: no need to count.
  const total = page.offset === 0 && rows.length < page.limit ? rows.length : await db.task.count({ where });
  return { tasks: rows.map(toTask), total };
}

/** Open tasks assigned by this person to others (for "what did I give out"). */
export async function listTasksAssignedBy(db: PrismaClient, officialId: number, limit: number): Promise<Task[]> {
  const rows = await db.task.findMany({
    where: { assignerId: officialId, status: { in: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'] } },
    orderBy: [{ deadline: 'asc' }],
    take: limit,
  });
  return rows.map(toTask);
}

export async function pendingExtension(db: PrismaClient | Tx, taskId: number) {
  return db.extensionRequest.findFirst({ where: { taskId, status: 'PENDING' }, orderBy: { id: 'desc' } });
}
