// The organisation directory and the calendar are read inside use cases' transactions (task-clocks.ts, fire-clock.ts).
// When their cache expired, the reload waited for a connection of the pool those very transactions held: with as many
// transactions in hand as connections, each waited for the others until Prisma's transaction limit failed them all
// (the province bench: bot processes' transactions failing at 20 s, every 30 s, the cache's time to live). Here two
// transactions hold both connections of a pool of two while both caches are expired: they go on, with the values
// loaded before, and the reloads happen once the connections are free.
import { PrismaPg } from '@prisma/adapter-pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../src/db/generated/client.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createAppContext } from '../../src/runtime/app-context.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedLinkedOrganisation } from '../support/due-reminders.js';

describe('the cached directory and calendar inside transactions', () => {
  let t: TestDatabase;
  let client: PrismaClient;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedLinkedOrganisation(t.db);
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url, max: 2 }) });
  });
  afterAll(async () => {
    await client?.$disconnect();
    await t?.drop();
  });

  it('two transactions holding both connections read them after they expired, and go on', { timeout: 120_000 }, async () => {
    let now = 0;
    const noQueues = { schedule: async () => {}, kick: async () => {} };
    const app = createAppContext({
      db: client,
      time: new ManualTime(new Date('2026-12-08T02:00:00Z')),
      catalogue: Catalogue.load(),
      policy: defaultPolicy(),
      logger: pino({ level: 'silent' }),
      scheduler: noQueues,
      delivery: noQueues,
      cacheMs: 30_000,
      cacheClock: () => now,
    });
    const before = await app.org();
    await app.calendar();
    const officials = before.activeOfficials().length;
    now = 31_000; // both expired
    // Both transactions inside before either reads: each holds one of the pool's two connections.
    let inside = 0;
    let open!: () => void;
    const bothInside = new Promise<void>((r) => (open = r));
    const work = () =>
      app.stores.transaction(
        async (tx) => {
          await app.stores.clocks.find(tx, 'TASK', 1, 'TASK_ACCEPT', 1);
          if (++inside === 2) open();
          await bothInside;
          const org = await app.org();
          const calendar = await app.calendar();
          await app.stores.clocks.find(tx, 'TASK', 1, 'TASK_ACCEPT', 1);
          return { officials: org.activeOfficials().length, working: calendar.isWorkingDay('2026-12-08') };
        },
        // Well above what the work needs; the reloads, were they waited for here, would never get a connection.
        { timeoutMs: 20_000, maxWaitMs: 20_000 },
      );
    const results = await Promise.all([work(), work()]);
    expect(results).toEqual([
      { officials, working: true },
      { officials, working: true },
    ]);
    // The reload ran behind, once connections were free: a unit added meanwhile shows after it.
    await t.db.$executeRaw`INSERT INTO official (code, "fullName", "nameFolded", title, role, "unitId", locale, "updatedAt")
      SELECT 'NEW-01', 'Cán bộ mới', 'can bo moi', 'Chuyên viên', 'MEMBER', "unitId", 'vi', now() FROM official LIMIT 1`;
    now = 62_000;
    await app.org(); // answers the old one, starts a reload
    const deadline = Date.now() + 60_000;
    while ((await app.org()).activeOfficials().length === officials && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect((await app.org()).activeOfficials().length).toBe(officials + 1);
  });
});
