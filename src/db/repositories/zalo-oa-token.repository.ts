// The Zalo OA's sealed tokens (table zalo_oa_token): the OaTokenRows port (src/app/ports/oa-token-rows.ts).
import type { LockedOaTokenRow, OaTokenRow, OaTokenRows } from '../../app/ports/oa-token-rows.js';
import type { PrismaClient } from '../client.js';

const fields = (r: OaTokenRow & Record<string, unknown>): OaTokenRow => ({
  accessSealed: r.accessSealed,
  refreshSealed: r.refreshSealed,
  accessExpiresAt: r.accessExpiresAt,
  refreshExpiresAt: r.refreshExpiresAt,
  failedAt: r.failedAt,
  failure: r.failure,
});

export function createOaTokenRows(db: PrismaClient): OaTokenRows {
  return {
    async read(oaId) {
      const row = await db.zaloOaToken.findFirst({ where: { oaId } });
      return row && fields(row);
    },
    async save(oaId, row) {
      // The key is (organisation, OA): the connection's organisation fills "orgId" and scopes the conflict.
      await db.$executeRaw`
        INSERT INTO zalo_oa_token ("oaId", "accessSealed", "refreshSealed", "accessExpiresAt", "refreshExpiresAt", "failedAt", failure, "updatedAt")
        VALUES (${oaId}, ${row.accessSealed}, ${row.refreshSealed}, ${row.accessExpiresAt}, ${row.refreshExpiresAt}, ${row.failedAt}, ${row.failure}, now())
        ON CONFLICT ("orgId", "oaId") DO UPDATE SET "accessSealed" = EXCLUDED."accessSealed", "refreshSealed" = EXCLUDED."refreshSealed",
          "accessExpiresAt" = EXCLUDED."accessExpiresAt", "refreshExpiresAt" = EXCLUDED."refreshExpiresAt", "failedAt" = EXCLUDED."failedAt",
          failure = EXCLUDED.failure, "updatedAt" = now()`;
    },
    underLock(oaId, work, o) {
      return db.$transaction(
        async (tx) => {
          // Transaction-scoped: released by the commit or rollback, never left behind by a dead connection.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`zalo-oa-token:${oaId}:`} || current_setting('dondoc.org', true)))`;
          const locked: LockedOaTokenRow = {
            async read() {
              const row = await tx.zaloOaToken.findFirst({ where: { oaId } });
              return row && fields(row);
            },
            async update(data) {
              await tx.zaloOaToken.updateMany({ where: { oaId }, data });
            },
          };
          return work(locked);
        },
        { maxWait: o.waitMs, timeout: o.waitMs },
      );
    },
  };
}
