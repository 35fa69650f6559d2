// Demands for explanation (GT-…) as the chat handlers read them.
import type { ExplanationStore } from '../../app/ports/stores/explanations.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx } from '../store-tx.js';
import type { ExplanationDemand, Prisma } from '../generated/client.js';

type Db = PrismaClient | Tx;

export async function findDemand(db: Db, id: number): Promise<ExplanationDemand | null> {
  return db.explanationDemand.findUnique({ where: { id } });
}

/** The demands kept with a task or a consultation, oldest first. */
export async function demandsOfItem(db: Db, itemKind: 'TASK' | 'CONSULTATION', itemId: number): Promise<ExplanationDemand[]> {
  return db.explanationDemand.findMany({ where: { itemKind, itemId }, orderBy: { id: 'asc' } });
}

/** Locks the demand's row until the transaction ends (two answers at once serialise) and reads it in the same query. */
export async function lockDemand(tx: Tx, id: number): Promise<ExplanationDemand | undefined> {
  const rows = await tx.$queryRaw<ExplanationDemand[]>`SELECT * FROM explanation_demand WHERE id = ${id} FOR UPDATE`;
  return rows[0];
}

/** The open demand to this person about this item, if there is one (there is at most one). */
export async function openDemandFor(
  db: Db,
  item: { itemKind: ExplanationDemand['itemKind']; itemId: number; officialId: number },
): Promise<ExplanationDemand | null> {
  return db.explanationDemand.findFirst({ where: { ...item, status: 'OPEN' } });
}

export async function createDemand(tx: Tx, data: Prisma.ExplanationDemandUncheckedCreateInput): Promise<ExplanationDemand> {
  return tx.explanationDemand.create({ data });
}

export async function markDemandAnswered(tx: Tx, id: number, answer: string, answeredAt: Date): Promise<ExplanationDemand> {
  return tx.explanationDemand.update({ where: { id }, data: { status: 'ANSWERED', answer, answeredAt } });
}

/** The application's ExplanationStore. */
export function explanationStore(db: PrismaClient): ExplanationStore {
  return {
    byId: (id) => findDemand(db, id),
    ofItem: (itemKind, itemId) => demandsOfItem(db, itemKind, itemId),
    find: (tx, id) => findDemand(prismaTx(tx), id),
    lock: (tx, id) => lockDemand(prismaTx(tx), id),
    openFor: (tx, item) => openDemandFor(prismaTx(tx), item),
    create: (tx, demand) => createDemand(prismaTx(tx), demand),
    markAnswered: (tx, id, answer, at) => markDemandAnswered(prismaTx(tx), id, answer, at),
  };
}
