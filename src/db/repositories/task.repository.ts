import { OfficialId, TaskId, UnitId } from '../../domain/ids.js';
import type { Task, TaskStatus } from '../../domain/task/types.js';
import type { TaskEventInput, TaskStore } from '../../app/ports/stores/tasks.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx, readerOf } from '../store-tx.js';
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

/**
 * Locks the task's row until the transaction ends, so two taps on one button serialise, and reads it in the same
 * query: a button press reads its task once. The columns are the model's fields (the table maps no column names).
 */
export async function lockTask(tx: Tx, id: number): Promise<Task | undefined> {
  const rows = await tx.$queryRaw<TaskRow[]>`SELECT * FROM task WHERE id = ${id} FOR UPDATE`;
  const row = rows[0];
  return row ? toTask(row) : undefined;
}

export async function findTask(db: PrismaClient | Tx, id: number): Promise<Task | undefined> {
  const row = await db.task.findUnique({ where: { id } });
  return row ? toTask(row) : undefined;
}

/**
 * Tasks by id in one raw statement: a firing wave loads ~200 at once, and Prisma's model query cost ~1.5 times the
 * Node CPU of the same rows read raw (issue 14). The columns are named, so a column added to the table later is not
 * read until the model has it.
 */
export async function findTasks(db: PrismaClient | Tx, ids: readonly number[]): Promise<Task[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<TaskRow[]>`
    SELECT id, code, year, seq, title, description, "expectedResult", priority::text AS priority, status::text AS status, deadline,
           "originalDeadline", "assignerId", "assigneeId", "unitId", "sourceDocRef", "externalRef", "previousTaskId", "acceptedAt",
           "startedAt", "lastProgressAt", "progressPercent", "completedAt", "resultNote", "closedAt", "declinedAt", "cancelledAt",
           "reopenCount", "bounceCount", "createdAt", "updatedAt"
    FROM task WHERE id = ANY(${[...new Set(ids)]}::int[])`;
  return rows.map(toTask);
}

export async function findTaskByCode(db: PrismaClient | Tx, code: string): Promise<Task | undefined> {
  const row = await db.task.findFirst({ where: { code: code.toUpperCase() } });
  return row ? toTask(row) : undefined;
}

/** The task another system created with this id (`task create --ref`). */
export async function findTaskByExternalRef(db: PrismaClient | Tx, externalRef: string): Promise<Task | undefined> {
  const row = await db.task.findFirst({ where: { externalRef } });
  return row ? toTask(row) : undefined;
}

export async function updateTask(tx: Tx, id: number, data: Prisma.TaskUpdateInput): Promise<Task> {
  return toTask(await tx.task.update({ where: { id }, data }));
}

export type { TaskEventInput };

export async function addTaskEvent(tx: Tx, taskId: number, event: TaskEventInput): Promise<number> {
  const row = await tx.taskEvent.create({ data: { ...event, data: event.data as Prisma.InputJsonValue | undefined, taskId }, select: { id: true } });
  return row.id;
}

/** The note of the latest progress report that had one, for the task card. */
export async function latestProgressNote(db: PrismaClient | Tx, taskId: number): Promise<string | undefined> {
  const row = await db.taskEvent.findFirst({
    where: { taskId, kind: 'PROGRESS_REPORTED', note: { not: null } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { note: true },
  });
  return row?.note ?? undefined;
}

/**
 * Tasks where the person owes something now: to do as assignee, or to decide as assigner. The page and the number of
 * all such tasks come from one statement (`count(*) OVER ()` is computed before OFFSET/LIMIT), so a `/viec` costs one
 * round trip here instead of two (issue 14); the three arms match the three task indexes (a BitmapOr).
 */
export async function listTasksNeedingAction(
  db: PrismaClient,
  officialId: number,
  page: { offset: number; limit: number },
): Promise<{ tasks: Task[]; total: number }> {
  const rows = await db.$queryRawUnsafe<(TaskRow & { pageTotal: bigint })[]>(NEEDING_ACTION_PAGE, officialId, page.offset, page.limit);
  // A page past the end has no row to carry the total: only then is it counted apart (a stale page button).
  const total = rows.length > 0 ? Number(rows[0]!.pageTotal) : page.offset === 0 ? 0 : await countNeedingAction(db, officialId);
  return { tasks: rows.map(({ pageTotal: _, ...row }) => toTask(row)), total };
}

/** $1 the official: what they must do (assignee) or decide (assigner: a finished or declined task, an extension asked). */
const NEEDING_ACTION_WHERE = `
  (t."assigneeId" = $1 AND t.status IN ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'))
  OR (t."assignerId" = $1 AND t.status IN ('DONE', 'DECLINED'))
  OR (t."assignerId" = $1 AND t.id IN (SELECT e."taskId" FROM extension_request e WHERE e.status = 'PENDING'))`;

const NEEDING_ACTION_PAGE = `
  SELECT t.*, count(*) OVER () AS "pageTotal" FROM task t
  WHERE ${NEEDING_ACTION_WHERE}
  ORDER BY t.deadline, t.id OFFSET $2 LIMIT $3`;

async function countNeedingAction(db: PrismaClient, officialId: number): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM task t WHERE ${NEEDING_ACTION_WHERE}`, officialId);
  return Number(row?.n ?? 0);
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

export async function findExtensionRequest(db: PrismaClient | Tx, id: number) {
  return db.extensionRequest.findUnique({ where: { id } });
}

export async function createExtensionRequest(tx: Tx, data: { taskId: number; requesterId: number; newDeadline: Date; reason: string; createdAt: Date }) {
  return tx.extensionRequest.create({ data });
}

/** Marks a pending request decided; false when someone decided it first (two taps, two assigners). */
export async function claimExtensionDecision(tx: Tx, id: number, status: 'APPROVED' | 'REFUSED', decidedById: number, decidedAt: Date): Promise<boolean> {
  const claimed = await tx.extensionRequest.updateMany({ where: { id, status: 'PENDING' }, data: { status, decidedById, decidedAt } });
  return claimed.count > 0;
}

/** The assignee's tasks in the given states, soonest deadline first (the tasks a progress report may be about). */
export async function listTasksOfAssignee(db: PrismaClient | Tx, assigneeId: number, statuses: readonly TaskStatus[], limit: number): Promise<Task[]> {
  const rows = await db.task.findMany({ where: { assigneeId, status: { in: [...statuses] } }, orderBy: { deadline: 'asc' }, take: limit });
  return rows.map(toTask);
}

/** The application's TaskStore over this client. */
export function taskStore(db: PrismaClient): TaskStore {
  return {
    async create(tx, row) {
      return toTask(await prismaTx(tx).task.create({ data: row }));
    },
    lock: (tx, id) => lockTask(prismaTx(tx), id),
    find: (id, tx) => findTask(readerOf(db, tx), id),
    findMany: (tx, ids) => findTasks(prismaTx(tx), ids),
    findByExternalRef: (externalRef) => findTaskByExternalRef(db, externalRef),
    needingAction: (officialId, page) => listTasksNeedingAction(db, officialId, page),
    findByCode: (code) => findTaskByCode(db, code),
    ofAssignee: (assigneeId, statuses, limit) => listTasksOfAssignee(db, assigneeId, statuses, limit),
    latestProgressNote: (taskId) => latestProgressNote(db, taskId),
    pendingExtensionId: async (taskId) => (await pendingExtension(db, taskId))?.id,
    taskOfExtension: async (id) => (await findExtensionRequest(db, id))?.taskId,
    update: (tx, id, patch) => updateTask(prismaTx(tx), id, patch),
    addEvent: (tx, taskId, event) => addTaskEvent(prismaTx(tx), taskId, event),
    bounceEvents: (tx, taskId) =>
      prismaTx(tx).taskEvent.findMany({
        where: { taskId, kind: { in: ['DECLINED', 'REASSIGNED', 'INSISTED'] } },
        orderBy: { id: 'asc' },
        select: { id: true, kind: true, at: true, actorId: true, reason: true },
      }),
    pendingExtension: (tx, taskId) => pendingExtension(prismaTx(tx), taskId),
    findExtension: (tx, id) => findExtensionRequest(prismaTx(tx), id),
    createExtension: (tx, data) => createExtensionRequest(prismaTx(tx), data),
    claimExtensionDecision: (tx, id, status, decidedById, decidedAt) => claimExtensionDecision(prismaTx(tx), id, status, decidedById, decidedAt),
    async voidPendingExtensions(tx, task, at, keepAssignee) {
      const t = prismaTx(tx);
      const lapsed = await t.extensionRequest.findMany({
        where: { taskId: task.id, status: 'PENDING', ...(keepAssignee ? { requesterId: { not: task.assigneeId } } : {}) },
        select: { id: true },
      });
      const ids = lapsed.map((r) => r.id);
      if (ids.length > 0) await t.extensionRequest.updateMany({ where: { id: { in: ids }, status: 'PENDING' }, data: { status: 'VOIDED', decidedAt: at } });
      return ids;
    },
  };
}
