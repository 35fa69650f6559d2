// `npm run cli -- <command>`: the admin's tool (PRODUCT.md §7).
import { ConfigError, createConfig } from '../config.js';
import { systemClock } from '../domain/clock.js';
import { Catalogue } from '../i18n/catalogue.js';
import { openDatabase } from '../db/open.js';
import type { CliContext } from './context.js';
import { commands } from './commands/index.js';

function usage(): string {
  const lines = commands.map((c) => `  ${c.usage.padEnd(52)} ${c.summary}`);
  return ['usage: npm run cli -- <command>', '', 'commands:', ...lines].join('\n');
}

export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<number> {
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
  const match = commands
    .filter((c) => c.path.every((w, i) => argv[i] === w))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!match) {
    console.error(argv.length === 0 ? usage() : `unknown command: ${argv.join(' ')}\n\n${usage()}`);
    return 2;
  }
  const ctx: CliContext = {
    config,
    clock: systemClock,
    catalogue: Catalogue.load(),
    openDatabase: () => openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 4, migrate: true }),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
  return match.run(ctx, argv.slice(match.path.length));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await runCli(process.argv.slice(2), process.env);
  // The wasm migration engine leaves a timer behind for ~10 s; a one-shot command should not wait for it.
  process.exit(code);
}
