// `npm run fuzz -- --updates 5000 --seed 42`: the chat fuzz of tests/fuzz/chat.test.ts, long. Options:
//   --updates N        updates per run (default 5000)
//   --seed N           the seed (default: a new one, printed)
//   --runs K           K runs with seeds N, N+1, … (default 1)
//   --safe | --all     leave out (or not) the text families another branch is fixing (FUZZ_TEXT; default: the
//                      suite's choice in tests/fuzz/chat.test.ts)
//   --keep-going       go on after a failure and list every one at the end
//   --replay FILE      post the steps a failed run wrote, in order
//   --trace            print every step and what the bot said
// It needs the local PostgreSQL and Redis, like `npm test`; each run prints its seed, its counts and any failure
// with the steps that led to it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(name);
const known = new Set(['--updates', '--seed', '--runs', '--replay', '--safe', '--all', '--keep-going', '--trace']);
for (const a of args) {
  if (a.startsWith('--') && !known.has(a)) {
    console.error(`unknown option ${a}; known: ${[...known].join(' ')}`);
    process.exit(2);
  }
}
const updates = Number(value('--updates', '5000'));
const runs = Number(value('--runs', '1'));
const first = Number(value('--seed', String(Date.now() % 2 ** 31)));
if (![updates, runs, first].every((n) => Number.isInteger(n) && n >= 0)) {
  console.error('--updates, --runs and --seed take whole numbers');
  process.exit(2);
}

const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
let failed = 0;
for (let i = 0; i < (flag('--replay') ? 1 : runs); i++) {
  const env = {
    ...process.env,
    FUZZ_UPDATES: String(updates),
    FUZZ_SEED: String(first + i),
    ...(flag('--safe') ? { FUZZ_TEXT: 'safe' } : flag('--all') ? { FUZZ_TEXT: 'all' } : {}),
    ...(flag('--keep-going') ? { FUZZ_KEEP_GOING: '1' } : {}),
    ...(flag('--trace') ? { FUZZ_TRACE: '1' } : {}),
    ...(value('--replay') ? { FUZZ_REPLAY: path.resolve(value('--replay')) } : {}),
  };
  const run = spawnSync(process.execPath, [vitest, 'run', 'tests/fuzz/chat.test.ts', '--reporter=default', '--silent=false'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  if (run.status !== 0) failed++;
}
console.log(`fuzz: ${runs - failed} of ${runs} run(s) passed`);
process.exit(failed === 0 ? 0 : 1);
