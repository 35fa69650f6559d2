import type { Api } from 'grammy';
import { COMMANDS, type CommandName } from '../../app/interaction/commands.js';
import { dynamicKey, type Catalogue } from '../../i18n/catalogue.js';

/**
 * The commands Telegram's menu lists, in /trogiup's order. One menu for everyone (Telegram's menu cannot follow our
 * roles): a command a person may not use answers them why. The words are the router's (commands.ts): the Vietnamese
 * word by default, its English alias for English-language clients; each described by `menu-<Vietnamese word>`.
 */
export const MENU_COMMANDS = [
  'tasks',
  'assign',
  'report',
  'ask',
  'opinions',
  'digest',
  'evaluation',
  'planReport',
  'signals',
  'review',
  'selfReview',
  'notices',
  'confirmRead',
  'commend',
  'channel',
  'lang',
  'help',
  'cancel',
] as const satisfies readonly CommandName[];

const word = (c: CommandName, lang: 'vi' | 'en'): string => {
  const words: readonly string[] = COMMANDS[c];
  return lang === 'vi' ? words[0]! : (words[1] ?? words[0]!);
};

/** The menu in one language: the command words and their descriptions. */
export function commandMenu(catalogue: Catalogue, lang: 'vi' | 'en'): { command: string; description: string }[] {
  return MENU_COMMANDS.map((c) => ({ command: word(c, lang), description: catalogue.t(lang, dynamicKey(`menu-${word(c, 'vi')}`)) }));
}

/** The command menu Telegram shows: Vietnamese by default, the English aliases for English-language clients. */
export async function publishCommandMenu(api: Api, catalogue: Catalogue): Promise<void> {
  await api.setMyCommands(commandMenu(catalogue, 'vi'));
  await api.setMyCommands(commandMenu(catalogue, 'en'), { language_code: 'en' });
}
