import type { PrismaClient } from '../client.js';
import type { ChannelQuotaStore } from '../../app/ports/stores/channel-quota.js';
import type { ChannelName } from '../../domain/org/types.js';

/** Adds `n` to the month's count of messages sent on a channel; the new count and whether the admins were warned. */
export async function addToQuota(db: PrismaClient, channel: ChannelName, month: string, n: number): Promise<{ count: number; warned: boolean }> {
  const rows = await db.$queryRaw<{ count: number; warnedAt: Date | null }[]>`
    INSERT INTO channel_quota (channel, month, count) VALUES (${channel}::"Channel", ${month}, ${n})
    ON CONFLICT ("orgId", channel, month) DO UPDATE SET count = channel_quota.count + ${n}
    RETURNING count, "warnedAt"`;
  return { count: Number(rows[0]?.count ?? 0), warned: Boolean(rows[0]?.warnedAt) };
}

export async function quotaCount(db: PrismaClient, channel: ChannelName, month: string): Promise<number> {
  const row = await db.channelQuota.findFirst({ where: { channel, month } });
  return row?.count ?? 0;
}

/** Marks the month's warning as given; false when another process did it first. */
export async function claimQuotaWarning(db: PrismaClient, channel: ChannelName, month: string, now: Date): Promise<boolean> {
  const claimed = await db.$executeRaw`
    UPDATE channel_quota SET "warnedAt" = ${now}
    WHERE channel = ${channel}::"Channel" AND month = ${month} AND "warnedAt" IS NULL`;
  return claimed > 0;
}

/** The application's ChannelQuotaStore over this client. */
export function channelQuotaStore(db: PrismaClient): ChannelQuotaStore {
  return {
    add: (channel, month, n) => addToQuota(db, channel, month, n),
    count: (channel, month) => quotaCount(db, channel, month),
    claimWarning: (channel, month, now) => claimQuotaWarning(db, channel, month, now),
  };
}
