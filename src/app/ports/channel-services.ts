// What the application offers a channel adapter beyond the router: the few things an adapter for a platform without
// buttons (Zalo) needs to render and count what it sends. The adapter sees this interface only, never the database.
import type { Locale } from '../../domain/locale.js';
import type { ChannelName } from '../../domain/org/types.js';

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
}
