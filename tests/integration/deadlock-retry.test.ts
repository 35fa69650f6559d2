// Found by the chat fuzz (seed 402): a use case that holds the audit chain's lock and waits for a clock row, while
// another transaction (a firing wave) holds that row and waits for the audit lock, is aborted by PostgreSQL as a
// deadlock victim, and the person got the internal-error answer. Nothing of it was written; it is run again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { isRetryableConflict } from '../../src/app/transaction.js';
import { OfficialId, TaskId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { waitUntil } from '../support/wait.js';

// src/db/repositories/audit.repository.ts: the two-key lock (AUDIT_LOCK, hashtext(organisation)), one chain per organisation.
const AUDIT_LOCK = 7262002;

describe('a use case that loses a deadlock is run again', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z', workers: false });
    await h.importSample();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('acceptTask waits on a clock row another transaction holds while that one waits for the audit lock: it still succeeds', async () => {
    const task = await h.give('BTC-01', 'BTC-03', { title: 'Rà soát hồ sơ', deadline: new Date('2026-12-18T10:00:00Z') });
    const clock = await h.db.db.clock.findFirstOrThrow({ where: { itemId: task.id, kind: 'TASK_ACCEPT' } });
    let releaseRow!: () => void;
    const rowLocked = new Promise<void>((resolve) => (releaseRow = resolve));
    // The other writer, like a firing wave: the clock row first, the audit lock last.
    const other = h.db.db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM clock WHERE id = ${clock.id} FOR UPDATE`;
        releaseRow();
        // Wait until the use case holds the audit lock (and so waits for our row), then ask for the audit lock.
        await waitUntil(
          async () => {
            const held = await h.db.db.$queryRaw<
              { n: bigint }[]
            >`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = ${AUDIT_LOCK} AND objid::int = hashtext('default') AND objsubid = 2 AND granted`;
            return Number(held[0]!.n) > 0 ? true : undefined;
          },
          { timeoutMs: 20_000, intervalMs: 20 },
        );
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK}::int, hashtext('default'))`;
        await tx.clock.update({ where: { id: clock.id }, data: { updatedAt: new Date() } });
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    await rowLocked;
    const accepted = acceptTask(h.app, OfficialId(await h.officialId('BTC-03')), TaskId(task.id));
    const [mine, theirs] = await Promise.allSettled([accepted, other]);
    // One of the two was the deadlock victim; the use case either won or was run again.
    expect(mine.status, mine.status === 'rejected' ? String((mine.reason as Error).message).slice(-300) : '').toBe('fulfilled');
    if (theirs.status === 'rejected') expect(isRetryableConflict(theirs.reason)).toBe(true);
    const row = await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row.status).toBe('ACCEPTED');
    expect(await h.db.db.auditLog.count({ where: { action: 'task.accepted', entityId: String(task.id) } })).toBe(1);
  });
});
