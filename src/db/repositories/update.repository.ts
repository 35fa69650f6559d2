import type { ChannelName } from '../../domain/org/types.js';
import type { PrismaClient } from '../client.js';

/**
 * Claims an inbound event that has no answer to hand over (an OA follow, say); false when it was already handled
 * (platforms retry webhooks and long polls). Answered at once: never taken over (identity.repository.ts).
 */
export async function claimUpdate(db: PrismaClient, channel: ChannelName, key: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO processed_update (channel, key, at, "answeredAt") VALUES (${channel}::"Channel", ${key}, now(), now())
    ON CONFLICT DO NOTHING RETURNING key`;
  return rows.length > 0;
}

/** An update's answer was handed over: its claim is final (a repeated delivery is dropped, never taken over). */
export async function markUpdateAnswered(db: PrismaClient, channel: ChannelName, key: string): Promise<void> {
  await db.$executeRaw`UPDATE processed_update SET "answeredAt" = now() WHERE channel = ${channel}::"Channel" AND key = ${key}`;
}

/** Old claims are only needed while a platform may still retry (hours); keep a week. */
export async function pruneUpdates(db: PrismaClient, before: Date): Promise<number> {
  const r = await db.processedUpdate.deleteMany({ where: { at: { lt: before } } });
  return r.count;
}
