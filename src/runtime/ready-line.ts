// The one line an operator at the console waits for: what runs, how it receives, how many people it serves.
import type { Config } from '../config.js';
import type { PrismaClient } from '../db/client.js';

/** What the line says of each channel: only its shape, so this wiring helper does not depend on the adapters. */
interface ChannelState {
  mode: string;
}

/** "dondoc ready: @bot (polling), 47 officials, 12 linked": what an operator at the console wants to read. */
export async function readyLine(
  db: PrismaClient,
  o: { config: Config; telegram: (ChannelState & { username: string }) | undefined; zalo: ChannelState | undefined; zaloName: string | undefined },
): Promise<string> {
  const [officials, linked] = await Promise.all([
    db.official.count({ where: { active: true } }),
    db.official.count({ where: { active: true, identities: { some: {} } } }),
  ]);
  const parts: string[] = [];
  if (o.telegram) parts.push(`@${o.telegram.username} (${o.telegram.mode})`);
  if (o.zalo && o.zalo.mode !== 'send-only') parts.push(`Zalo ${o.zaloName ?? 'bot'} (${o.zalo.mode})`);
  if (o.config.role === 'worker') parts.push(`worker (${o.config.workerQueues.join(', ')})`);
  return `dondoc ready: ${parts.join(', ')}, ${officials} official${officials === 1 ? '' : 's'}, ${linked} linked`;
}
