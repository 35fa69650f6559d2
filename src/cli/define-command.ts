// Each CLI command declares its options (string or boolean) and is parsed by node:util parseArgs: a boolean flag
// never swallows the next word (`calendar add --workday 2027-02-20`), and an unknown or misspelt option stops the
// command with a usage error (exit 2) instead of being ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errBothLanguages } from './bilingual.js';
import { type CliCommand, type CliContext, runWithOrgOption } from './context.js';

/** Each option's name and whether it takes a value (string) or not (boolean). */
export type OptionsSpec = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs<O extends OptionsSpec> {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
  positionals: string[];
}

export interface CommandSpec<O extends OptionsSpec> {
  path: string[];
  usage: string;
  summary: string;
  options: O;
  /** Returns the process exit code: 0 ok, 1 failed, 2 wrong usage. */
  run(ctx: CliContext, args: ParsedArgs<O>): Promise<number>;
}

/** The option a parseArgs error is about ("--note" from "Option '--note <value>' argument missing"). */
function optionIn(message: string): string {
  return /'(-{1,2}[^'\s]+)/.exec(message)?.[1] ?? '';
}

/** Parses `args` for `options`; on a wrong argument prints why (Vietnamese, then English) and the usage. */
export function parseCommandArgs<O extends OptionsSpec>(ctx: CliContext, usage: string, options: O, args: string[]): ParsedArgs<O> | undefined {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: parsed.values, positionals: parsed.positionals };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) throw e;
    const message = (e as Error).message;
    const key =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? 'cli-unknown-option'
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? 'cli-option-value'
          : 'cli-bad-arguments';
    const known = Object.keys(options)
      .map((o) => `--${o}`)
      .join(' ');
    errBothLanguages(ctx, key, { option: optionIn(message), known: known || '—', detail: message });
    ctx.err(`usage: npm run cli -- ${usage}`);
    return undefined;
  }
}

export function defineCommand<const O extends OptionsSpec>(spec: CommandSpec<O>): CliCommand {
  return {
    path: spec.path,
    usage: spec.usage,
    summary: spec.summary,
    // `--org <id>` is every command's (src/cli/context.ts): taken out before the command's own options are parsed.
    run: (ctx, args) =>
      runWithOrgOption(ctx, args, async (orgCtx, rest) => {
        const parsed = parseCommandArgs(orgCtx, spec.usage, spec.options, rest);
        return parsed ? spec.run(orgCtx, parsed) : 2;
      }),
  };
}
