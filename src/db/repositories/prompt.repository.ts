import type { PromptLookup } from '../../app/ports/stores/chats.js';
import type { ChannelName } from '../../domain/org/types.js';
import type { PrismaClient, Tx } from '../client.js';

/** The actions of the last numbered prompt shown in a chat without buttons (index 0 = reply "1"). */
export async function savePrompt(db: PrismaClient | Tx, identityId: number, actions: string[], now: Date, expiresAt: Date): Promise<void> {
  const data = { actions: actions as never, createdAt: now, expiresAt };
  await db.chatPrompt.upsert({ where: { identityId }, create: { identityId, ...data }, update: data });
}

export async function promptAction(db: PrismaClient | Tx, identityId: number, number: number, now: Date): Promise<PromptLookup> {
  const row = await db.chatPrompt.findUnique({ where: { identityId } });
  if (!row) return { found: false, reason: 'none' };
  if (row.expiresAt.getTime() <= now.getTime()) return { found: false, reason: 'expired' };
  const actions = row.actions as string[];
  const action = actions[number - 1];
  return action === undefined ? { found: false, reason: 'out-of-range' } : { found: true, action };
}

/** The identity behind a chat, whose prompt the chat shows. */
export async function identityOfChat(db: PrismaClient | Tx, channel: ChannelName, chatId: string): Promise<number | undefined> {
  return (await db.chatIdentity.findFirst({ where: { channel, chatId }, select: { id: true } }))?.id;
}
