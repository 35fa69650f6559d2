import type { Config } from '../config.js';
import type { Clock } from '../domain/clock.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { OpenDatabase } from '../db/open.js';

export interface CliContext {
  config: Config;
  clock: Clock;
  catalogue: Catalogue;
  /** Opens (and migrates) the configured database; the CLI closes it when the command ends. */
  openDatabase(): Promise<OpenDatabase>;
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  /** Words that select the command: ["org", "import"]. */
  path: string[];
  usage: string;
  summary: string;
  /** Returns the process exit code: 0 ok, 1 failed, 2 wrong usage. */
  run(ctx: CliContext, args: string[]): Promise<number>;
}

/** `--from 2026-01-01 --unit UBND file.csv` → { flags: { from, unit }, positional: [file.csv] } */
export function parseFlags(args: string[]): { flags: Record<string, string | true>; positional: string[] } {
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags[k] = inline;
      else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) flags[k] = args[++i]!;
      else flags[k] = true;
    } else positional.push(a);
  }
  return { flags, positional };
}
