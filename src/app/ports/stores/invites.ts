import type { ChannelName } from '../../../domain/org/types.js';
import type { StoreTx } from '../stores.js';

/** A one-time code as stored (table invite_code): only its hash. */
export interface InviteRow {
  id: number;
  officialId: number;
  usedAt: Date | null;
  expiresAt: Date;
}

/** A chat account as linked (table chat_identity). */
export interface LinkedAccount {
  id: number;
  officialId: number;
  externalUserId: string;
  chatId: string;
}

export interface NewAccountLink {
  officialId: number;
  channel: ChannelName;
  externalUserId: string;
  chatId: string;
  displayName: string | null;
}

/** Invite codes, the guesses at them, and the chat accounts they link (tables invite_code, invite_attempt, chat_identity). */
export interface InviteStore {
  /** Expires the official's unused codes still good at `now`, then stores the new code's hash; how many it expired. */
  replaceCodes(tx: StoreTx, code: { officialId: number; codeHash: string; expiresAt: Date; now: Date }): Promise<{ inviteId: number; revoked: number }>;
  byHash(tx: StoreTx, codeHash: string): Promise<InviteRow | undefined>;
  /** Marks the code used; false when a concurrent redeem marked it first (the row lock makes it wait). */
  claim(tx: StoreTx, inviteId: number, at: Date): Promise<boolean>;
  /** Records which chat account the code linked. */
  setUsedBy(tx: StoreTx, inviteId: number, identityId: number): Promise<void>;
  accountByUser(tx: StoreTx, channel: ChannelName, externalUserId: string): Promise<LinkedAccount | undefined>;
  accountOfOfficial(tx: StoreTx, officialId: number, channel: ChannelName): Promise<LinkedAccount | undefined>;
  /** The same official linked the same account again: new chat and name, reachable, written to now. */
  refreshAccount(tx: StoreTx, identityId: number, chat: { chatId: string; displayName: string | null; at: Date }): Promise<void>;
  /** Removes these links with the half-finished dialog and numbered prompt of each (they must not carry over). */
  removeAccounts(tx: StoreTx, identityIds: readonly number[]): Promise<void>;
  createAccount(tx: StoreTx, link: NewAccountLink, at: Date): Promise<number>;
  /**
   * Links the accounts whose chat and official are both still free on the channel (the first of the batch wins), in
   * a handful of statements whatever the count; returns the links made with their identity ids.
   */
  linkFree(tx: StoreTx, links: readonly NewAccountLink[], at: Date): Promise<(NewAccountLink & { identityId: number })[]>;
  /** Forgets the attempts made at or before `before`. */
  pruneAttempts(before: Date): Promise<void>;
  addAttempt(chat: { channel: ChannelName; chatId: string }, at: Date): Promise<number>;
  /** The chat's oldest attempts after `since`, at most `limit`, oldest first. */
  oldestAttempts(chat: { channel: ChannelName; chatId: string }, since: Date, limit: number): Promise<{ id: number; at: Date }[]>;
  dropAttempt(id: number): Promise<void>;
}
