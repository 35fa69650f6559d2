// The backlog review's queries (review, review_item), behind ReviewStore (src/app/ports/stores/review.ts).
import type {
  ReviewAuditEntry,
  ReviewCandidate,
  ReviewItemChange,
  ReviewItemRow,
  ReviewItemView,
  ReviewRow,
  ReviewStore,
} from '../../app/ports/stores/review.js';
import type { StoreTx } from '../../app/ports/stores.js';
import type { ReviewDecision, ReviewOutcome, ReviewWhy } from '../../domain/review/backlog.js';
import type { TaskStatus } from '../../domain/task/types.js';
import type { PrismaClient, Tx } from '../client.js';
import type { Review as ReviewModel, ReviewItem as ReviewItemModel } from '../generated/client.js';
import { appendAudit } from './audit.repository.js';
import { startClock, stopClocks } from './clock.repository.js';
import { nextSequence } from './sequence.repository.js';

/** The use case's transaction as Prisma's: StoreTx is opaque to the application, and only made here from a Tx. */
export const txOf = (tx: StoreTx): Tx => tx as Tx;

const toReview = (r: ReviewModel): ReviewRow => ({
  id: r.id,
  code: r.code,
  headId: r.headId,
  unitId: r.unitId,
  staleAfter: r.staleAfter,
  startedAt: r.startedAt,
  closedAt: r.closedAt,
});

const toItem = (r: ReviewItemModel): ReviewItemRow => ({
  ...r,
  why: r.why as ReviewWhy,
  statusAtStart: r.statusAtStart as TaskStatus,
  outcome: r.outcome as ReviewOutcome,
  decision: r.decision as ReviewDecision | null,
});

const WITH_TASK = { review: { select: { code: true, headId: true } } } as const;

async function withTasks(db: PrismaClient | Tx, rows: (ReviewItemModel & { review: { code: string; headId: number } })[]): Promise<ReviewItemView[]> {
  const tasks = await db.task.findMany({
    where: { id: { in: rows.map((r) => r.taskId) } },
    select: { id: true, code: true, title: true, status: true, deadline: true, createdAt: true, assignerId: true, assigneeId: true, unitId: true },
  });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return rows
    .filter((r) => byId.has(r.taskId))
    .map((r) => {
      const t = byId.get(r.taskId)!;
      return { ...toItem(r), task: { ...t, status: t.status as TaskStatus }, reviewCode: r.review.code, headId: r.review.headId };
    })
    .sort((a, b) => a.task.code.localeCompare(b.task.code));
}

export function reviewStore(db: PrismaClient): ReviewStore {
  return {
    nextNumber: (tx, year) => nextSequence(txOf(tx), `RS-${year}`),
    async openTasksOfUnits(tx, unitIds, statuses): Promise<ReviewCandidate[]> {
      const rows = await txOf(tx).task.findMany({
        where: { unitId: { in: [...unitIds] }, status: { in: [...statuses] } },
        select: { id: true, code: true, title: true, assignerId: true, status: true, deadline: true, createdAt: true, assigneeId: true, unitId: true },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((r) => ({ ...r, status: r.status as TaskStatus }));
    },
    async create(tx, review) {
      return toReview(await txOf(tx).review.create({ data: review }));
    },
    async addItems(tx, items) {
      if (items.length === 0) return [];
      const rows = await txOf(tx).reviewItem.createManyAndReturn({ data: items.map((i) => ({ ...i })) });
      return rows.map(toItem);
    },
    async openOfHead(headId, tx) {
      const row = await (tx ? txOf(tx) : db).review.findFirst({ where: { headId, closedAt: null }, orderBy: { id: 'desc' } });
      return row ? toReview(row) : undefined;
    },
    async latestOfHead(headId) {
      const row = await db.review.findFirst({ where: { headId }, orderBy: { id: 'desc' } });
      return row ? toReview(row) : undefined;
    },
    async byCode(code) {
      const row = await db.review.findFirst({ where: { code } });
      return row ? toReview(row) : undefined;
    },
    async close(tx, id, at) {
      await txOf(tx).review.update({ where: { id }, data: { closedAt: at } });
    },
    async items(reviewId) {
      return withTasks(db, await db.reviewItem.findMany({ where: { reviewId }, include: WITH_TASK }));
    },
    async item(id, tx) {
      const c = tx ? txOf(tx) : db;
      const row = await c.reviewItem.findUnique({ where: { id }, include: WITH_TASK });
      return row ? (await withTasks(c, [row]))[0] : undefined;
    },
    async lockItem(tx, id) {
      const rows = await txOf(tx).$queryRaw<ReviewItemModel[]>`SELECT * FROM review_item WHERE id = ${id} FOR UPDATE`;
      return rows[0] ? toItem(rows[0]) : undefined;
    },
    async updateItem(tx, id, change: ReviewItemChange) {
      return toItem(await txOf(tx).reviewItem.update({ where: { id }, data: change }));
    },
    async pendingForOwner(ownerId) {
      return withTasks(db, await db.reviewItem.findMany({ where: { ownerId, outcome: 'PENDING_OWNER', review: { closedAt: null } }, include: WITH_TASK }));
    },
    async pendingForDecider(deciderId) {
      return withTasks(db, await db.reviewItem.findMany({ where: { deciderId, outcome: 'PENDING_HEAD', review: { closedAt: null } }, include: WITH_TASK }));
    },
    startClock: (tx, clock) => startClock(txOf(tx), clock),
    stopClocks: (tx, itemId, at, reason, officialId) => stopClocks(txOf(tx), 'REVIEW_ITEM', itemId, at, reason, ['REVIEW_DECISION'], officialId),
    audit: (tx, entries: ReviewAuditEntry | ReviewAuditEntry[]) => appendAudit(txOf(tx), entries),
  };
}
