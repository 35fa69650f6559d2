// `npm run cli -- <command>`: the admin's tool (PRODUCT.md §7). It reads .env exactly as the bot does
// (src/config/environment.ts), and says on stderr which database each command works on.
import { ConfigError, createConfig } from '../config.js';
import { describeDatabase } from '../config/describe-database.js';
import { loadEnvironment, type EnvironmentValues } from '../config/environment.js';
import { systemTime } from '../domain/time/time-source.js';
import { Catalogue } from '../i18n/catalogue.js';
import { DEFAULT_ORG } from '../db/client.js';
import { EmbeddedSingleOrganisation, openDatabase } from '../db/open.js';
import { type CliContext, UnknownOrganisation } from './context.js';
import { commands } from './commands/index.js';

function usage(): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(52)} ${c.summary}`);
  return ['usage: npm run cli -- <command>', '', 'commands:', ...lines].join('\n');
}

/** Runs one command with the configuration `env` gives (the process environment laid over .env). */
export async function runCli(argv: string[], env: EnvironmentValues): Promise<number> {
  let config;
  try {
    config = createConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const match = commands.filter((c) => c.path.every((w, i) => argv[i] === w)).sort((a, b) => b.path.length - a.path.length)[0];
  if (!match) {
    console.error(argv.length === 0 ? usage() : `unknown command: ${argv.join(' ')}\n\n${usage()}`);
    return 2;
  }
  const ctx: CliContext = {
    config,
    time: systemTime,
    catalogue: Catalogue.load(),
    openDatabase: async (options) => {
      // The one line that tells the office which database this was: the bot's, or an embedded one by mistake.
      const orgId = options?.orgId;
      console.error(`database: ${describeDatabase(config)}${orgId && orgId !== DEFAULT_ORG ? `, organisation ${orgId}` : ''}`);
      try {
        return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4, migrate: true, ...(orgId ? { orgId } : {}) });
      } catch (e) {
        if (e instanceof EmbeddedSingleOrganisation) throw new UnknownOrganisation(e.orgId, true);
        throw e;
      }
    },
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
  return match.run(ctx, argv.slice(match.path.length));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let code: number;
  try {
    code = await runCli(process.argv.slice(2), loadEnvironment().values);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(e.message);
    code = 2;
  }
  // The wasm migration engine leaves a timer behind for ~10 s; a one-shot command should not wait for it.
  process.exit(code);
}
