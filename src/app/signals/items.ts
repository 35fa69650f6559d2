import type { PrismaClient, Tx } from '../../db/client.js';
import type { SignalItem } from '../views/signal-views.js';

/** The code and title of the item a signal or a demand is about. */
export async function itemSummary(db: PrismaClient | Tx, kind: string | null, id: number | null): Promise<SignalItem | undefined> {
  if (!kind || id === null) return undefined;
  if (kind === 'TASK') {
    const t = await db.task.findUnique({ where: { id }, select: { code: true, title: true } });
    return t ?? undefined;
  }
  if (kind === 'CONSULTATION') {
    const c = await db.consultation.findUnique({ where: { id }, select: { code: true, subject: true } });
    return c ? { code: c.code, title: c.subject } : undefined;
  }
  if (kind === 'EXPLANATION') {
    const d = await db.explanationDemand.findUnique({ where: { id }, select: { code: true, question: true } });
    return d ? { code: d.code, title: d.question } : undefined;
  }
  return undefined;
}
