// The digest's scope and query options (the queries are src/db/repositories/digest-facts.repository.ts, behind
// app.stores.digest.facts), and the recipients of the morning digest as bench/digest.ts reads them.
import type { PrismaClient, Tx } from '../../db/client.js';

export type { DigestQueryOptions, DigestScope, QueryCounter } from '../ports/stores/digest.js';

/** The recipients of the morning digest: every active head, and the deputies who asked for it (the app reads them through `app.stores.officials.digestRecipients`; this form stays for bench/digest.ts). */
export async function digestRecipients(db: PrismaClient | Tx): Promise<{ id: number; unitId: number; role: string }[]> {
  return db.official.findMany({
    where: { active: true, OR: [{ role: 'HEAD' }, { role: 'DEPUTY', digestOptIn: true }] },
    select: { id: true, unitId: true, role: true },
    orderBy: { id: 'asc' },
  });
}
