import type { ChannelName } from '../../../domain/org/types.js';

/** What the channel adapters ask about a chat through the application (numbered prompts, delivery state). */
export interface ChatStore {
  /** The linked identity behind a chat, if any. */
  identityOfChat(channel: ChannelName, chatId: string): Promise<number | undefined>;
  /** Remembers the actions of the numbered choices last shown to an identity, until `expiresAt`. */
  savePrompt(identityId: number, actions: string[], now: Date, expiresAt: Date): Promise<void>;
  /** How often the message at the head of a chat's queue was tried. */
  attemptsOfHead(channel: ChannelName, chatId: string): Promise<number>;
  /** The chat refused us for good: its identities are marked unreachable; returns their officials. */
  markUnreachable(channel: ChannelName, chatId: string, reason: string, at: Date): Promise<number[]>;
}
