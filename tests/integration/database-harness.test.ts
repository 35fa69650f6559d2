import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('test database harness', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('gives each file its own migrated database', async () => {
    const rows = await t.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM _prisma_migrations`;
    expect(rows.length).toBeGreaterThan(0);
    await t.db.unit.create({ data: { code: 'HU', name: 'Huyện ủy' } });
    expect(await t.db.unit.count()).toBe(1);
  });
});
