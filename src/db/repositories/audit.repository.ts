// Append-only audit log with a hash chain: each row's hash covers the previous row's hash and its own content,
// so `audit verify` finds any row edited or deleted after the fact (PRODUCT.md §3 "Audit log").
import { createHash } from 'node:crypto';
import type { PrismaClient, Tx } from '../client.js';

export interface AuditEntry {
  at: Date;
  actorId: number | null;
  /** "task.accepted", "org.imported", "message.sent", … */
  action: string;
  entity: string;
  entityId: string | number | bigint;
  data?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
/** Serialises writers of the chain inside their own transactions. */
const AUDIT_LOCK = 7262002;

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

export function auditHash(prevHash: string, row: { at: Date; actorId: number | null; action: string; entity: string; entityId: string; data: unknown }): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonical([row.at.toISOString(), row.actorId, row.action, row.entity, row.entityId, row.data]))
    .digest('hex');
}

/** Appends inside the caller's transaction, so the entry exists exactly when the change it records does. */
export async function appendAudit(tx: Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS;
  const rows = list.map((e) => {
    // JSON round trip: what is hashed is exactly what PostgreSQL stores and returns.
    const data = JSON.parse(canonical(e.data ?? {})) as Record<string, unknown>;
    const row = { at: e.at, actorId: e.actorId, action: e.action, entity: e.entity, entityId: String(e.entityId), data };
    const hash = auditHash(prevHash, row);
    const out = { ...row, prevHash, hash };
    prevHash = hash;
    return out;
  });
  // Ids follow the chain: rows go in the order their hashes were computed (ORDER BY n).
  await tx.$executeRaw`
    INSERT INTO audit_log (at, "actorId", action, entity, "entityId", data, "prevHash", hash)
    SELECT at, actor, action, entity, entity_id, data, prev_hash, hash FROM unnest(
      ${rows.map((r) => r.at)}::timestamp[], ${rows.map((r) => r.actorId)}::int[], ${rows.map((r) => r.action)}::text[],
      ${rows.map((r) => r.entity)}::text[], ${rows.map((r) => r.entityId)}::text[], ${rows.map((r) => JSON.stringify(r.data))}::jsonb[],
      ${rows.map((r) => r.prevHash)}::text[], ${rows.map((r) => r.hash)}::text[]
    ) WITH ORDINALITY AS t(at, actor, action, entity, entity_id, data, prev_hash, hash, n)
    ORDER BY n`;
}

export interface AuditVerification {
  rows: number;
  /** The first row whose hash or link does not match, if any. */
  brokenAt: bigint | null;
  reason: string | null;
}

export async function verifyAudit(db: PrismaClient, batch = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS;
  let count = 0;
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditLog.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: batch,
    });
    if (rows.length === 0) return { rows: count, brokenAt: null, reason: null };
    for (const r of rows) {
      if (r.prevHash !== prevHash) return { rows: count, brokenAt: r.id, reason: 'previous hash does not match: a row before it was edited or deleted' };
      const expected = auditHash(prevHash, { at: r.at, actorId: r.actorId, action: r.action, entity: r.entity, entityId: r.entityId, data: r.data });
      if (expected !== r.hash) return { rows: count, brokenAt: r.id, reason: 'content does not match its hash: the row was edited' };
      prevHash = r.hash;
      count++;
      cursor = r.id;
    }
  }
}
