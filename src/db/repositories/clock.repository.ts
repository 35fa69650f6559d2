import type { ClockKind, ClockRecord, ItemKind } from '../../domain/clocks/types.js';
import { ClockId, OfficialId } from '../../domain/ids.js';
import type { Priority } from '../../domain/priority.js';
import type { PrismaClient, Tx } from '../client.js';
import type { Clock as ClockRow } from '../generated/client.js';

export function toClock(row: ClockRow): ClockRecord {
  return { ...row, id: ClockId(row.id), officialId: OfficialId(row.officialId) };
}

export interface StartClock {
  itemKind: ItemKind;
  itemId: number;
  kind: ClockKind;
  officialId: number;
  priority: Priority;
  dueAt: Date;
  stepMs: number;
}

/**
 * Starts the clock, or restarts it as a new generation when it already exists (a new progress interval, a moved
 * deadline, a new assignee's turn): reminders already sent stay recorded under the old generation.
 */
export async function startClock(tx: Tx, c: StartClock): Promise<ClockRecord> {
  const rows = await tx.$queryRaw<ClockRow[]>`
    INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, state, generation, "dueAt", "stepMs", level, cycle, "nextAt", "createdAt", "updatedAt")
    VALUES (${c.itemKind}::"ItemKind", ${c.itemId}, ${c.kind}::"ClockKind", ${c.officialId}, ${c.priority}::"Priority", 'ACTIVE', 0,
            ${c.dueAt}, ${c.stepMs}, 0, 0, ${c.dueAt}, now(), now())
    ON CONFLICT ("itemKind", "itemId", kind, "officialId") DO UPDATE SET
      state = 'ACTIVE', generation = clock.generation + 1, "dueAt" = EXCLUDED."dueAt", "stepMs" = EXCLUDED."stepMs",
      priority = EXCLUDED.priority, level = 0, cycle = 0, "nextAt" = EXCLUDED."nextAt", "stoppedAt" = NULL, "stopReason" = NULL,
      "updatedAt" = now()
    RETURNING *`;
  return toClock(rows[0]!);
}

/** Stops the item's clocks (all, or of the given kinds); returns how many were running. */
export async function stopClocks(tx: Tx, itemKind: ItemKind, itemId: number, at: Date, reason: string, kinds?: ClockKind[], officialId?: number): Promise<number> {
  const r = await tx.clock.updateMany({
    where: { itemKind, itemId, state: 'ACTIVE', ...(kinds ? { kind: { in: kinds } } : {}), ...(officialId ? { officialId } : {}) },
    data: { state: 'STOPPED', stoppedAt: at, stopReason: reason },
  });
  return r.count;
}

/** Locks the clock row if it is still at the given position; a stale job finds nothing. */
export async function lockClockAt(tx: Tx, pos: { id: number; generation: number; level: number; cycle: number }): Promise<ClockRecord | undefined> {
  const rows = await tx.$queryRaw<ClockRow[]>`
    SELECT * FROM clock
    WHERE id = ${pos.id} AND state = 'ACTIVE' AND generation = ${pos.generation} AND level = ${pos.level} AND cycle = ${pos.cycle}
    FOR UPDATE SKIP LOCKED`;
  return rows[0] ? toClock(rows[0]) : undefined;
}

export async function advanceClock(tx: Tx, id: number, next: { level: number; cycle: number; nextAt: Date } | null, at: Date): Promise<void> {
  if (next) await tx.clock.update({ where: { id }, data: { level: next.level, cycle: next.cycle, nextAt: next.nextAt } });
  else await tx.clock.update({ where: { id }, data: { state: 'STOPPED', stoppedAt: at, stopReason: 'ladder-finished' } });
}

export async function activeClocksDueBefore(db: PrismaClient, before: Date, afterId: number, limit: number): Promise<ClockRecord[]> {
  const rows = await db.clock.findMany({
    where: { state: 'ACTIVE', nextAt: { lte: before }, id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: limit,
  });
  return rows.map(toClock);
}

export async function clocksOfItem(db: PrismaClient | Tx, itemKind: ItemKind, itemId: number): Promise<ClockRecord[]> {
  return (await db.clock.findMany({ where: { itemKind, itemId }, orderBy: { id: 'asc' } })).map(toClock);
}
