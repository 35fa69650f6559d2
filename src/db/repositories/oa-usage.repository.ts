// The Official Account's send record (oa_send), the facts its window rule reads, and the month's budget warning.
import type { OaChatFacts, OaSendRecord, OaUsageLine, OaUsageStore } from '../../app/ports/stores/oa-usage.js';
import type { PrismaClient } from '../client.js';

export async function oaChatFacts(db: PrismaClient, chatId: string): Promise<OaChatFacts | undefined> {
  const identity = await db.chatIdentity.findFirst({
    where: { channel: 'ZALO_OA', chatId },
    select: {
      id: true,
      lastInboundAt: true,
      official: { select: { id: true, unitId: true, identities: { where: { channel: { not: 'ZALO_OA' }, unreachableAt: null }, select: { id: true } } } },
    },
  });
  if (!identity) return undefined;
  // From the instant they wrote on: the reply to that message counts (Zalo counts every OA message in a row). The
  // router records every message written on the OA (CAPABILITIES.ZALO_OA.replyWindow).
  const csSinceInbound = await db.oaSend.count({
    where: { identityId: identity.id, kind: 'CS', ...(identity.lastInboundAt ? { at: { gte: identity.lastInboundAt } } : {}) },
  });
  return {
    identityId: identity.id,
    officialId: identity.official.id,
    unitId: identity.official.unitId,
    lastInboundAt: identity.lastInboundAt,
    otherChannel: identity.official.identities.length > 0,
    csSinceInbound,
  };
}

export async function recordOaSend(db: PrismaClient, e: OaSendRecord): Promise<void> {
  await db.oaSend.create({
    data: { at: e.at, month: e.month, identityId: e.identityId ?? null, unitId: e.unitId ?? null, kind: e.kind, insideWindow: e.insideWindow },
  });
}

export async function oaUsageOfMonth(db: PrismaClient, month: string): Promise<OaUsageLine[]> {
  const rows = await db.$queryRaw<
    { unitId: number | null; unitCode: string | null; unitName: string | null; kind: OaUsageLine['kind']; insideWindow: boolean; count: bigint }[]
  >`
    SELECT s."unitId", u.code AS "unitCode", u.name AS "unitName", s.kind::text AS kind, s."insideWindow", count(*) AS count
    FROM oa_send s LEFT JOIN unit u ON u.id = s."unitId"
    WHERE s.month = ${month}
    GROUP BY s."unitId", u.code, u.name, s.kind, s."insideWindow"
    ORDER BY u.code NULLS LAST, s.kind, s."insideWindow" DESC`;
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function claimOaBudgetWarning(db: PrismaClient, month: string, now: Date): Promise<boolean> {
  const inserted = await db.$executeRaw`INSERT INTO oa_budget_warning (month, "warnedAt") VALUES (${month}, ${now}) ON CONFLICT ("orgId", month) DO NOTHING`;
  return inserted > 0;
}

export async function releaseHeldOa(db: PrismaClient, chatId: string, heldPrefix: string, now: Date): Promise<number> {
  const { count } = await db.outbox.updateMany({
    where: { channel: 'ZALO_OA', chatId, status: 'PENDING', lastError: { startsWith: heldPrefix } },
    data: { notBefore: now, lastError: null },
  });
  return count;
}

/** The application's OaUsageStore over this client. */
export function oaUsageStore(db: PrismaClient): OaUsageStore {
  return {
    facts: (chatId) => oaChatFacts(db, chatId),
    record: (entry) => recordOaSend(db, entry),
    month: (month) => oaUsageOfMonth(db, month),
    claimBudgetWarning: (month, now) => claimOaBudgetWarning(db, month, now),
    releaseHeld: (chatId, prefix, now) => releaseHeldOa(db, chatId, prefix, now),
  };
}
