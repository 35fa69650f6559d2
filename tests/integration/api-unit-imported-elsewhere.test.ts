// A province's API keys are made by the CLI, often for a unit imported a moment before, while the API's process keeps
// the organisation directory for 30 s (src/runtime/refreshing-cache.ts). A key whose unit that process has not loaded
// yet must not be answered from the old directory (an empty subtree, or a 403 for a unit that exists): the API reads
// the directory again for it (src/http/api/v1/auth.ts). The API's process here never lets its cache expire.
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/integration/api-keys.js';
import { createApiV1 } from '../../src/http/api/v1/index.js';
import { KeyRateLimits } from '../../src/http/api/v1/rate-limit.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createAppContext } from '../../src/runtime/app-context.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedLinkedOrganisation } from '../support/due-reminders.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('an API key for a unit the API process has not loaded yet', () => {
  let t: TestDatabase;
  let redis: Redis;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedLinkedOrganisation(t.db);
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await t?.drop();
  });

  it('is answered from the directory read again, with its unit and officials', async () => {
    const noQueues = { schedule: async () => {}, kick: async () => {} };
    const context = (cacheMs: number) =>
      createAppContext({
        db: t.db,
        time: new ManualTime(new Date('2026-12-08T02:00:00Z')),
        catalogue: Catalogue.load(),
        policy: defaultPolicy(),
        logger: pino({ level: 'silent' }),
        scheduler: noQueues,
        delivery: noQueues,
        cacheMs,
        cacheClock: () => 0,
      });
    const served = context(30_000);
    const before = await served.org(); // loaded, and never expires here
    const unitsBefore = before.allUnits().length;

    // Another process (the CLI) adds a unit with one official, then makes a key for it.
    await t.db.$executeRaw`INSERT INTO unit (code, name, "parentId", path, depth, "updatedAt")
      SELECT 'PNEW', 'Phòng mới thành lập', id, path, depth + 1, now() FROM unit WHERE "parentId" IS NULL ORDER BY id LIMIT 1`;
    await t.db.$executeRaw`UPDATE unit SET path = path || id || '/' WHERE code = 'PNEW'`;
    await t.db.$executeRaw`INSERT INTO official (code, "fullName", "nameFolded", title, role, "unitId", locale, "updatedAt")
      SELECT 'PNEW-01', 'Lê Văn Mới', 'le van moi', 'Trưởng phòng', 'HEAD', id, 'vi', now() FROM unit WHERE code = 'PNEW'`;
    const { secret } = await createApiKey(context(0), { name: 'Cổng dịch vụ công', unitCode: 'PNEW', scopes: ['org:read'], ratePerMinute: 60 });
    expect((await served.org()).allUnits()).toHaveLength(unitsBefore); // the served process still has the old one

    const api = createApiV1({ app: served, limits: new KeyRateLimits(redis, `api-unit-${process.pid}-${Date.now()}`), pause: async () => {} });
    const res = await api.request('/org', { headers: { authorization: `Bearer ${secret}` } });
    const body = (await res.json()) as { units: { code: string }[]; officials: { code: string }[] };
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.units.map((u) => u.code)).toEqual(['PNEW']);
    expect(body.officials.map((o) => o.code)).toEqual(['PNEW-01']);
  });
});
