import { IdentityId } from '../../domain/ids.js';
import { asLocale, type Locale } from '../../domain/locale.js';
import type { ChannelName } from '../../domain/org/types.js';
import { chooseChannel } from '../../domain/org/channel-choice.js';
import type { ClaimedUpdate, DeliveryTarget, IdentityStore, InboundClaim, LinkedIdentity } from '../../app/ports/stores/identities.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx, readerOf } from '../store-tx.js';
import { officialFromRow } from './org.repository.js';
import { markUpdateAnswered } from './update.repository.js';

export type { DeliveryTarget, LinkedIdentity };

type IdentityJoinRow = Parameters<typeof officialFromRow>[0] & {
  identityId: number;
  channel: ChannelName;
  externalUserId: string;
  chatId: string;
  displayName: string | null;
  linkedAt: Date;
  unreachableAt: Date | null;
  lastInboundAt: Date | null;
  phone: string | null;
  unitCode: string;
  unitName: string;
};

/** The link of the chat account ($1 channel, $2 external user id) with its official and unit, as one SELECT. */
const IDENTITY_SELECT = `
  SELECT ci.id AS "identityId", ci.channel::text AS channel, ci."externalUserId", ci."chatId", ci."displayName", ci."linkedAt",
         ci."unreachableAt", ci."lastInboundAt",
         o.id, o.code, o."fullName", o.title, o.role::text AS role, o."unitId", o."superiorId", o."isAdmin", o.locale, o.active, o.phone,
         u.code AS "unitCode", u.name AS "unitName"
  FROM chat_identity ci JOIN official o ON o.id = ci."officialId" JOIN unit u ON u.id = o."unitId"
  WHERE ci.channel = $1::"Channel" AND ci."externalUserId" = $2`;

/**
 * The chat account's link, or null for someone who has not linked yet (they may only link). One statement: a join
 * (Prisma's `include` sent three queries, each a round trip).
 */
export async function findIdentity(db: PrismaClient | Tx, channel: ChannelName, externalUserId: string): Promise<LinkedIdentity | null> {
  const [row] = await db.$queryRawUnsafe<IdentityJoinRow[]>(IDENTITY_SELECT, channel, externalUserId);
  return row ? toLinkedIdentity(row) : null;
}

type ClaimRow = Partial<IdentityJoinRow> & {
  claimed: boolean;
  dialogFlow: string | null;
  dialogStep: string | null;
  dialogData: Record<string, unknown> | null;
};

/**
 * An update's first step in one round trip (issue 14: each statement costs a round trip and ~0.3 ms of Node CPU):
 * claims it (the same insert as `claimUpdate`, ./update.repository.ts; with `takeOverUnanswered`, also a claim a dead
 * process left unanswered), finds who wrote it, records that they wrote
 * (`touchIdentity`, when asked and due), removes their chat's dialog when it has expired (as `loadDialog` does) and
 * reads it when it has not. Data-modifying CTEs all run whether or not the final SELECT reads them; every one but the
 * claim is guarded by it, so a retried update changes nothing. Their snapshot is the statement's start: `who` is the
 * identity as it was before the touch.
 */
export async function claimAndFindIdentity(
  db: PrismaClient,
  channel: ChannelName,
  updateKey: string,
  externalUserId: string,
  inbound: InboundClaim,
): Promise<ClaimedUpdate> {
  const [row] = await db.$queryRawUnsafe<ClaimRow[]>(
    `WITH claim AS (
       INSERT INTO processed_update (channel, key, at) VALUES ($1::"Channel", $3, now())
       ON CONFLICT ("orgId", channel, key) DO UPDATE SET at = now() WHERE processed_update."answeredAt" IS NULL AND $7::boolean
       RETURNING key
     ),
     who AS (${IDENTITY_SELECT}),
     touched AS (
       UPDATE chat_identity ci SET "lastInboundAt" = $4::timestamp, "unreachableAt" = NULL, "unreachableReason" = NULL
       FROM who
       WHERE ci.id = who."identityId" AND $5::boolean AND who.active AND EXISTS (SELECT 1 FROM claim)
         AND (who."unreachableAt" IS NOT NULL OR who."lastInboundAt" IS NULL OR $6::timestamp IS NULL OR who."lastInboundAt" < $6::timestamp)
       RETURNING ci.id
     ),
     expired AS (
       DELETE FROM dialog_state d USING who
       WHERE d."identityId" = who."identityId" AND d."expiresAt" <= $4::timestamp AND EXISTS (SELECT 1 FROM claim)
       RETURNING d."identityId"
     )
     SELECT EXISTS (SELECT 1 FROM claim) AS claimed, who.*, d.flow AS "dialogFlow", d.step AS "dialogStep", d.data AS "dialogData"
     FROM (SELECT 1) AS one LEFT JOIN who ON true
     LEFT JOIN dialog_state d ON d."identityId" = who."identityId" AND d."expiresAt" > $4::timestamp AND EXISTS (SELECT 1 FROM claim)`,
    channel,
    externalUserId,
    updateKey,
    inbound.now,
    inbound.touch !== undefined,
    inbound.touch?.staleBefore ?? null,
    inbound.takeOverUnanswered === true,
  );
  const claimed = row?.claimed === true;
  const identity = row?.identityId != null ? toLinkedIdentity(row as IdentityJoinRow) : null;
  const dialog = claimed && row?.dialogFlow != null ? { flow: row.dialogFlow, step: row.dialogStep!, data: row.dialogData ?? {} } : undefined;
  return { claimed, identity, dialog };
}

function toLinkedIdentity(row: IdentityJoinRow): LinkedIdentity {
  return {
    id: IdentityId(row.identityId),
    channel: row.channel,
    externalUserId: row.externalUserId,
    chatId: row.chatId,
    displayName: row.displayName,
    linkedAt: row.linkedAt,
    unreachableAt: row.unreachableAt,
    lastInboundAt: row.lastInboundAt,
    official: { ...officialFromRow(row), unitCode: row.unitCode, unitName: row.unitName, phone: row.phone },
  };
}

/**
 * Where to reach an official: their preferred channel when it is reachable, else the first reachable one in `order`
 * (the policy's channels.fallbackOrder; without it, the oldest link) (PRODUCT.md: notifications fall back when the
 * preferred channel is unreachable).
 */
export async function deliveryTarget(db: PrismaClient | Tx, officialId: number, order: readonly ChannelName[] = []): Promise<DeliveryTarget | undefined> {
  return (await deliveryTargets(db, [officialId], order)).get(officialId);
}

/** The delivery target and language of each active official who can be reached, in one query. */
export async function deliveryTargets(
  db: PrismaClient | Tx,
  officialIds: readonly number[],
  order: readonly ChannelName[] = [],
): Promise<Map<number, DeliveryTarget & { locale: Locale }>> {
  if (officialIds.length === 0) return new Map();
  // One join, not Prisma's nested select (two queries joined in JavaScript): a firing wave asks for ~200 people.
  const rows = await db.$queryRaw<
    { officialId: number; locale: string; preferredChannel: ChannelName | null; identityId: number; channel: ChannelName; chatId: string }[]
  >`
    SELECT o.id AS "officialId", o.locale, o."preferredChannel"::text AS "preferredChannel", ci.id AS "identityId", ci.channel::text AS channel, ci."chatId"
    FROM official o JOIN chat_identity ci ON ci."officialId" = o.id AND ci."unreachableAt" IS NULL
    WHERE o.id = ANY(${[...new Set(officialIds)]}::int[]) AND o.active
    ORDER BY o.id, ci."linkedAt", ci.id`;
  const out = new Map<number, DeliveryTarget & { locale: Locale }>();
  for (let i = 0; i < rows.length; ) {
    // The rows of one official, oldest link first (chooseChannel keeps that order within a rank).
    let j = i + 1;
    while (j < rows.length && rows[j]!.officialId === rows[i]!.officialId) j++;
    const o = rows[i]!;
    const chosen = chooseChannel(rows.slice(i, j), o.preferredChannel, order);
    if (chosen) out.set(o.officialId, { identityId: chosen.identityId, channel: chosen.channel, chatId: chosen.chatId, locale: asLocale(o.locale) });
    i = j;
  }
  return out;
}

/** 403 from the platform: the bot is blocked or the chat is gone. Stop sending there until the person writes again. */
export async function markUnreachable(db: PrismaClient | Tx, channel: ChannelName, chatId: string, reason: string, at: Date): Promise<number[]> {
  const rows = await db.chatIdentity.findMany({ where: { channel, chatId, unreachableAt: null }, select: { id: true, officialId: true } });
  if (rows.length === 0) return [];
  await db.chatIdentity.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { unreachableAt: at, unreachableReason: reason.slice(0, 500) } });
  return rows.map((r) => r.officialId);
}

/** The person wrote to us: the chat is reachable again. */
export async function touchIdentity(db: PrismaClient | Tx, identityId: number, at: Date): Promise<void> {
  await db.chatIdentity.update({ where: { id: identityId }, data: { lastInboundAt: at, unreachableAt: null, unreachableReason: null } });
}

/** The chat accounts this person linked, oldest link first. */
export async function identitiesOf(db: PrismaClient | Tx, officialId: number): Promise<{ channel: ChannelName; unreachableAt: Date | null }[]> {
  return db.chatIdentity.findMany({ where: { officialId }, orderBy: { linkedAt: 'asc' }, select: { channel: true, unreachableAt: true } });
}

/** Each active admin's oldest reachable chat on another channel than `notOn`, with their language. */
export async function adminTargetsOutside(db: PrismaClient | Tx, notOn: ChannelName): Promise<(DeliveryTarget & { officialId: number; locale: Locale })[]> {
  const admins = await db.official.findMany({
    where: { isAdmin: true, active: true },
    select: { id: true, locale: true, identities: { where: { unreachableAt: null, channel: { not: notOn } }, orderBy: [{ linkedAt: 'asc' }, { id: 'asc' }] } },
  });
  return admins.flatMap((a) => {
    const target = a.identities[0];
    return target ? [{ officialId: a.id, identityId: target.id, channel: target.channel, chatId: target.chatId, locale: asLocale(a.locale) }] : [];
  });
}

/** The application's IdentityStore. */
export function identityStore(db: PrismaClient): IdentityStore {
  return {
    claimUpdateAndFind: (channel, updateKey, externalUserId, inbound) => claimAndFindIdentity(db, channel, updateKey, externalUserId, inbound),
    markAnswered: (channel, updateKey) => markUpdateAnswered(db, channel, updateKey),
    find: (channel, externalUserId) => findIdentity(db, channel, externalUserId),
    deliveryTargets: (officialIds, order, tx) => deliveryTargets(readerOf(db, tx), officialIds, order),
    adminTargetsOutside: (tx, notOn) => adminTargetsOutside(prismaTx(tx), notOn),
    touch: (identityId, at) => touchIdentity(db, identityId, at),
    linkedChannels: (officialId) => identitiesOf(db, officialId),
    async linkedOfficial(channel, externalUserId) {
      const row = await db.chatIdentity.findFirst({
        where: { channel, externalUserId },
        select: { id: true, officialId: true, official: { select: { locale: true } } },
      });
      return row ? { identityId: row.id, officialId: row.officialId, locale: asLocale(row.official.locale) } : undefined;
    },
  };
}
