// Commendations (biểu dương, issue 15) behind the application's RecognitionStore (src/app/ports/stores/recognition.ts).
import type { CommendationRecord, RecognitionStore } from '../../app/ports/stores/recognition.js';
import type { StoreTx } from '../../app/ports/stores.js';
import type { PrismaClient, Tx } from '../client.js';
import type { Commendation as CommendationRow } from '../generated/client.js';
import { appendAudit } from './audit.repository.js';

const asTx = (tx: StoreTx): Tx => tx as unknown as Tx;

async function withCodes(db: PrismaClient | Tx, rows: CommendationRow[]): Promise<CommendationRecord[]> {
  const taskIds = rows.filter((r) => r.itemKind === 'TASK' && r.itemId !== null).map((r) => r.itemId!);
  const consultIds = rows.filter((r) => r.itemKind === 'CONSULTATION' && r.itemId !== null).map((r) => r.itemId!);
  const [tasks, consults] = await Promise.all([
    taskIds.length ? db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, code: true } }) : [],
    consultIds.length ? db.consultation.findMany({ where: { id: { in: consultIds } }, select: { id: true, code: true } }) : [],
  ]);
  const codes = new Map<string, string>([
    ...tasks.map((t) => [`TASK:${t.id}`, t.code] as const),
    ...consults.map((c) => [`CONSULTATION:${c.id}`, c.code] as const),
  ]);
  return rows.map((r) => ({ ...r, itemCode: r.itemKind && r.itemId !== null ? (codes.get(`${r.itemKind}:${r.itemId}`) ?? null) : null }));
}

export function recognitionStore(db: PrismaClient): RecognitionStore {
  return {
    async commend(tx, c) {
      const row = await asTx(tx).commendation.create({ data: c });
      return (await withCodes(asTx(tx), [row]))[0]!;
    },
    async between(unitIds, from, to) {
      const rows = await db.commendation.findMany({
        where: { ...(unitIds ? { unitId: { in: [...unitIds] } } : {}), at: { gte: from, lt: to } },
        orderBy: { id: 'asc' },
      });
      return withCodes(db, rows);
    },
    async task(taskId) {
      const t = await db.task.findUnique({
        where: { id: taskId },
        select: { id: true, code: true, title: true, assigneeId: true, assignerId: true, status: true },
      });
      return t ?? undefined;
    },
    audit: (tx, e) =>
      appendAudit(asTx(tx), {
        at: e.at,
        actorId: e.actorId,
        action: `commendation.${e.action}`,
        entity: 'commendation',
        entityId: e.commendationId,
        data: e.data,
      }),
  };
}
