// `npm start`: installs what is missing, compiles the bot when a source changed (scripts/build.mjs: dist/main.mjs), then
// runs it with plain node (which reads .env and migrates its database before serving). No TypeScript compiler in the
// running process: it started faster and used less memory than under tsx (bench/start.ts, issue 14).
// Options after `--` go to the bot: `npm start -- --reset`, `npm start -- --tour` (the sandbox, when no token is set).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './build.mjs';
import { ensureInstalled } from './ensure-installed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureInstalled(root);
const bundle = await ensureBuilt(root);
// .env is read by the bot itself (src/config/environment.ts), as by the CLI and the benchmarks: one loader.
const child = spawn(
  process.execPath,
  // Stack traces point into src/ through the bundle's source map.
  ['--enable-source-maps', bundle, ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
