// Small facts one process records for the others (the table `setting`): the running bot writes, the CLI reads.
import type { PrismaClient, Tx } from '../client.js';

type Db = PrismaClient | Tx;

/** The Telegram bot's @username, recorded at every start so that `invite` prints the real t.me link. */
export const TELEGRAM_USERNAME = 'telegram.username';

export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.setting.findUnique({ where: { key } }))?.value;
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
