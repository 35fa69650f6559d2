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
  planReport: ['baocaokh', 'planreport'],
  signals: ['canhbao', 'signals'],
  review: ['rasoat', 'review'],
  selfReview: ['tusoi', 'selfreview'],
  lang: ['lang'],
  channel: ['kenh', 'channel'],
  help: ['trogiup', 'help'],
  cancel: ['huy', 'cancel'],
  notices: ['quantriet', 'notices'],
  confirmRead: ['danam', 'confirmread'],
  commend: ['bieuduong', 'commend'],
} as const;

export type CommandName = keyof typeof COMMANDS;

const BY_WORD = new Map<string, CommandName>();
for (const [name, words] of Object.entries(COMMANDS)) for (const w of words) BY_WORD.set(w, name as CommandName);

export interface ParsedCommand {
  /** The command as typed, lower-case, without the slash or a @botname suffix. */
  word: string;
  name: CommandName | undefined;
  args: string;
  /** The bot named after the command (`/viec@dondoc_bot` → "dondoc_bot"), if any. */
  bot?: string;
}

/** "/giaoviec@dondoc_bot Nguyễn" → { word: 'giaoviec', name: 'assign', args: 'Nguyễn', bot: 'dondoc_bot' }; not a command → undefined. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  return { word, name: BY_WORD.get(word), args: (m[3] ?? '').trim(), ...(m[2] ? { bot: m[2] } : {}) };
}

/**
 * A command that names another bot (`/viec@other_bot`, as Telegram sends when a person taps another bot's command)
 * is not for us: it gets no answer at all. Without a name for this bot there is nothing to compare, so it runs.
 */
export function addressedToAnotherBot(text: string, ourUsername: string | undefined): boolean {
  const bot = parseCommand(text)?.bot;
  return bot !== undefined && ourUsername !== undefined && bot.toLowerCase() !== ourUsername.replace(/^@/, '').toLowerCase();
}
