// Demands for explanation (GT-…) as the chat handlers read them.
import type { PrismaClient, Tx } from '../client.js';
import type { ExplanationDemand } from '../generated/client.js';

type Db = PrismaClient | Tx;

export async function findDemand(db: Db, id: number): Promise<ExplanationDemand | null> {
  return db.explanationDemand.findUnique({ where: { id } });
}

/** The demands kept with a task or a consultation, oldest first. */
export async function demandsOfItem(db: Db, itemKind: 'TASK' | 'CONSULTATION', itemId: number): Promise<ExplanationDemand[]> {
  return db.explanationDemand.findMany({ where: { itemKind, itemId }, orderBy: { id: 'asc' } });
}
