// Issue 9.1: every entry point reads .env the same way (the process environment wins), the CLI says which database
// it used, and `invite` prints the bot's real t.me link.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { ConfigError } from '../../src/config.js';
import { describeDatabase } from '../../src/config/describe-database.js';
import { loadEnvironment } from '../../src/config/environment.js';
import { TELEGRAM_USERNAME, writeSetting } from '../../src/db/repositories/setting.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { TEST_REDIS_URL } from '../support/env.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const TOKEN = '7000000001:AAenv-file-token-for-the-getme-stand-in';
/** A child process starts tsx and runs the wasm migration check: seconds on a busy machine, so a generous bound. */
const SPAWN_TIMEOUT = 300_000; // two tsx starts each; at load 30 one took over 60 s
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'dondoc-env-'));
  dirs.push(d);
  return d;
}

/** Runs `npm run cli -- …` as the operator does (tsx, from the project root), with only the given environment. */
function cli(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `npm start` as far as it gets without a usable configuration: main.ts with only ENV_FILE in its environment. */
function startBot(envFile: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ENV_FILE: envFile },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('one configuration loader', () => {
  let t: TestDatabase;
  let server: Server;
  let apiRoot: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === `/bot${TOKEN}/getMe`)
        res.end(JSON.stringify({ ok: true, result: { id: 7000000001, is_bot: true, first_name: 'Đôn đốc', username: 'dondoc_env_bot' } }));
      else res.writeHead(404).end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await t.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('lays the process environment over .env; a missing .env is fine, a missing ENV_FILE is not', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, '.env'),
      '# comment\nDATABASE_URL=postgresql://from-file@127.0.0.1:5432/file\nREDIS_URL="redis://10.0.0.1:6379"\nHTTP_PORT=9000\n',
    );
    const loaded = loadEnvironment({ DATABASE_URL: 'postgresql://from-env@127.0.0.1:5432/env', HTTP_PORT: '' }, dir);
    expect(loaded.file).toBe(path.join(dir, '.env'));
    expect(loaded.values).toMatchObject({ DATABASE_URL: 'postgresql://from-env@127.0.0.1:5432/env', REDIS_URL: 'redis://10.0.0.1:6379', HTTP_PORT: '' });

    const empty = tempDir();
    expect(loadEnvironment({ A: '1' }, empty)).toEqual({ values: { A: '1' }, file: undefined });
    expect(() => loadEnvironment({ ENV_FILE: 'nope.env' }, empty)).toThrow(ConfigError);
    mkdirSync(path.join(empty, '.env'));
    expect(() => loadEnvironment({}, empty)).toThrow(/cannot read/);
  });

  it('describes the database without its password', () => {
    expect(describeDatabase({ databaseUrl: 'postgresql://dondoc:s3cret@db.local:6432/dondoc?sslmode=require', dataDir: '/srv/x' })).toBe(
      'postgresql db.local:6432/dondoc',
    );
    expect(describeDatabase({ databaseUrl: undefined, dataDir: path.join(root, 'data') }, root)).toBe('embedded ./data');
  });

  it(
    'npm run cli reads DATABASE_URL from .env, says which database it used, and imports there',
    async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, '.env'), `DATABASE_URL=${t.url}\nREDIS_URL=${TEST_REDIS_URL}\n`);
      const r = await cli(['org', 'import', 'samples/huyen-mau.csv'], { ENV_FILE: path.join(dir, '.env'), DATA_DIR: path.join(dir, 'data') });
      expect(r.stderr).toContain(`database: postgresql ${new URL(t.url).host}/${t.name}`);
      expect(r.stderr).not.toContain(new URL(t.url).password || 'no-password-in-test-url');
      expect(r.status).toBe(0);
      expect(await t.db.official.count({ where: { active: true } })).toBe(47);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'lets the process environment win over .env',
    async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, '.env'), 'DATABASE_URL=postgresql://postgres@127.0.0.1:1/not_this_one\n');
      const r = await cli(['audit', 'verify'], { ENV_FILE: path.join(dir, '.env'), DATABASE_URL: t.url });
      expect(r.stderr).toContain(`database: postgresql ${new URL(t.url).host}/${t.name}`);
      expect(r.status).toBe(0);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'invite prints the real t.me link when the token is only in .env',
    async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, '.env'), `DATABASE_URL=${t.url}\nTELEGRAM_BOT_TOKEN=${TOKEN}\nTELEGRAM_API_ROOT=${apiRoot}\n`);
      const r = await cli(['invite', 'PNV-03'], { ENV_FILE: path.join(dir, '.env') });
      expect(r.status).toBe(0);
      const code = r.stdout.trim().split('\n').at(-1);
      expect(r.stdout).toContain(`Telegram: https://t.me/dondoc_env_bot?start=${code}`);
      expect(r.stdout).not.toContain('is not set');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'bot start reads the same file: a wrong value in .env is named, a malformed token explained',
    async () => {
      const dir = tempDir();
      writeFileSync(path.join(dir, '.env'), `TELEGRAM_BOT_TOKEN=1:x\nHTTP_PORT=abc\nDATA_DIR=${path.join(dir, 'data')}\n`);
      const r = await startBot(path.join(dir, '.env'));
      expect(r.stderr).toContain('HTTP_PORT must be a positive whole number');
      expect(r.status).toBe(2);

      // A token in .env that is not one: named from the file, with where a real one comes from. (No token at all starts
      // the sandbox, tested in sandbox-start.test.ts.)
      writeFileSync(path.join(dir, '.env'), `TELEGRAM_BOT_TOKEN=not-a-token\nDATA_DIR=${path.join(dir, 'data')}\n`);
      const malformed = await startBot(path.join(dir, '.env'));
      expect(malformed.status).toBe(2);
      expect(malformed.stderr).toContain('TELEGRAM_BOT_TOKEN');
      expect(malformed.stderr).toContain('BotFather');
    },
    SPAWN_TIMEOUT,
  );

  it('invite uses the username the running bot recorded, and TELEGRAM_BOT_USERNAME over it', async () => {
    await writeSetting(t.db, TELEGRAM_USERNAME, 'dondoc_recorded_bot');
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l));
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await runCli(['invite', 'PNV-01'], { DATABASE_URL: t.url })).toBe(0);
      expect(lines).toContain(`Telegram: https://t.me/dondoc_recorded_bot?start=${lines.at(-1)}`);
      lines.length = 0;
      expect(await runCli(['invite', 'PNV-01'], { DATABASE_URL: t.url, TELEGRAM_BOT_USERNAME: 'dondoc_configured_bot' })).toBe(0);
      expect(lines).toContain(`Telegram: https://t.me/dondoc_configured_bot?start=${lines.at(-1)}`);
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });
});
