// Starting the real src/main.ts against the platform stand-ins: a refused token ends with a message and exit code 2,
// an API that is not there yet is waited for out loud (log lines, /healthz), and a ready line says what runs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { redeemInvite } from '../../src/app/linking/redeem-invite.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase, storesOn } from '../support/database.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { freePort, startMain, type MainProcess } from '../support/main-process.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';
import { createZaloStandIn } from '../support/zalo-stand-in.js';

const TOKEN = '7000000001:AAstartup-test-token-0123456789';
const CHILD_TEST_MS = 240_000;

const dirs: string[] = [];
const children: MainProcess[] = [];
let t: TestDatabase;
let officials = 0;
const prefixes: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const now = new Date();
  const r = await importOrganisation(storesOn(t.db), { file: readFileSync(new URL('../../samples/huyen-mau.csv', import.meta.url)), now });
  if (!r.ok) throw new Error('sample import failed');
  const invite = await issueInvite(storesOn(t.db), { officialCode: 'PNV-03', now });
  const linked = await redeemInvite(storesOn(t.db), { code: invite.code, channel: 'TELEGRAM', externalUserId: '777', chatId: '777', displayName: 'x', now });
  if (!linked.ok) throw new Error('linking failed');
  officials = await t.db.official.count({ where: { active: true } });
});
afterAll(async () => {
  for (const c of children) await c.stop();
  const redis = new Redis(TEST_REDIS_URL);
  for (const prefix of prefixes) {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
  await t?.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function envFor(extra: Record<string, string>): Promise<Record<string, string>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-start-'));
  dirs.push(dataDir);
  const prefix = `st-${randomBytes(5).toString('hex')}`;
  prefixes.push(prefix);
  return {
    DATABASE_URL: t.url,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    DATA_DIR: dataDir,
    HTTP_PORT: String(await freePort()),
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DB_POOL_SIZE: '3',
    ...extra,
  };
}

function run(env: Record<string, string>): MainProcess {
  const child = startMain(env);
  children.push(child);
  return child;
}

describe('starting the bot', () => {
  it(
    'with a token Telegram refuses (401 on getMe): a bilingual message saying what to do, exit code 2, no stack trace',
    async () => {
      const telegram = await createTelegramStandIn({ token: '7000000001:AAsome-other-token-999999999' });
      try {
        const main = run(await envFor({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.url }));
        expect(await main.exited).toBe(2);
        expect(main.stderr).toContain('Telegram từ chối TELEGRAM_BOT_TOKEN');
        expect(main.stderr).toContain('Telegram refused TELEGRAM_BOT_TOKEN');
        expect(main.stderr).toContain('@BotFather');
        expect(main.stderr).toContain('TELEGRAM_BOT_TOKEN=123456789:AA…');
        expect(main.stderr).not.toMatch(/^\s+at /m);
        expect(main.stderr).not.toContain('GrammyError');
        expect(telegram.callsTo('getMe').map((c) => c.outcome.ok)).toEqual([false]);
      } finally {
        await telegram.close();
      }
    },
    CHILD_TEST_MS,
  );

  it(
    'while the Telegram API does not answer: retries, a log line each time, /healthz 503 saying why; then ready',
    async () => {
      const apiPort = await freePort();
      const metricsToken = randomBytes(16).toString('hex');
      const env = await envFor({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`, METRICS_TOKEN: metricsToken });
      const main = run(env);
      const waiting = await main.waitForLog(/^waiting for Telegram:/, { count: 2 });
      expect(waiting[0]).toMatch(
        new RegExp(
          `^waiting for Telegram: no answer from the Telegram API \\(ECONNREFUSED\\) at http://127\\.0\\.0\\.1:${apiPort}; attempt 1 failed, next in 1 s$`,
        ),
      );
      expect(waiting[1]).toMatch(/attempt 2 failed, next in 2 s$/);

      const base = `http://127.0.0.1:${env.HTTP_PORT}`;
      const starting = await fetch(`${base}/healthz`);
      expect(starting.status).toBe(503);
      const body = (await starting.json()) as { ok: boolean; checks: Record<string, boolean>; waiting: Record<string, string> };
      expect(body.ok).toBe(false);
      expect(body.checks).toMatchObject({ database: true, redis: true, telegram: false, startup: false });
      expect(body.waiting.telegram).toMatch(/^waiting for Telegram: no answer from the Telegram API \(ECONNREFUSED\).*attempt \d+ failed, next in \d+ s$/);

      // Telegram comes back (the network, a proxy): the next try finds it.
      let telegram: TelegramStandIn | undefined = await createTelegramStandIn({ port: apiPort, token: TOKEN });
      try {
        const [ready] = await main.waitForLog(/^dondoc ready:/);
        expect(ready).toBe(`dondoc ready: @dondoc_test_bot (polling), ${officials} officials, 1 linked`);
        const healthy = await fetch(`${base}/healthz`);
        expect(healthy.status).toBe(200);
        expect(await healthy.json()).toEqual({ ok: true, checks: { database: true, redis: true, telegram: true, startup: true } });
        // /metrics wants the token.
        expect((await fetch(`${base}/metrics`)).status).toBe(401);
        expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).status).toBe(200);

        expect(await main.stop()).toBe(0);
      } finally {
        await telegram?.close();
        telegram = undefined;
      }
    },
    CHILD_TEST_MS,
  );

  it(
    'on Zalo alone with LOG_FORMAT=pretty: readable lines, and the ready line names the Zalo bot',
    async () => {
      const zalo = await createZaloStandIn();
      try {
        const main = run(await envFor({ ZALO_BOT_TOKEN: '1234567890:zalo-startup-token', ZALO_API_ROOT: zalo.url, LOG_FORMAT: 'pretty' }));
        const deadline = Date.now() + 120_000;
        while (!main.stdout.some((l) => l.includes('dondoc ready:')) && Date.now() < deadline) {
          if (main.child.exitCode !== null) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        const line = main.stdout.find((l) => l.includes('dondoc ready:'));
        expect(line, `${main.stdout.join('\n')}\n${main.stderr}`).toBeDefined();
        // pino-pretty: "[hh:mm:ss] INFO: message", not a JSON object.
        expect(line).toMatch(
          new RegExp(
            `^\\[\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\] INFO: dondoc ready: Zalo ${zalo.botInfo.account_name.replace(/[()]/g, '\\$&')} \\(polling\\), ${officials} officials, 1 linked$`,
          ),
        );
        expect(main.stdout.filter((l) => l.startsWith('{'))).toEqual([]);
        const code = await main.stop();
        expect(code, `${main.stdout.slice(-30).join('\n')}\n${main.stderr}`).toBe(0);
      } finally {
        await zalo.close();
      }
    },
    CHILD_TEST_MS,
  );
});

describe('LOG_FORMAT=pretty without pino-pretty installed', () => {
  it('logs JSON and says why once, instead of failing to start', () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
    const logger = createLogger('info', { format: 'pretty', destination, loadPretty: () => undefined });
    logger.info('hello');
    const parsed = lines.map((l) => JSON.parse(l) as { level: number; msg: string });
    expect(parsed.map((p) => p.msg)).toEqual([
      'LOG_FORMAT=pretty needs pino-pretty, which is not installed (npm install pino-pretty); logging JSON instead',
      'hello',
    ]);
    expect(parsed[0]!.level).toBe(40);
  });
});
