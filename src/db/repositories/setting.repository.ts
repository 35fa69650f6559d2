// Small facts one process records for the others (the table `setting`): the running bot writes, the CLI reads.
import type { PrismaClient, Tx } from '../client.js';

type Db = PrismaClient | Tx;

/** The Telegram bot's @username, recorded at every start so that `invite` prints the real t.me link. */
export const TELEGRAM_USERNAME = 'telegram.username';

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.setting.findFirst({ where: { key } }))?.value;
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  // The key is (organisation, key): the connection's organisation fills "orgId" and scopes the conflict.
  await db.$executeRaw`
    INSERT INTO setting (key, value, "updatedAt") VALUES (${key}, ${value}, now())
    ON CONFLICT ("orgId", key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`;
}
