// What the sandbox's HTTP API and page are given by the composition (src/main.ts in sandbox mode, or a test's
// harness): the built-in platforms, the people of the organisation with their chats there, and the movable time.
// The API itself composes nothing: it acts on the platforms as a person would and reads what they carried.
import type { WorkingCalendar } from '../domain/calendar/types.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { TelegramPlatform } from './platforms/telegram.js';
import type { ZaloBotPlatform } from './platforms/zalo-bot.js';
import type { ZaloOaPlatform } from './platforms/zalo-oa.js';

/** The person's side of the built-in Telegram: act in a private chat, read the chats, fetch stored files. */
export type TelegramSide = Pick<TelegramPlatform, 'chat' | 'userSendsText' | 'userPresses' | 'userSendsPhoto' | 'userSendsDocument' | 'file'>;
/** The person's side of the built-in Zalo Bot Platform. Zalo has no buttons: a choice is its number, sent as text. */
export type ZaloSide = Pick<ZaloBotPlatform, 'chat' | 'userSendsText' | 'userSendsImage' | 'userSendsFile' | 'media'>;

/** The person's side of the built-in Zalo Official Account: real buttons (their payload comes back as the person's text). */
export type OaSide = Pick<ZaloOaPlatform, 'chat' | 'sayAsPerson' | 'pressAsPerson' | 'photoAsPerson' | 'fileAsPerson' | 'media'>;

export interface SandboxPlatforms {
  telegram: TelegramSide;
  zalo: ZaloSide;
  /** The unit's Official Account (the sandbox always has it; a test harness only when asked). */
  oa?: OaSide;
}

export type SandboxChannel = keyof SandboxPlatforms;
export const SANDBOX_CHANNELS: readonly SandboxChannel[] = ['telegram', 'zalo', 'oa'];

/** The channels these platforms offer, in the page's order. */
export function channelsOf(platforms: SandboxPlatforms): SandboxChannel[] {
  return SANDBOX_CHANNELS.filter((c) => platforms[c] !== undefined);
}

export interface PersonView {
  code: string;
  fullName: string;
  title: string;
  role: 'HEAD' | 'DEPUTY' | 'MEMBER';
  isAdmin: boolean;
  unitCode: string;
  /** Who the bot escalates to above this person, if anyone. */
  superiorCode?: string;
  /** The person's chats on the built-in platforms, once linked there. */
  telegramUserId?: number;
  zaloUserId?: string;
  /** The person's user id on the unit's OA (ids are per OA). */
  oaUserId?: string;
  /** The commands this person may use (as /trogiup lists them), Vietnamese words: "viec", "giaoviec", … */
  commands: string[];
}

export interface UnitView {
  code: string;
  name: string;
  people: PersonView[];
  children: UnitView[];
}

export interface PeopleDirectory {
  /** The units as a tree (roots first), each with its active officials, heads first. */
  tree(): Promise<UnitView[]>;
}

/**
 * The sandbox's clock, moved by the trainer. Every move goes forward only; each lets every clock level and the
 * morning digest that falls due within the jump fire, in order, once, and resolves when their messages are out.
 * Implemented by `createSandboxTime` (./time-controls.ts) over the composition's injected clock and workers.
 */
export interface SandboxTime {
  now(): Date;
  calendar(): Promise<WorkingCalendar>;
  /** The daily digest's local time, "07:30". */
  readonly digestTime: string;
  advance(ms: number): Promise<void>;
  /** The same time of day on the n-th next working day. */
  advanceWorkingDays(n: number): Promise<void>;
  /** "07:30 tomorrow" (the next working day's 07:30), or an ISO instant. */
  to(target: string): Promise<void>;
}

export interface SandboxPorts {
  platforms: SandboxPlatforms;
  people: PeopleDirectory;
  time: SandboxTime;
  catalogue: Catalogue;
}
