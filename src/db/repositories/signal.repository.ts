// Signals (behaviour flags raised by the rules or by hand) as the chat handlers read them.
import type { PrismaClient, Tx } from '../client.js';
import type { Signal as SignalRow } from '../generated/client.js';

type Db = PrismaClient | Tx;

export async function findSignal(db: Db, id: number): Promise<SignalRow | null> {
  return db.signal.findUnique({ where: { id } });
}

const pendingAbout = (officialIds: readonly number[]) => ({ status: 'PENDING' as const, officialId: { in: [...officialIds] } });

/** How many signals about these people wait for review. */
export async function countPendingSignals(db: Db, officialIds: readonly number[]): Promise<number> {
  return db.signal.count({ where: pendingAbout(officialIds) });
}

/** One page of the signals about these people that wait for review, oldest first. */
export async function pendingSignalsPage(db: Db, officialIds: readonly number[], page: { offset: number; limit: number }): Promise<SignalRow[]> {
  return db.signal.findMany({ where: pendingAbout(officialIds), orderBy: [{ raisedAt: 'asc' }, { id: 'asc' }], skip: page.offset, take: page.limit });
}

/** Is there a signal about this person on this item that a head has not dismissed? */
export async function hasLiveSignal(db: Db, itemKind: 'TASK' | 'CONSULTATION', itemId: number, officialId: number): Promise<boolean> {
  return (await db.signal.findFirst({ where: { itemKind, itemId, officialId, status: { not: 'DISMISSED' } }, select: { id: true } })) !== null;
}
