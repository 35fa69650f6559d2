// The items that carry a code (NV- tasks, YK- consultations, GT- demands for explanation), read by code or id
// across the three tables: for item commands (`/nhan NV-2026-0012`) and for the line naming what a signal is about.
import type { Priority } from '../../domain/priority.js';
import type { CodedKind, ItemStore, ItemSummary } from '../../app/ports/stores/items.js';
import type { PrismaClient, Tx } from '../client.js';
import { readerOf } from '../store-tx.js';

type Db = PrismaClient | Tx;

export type { CodedKind, ItemSummary };

export async function itemIdByCode(db: Db, kind: CodedKind, code: string): Promise<number | undefined> {
  const where = { where: { code }, select: { id: true } } as const;
  if (kind === 'task') return (await db.task.findFirst(where))?.id;
  if (kind === 'consultation') return (await db.consultation.findFirst(where))?.id;
  return (await db.explanationDemand.findFirst(where))?.id;
}

export async function itemCodeById(db: Db, kind: CodedKind, id: number): Promise<string | undefined> {
  const where = { where: { id }, select: { code: true } } as const;
  if (kind === 'task') return (await db.task.findUnique(where))?.code;
  if (kind === 'consultation') return (await db.consultation.findUnique(where))?.code;
  return (await db.explanationDemand.findUnique(where))?.code;
}

/** The code and title of the item a signal or a demand is about (`kind` as stored: TASK, CONSULTATION, EXPLANATION). */
export async function itemSummary(db: Db, kind: string | null, id: number | null): Promise<ItemSummary | undefined> {
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

/** The priority of the task or consultation (`kind` as stored), NORMAL when it has none or is gone. */
export async function itemPriority(db: Db, kind: string | null, id: number | null): Promise<Priority> {
  if (id === null) return 'NORMAL';
  if (kind === 'TASK') return (await db.task.findUnique({ where: { id }, select: { priority: true } }))?.priority ?? 'NORMAL';
  if (kind === 'CONSULTATION') return (await db.consultation.findUnique({ where: { id }, select: { priority: true } }))?.priority ?? 'NORMAL';
  return 'NORMAL';
}

/** The application's ItemStore over this client. */
export function itemStore(db: PrismaClient): ItemStore {
  return {
    summary: (kind, id, tx) => itemSummary(readerOf(db, tx), kind, id),
    priority: (kind, id, tx) => itemPriority(readerOf(db, tx), kind, id),
    idByCode: (kind, code) => itemIdByCode(db, kind, code),
    codeById: (kind, id) => itemCodeById(db, kind, id),
  };
}
