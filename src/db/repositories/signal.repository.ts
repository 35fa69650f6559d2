// Signals (behaviour flags raised by the rules or by hand) as the chat handlers read them.
import type { SignalRecord, SignalStore } from '../../app/ports/stores/signals.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx } from '../store-tx.js';
import type { Prisma, Signal as SignalRow } from '../generated/client.js';

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

/** Locks the signal's row until the transaction ends (two reviews at once serialise), then reads it. */
export async function lockSignal(tx: Tx, id: number): Promise<SignalRow | undefined> {
  // Two queries: the row carries JSON evidence, which the typed read decodes (a raw SELECT * would not).
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM signal WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) return undefined;
  return (await tx.signal.findUnique({ where: { id } })) ?? undefined;
}

export async function updateSignal(tx: Tx, id: number, data: Prisma.SignalUncheckedUpdateInput): Promise<SignalRow> {
  return tx.signal.update({ where: { id }, data });
}

export async function createSignal(tx: Tx, data: Prisma.SignalUncheckedCreateInput): Promise<SignalRow> {
  return tx.signal.create({ data });
}

/** Has this rule already flagged this person on this item? */
export async function signalExists(
  db: Db,
  key: { rule: string; itemKind: NonNullable<SignalRow['itemKind']>; itemId: number; officialId: number },
): Promise<boolean> {
  return (await db.signal.findFirst({ where: key, select: { id: true } })) !== null;
}

/** The application's SignalStore. */
export function signalStore(db: PrismaClient): SignalStore {
  const json = (evidence: unknown) => evidence as Prisma.InputJsonValue;
  return {
    find: (tx, id) => findSignal(prismaTx(tx), id),
    byId: (id) => findSignal(db, id),
    pendingCount: (officialIds) => countPendingSignals(db, officialIds),
    pendingPage: (officialIds, page) => pendingSignalsPage(db, officialIds, page),
    hasLive: (tx, itemKind, itemId, officialId) => hasLiveSignal(prismaTx(tx), itemKind, itemId, officialId),
    async insertIfNew(tx, s) {
      const inserted = await prismaTx(tx).signal.createMany({ data: [{ ...s, evidence: json(s.evidence) }], skipDuplicates: true });
      return inserted.count === 1;
    },
    async lockByKey(tx, k) {
      const t = prismaTx(tx);
      // Locked: two firings adding to the same signal at once must not lose each other's evidence.
      const [locked] = await t.$queryRaw<{ id: number }[]>`
        SELECT id FROM signal WHERE rule = ${k.rule} AND "itemKind" = ${k.itemKind}::"ItemKind" AND "itemId" = ${k.itemId} AND "officialId" = ${k.officialId} FOR UPDATE`;
      return t.signal.findUniqueOrThrow({ where: { id: locked!.id } });
    },
    lock: (tx, id) => lockSignal(prismaTx(tx), id),
    update: (tx, id, { evidence, ...patch }) => updateSignal(prismaTx(tx), id, { ...patch, ...(evidence !== undefined ? { evidence: json(evidence) } : {}) }),
    create: (tx, s) => createSignal(prismaTx(tx), { ...s, evidence: json(s.evidence) }),
    exists: (tx, key) => signalExists(prismaTx(tx), key),
    async firstRuleOf(tx, itemKind, itemId, officialId, rules) {
      const row = await prismaTx(tx).signal.findFirst({
        where: { itemKind, itemId, officialId, rule: { in: [...rules] } },
        orderBy: { id: 'asc' },
        select: { rule: true },
      });
      return row?.rule;
    },
  };
}

export type { SignalRecord };
