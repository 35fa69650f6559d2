// `npm start` runs the compiled bundle (scripts/build.mjs → dist/main.mjs) with plain node (issue 14). The bundle must
// load every module it imports and find the project's files (locales, migrations, the sandbox page) from dist/ as it
// does from src/: it is started here until its configuration check, which runs after every import was evaluated.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, projectRootFrom } from '../../src/project-root.js';

const run = promisify(execFile);

describe('the compiled bot', () => {
  it('finds the project root from src/ and from a bundle in dist/', () => {
    expect(projectRootFrom(pathToFileURL(path.join(PROJECT_ROOT, 'src', 'db', 'migrate', 'paths.ts')).href)).toBe(PROJECT_ROOT);
    expect(projectRootFrom(pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'main.mjs')).href)).toBe(PROJECT_ROOT);
  });

  it('builds, loads every module and answers a bad setting as the TypeScript start does', async () => {
    const bundle = path.join(PROJECT_ROOT, 'dist', 'main.mjs');
    const { build } = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'scripts', 'build.mjs')).href)) as { build: (root: string) => Promise<void> };
    await build(PROJECT_ROOT);
    const env = { PATH: process.env.PATH, ENV_FILE: '/dev/null', TELEGRAM_BOT_TOKEN: '7000000003:AAcompiled-start-test-token-0123456789', HTTP_PORT: 'none' };
    const failed = await run(process.execPath, [bundle], { cwd: PROJECT_ROOT, env }).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('HTTP_PORT');
    expect(failed?.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find/);
  });
});
