// Issue 18 "Done when": a single-district deployment upgrades in place with one migration and no configuration change.
// The previous release's database is built by the migrations up to the one before organisations, filled through SQL
// as that release left it (no "orgId" anywhere); then the normal runner applies the rest, and the app, opened exactly
// as before (no organisation named), reads everything as 'default', creates a task and verifies the audit chain.
import { readdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerifyCommand } from '../../src/cli/commands/audit-verify.js';
import { taskCreateCommand } from '../../src/cli/commands/task-create.js';
import { createOwnerClient, createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrate/apply.js';
import { migrationsDir } from '../../src/db/migrate/paths.js';
import { auditHash } from '../../src/db/repositories/audit.repository.js';
import { cliRunner } from '../support/cli.js';
import type { TestDatabase } from '../support/database.js';
import { TEST_ADMIN_DATABASE_URL, databaseUrlFor } from '../support/env.js';

const GENESIS = '0'.repeat(64);

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: TEST_ADMIN_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('upgrading a district database in place', () => {
  const name = `dd_t_${Date.now()}_upgrade_${randomBytes(4).toString('hex')}`;
  const url = databaseUrlFor(name);
  let previous: string;
  let applied: string[];
  let db: PrismaClient;
  let owner: PrismaClient | undefined;

  beforeAll(async () => {
    const folders = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const ours = folders.findIndex((f) => f.endsWith('_organisations'));
    previous = folders[ours - 1]!;
    await admin(`CREATE DATABASE "${name}"`);
    await applyMigrations(url, migrationsDir, { through: previous });

    // The district as the previous release left it, written by its own SQL (the release's columns only).
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(`
        INSERT INTO unit (id, code, name, path, depth, "updatedAt") VALUES (1, 'UBND', 'UBND huyện', '/1/', 0, now()), (2, 'PNV', 'Phòng Nội vụ', '/1/2/', 1, now());
        UPDATE unit SET "parentId" = 1 WHERE id = 2;
        INSERT INTO official (id, code, "fullName", "nameFolded", title, role, "unitId", "isAdmin", "updatedAt") VALUES
          (1, 'UB-01', 'Nguyễn Văn Chủ', 'nguyen van chu', 'Chủ tịch', 'HEAD', 1, true, now()),
          (2, 'PNV-01', 'Trần Thị Trưởng', 'tran thi truong', 'Trưởng phòng', 'HEAD', 2, false, now()),
          (3, 'PNV-03', 'Lê Văn Toàn', 'le van toan', 'Chuyên viên', 'MEMBER', 2, false, now());
        SELECT setval(pg_get_serial_sequence('unit', 'id'), 2), setval(pg_get_serial_sequence('official', 'id'), 3);
        INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId") VALUES (3, 'TELEGRAM', '7001', '7001');
        INSERT INTO task (code, year, seq, title, "expectedResult", priority, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
          VALUES ('NV-2026-0001', 2026, 1, 'Báo cáo biên chế', 'Báo cáo', 'NORMAL', '2026-12-10 09:00', '2026-12-10 09:00', 2, 3, 2, '2026-12-01 02:00', now());
        INSERT INTO sequence (name, value) VALUES ('NV-2026', 1);
        INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, "dueAt", "stepMs", "nextAt", "updatedAt")
          SELECT 'TASK', id, 'TASK_ACCEPT', 3, 'NORMAL', '2026-12-02 02:00', 7200000, '2026-12-02 02:00', now() FROM task;
        INSERT INTO setting (key, value, "updatedAt") VALUES ('telegram.username', 'dondoc_bot', now());
        INSERT INTO calendar_override (date, kind, note) VALUES ('2027-02-20', 'WORKDAY', 'Làm bù');`);
      const row = { at: new Date('2026-12-01T02:00:00Z'), actorId: 2, action: 'task.created', entity: 'task', entityId: '1', data: { code: 'NV-2026-0001' } };
      await c.query(
        `INSERT INTO audit_log (at, "actorId", action, entity, "entityId", data, "prevHash", hash, "hashVersion") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 2)`,
        [row.at, row.actorId, row.action, row.entity, row.entityId, JSON.stringify(row.data), GENESIS, auditHash(GENESIS, row)],
      );
    } finally {
      await c.end();
    }

    // The upgrade: the normal runner, as every start runs it.
    applied = await applyMigrations(url);
    // No organisation named, no new setting: exactly as the district's bot opens it.
    db = createPrismaClient(url, { poolSize: 3 });
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await owner?.$disconnect();
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('applies the organisations migration (and whatever follows it) to the previous release', () => {
    expect(applied[0]).toMatch(/_organisations$/);
    expect(applied.length).toBeGreaterThanOrEqual(1);
  });

  it("reads the district's rows as the default organisation's, through the application role", async () => {
    expect(await db.unit.count()).toBe(2);
    expect((await db.official.findMany({ orderBy: { id: 'asc' } })).map((o) => [o.code, o.orgId])).toEqual([
      ['UB-01', 'default'],
      ['PNV-01', 'default'],
      ['PNV-03', 'default'],
    ]);
    const task = await db.task.findFirstOrThrow({ where: { code: 'NV-2026-0001' } });
    expect(task.orgId).toBe('default');
    expect(await db.clock.count({ where: { itemId: task.id, state: 'ACTIVE' } })).toBe(1);
    expect(await db.chatIdentity.count({ where: { channel: 'TELEGRAM', externalUserId: '7001' } })).toBe(1);
    expect((await db.setting.findFirst({ where: { key: 'telegram.username' } }))?.value).toBe('dondoc_bot');
    expect(await db.calendarOverride.count()).toBe(1);
    expect((await db.organisation.findMany()).map((o) => o.id)).toEqual(['default']);
    const who = await db.$queryRawUnsafe<{ current_user: string }[]>('SELECT current_user');
    expect(who[0]!.current_user).toBe('dondoc_app');
  });

  it('creates a new task after the old one and verifies the audit chain across the upgrade', async () => {
    owner = createOwnerClient(url);
    const target: TestDatabase = {
      name,
      url,
      db,
      owner,
      drop: async () => {},
    };
    const cli = cliRunner(() => target);
    const created = await cli(
      taskCreateCommand,
      '--by',
      'PNV-01',
      '--to',
      'PNV-03',
      '--title',
      'Rà soát hồ sơ',
      '--result',
      'Danh sách',
      '--deadline',
      '18/12 16:00',
    );
    expect(created.err).toEqual([]);
    expect(created.code).toBe(0);
    expect(created.out[0]).toMatch(/^NV-2026-0002\t/);
    expect((await db.task.findFirstOrThrow({ where: { code: 'NV-2026-0002' } })).orgId).toBe('default');

    const verified = await cli(auditVerifyCommand);
    expect(verified.err).toEqual([]);
    expect(verified.code).toBe(0);
    const rows = await db.auditLog.count();
    expect(rows).toBeGreaterThanOrEqual(2);
    expect(verified.out[0]).toContain(`${rows} rows verified`);
  });
});
