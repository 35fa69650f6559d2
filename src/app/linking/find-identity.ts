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
  const [row] = await db.$queryRaw<IdentityJoinRow[]>`
    SELECT ci.id AS "identityId", ci.channel::text AS channel, ci."externalUserId", ci."chatId", ci."displayName", ci."linkedAt",
           ci."unreachableAt", ci."lastInboundAt",
           o.id, o.code, o."fullName", o.title, o.role::text AS role, o."unitId", o."superiorId", o."isAdmin", o.locale, o.active, o.phone,
           u.code AS "unitCode", u.name AS "unitName"
    FROM chat_identity ci JOIN official o ON o.id = ci."officialId" JOIN unit u ON u.id = o."unitId"
    WHERE ci.channel = ${channel}::"Channel" AND ci."externalUserId" = ${externalUserId}`;
  if (!row) return null;
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
