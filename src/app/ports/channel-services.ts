// What the application offers a channel adapter beyond the router: what an adapter needs to render and count what it
// sends (numbered replies on platforms without buttons, file links), and to record the platform's events that are
// no router input (an OA follow or unfollow, a token Zalo refuses). The adapter sees this interface only, never the
// database.
import type { Locale } from '../../domain/locale.js';
import type { ChannelName } from '../../domain/org/types.js';
import type { MessageArgs, MessageKey } from '../../i18n/catalogue.js';

export interface Recipient {
  identityId: number | undefined;
  locale: Locale;
}

export interface FileLink {
  url: string;
  /** When the link stops working, as the reader reads a date and time. */
  until: string;
}

export interface ChannelServices {
  /** Who writes from this account now (the update may just have linked it), and in which language they read. */
  recipient(channel: ChannelName, externalUserId: string): Promise<Recipient>;
  /** The typed command that does what a button does at any time (`/nhan NV-2026-0012`), or undefined. */
  commandFor(action: string, locale: Locale): Promise<string | undefined>;
  /** Saves the actions behind the numbers 1, 2, … just shown in a chat; a typed number is read against them. */
  savePrompt(channel: ChannelName, chatId: string, identityId: number | undefined, actions: string[]): Promise<void>;
  /** A short-lived download link to a file on this server; undefined when the server has no public address. */
  fileLink(file: { path: string; filename: string; mime: string }, locale: Locale): Promise<FileLink | undefined>;
  /** Counts messages sent on a channel against its monthly cap (the admins are warned once near it). */
  countSent(channel: ChannelName, n: number): Promise<void>;
  /** How many times the message now being sent to a chat failed before. */
  attemptsOfHead(channel: ChannelName, chatId: string): Promise<number>;
  /** Claims an event the router does not see (an OA follow); false when it was handled already (platforms retry). */
  claimEvent(channel: ChannelName, key: string): Promise<boolean>;
  /** The person turned to us on a linked chat (an OA follow): it is reachable again, their reply window opens now. */
  touched(identityId: number): Promise<void>;
  /**
   * Nothing reaches the chat any more (an OA unfollow): new messages go to the person's other chat, and what is
   * queued here moves there when delivery meets the refusal.
   */
  unreachable(channel: ChannelName, chatId: string, reason: string): Promise<void>;
  /**
   * Queues a message (catalogue `messageKey` with `args`) to every active admin on a chat outside `channel`, the
   * channel whose problem it reports; returns how many admins it was queued for.
   */
  alertAdmins(channel: ChannelName, messageKey: MessageKey, args: MessageArgs): Promise<number>;
}
