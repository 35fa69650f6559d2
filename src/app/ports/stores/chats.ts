import type { ChannelName } from '../../../domain/org/types.js';

export type PromptLookup = { found: true; action: string } | { found: false; reason: 'none' | 'expired' | 'out-of-range' };

/** What the router and the channel adapters ask about a chat (numbered prompts, updates handled, delivery state). */
export interface ChatStore {
  /** The linked identity behind a chat, if any. */
  identityOfChat(channel: ChannelName, chatId: string): Promise<number | undefined>;
  /** Remembers the actions of the numbered choices last shown to an identity, until `expiresAt`. */
  savePrompt(identityId: number, actions: string[], now: Date, expiresAt: Date): Promise<void>;
  /** The action behind reply `number` (1 = the first choice) of the prompt last shown, or why there is none. */
  promptAction(identityId: number, number: number, now: Date): Promise<PromptLookup>;
  /** Claims an inbound update; false when it was already handled (platforms retry webhooks and long polls). */
  claimUpdate(channel: ChannelName, key: string): Promise<boolean>;
  /** Forgets the claims made before `before`; how many. */
  pruneUpdates(before: Date): Promise<number>;
  /** How often the message at the head of a chat's queue was tried. */
  attemptsOfHead(channel: ChannelName, chatId: string): Promise<number>;
  /** The chat refused us for good: its identities are marked unreachable; returns their officials. */
  markUnreachable(channel: ChannelName, chatId: string, reason: string, at: Date): Promise<number[]>;
}
