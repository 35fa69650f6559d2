// `npm test`: installs what is missing, runs the whole suite against the local PostgreSQL and Redis, and ends with
// the plain line "N passed, N failed" computed from Vitest's JSON report (CI reads that line). The type check and
// `biome check` run first and each counts as one failed test when it fails, so that line never reads "0 failed" over
// a type error or a lint error.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled } from './ensure-installed.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
ensureInstalled(root);

// Type errors are found before the suite spends minutes; the suite still runs so one report shows everything.
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const typecheck = spawnSync(process.execPath, [tsc, '--noEmit', '-p', '.'], { cwd: root, stdio: 'inherit', env: process.env });
const typecheckFailed = typecheck.status !== 0;
if (typecheckFailed) console.error('\nTYPECHECK FAILED: `tsc --noEmit -p .` reported the errors above (counted as 1 failed).\n');

// Biome (biome.jsonc): the format and the lint rules, checked without writing; like the type check, one failed test.
const biome = path.join(root, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
const lint = spawnSync(process.execPath, [biome, 'check', '--max-diagnostics=30'], { cwd: root, stdio: 'inherit', env: process.env });
const lintFailed = lint.status !== 0;
if (lintFailed) console.error('\nLINT FAILED: `biome check` reported the problems above (counted as 1 failed; `npm run format` fixes formatting).\n');

const report = path.join(root, '.vitest-report.json');
rmSync(report, { force: true });
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed =
    (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0) + (json.numFailedTestSuites && !json.numFailedTests ? json.numFailedTestSuites : 0);
} else {
  failed = 1;
}
if (typecheckFailed) failed += 1;
if (lintFailed) failed += 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : run.status || 1);
