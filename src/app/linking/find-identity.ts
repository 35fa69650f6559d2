// Who is writing to the bot: the router's first question for every update (PRODUCT.md §2).
import type { PrismaClient, Tx } from '../../db/client.js';
import { officialFromRow, type OfficialWithUnit } from '../../db/repositories/org.repository.js';
import { IdentityId } from '../../domain/ids.js';
import type { ChannelName } from '../../domain/org/types.js';

export interface LinkedIdentity {
  id: IdentityId;
  channel: ChannelName;
  externalUserId: string;
  chatId: string;
  displayName: string | null;
  linkedAt: Date;
  unreachableAt: Date | null;
  lastInboundAt: Date | null;
  /** May be inactive (left the organisation): the router decides what such a person may still do. */
  official: OfficialWithUnit;
}

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

/**
 * The chat account's link, or null for someone who has not linked yet (they may only link). One statement on every
 * update's path: a join (Prisma's `include` sent three queries, each a round trip).
 */
export async function findIdentity(db: PrismaClient | Tx, channel: ChannelName, externalUserId: string): Promise<LinkedIdentity | null> {
  const [row] = await db.$queryRawUnsafe<IdentityJoinRow[]>(IDENTITY_SELECT, channel, externalUserId);
  return row ? toLinkedIdentity(row) : null;
}

/** The link of the chat account ($1 channel, $2 external user id) with its official and unit, as one SELECT. */
const IDENTITY_SELECT = `
  SELECT ci.id AS "identityId", ci.channel::text AS channel, ci."externalUserId", ci."chatId", ci."displayName", ci."linkedAt",
         ci."unreachableAt", ci."lastInboundAt",
         o.id, o.code, o."fullName", o.title, o.role::text AS role, o."unitId", o."superiorId", o."isAdmin", o.locale, o.active, o.phone,
         u.code AS "unitCode", u.name AS "unitName"
  FROM chat_identity ci JOIN official o ON o.id = ci."officialId" JOIN unit u ON u.id = o."unitId"
  WHERE ci.channel = $1::"Channel" AND ci."externalUserId" = $2`;

/**
 * An update's first step in one round trip: claims it (false when it was handled already: platforms retry) and finds
 * who wrote it. The claim is the same insert as `claimUpdate` (src/db/repositories/update.repository.ts).
 */
export async function claimAndFindIdentity(
  db: PrismaClient,
  channel: ChannelName,
  updateKey: string,
  externalUserId: string,
): Promise<{ claimed: boolean; identity: LinkedIdentity | null }> {
  const [row] = await db.$queryRawUnsafe<(Partial<IdentityJoinRow> & { claimed: boolean })[]>(
    `WITH claim AS (
       INSERT INTO processed_update (channel, key, at) VALUES ($1::"Channel", $3, now()) ON CONFLICT DO NOTHING RETURNING key
     )
     SELECT EXISTS (SELECT 1 FROM claim) AS claimed, who.* FROM (SELECT 1) AS one LEFT JOIN (${IDENTITY_SELECT}) AS who ON true`,
    channel,
    externalUserId,
    updateKey,
  );
  const claimed = row?.claimed === true;
  return { claimed, identity: row?.identityId != null ? toLinkedIdentity(row as IdentityJoinRow) : null };
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
