// Append-only audit log with a hash chain: each row's hash covers the previous row's hash and its own content,
// so `audit verify` finds any row edited or deleted after the fact (PRODUCT.md §3 "Audit log").
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntry, AuditStore } from '../../app/ports/stores/audit.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx } from '../store-tx.js';
import { recordsJson } from '../json-records.js';
import { Prisma } from '../generated/client.js';

export type { AuditEntry };

const GENESIS = '0'.repeat(64);
/**
 * Serialises writers of the chain inside their own transactions. Each organisation has its own chain (the previous
 * hash is the last row row-level security shows the connection), so the lock is keyed on the connection's
 * organisation too: organisations do not wait for one another.
 */
const AUDIT_LOCK = 7262002;

/** The hash version every new row is written with (column `hashVersion`). */
export const AUDIT_HASH_VERSION = 2;

/** The connection's organisation, as the column defaults and row-level security read it. */
const CONNECTION_ORG = Prisma.raw(`coalesce(nullif(current_setting('dondoc.org', true), ''), 'default')`);
export type AuditHashVersion = 1 | 2;

type HashedRow = { at: Date; actorId: number | null; action: string; entity: string; entityId: string; data: unknown };

/** JSON as PostgreSQL will store it: bigints become strings (canonicalize, like JSON, has no bigint). */
function jsonValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null');
}

/**
 * Version 1, kept only to verify rows written before the hash version existed: keys sorted with `localeCompare`,
 * whose order depends on the ICU data of the Node that runs it. Never used for new rows.
 */
function legacyCanonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

/**
 * Version 2: RFC 8785 canonical JSON (keys in UTF-16 code unit order, numbers as ECMAScript prints them), the same on
 * every machine. The version itself is hashed, so changing a row's version is an edit like any other.
 */
function canonicalV2(row: HashedRow, dataIsJson = false): string {
  const text = canonicalize([2, row.at.toISOString(), row.actorId, row.action, row.entity, row.entityId, dataIsJson ? row.data : jsonValue(row.data)]);
  if (text === undefined) throw new Error('audit row has no JSON form');
  return text;
}

/** `dataIsJson`: the caller already passed `data` through `jsonValue` (the append does, once per row). */
export function auditHash(prevHash: string, row: HashedRow, version: AuditHashVersion = AUDIT_HASH_VERSION, dataIsJson = false): string {
  const content =
    version === 1 ? legacyCanonical([row.at.toISOString(), row.actorId, row.action, row.entity, row.entityId, row.data]) : canonicalV2(row, dataIsJson);
  return createHash('sha256').update(prevHash).update(content).digest('hex');
}

/** Appends inside the caller's transaction, so the entry exists exactly when the change it records does. */
export async function appendAudit(tx: Tx, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}::int, hashtext(${CONNECTION_ORG}))`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS;
  const rows = list.map((e) => {
    // JSON round trip: what is hashed is exactly what PostgreSQL stores and returns.
    const data = jsonValue(e.data ?? {}) as Record<string, unknown>;
    const row = { at: e.at, actorId: e.actorId, action: e.action, entity: e.entity, entityId: String(e.entityId), data };
    const hash = auditHash(prevHash, row, AUDIT_HASH_VERSION, true);
    const out = { at: row.at, actor_id: row.actorId, action: row.action, entity: row.entity, entity_id: row.entityId, data, prev_hash: prevHash, hash };
    prevHash = hash;
    return out;
  });
  // Ids follow the chain: rows go in the order their hashes were computed (ORDER BY n). One JSON parameter for the
  // rows (recordsJson): a wave appends hundreds.
  const input = recordsJson(rows.map((r, n) => ({ n, ...r })));
  await tx.$executeRaw`
    INSERT INTO audit_log (at, "actorId", action, entity, "entityId", data, "prevHash", hash, "hashVersion")
    SELECT at, actor_id, action, entity, entity_id, data, prev_hash, hash, ${AUDIT_HASH_VERSION}::int
    FROM json_to_recordset(${input}::json) AS t(n int, at timestamp, actor_id int, action text, entity text, entity_id text, data jsonb, prev_hash text, hash text)
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
  let version: AuditHashVersion = 1;
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
      // Versions only go up along the chain: an old-style row after a new one was written (or relabelled) later.
      if ((r.hashVersion !== 1 && r.hashVersion !== 2) || r.hashVersion < version) {
        return { rows: count, brokenAt: r.id, reason: `hash version ${r.hashVersion} after version ${version}: the row was edited` };
      }
      version = r.hashVersion;
      const expected = auditHash(prevHash, { at: r.at, actorId: r.actorId, action: r.action, entity: r.entity, entityId: r.entityId, data: r.data }, version);
      if (expected !== r.hash) return { rows: count, brokenAt: r.id, reason: 'content does not match its hash: the row was edited' };
      prevHash = r.hash;
      count++;
      cursor = r.id;
    }
  }
}

/** The application's AuditStore. */
export function auditStore(): AuditStore {
  return { append: (tx, entries) => appendAudit(prismaTx(tx), entries) };
}
