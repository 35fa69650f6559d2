import type { ClockKind, ClockRecord, ItemKind } from '../../domain/clocks/types.js';
import { ClockId, OfficialId } from '../../domain/ids.js';
import type { ClockAdvance, ClockPositionRow, ClockStore, ReminderInsert, StartClock } from '../../app/ports/stores/clocks.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx } from '../store-tx.js';
import { recordsJson } from '../json-records.js';
import { Prisma, type Clock as ClockRow } from '../generated/client.js';

export type { ClockAdvance, ClockPositionRow, ReminderInsert, StartClock };

export function toClock(row: ClockRow): ClockRecord {
  return { ...row, id: ClockId(row.id), officialId: OfficialId(row.officialId) };
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
export async function stopClocks(
  tx: Tx,
  itemKind: ItemKind,
  itemId: number,
  at: Date,
  reason: string,
  kinds?: ClockKind[],
  officialId?: number,
): Promise<number> {
  const r = await tx.clock.updateMany({
    where: { itemKind, itemId, state: 'ACTIVE', ...(kinds ? { kind: { in: kinds } } : {}), ...(officialId ? { officialId } : {}) },
    data: { state: 'STOPPED', stoppedAt: at, stopReason: reason },
  });
  return r.count;
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

// ─── Batches: a wave of due clocks fired in one transaction ─────────────────

/**
 * Locks the clocks still at the given positions and, when `alsoDue` is given, up to `limit` other active clocks due
 * by `now`, oldest first. Rows another worker holds are skipped, never waited for.
 */
export async function lockClocks(tx: Tx, positions: readonly ClockPositionRow[], alsoDue?: { now: Date; limit: number }): Promise<ClockRecord[]> {
  const out: ClockRecord[] = [];
  if (positions.length > 0) {
    const values = Prisma.join(positions.map((p) => Prisma.sql`(${p.id}::int, ${p.generation}::int, ${p.level}::int, ${p.cycle}::int)`));
    const rows = await tx.$queryRaw<ClockRow[]>`
      SELECT * FROM clock WHERE state = 'ACTIVE' AND (id, generation, level, cycle) IN (${values})
      ORDER BY id FOR UPDATE SKIP LOCKED`;
    out.push(...rows.map(toClock));
  }
  if (alsoDue && alsoDue.limit > 0) {
    const taken = out.length > 0 ? out.map((c) => c.id) : [0];
    const rows = await tx.$queryRaw<ClockRow[]>`
      SELECT * FROM clock WHERE state = 'ACTIVE' AND "nextAt" <= ${alsoDue.now} AND id <> ALL(${taken}::int[])
      ORDER BY "nextAt", id LIMIT ${alsoDue.limit} FOR UPDATE SKIP LOCKED`;
    out.push(...rows.map(toClock));
  }
  return out;
}

/** Moves each clock to its next level, or stops it when its ladder is finished: one statement for the wave. */
export async function advanceClocks(tx: Tx, advances: readonly ClockAdvance[], at: Date): Promise<void> {
  const moving = advances.filter((a) => a.next !== null);
  const finished = advances.filter((a) => a.next === null).map((a) => a.id);
  if (moving.length > 0) {
    const rows = recordsJson(moving.map((a) => ({ id: a.id, level: a.next!.level, cycle: a.next!.cycle, next_at: a.next!.nextAt })));
    await tx.$executeRaw`
      UPDATE clock AS c SET level = v.level, cycle = v.cycle, "nextAt" = v.next_at, "updatedAt" = now()
      FROM json_to_recordset(${rows}::json) AS v(id int, level int, cycle int, next_at timestamp) WHERE c.id = v.id`;
  }
  if (finished.length > 0) await stopClockIds(tx, finished, at, 'ladder-finished');
}

export async function stopClockIds(tx: Tx, ids: readonly number[], at: Date, reason: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.clock.updateMany({ where: { id: { in: [...ids] } }, data: { state: 'STOPPED', stoppedAt: at, stopReason: reason } });
}

/**
 * Records the reminders of a wave. The unique (clock, generation, level, cycle) key is the last guard against a
 * second send; the clock row lock normally makes a conflict impossible, so one aborts the whole wave.
 */
export async function insertReminders(tx: Tx, reminders: readonly ReminderInsert[]): Promise<void> {
  if (reminders.length === 0) return;
  // One statement, its rows in one JSON parameter (recordsJson).
  const rows = recordsJson(
    reminders.map((r) => ({
      clock_id: r.clock.id,
      generation: r.clock.generation,
      level: r.clock.level,
      cycle: r.clock.cycle,
      item_kind: r.clock.itemKind,
      item_id: r.clock.itemId,
      clock_kind: r.clock.kind,
      official_id: r.clock.officialId,
      recipient_id: r.recipientId,
      kind: r.kind,
      at: r.at,
      outbox_id: r.outboxId === null ? null : r.outboxId.toString(),
      delivered: r.outboxId === null ? false : null,
    })),
  );
  const inserted = await tx.$executeRaw`
    INSERT INTO reminder ("clockId", generation, level, cycle, "itemKind", "itemId", "clockKind", "officialId", "recipientId", kind, at, "outboxId", delivered)
    SELECT clock_id, generation, level, cycle, item_kind::"ItemKind", item_id, clock_kind::"ClockKind", official_id, recipient_id, kind::"ReminderKind",
           at, outbox_id, delivered
    FROM json_to_recordset(${rows}::json) AS t(clock_id int, generation int, level int, cycle int, item_kind text, item_id int, clock_kind text,
           official_id int, recipient_id int, kind text, at timestamp, outbox_id bigint, delivered boolean)
    ON CONFLICT ("clockId", generation, level, cycle) DO NOTHING`;
  if (inserted !== reminders.length) throw new Error('a reminder of this wave was already recorded; the wave is rolled back');
}

/** Was this person's lapse on the item escalated to `recipientId` by a reminder? */
export async function wasEscalatedTo(db: PrismaClient | Tx, itemKind: ItemKind, itemId: number, officialId: number, recipientId: number): Promise<boolean> {
  return (await db.reminder.findFirst({ where: { itemKind, itemId, officialId, recipientId, kind: 'ESCALATION' }, select: { id: true } })) !== null;
}

/** The items a person was told about as a superior since `since` (newest first, each item once). */
export async function escalationsReceivedSince(db: PrismaClient | Tx, recipientId: number, since: Date): Promise<{ itemKind: ItemKind; itemId: number }[]> {
  const rows = await db.reminder.findMany({
    where: { recipientId, kind: 'ESCALATION', at: { gte: since } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    select: { itemKind: true, itemId: true },
  });
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(`${r.itemKind}:${r.itemId}`) && seen.add(`${r.itemKind}:${r.itemId}`));
}

/** The application's ClockStore over this client. */
export function clockStore(db: PrismaClient): ClockStore {
  return {
    dueBefore: (before, afterId, limit) => activeClocksDueBefore(db, before, afterId, limit),
    start: (tx, c) => startClock(prismaTx(tx), c),
    stop: (tx, itemKind, itemId, at, reason, kinds, officialId) => stopClocks(prismaTx(tx), itemKind, itemId, at, reason, kinds, officialId),
    async stopOthers(tx, itemKind, itemId, officialId, at, reason) {
      const stopped = await prismaTx(tx).clock.updateMany({
        where: { itemKind, itemId, state: 'ACTIVE', officialId: { not: officialId } },
        data: { state: 'STOPPED', stoppedAt: at, stopReason: reason },
      });
      return stopped.count;
    },
    stopIds: (tx, ids, at, reason) => stopClockIds(prismaTx(tx), ids, at, reason),
    async find(tx, itemKind, itemId, kind, officialId) {
      const row = await prismaTx(tx).clock.findFirst({ where: { itemKind, itemId, kind, officialId }, select: { dueAt: true, state: true } });
      return row ?? undefined;
    },
    lock: (tx, positions, alsoDue) => lockClocks(prismaTx(tx), positions, alsoDue),
    advance: (tx, advances, at) => advanceClocks(prismaTx(tx), advances, at),
    insertReminders: (tx, reminders) => insertReminders(prismaTx(tx), reminders),
    escalationsReceivedSince: (recipientId, since) => escalationsReceivedSince(db, recipientId, since),
    wasEscalatedTo: (tx, itemKind, itemId, officialId, recipientId) => wasEscalatedTo(prismaTx(tx), itemKind, itemId, officialId, recipientId),
  };
}
