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

/** The chat account's link, or null for someone who has not linked yet (they may only link). */
export async function findIdentity(db: PrismaClient | Tx, channel: ChannelName, externalUserId: string): Promise<LinkedIdentity | null> {
  const row = await db.chatIdentity.findUnique({
    where: { channel_externalUserId: { channel, externalUserId } },
    include: { official: { include: { unit: { select: { code: true, name: true } } } } },
  });
  if (!row) return null;
  const o = row.official;
  return {
    id: IdentityId(row.id),
    channel: row.channel,
    externalUserId: row.externalUserId,
    chatId: row.chatId,
    displayName: row.displayName,
    linkedAt: row.linkedAt,
    unreachableAt: row.unreachableAt,
    lastInboundAt: row.lastInboundAt,
    official: { ...officialFromRow(o), unitCode: o.unit.code, unitName: o.unit.name, phone: o.phone },
  };
}
