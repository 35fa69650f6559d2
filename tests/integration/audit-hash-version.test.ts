// The audit chain across the hash change (version 1: keys sorted with localeCompare; version 2: RFC 8785): rows
// written by the old code before the migration still verify, new rows are version 2, and a version cannot be
// relabelled or go back along the chain.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../src/db/repositories/audit.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

// The hash exactly as the code before the migration computed it (copied from audit.repository.ts at f8bf434).
function oldCanonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}
function oldHash(prevHash: string, row: { at: Date; actorId: number | null; action: string; entity: string; entityId: string; data: unknown }): string {
  return createHash('sha256')
    .update(prevHash)
    .update(oldCanonical([row.at.toISOString(), row.actorId, row.action, row.entity, row.entityId, row.data]))
    .digest('hex');
}

// Keys whose localeCompare order differs from code point order (case, underscore, accents), nested too.
const tricky = { b: 1, B: 2, _z: 3, a: { Đ: 'x', d: 'y', é: 'z', e: 'w' }, list: [{ Y: 1, y: 2 }] };

describe('audit hash versions', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    // The table as it was before the migration, filled by the old code.
    await t.owner.$executeRawUnsafe('ALTER TABLE audit_log DROP COLUMN "hashVersion"');
    let prev = '0'.repeat(64);
    for (let i = 0; i < 3; i++) {
      const row = {
        at: new Date(Date.UTC(2026, 10, 1, 8, i)),
        actorId: i === 0 ? null : i,
        action: 'task.created',
        entity: 'task',
        entityId: String(100 + i),
        data: { ...tricky, n: i },
      };
      const data = JSON.parse(oldCanonical(row.data)) as unknown;
      const hash = oldHash(prev, { ...row, data });
      await t.db.$executeRaw`INSERT INTO audit_log (at, "actorId", action, entity, "entityId", data, "prevHash", hash)
        VALUES (${row.at}, ${row.actorId}, ${row.action}, ${row.entity}, ${row.entityId}, ${JSON.stringify(data)}::jsonb, ${prev}, ${hash})`;
      prev = hash;
    }
    // Then the migration, verbatim.
    const sql = await readFile(new URL('../../prisma/migrations/20261130094212_audit_hash_version/migration.sql', import.meta.url), 'utf8');
    for (const statement of sql
      .split(';')
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter(Boolean))
      await t.owner.$executeRawUnsafe(statement);
    // New rows after it, by the new code.
    await t.db.$transaction(async (tx) => {
      await appendAudit(tx, [
        { at: new Date('2026-12-01T08:00:00Z'), actorId: 7, action: 'task.accepted', entity: 'task', entityId: 101, data: tricky },
        {
          at: new Date('2026-12-01T08:01:00Z'),
          actorId: 7,
          action: 'task.done',
          entity: 'task',
          entityId: 101n,
          data: { big: 12345678901234567890n, ...tricky },
        },
      ]);
    });
  });
  afterAll(async () => {
    await t.drop();
  });

  it('keeps the old rows as version 1 and writes new rows as version 2, and verifies both', async () => {
    const rows = await t.db.auditLog.findMany({ orderBy: { id: 'asc' }, select: { hashVersion: true } });
    expect(rows.map((r) => r.hashVersion)).toEqual([1, 1, 1, 2, 2]);
    expect(await verifyAudit(t.db, 2)).toEqual({ rows: 5, brokenAt: null, reason: null });
  });

  it('finds an edited old row and an edited new row', async () => {
    for (const version of [1, 2]) {
      const row = await t.db.auditLog.findFirstOrThrow({ where: { hashVersion: version }, orderBy: { id: 'desc' } });
      await t.db.$executeRaw`UPDATE audit_log SET data = jsonb_set(data, '{b}', '9') WHERE id = ${row.id}`;
      const r = await verifyAudit(t.db);
      expect(r.brokenAt).toBe(row.id);
      expect(r.reason).toMatch(/content does not match/);
      await t.db.$executeRaw`UPDATE audit_log SET data = jsonb_set(data, '{b}', '1') WHERE id = ${row.id}`;
    }
    expect((await verifyAudit(t.db)).brokenAt).toBeNull();
  });

  it('finds a version relabelled, either way', async () => {
    const newer = await t.db.auditLog.findFirstOrThrow({ where: { hashVersion: 2 }, orderBy: { id: 'desc' } });
    await t.db.$executeRaw`UPDATE audit_log SET "hashVersion" = 1 WHERE id = ${newer.id}`;
    expect(await verifyAudit(t.db)).toMatchObject({ brokenAt: newer.id, reason: expect.stringMatching(/hash version 1 after version 2/) });
    await t.db.$executeRaw`UPDATE audit_log SET "hashVersion" = 2 WHERE id = ${newer.id}`;

    const older = await t.db.auditLog.findFirstOrThrow({ where: { hashVersion: 1 }, orderBy: { id: 'asc' } });
    await t.db.$executeRaw`UPDATE audit_log SET "hashVersion" = 2 WHERE id = ${older.id}`;
    expect(await verifyAudit(t.db)).toMatchObject({ brokenAt: older.id, reason: expect.stringMatching(/content does not match/) });
    await t.db.$executeRaw`UPDATE audit_log SET "hashVersion" = 1 WHERE id = ${older.id}`;
  });
});
