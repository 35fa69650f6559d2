import type { ChannelName } from '../../domain/org/types.js';
import type { PrismaClient } from '../client.js';

/** Claims an inbound update; false when it was already handled (platforms retry webhooks and long polls). */
export async function claimUpdate(db: PrismaClient, channel: ChannelName, key: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO processed_update (channel, key, at) VALUES (${channel}::"Channel", ${key}, now())
    ON CONFLICT DO NOTHING RETURNING key`;
  return rows.length > 0;
}

/** Old claims are only needed while a platform may still retry (hours); keep a week. */
export async function pruneUpdates(db: PrismaClient, before: Date): Promise<number> {
  const r = await db.processedUpdate.deleteMany({ where: { at: { lt: before } } });
  return r.count;
}
