// Which morning digests were sent (digest_sent) and to whom they go.
import type { DigestStore } from '../../app/ports/stores/digest.js';
import type { OfficialStore } from '../../app/ports/stores/officials.js';
import type { PrismaClient } from '../client.js';
import { prismaTx, readerOf } from '../store-tx.js';
import { loadDigestFacts } from './digest-facts.repository.js';

/** The application's DigestStore over this client. */
export function digestStore(db: PrismaClient): DigestStore {
  return {
    facts: (scope, o, counter) => loadDigestFacts(db, scope, o, counter),
    async unitPath(unitId) {
      return (await db.unit.findUnique({ where: { id: unitId }, select: { path: true } }))?.path ?? undefined;
    },
    async sentOn(date) {
      const rows = await db.digestSent.findMany({ where: { date: new Date(`${date}T00:00:00Z`) }, select: { officialId: true } });
      return rows.map((r) => r.officialId);
    },
    async claim(tx, ids, date, at) {
      const rows = await prismaTx(tx).$queryRaw<{ officialId: number }[]>`
        INSERT INTO digest_sent ("officialId", date, at)
        SELECT id, ${date}::date, ${at} FROM unnest(${[...ids]}::int[]) AS id
        ON CONFLICT ("officialId", date) DO NOTHING
        RETURNING "officialId"`;
      return new Set(rows.map((r) => r.officialId));
    },
  };
}

/** The application's OfficialStore over this client. */
export function officialStore(db: PrismaClient): OfficialStore {
  return {
    async activeAdminIds(tx) {
      const rows = await readerOf(db, tx).official.findMany({ where: { isAdmin: true, active: true }, select: { id: true } });
      return rows.map((r) => r.id);
    },
    async setDigestOptIn(officialId, on) {
      await db.official.update({ where: { id: officialId }, data: { digestOptIn: on } });
    },
    digestRecipients: () =>
      db.official.findMany({
        where: { active: true, OR: [{ role: 'HEAD' }, { role: 'DEPUTY', digestOptIn: true }] },
        select: { id: true, unitId: true, role: true },
        orderBy: { id: 'asc' },
      }),
  };
}
