// Issue 14: the rebuild after a loss of Redis walks the clocks in keyset pages, reads the next page while the current
// one goes to Redis, and adds the jobs in chunks. Whatever the page and chunk sizes, every active clock due within the
// horizon gets exactly one job (none skipped at a page boundary, none added twice), with the clock's position as its id.
import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileClocks } from '../../jobs/reconciler.js';
import { createQueues } from '../../jobs/runtime.js';
import { clockStore } from '../../src/db/repositories/clock.repository.js';
import { clockJobId } from '../../src/domain/clocks/types.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { TEST_REDIS_URL } from '../support/env.js';

const HOUR = 3_600_000;
const now = new Date('2026-12-01T01:00:00Z');
const time = new ManualTime(now);

let tdb: TestDatabase;
let expectedIds: string[];
let outOfHorizon: string[];

beforeAll(async () => {
  tdb = await createTestDatabase();
  // 101 clocks: g % 10 = 0 stopped, g % 10 = 1 due beyond the 6-hour horizon, the rest within it: due already (g % 10 = 2,
  // an hour ago) or later (up to 5 hours ahead). Ids, generations and levels vary, so each job id is the clock's own.
  await tdb.db.$executeRawUnsafe(`
    INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, state, generation, "dueAt", "stepMs", level, cycle, "nextAt", "updatedAt")
    SELECT 'TASK', g, 'TASK_ACCEPT', 1, 'NORMAL', CASE WHEN g % 10 = 0 THEN 'STOPPED' ELSE 'ACTIVE' END::"ClockState", g % 3,
           t, 7200000, g % 4, g % 2, t, now()
    FROM generate_series(1, 101) g,
         LATERAL (SELECT '${now.toISOString()}'::timestamptz + CASE g % 10 WHEN 1 THEN interval '7 hours' WHEN 2 THEN interval '-1 hour'
                                                                        ELSE (g % 5) * interval '1 hour' + interval '1 minute' END AS t) x`);
  const rows = await tdb.db.clock.findMany({ orderBy: { id: 'asc' } });
  const inHorizon = rows.filter((c) => c.state === 'ACTIVE' && c.nextAt.getTime() <= now.getTime() + 6 * HOUR);
  expectedIds = inHorizon.map(clockJobId).sort();
  outOfHorizon = rows.filter((c) => !inHorizon.includes(c)).map(clockJobId);
  expect(expectedIds).toHaveLength(80);
});

afterAll(async () => {
  await tdb?.drop();
});

/** Every job of the clock queue, by id, whatever its state. */
async function jobIds(queue: Queue): Promise<string[]> {
  const jobs = await queue.getJobs(['delayed', 'waiting', 'prioritized', 'active', 'completed', 'failed']);
  return jobs.map((j) => j.id!).sort();
}

describe('the rebuild of the fast path in pages and chunks', () => {
  // 80 clocks in pages of 8: the last page is full and the rebuild must read once more to know it was the last; in
  // pages of 7 the last one is short; in pages of 1,000 they are all one page.
  for (const batching of [
    { pageSize: 8, chunkSize: 3 },
    { pageSize: 7, chunkSize: 2 },
    { pageSize: 1000, chunkSize: 250 },
  ]) {
    it(`creates one job for every active clock within the horizon, exactly once (pages of ${batching.pageSize}, chunks of ${batching.chunkSize})`, async () => {
      const queues = createQueues(TEST_REDIS_URL, `t-rebuild-${randomBytes(4).toString('hex')}`, time);
      const queue = queues.clocks as unknown as Queue;
      try {
        const report = await reconcileClocks(clockStore(tdb.db), queue, time, 6 * HOUR, batching);
        // 10 of the 80 are due already (g % 10 = 2): added ready to run, the others delayed until their time.
        expect(report).toEqual({ scanned: 80, added: 80, promoted: 0, requeued: 0 });
        const ids = await jobIds(queue);
        expect(ids).toEqual(expectedIds);
        expect(ids.filter((id) => outOfHorizon.includes(id))).toEqual([]);
        expect(await queue.getJobCounts('delayed', 'waiting')).toEqual({ delayed: 70, waiting: 10 });

        // Run again (the periodic reconciler): nothing is added twice; the due ones are found waiting already.
        const again = await reconcileClocks(clockStore(tdb.db), queue, time, 6 * HOUR, batching);
        expect(again).toEqual({ scanned: 80, added: 70, promoted: 0, requeued: 0 });
        expect(await jobIds(queue)).toEqual(expectedIds);
      } finally {
        await queues.clocks.obliterate({ force: true });
        await queues.close();
      }
    });
  }
});
