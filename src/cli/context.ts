import type { Config } from '../config.js';
import type { TimeSource } from '../domain/time/time-source.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { OpenDatabase } from '../db/open.js';
import { DEFAULT_ORG, isOrgId } from '../db/client.js';
import { organisationExists } from '../db/organisations.js';
import { errBothLanguages } from './bilingual.js';

export interface CliContext {
  config: Config;
  time: TimeSource;
  catalogue: Catalogue;
  /**
   * Opens (and migrates) the configured database; the CLI closes it when the command ends. The client works for
   * `orgId` (default: the command's --org, else 'default').
   */
  openDatabase(options?: { orgId?: string }): Promise<OpenDatabase>;
  /** The organisation the command works for (`--org <id>`); undefined: 'default'. */
  orgId?: string;
  out(line: string): void;
  err(line: string): void;
  /**
   * How long a command that queues jobs waits for Redis before it leaves the scheduling to the running bot's
   * reconciler (default QUEUE_TIMEOUT_MS).
   */
  queueTimeoutMs?: number;
}

/** Commands commit to PostgreSQL first; Redis gets this long to take the jobs. */
export const QUEUE_TIMEOUT_MS = 2_000;

export interface CliCommand {
  /** Words that select the command: ["org", "import"]. */
  path: string[];
  usage: string;
  summary: string;
  /** Parses its own arguments (see defineCommand); returns the exit code: 0 ok, 1 failed, 2 wrong usage. */
  run(ctx: CliContext, args: string[]): Promise<number>;
}

/** An organisation --org names that the database does not have (or the embedded database, which has one only). */
export class UnknownOrganisation extends Error {
  constructor(
    readonly orgId: string,
    readonly embedded = false,
  ) {
    super(`unknown organisation ${orgId}`);
  }
}

/**
 * `--org <id>` (or `--org=<id>`), taken out of a command's arguments before the command parses its own: every command
 * that opens the app works for that organisation. One place for all of them (defineCommand and `calendar` call it).
 */
export function takeOrgOption(args: readonly string[]): { orgId: string | undefined; rest: string[]; missingValue: boolean } {
  const rest: string[] = [];
  let orgId: string | undefined;
  let missingValue = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '--org') {
      const v = args[i + 1];
      if (v === undefined || v.startsWith('-')) missingValue = true;
      else orgId = v;
      i++;
    } else if (a.startsWith('--org=')) orgId = a.slice('--org='.length);
    else rest.push(a);
  }
  return { orgId, rest, missingValue };
}

/** The context for organisation `orgId`: its openDatabase opens a client of that organisation, checked to exist. */
export function contextForOrg(ctx: CliContext, orgId: string | undefined): CliContext {
  if (orgId === undefined || orgId === DEFAULT_ORG) return ctx;
  return {
    ...ctx,
    orgId,
    async openDatabase(options) {
      if (!isOrgId(orgId)) throw new UnknownOrganisation(orgId);
      const opened = await ctx.openDatabase({ orgId: options?.orgId ?? orgId });
      // The application client sees its own organisation's row only: none means no such organisation.
      if (!(await organisationExists(opened.db, orgId))) {
        await opened.close();
        throw new UnknownOrganisation(orgId, opened.embedded);
      }
      return opened;
    },
  };
}

/**
 * Runs a command with its `--org` taken out and honoured: an unknown organisation (or one the embedded database
 * cannot hold) ends it with exit code 2 and a message in both languages.
 */
export async function runWithOrgOption(ctx: CliContext, args: readonly string[], run: (ctx: CliContext, args: string[]) => Promise<number>): Promise<number> {
  const { orgId, rest, missingValue } = takeOrgOption(args);
  if (missingValue) {
    errBothLanguages(ctx, 'cli-option-value', { option: '--org' });
    return 2;
  }
  try {
    return await run(contextForOrg(ctx, orgId), rest);
  } catch (e) {
    if (!(e instanceof UnknownOrganisation)) throw e;
    errBothLanguages(ctx, e.embedded ? 'cli-org-embedded' : 'cli-org-unknown', { org: e.orgId });
    return 2;
  }
}
