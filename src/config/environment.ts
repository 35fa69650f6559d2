// The one way every entry point (bot, worker, CLI, bench) reads its settings: the project's `.env` file under the
// process environment. A variable set in the environment, even to "", wins over the same line in .env, so a
// one-off `DATABASE_URL=… npm run cli -- …` does what it says. ENV_FILE names another file instead of ./.env.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { PROJECT_ROOT } from '../project-root.js';
import { ConfigError } from './config-error.js';

/** The project root (where package.json and .env live), wherever the process was started from. */
export { PROJECT_ROOT };

export type EnvironmentValues = Record<string, string | undefined>;

export interface LoadedEnvironment {
  values: EnvironmentValues;
  /** The file that was read, or undefined when there is none (the environment alone configures the process). */
  file: string | undefined;
}

/** Which file to read: ENV_FILE (relative to the project root) or <root>/.env. */
export function envFilePath(processEnv: EnvironmentValues, root = PROJECT_ROOT): string {
  const named = processEnv.ENV_FILE?.trim();
  return named ? path.resolve(root, named) : path.join(root, '.env');
}

/** Pure: the file's variables, then the process environment over them. */
export function mergeEnvironment(fileText: string | undefined, processEnv: EnvironmentValues): EnvironmentValues {
  const fromFile = fileText === undefined ? {} : parseEnv(fileText);
  const merged: EnvironmentValues = { ...fromFile };
  for (const [key, value] of Object.entries(processEnv)) if (value !== undefined) merged[key] = value;
  return merged;
}

/**
 * Reads .env (or ENV_FILE) and lays the process environment over it. A missing .env is fine; an unreadable one (a
 * directory, no permission) or a missing ENV_FILE throws ConfigError, because silently ignoring it is how the CLI
 * once used another database.
 */
export function loadEnvironment(processEnv: EnvironmentValues = process.env, root = PROJECT_ROOT): LoadedEnvironment {
  const file = envFilePath(processEnv, root);
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new ConfigError([`cannot read ${file} (${code ?? (e as Error).message}) / không đọc được tệp cấu hình ${file}`]);
    if (processEnv.ENV_FILE?.trim()) throw new ConfigError([`ENV_FILE names ${file}, which does not exist / tệp ENV_FILE không tồn tại: ${file}`]);
  }
  return { values: mergeEnvironment(text, processEnv), file: text === undefined ? undefined : file };
}

/**
 * For code that reads process.env directly (the benchmarks): copies what .env adds into process.env, never
 * replacing a variable already there.
 */
export function applyEnvironment(processEnv: NodeJS.ProcessEnv = process.env, root = PROJECT_ROOT): LoadedEnvironment {
  const loaded = loadEnvironment(processEnv, root);
  for (const [key, value] of Object.entries(loaded.values)) if (!(key in processEnv) && value !== undefined) processEnv[key] = value;
  return loaded;
}
