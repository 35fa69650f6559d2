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
      const row = await db.zaloOaToken.findUnique({ where: { oaId } });
      return row && fields(row);
    },
    async save(oaId, row) {
      await db.zaloOaToken.upsert({ where: { oaId }, create: { oaId, ...row }, update: row });
    },
    underLock(oaId, work, o) {
      return db.$transaction(
        async (tx) => {
          // Transaction-scoped: released by the commit or rollback, never left behind by a dead connection.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`zalo-oa-token:${oaId}`}))`;
          const locked: LockedOaTokenRow = {
            async read() {
              const row = await tx.zaloOaToken.findUnique({ where: { oaId } });
              return row && fields(row);
            },
            async update(data) {
              await tx.zaloOaToken.update({ where: { oaId }, data });
            },
          };
          return work(locked);
        },
        { maxWait: o.waitMs, timeout: o.waitMs },
      );
    },
  };
}
