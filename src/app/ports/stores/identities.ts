import type { IdentityId } from '../../../domain/ids.js';
import type { Locale } from '../../../domain/locale.js';
import type { ChannelName } from '../../../domain/org/types.js';
import type { StoreTx } from '../stores.js';
import type { StoredDialog } from './dialogs.js';
import type { OfficialWithUnit } from './org.js';

/** Where to reach an official: one linked chat. */
export interface DeliveryTarget {
  identityId: number;
  channel: ChannelName;
  chatId: string;
}

/** Who is writing to the bot: a chat account's link with its official and unit (PRODUCT.md §2). */
export interface LinkedIdentity {
  id: IdentityId;
  channel: ChannelName;
  externalUserId: string;
  chatId: string;
  displayName: string | null;
  linkedAt: Date;
  unreachableAt: Date | null;
  lastInboundAt: Date | null;
  /** May be inactive (left the organisation): the router decides what such a person may still do. */
  official: OfficialWithUnit;
}

/** What the first statement of an update does besides the claim (IdentityStore.claimUpdateAndFind). */
export interface InboundClaim {
  /** The update's time: a dialog expired by then is not returned, and is removed. */
  now: Date;
  /**
   * Records `now` as the chat's last inbound time and makes it reachable again (what `touch` does), when the identity's
   * official is active and the chat is unreachable, never wrote, or last wrote before `staleBefore` (absent: every
   * time). Absent: nothing is recorded.
   */
  touch?: { staleBefore?: Date };
  /**
   * The chat is held (InboundEnvelope.chatHeld): a claim of this update that was never marked answered (`markAnswered`)
   * is taken over, since only a handler that died can have left it so.
   */
  takeOverUnanswered?: boolean;
}

export interface ClaimedUpdate {
  claimed: boolean;
  identity: LinkedIdentity | null;
  /** The chat's open dialog (unexpired at `now`), read with the claim; undefined when none or not claimed. */
  dialog: StoredDialog | undefined;
}

/** The chat accounts officials linked (table chat_identity), as the router and delivery read them. */
export interface IdentityStore {
  /**
   * An update's first step, in one round trip on every update's path: claims it (`claimed` false when it was handled
   * already: platforms retry), finds who wrote it (null for someone who has not linked yet: they may only link), their
   * chat's open dialog, and records that they wrote (`inbound.touch`). Nothing but the claim is written for an update
   * claimed already.
   */
  claimUpdateAndFind(channel: ChannelName, updateKey: string, externalUserId: string, inbound: InboundClaim): Promise<ClaimedUpdate>;
  /** The update's answer was handed over (sent or queued): its claim can no longer be taken over (`takeOverUnanswered`). */
  markAnswered(channel: ChannelName, updateKey: string): Promise<void>;
  /** The chat account's link with its official and unit, or null before linking (one statement). */
  find(channel: ChannelName, externalUserId: string): Promise<LinkedIdentity | null>;
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
