// DATABASE_REPLICA_URL (issue 18 point 3): digests and reports read from the replica's client, everything else from
// the primary. Two databases stand in for primary and replica here so a read shows where it went (a real replica
// holds the same data, a little behind); then the replica is the primary's own URL, as in the multi-bot test.
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../src/db/client.js';
import { createStores } from '../../src/db/stores.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedDueTasks, seedLinkedOrganisation } from '../support/due-reminders.js';

const dbs: TestDatabase[] = [];
const clients: { $disconnect(): Promise<void> }[] = [];
afterAll(async () => {
  for (const c of clients) await c.$disconnect();
  for (const d of dbs) await d.drop();
});

const bounds = () => ({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000), cutoff: new Date() });

describe('reads for digests and reports', () => {
  it('go to the replica when there is one; other reads and writes stay on the primary', async () => {
    const primary = await createTestDatabase();
    const replica = await createTestDatabase();
    dbs.push(primary, replica);
    // Only the "replica" holds the organisation and 12 tasks.
    await seedLinkedOrganisation(replica.db);
    await seedDueTasks(replica.db, 12, new Date());
    const unit = await replica.db.unit.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const replicaClient = createPrismaClient(replica.url, { poolSize: 2 });
    clients.push(replicaClient);

    const withReplica = createStores(primary.db, { replica: replicaClient });
    expect((await withReplica.reports.facts({ kind: 'all' }, bounds())).tasks).toHaveLength(12);
    expect(await withReplica.reports.unitPath(unit.id)).toBe(unit.path);
    expect(await withReplica.digest.unitPath(unit.id)).toBe(unit.path);
    // What the digest run writes and checks against its own writes stays on the primary.
    expect(await withReplica.digest.sentOn('2026-12-01')).toEqual([]);
    expect(await withReplica.officials.digestRecipients()).toEqual([]);

    // Without a replica, nothing changes: the primary answers (and it has none of it).
    const plain = createStores(primary.db);
    expect((await plain.reports.facts({ kind: 'all' }, bounds())).tasks).toHaveLength(0);
    expect(await plain.digest.unitPath(unit.id)).toBeUndefined();
  });

  it('with the replica URL naming the primary itself, the reads are the same as without', async () => {
    const db = await createTestDatabase();
    dbs.push(db);
    await seedLinkedOrganisation(db.db);
    await seedDueTasks(db.db, 5, new Date());
    const same = createPrismaClient(db.url, { poolSize: 2 });
    clients.push(same);
    const a = await createStores(db.db, { replica: same }).reports.facts({ kind: 'all' }, bounds());
    const b = await createStores(db.db).reports.facts({ kind: 'all' }, bounds());
    expect(a.tasks.map((t) => t.id).sort()).toEqual(b.tasks.map((t) => t.id).sort());
    expect(a.tasks).toHaveLength(5);
  });
});
