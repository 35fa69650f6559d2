// The second wall between organisations (issue 18): PostgreSQL row-level security on every table of organisation data.
// Two organisations hold the same unit, official and task codes; a client of one runs deliberately unscoped
// statements (no "orgId" anywhere) and sees, changes and deletes only its own rows, and cannot write a row for the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnerClient, createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { createOrganisation, listOrganisations, organisationExists } from '../../src/db/organisations.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** The same small district in whichever organisation `db` works for: no orgId is written anywhere. */
async function seedDistrict(db: PrismaClient, title: string): Promise<void> {
  await db.$executeRawUnsafe(`INSERT INTO unit (code, name, "updatedAt") VALUES ('UB', 'Ủy ban', now())`);
  await db.$executeRawUnsafe(`
    INSERT INTO official (code, "fullName", "nameFolded", title, role, "unitId", "updatedAt")
    SELECT c, 'Cán bộ ' || c, 'can bo ' || c, 'Chuyên viên', 'MEMBER', u.id, now() FROM unit u, (VALUES ('UB-01'), ('UB-02')) v(c) WHERE u.code = 'UB'`);
  await db.$executeRawUnsafe(`
    INSERT INTO task (code, year, seq, title, "expectedResult", priority, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "updatedAt")
    SELECT 'NV-2026-0001', 2026, 1, '${title}', 'Báo cáo', 'NORMAL', now() + interval '3 days', now() + interval '3 days', a.id, b.id, a."unitId", now()
    FROM official a, official b WHERE a.code = 'UB-01' AND b.code = 'UB-02'`);
}

describe('row-level security between organisations', () => {
  let t: TestDatabase;
  let owner: PrismaClient;
  let a: PrismaClient;
  let b: PrismaClient;

  beforeAll(async () => {
    t = await createTestDatabase();
    owner = createOwnerClient(t.url);
    await createOrganisation(owner, { id: 'huyen-a', name: 'Huyện A' });
    await createOrganisation(owner, { id: 'huyen-b', name: 'Huyện B' });
    a = createPrismaClient(t.url, { poolSize: 2, orgId: 'huyen-a' });
    b = createPrismaClient(t.url, { poolSize: 2, orgId: 'huyen-b' });
    await seedDistrict(a, 'Việc của huyện A');
    await seedDistrict(b, 'Việc của huyện B');
  });
  afterAll(async () => {
    await a?.$disconnect();
    await b?.$disconnect();
    await owner?.$disconnect();
    await t?.drop();
  });

  it('the column default fills "orgId" from the connection: the same codes live side by side', async () => {
    const rows = await owner.$queryRawUnsafe<{ orgId: string; code: string; title: string }[]>('SELECT "orgId", code, title FROM task ORDER BY "orgId"');
    expect(rows).toEqual([
      { orgId: 'huyen-a', code: 'NV-2026-0001', title: 'Việc của huyện A' },
      { orgId: 'huyen-b', code: 'NV-2026-0001', title: 'Việc của huyện B' },
    ]);
    expect(await owner.official.count({ where: { code: 'UB-01' } })).toBe(2);
  });

  it('an unscoped SELECT sees only its own organisation, through raw SQL and through Prisma', async () => {
    const tasks = await a.$queryRawUnsafe<{ orgId: string; title: string }[]>('SELECT * FROM task');
    expect(tasks.map((r) => [r.orgId, r.title])).toEqual([['huyen-a', 'Việc của huyện A']]);
    expect(await a.official.count()).toBe(2);
    expect((await a.unit.findMany()).map((u) => u.orgId)).toEqual(['huyen-a']);
    const joined = await b.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM task t JOIN official o ON o.id = t."assigneeId"');
    expect(Number(joined[0]!.n)).toBe(1);
  });

  it('an unscoped UPDATE and DELETE touch only its own rows', async () => {
    expect(await a.$executeRawUnsafe(`UPDATE task SET title = 'Đổi tên', "updatedAt" = now()`)).toBe(1);
    expect((await b.task.findFirstOrThrow({ where: { code: 'NV-2026-0001' } })).title).toBe('Việc của huyện B');
    // B's rows by id, from A: nothing to update, nothing to delete.
    const bTask = await b.task.findFirstOrThrow({ where: { code: 'NV-2026-0001' } });
    expect(await a.$executeRawUnsafe(`UPDATE task SET title = 'Chen ngang' WHERE id = ${bTask.id}`)).toBe(0);
    expect(await a.$executeRawUnsafe('DELETE FROM task')).toBe(1);
    expect(await b.task.count()).toBe(1);
    expect(await owner.task.count()).toBe(1);
  });

  it('writing a row for the other organisation is refused (WITH CHECK), by INSERT and by UPDATE of orgId', async () => {
    await expect(
      a.$executeRawUnsafe(`INSERT INTO unit ("orgId", code, name, "updatedAt") VALUES ('huyen-b', 'XAM', 'Cài vào huyện B', now())`),
    ).rejects.toThrow(/row-level security/);
    await expect(a.$executeRawUnsafe(`UPDATE unit SET "orgId" = 'huyen-b'`)).rejects.toThrow(/row-level security/);
    await expect(a.setting.create({ data: { orgId: 'huyen-b', key: 'x', value: 'y' } })).rejects.toThrow();
    expect(await owner.unit.count({ where: { code: 'XAM' } })).toBe(0);
    expect(await b.unit.count()).toBe(1);
  });

  it('the organisation table shows a client its own row only; the owner lists them all', async () => {
    expect(await organisationExists(a, 'huyen-a')).toBe(true);
    expect(await organisationExists(a, 'huyen-b')).toBe(false);
    expect(await a.organisation.count()).toBe(1);
    expect((await listOrganisations(owner)).map((o) => o.id)).toEqual(['default', 'huyen-a', 'huyen-b']);
  });

  it('the application role cannot switch its organisation off: no DDL, no TRUNCATE, no bypass', async () => {
    await expect(a.$executeRawUnsafe('ALTER TABLE task DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/owner/);
    await expect(a.$executeRawUnsafe('TRUNCATE task')).rejects.toThrow(/permission denied/);
    const role = await a.$queryRawUnsafe<{ current_user: string; rolbypassrls: boolean }[]>(
      'SELECT current_user, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    expect(role).toEqual([{ current_user: 'dondoc_app', rolbypassrls: false }]);
  });
});
