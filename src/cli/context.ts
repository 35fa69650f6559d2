import type { Config } from '../config.js';
import type { TimeSource } from '../domain/time/time-source.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { OpenDatabase } from '../db/open.js';

export interface CliContext {
  config: Config;
  time: TimeSource;
  catalogue: Catalogue;
  /** Opens (and migrates) the configured database; the CLI closes it when the command ends. */
  openDatabase(): Promise<OpenDatabase>;
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
