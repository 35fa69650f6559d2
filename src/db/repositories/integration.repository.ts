// The integration API's keys and idempotency records, and the reads it makes across tasks and consultations
// (src/app/ports/stores/integration.ts).
import type { ApiKeyRecord, IntegrationStore, ItemFilter } from '../../app/ports/stores/integration.js';
import type { TaskEventKind } from '../../app/ports/stores/tasks.js';
import type { PrismaClient } from '../client.js';
import type { ApiKey, Prisma } from '../generated/client.js';
import { toConsultation } from './consultation.repository.js';
import { toTask } from './task.repository.js';

function toKey({ secretHash: _hash, ...row }: ApiKey): ApiKeyRecord {
  return row;
}

/** The units of a subtree, a creation period and a keyset page (newest first). */
function itemWhere(f: ItemFilter) {
  return {
    unitId: { in: [...f.unitIds] },
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
    ...(f.beforeId !== undefined ? { id: { lt: f.beforeId } } : {}),
  };
}

export function integrationStore(db: PrismaClient): IntegrationStore {
  return {
    createKey: async (row) => toKey(await db.apiKey.create({ data: row })),
    listKeys: async () => (await db.apiKey.findMany({ orderBy: { id: 'asc' } })).map(toKey),
    async revokeKey(name, at) {
      const r = await db.apiKey.updateMany({ where: { name, revokedAt: null }, data: { revokedAt: at } });
      return r.count > 0;
    },
    async keyBySecretHash(secretHash) {
      const row = await db.apiKey.findUnique({ where: { secretHash } });
      return row ? toKey(row) : undefined;
    },
    async touchKey(id, at) {
      await db.apiKey.update({ where: { id }, data: { lastUsedAt: at } });
    },

    async claimIdempotency(apiKeyId, key, row) {
      // ON CONFLICT DO NOTHING: ten parallel retries meet here and exactly one inserts.
      const n = await db.$executeRaw`
        INSERT INTO api_idempotency ("apiKeyId", key, route, "bodyHash", "createdAt")
        VALUES (${apiKeyId}, ${key}, ${row.route}, ${row.bodyHash}, ${row.createdAt})
        ON CONFLICT DO NOTHING`;
      return n === 1;
    },
    async findIdempotency(apiKeyId, key) {
      const row = await db.apiIdempotency.findUnique({ where: { apiKeyId_key: { apiKeyId, key } } });
      return row ? { route: row.route, bodyHash: row.bodyHash, status: row.status, response: row.response } : undefined;
    },
    async finishIdempotency(apiKeyId, key, status, response) {
      await db.apiIdempotency.update({ where: { apiKeyId_key: { apiKeyId, key } }, data: { status, response: response as Prisma.InputJsonValue } });
    },
    async releaseIdempotency(apiKeyId, key) {
      await db.apiIdempotency.deleteMany({ where: { apiKeyId, key, status: null } });
    },

    async taskByCode(code) {
      const row = await db.task.findFirst({ where: { code: code.toUpperCase() } });
      return row ? toTask(row) : undefined;
    },
    async consultationByCode(code) {
      const row = await db.consultation.findFirst({ where: { code: code.toUpperCase() } });
      return row ? toConsultation(row) : undefined;
    },
    async taskEvents(taskId) {
      const rows = await db.taskEvent.findMany({
        where: { taskId },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        select: { kind: true, actorId: true, at: true, reason: true, note: true, percent: true, newDeadline: true },
      });
      return rows.map((r) => ({ ...r, kind: r.kind as TaskEventKind }));
    },
    async consultationTimeline(consultationId) {
      const [respondents, entries] = await Promise.all([
        db.consultationRespondent.findMany({
          where: { consultationId },
          orderBy: { id: 'asc' },
          select: { officialId: true, stance: true, stanceText: true, answeredAt: true },
        }),
        db.consultationEntry.findMany({
          where: { consultationId },
          orderBy: [{ at: 'asc' }, { id: 'asc' }],
          select: { authorId: true, kind: true, stance: true, text: true, at: true },
        }),
      ]);
      return { respondents, entries };
    },
    async pendingExtension(taskId) {
      return (
        (await db.extensionRequest.findFirst({
          where: { taskId, status: 'PENDING' },
          orderBy: { id: 'desc' },
          select: { id: true, newDeadline: true, reason: true },
        })) ?? undefined
      );
    },
    async tasks(f) {
      const rows = await db.task.findMany({
        where: { ...itemWhere(f), ...(f.status ? { status: f.status as never } : {}) },
        orderBy: { id: 'desc' },
        take: f.limit,
      });
      return rows.map(toTask);
    },
    async consultations(f) {
      const rows = await db.consultation.findMany({
        where: { ...itemWhere(f), ...(f.status ? { status: f.status as never } : {}) },
        orderBy: { id: 'desc' },
        take: f.limit,
      });
      return rows.map(toConsultation);
    },
    async phones(officialIds) {
      const rows = await db.official.findMany({ where: { id: { in: [...officialIds] }, phone: { not: null } }, select: { id: true, phone: true } });
      return new Map(rows.map((r) => [r.id, r.phone!]));
    },
  };
}
