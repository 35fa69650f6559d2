// Digests and reports read from a PostgreSQL replica when DATABASE_REPLICA_URL is set (README "A province"): the
// biggest reads of the system (a whole organisation's items for the 07:30 digests, a report over a year) leave the
// primary to the writes. Each load of facts is one REPEATABLE READ, READ ONLY transaction on the replica: its queries
// see one snapshot, so a digest never counts an item half-way through a change, however far the replica lags. What
// is written (the digest_sent claim, the outbox) still goes to the primary.
import type { DigestStore } from '../../app/ports/stores/digest.js';
import type { ReportStore } from '../../app/ports/stores/reports.js';
import type { PrismaClient } from '../client.js';
import { digestStore } from './digest.repository.js';
import { loadDigestFacts } from './digest-facts.repository.js';
import { loadReportFacts, reportStore } from './report-facts.repository.js';

/** One snapshot on the replica for `load`; a report over a year may take a while, hence the long timeout. */
function inSnapshot<T>(replica: PrismaClient, load: (tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]) => Promise<T>): Promise<T> {
  return replica.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SET TRANSACTION READ ONLY');
      return load(tx);
    },
    { isolationLevel: 'RepeatableRead', maxWait: 10_000, timeout: 120_000 },
  );
}

/** The digest store: facts and unit paths from the replica, what was sent and its claim on the primary. */
export function replicaDigestStore(primary: PrismaClient, replica: PrismaClient): DigestStore {
  const reads = digestStore(replica);
  return {
    ...digestStore(primary),
    facts: (scope, o, counter) => inSnapshot(replica, (tx) => loadDigestFacts(tx, scope, o, counter)),
    unitPath: reads.unitPath,
  };
}

/** The report store, all reads, on the replica. */
export function replicaReportStore(replica: PrismaClient): ReportStore {
  return { ...reportStore(replica), facts: (scope, bounds) => inSnapshot(replica, (tx) => loadReportFacts(tx, scope, bounds)) };
}
