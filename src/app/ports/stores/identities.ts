import type { Locale } from '../../../domain/locale.js';
import type { ChannelName } from '../../../domain/org/types.js';
import type { StoreTx } from '../stores.js';

/** Where to reach an official: one linked chat. */
export interface DeliveryTarget {
  identityId: number;
  channel: ChannelName;
  chatId: string;
}

/** The chat accounts officials linked (table chat_identity), as delivery reads them. */
export interface IdentityStore {
  /**
   * The delivery target and language of each active official who can be reached: the preferred channel, else the
   * first reachable one in `order` (the policy's channels.fallbackOrder; [] = the oldest link).
   */
  deliveryTargets(officialIds: readonly number[], order: readonly ChannelName[], tx?: StoreTx): Promise<Map<number, DeliveryTarget & { locale: Locale }>>;
  /** Each active admin's oldest reachable chat on another channel than `notOn`, with their language. */
  adminTargetsOutside(tx: StoreTx, notOn: ChannelName): Promise<(DeliveryTarget & { officialId: number; locale: Locale })[]>;
  /** The linked chat account of this platform user and its official's language, or undefined before linking. */
  linkedOfficial(channel: ChannelName, externalUserId: string): Promise<{ identityId: number; officialId: number; locale: Locale } | undefined>;
  /** The chat wrote to us: it is reachable again, and this is its latest inbound time. */
  touch(identityId: number, at: Date): Promise<void>;
  /** The chat accounts this person linked, oldest link first. */
  linkedChannels(officialId: number): Promise<{ channel: ChannelName; unreachableAt: Date | null }[]>;
}
