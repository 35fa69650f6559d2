// Commands in Vietnamese (latin letters only, as Telegram requires) with an English alias each (PRODUCT.md §6).
export const COMMANDS = {
  start: ['start'],
  tasks: ['viec', 'tasks'],
  assign: ['giaoviec', 'assign'],
  report: ['baocao', 'report'],
  ask: ['xinykien', 'ask'],
  opinions: ['ykien', 'opinions'],
  digest: ['tonghop', 'digest'],
  evaluation: ['danhgia', 'evaluation'],
  signals: ['canhbao', 'signals'],
  lang: ['lang'],
  channel: ['kenh', 'channel'],
  help: ['trogiup', 'help'],
  cancel: ['huy', 'cancel'],
} as const;

export type CommandName = keyof typeof COMMANDS;

const BY_WORD = new Map<string, CommandName>();
for (const [name, words] of Object.entries(COMMANDS)) for (const w of words) BY_WORD.set(w, name as CommandName);

export interface ParsedCommand {
  /** The command as typed, lower-case, without the slash or a @botname suffix. */
  word: string;
  name: CommandName | undefined;
  args: string;
}

/** "/giaoviec@dondoc_bot Nguyễn" → { word: 'giaoviec', name: 'assign', args: 'Nguyễn' }; not a command → undefined. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  return { word, name: BY_WORD.get(word), args: (m[2] ?? '').trim() };
}
