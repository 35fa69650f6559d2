// `npm start` with no token, as an operator runs it: the real src/main.ts as a child process with an empty environment
// (no .env: ENV_FILE points at an empty file) and a temporary DATA_DIR, so the repository's ./data is never touched.
// It must say where the page is, serve it and the sandbox API, have every official linked, answer an official's /viec
// through the built-in Telegram, and stop cleanly on SIGTERM.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEntry } from '../../src/sandbox/platforms/chat-log.js';
import type { UnitView } from '../../src/sandbox/ports.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { freePort, startMain, type MainProcess } from '../support/main-process.js';
import { waitUntil } from '../support/wait.js';

const LINE =
  /^Môi trường thử \(sandbox\): mở (http:\/\/127\.0\.0\.1:\d+\/) — không dùng nền tảng chat thật nào; ghi TELEGRAM_BOT_TOKEN hoặc ZALO_BOT_TOKEN vào tệp \.env để chạy thật$/;

describe('npm start with no bot token: the sandbox', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-sandbox-start-'));
  const prefix = `t-${randomBytes(6).toString('hex')}`;
  let main: MainProcess;
  let base: string;
  let startMs: number;

  beforeAll(async () => {
    const emptyEnv = path.join(dataDir, 'empty.env');
    writeFileSync(emptyEnv, '');
    const port = await freePort();
    const started = Date.now();
    main = startMain({ DATA_DIR: dataDir, ENV_FILE: emptyEnv, HTTP_PORT: String(port), REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
    // A hang guard, not a timing claim: on a loaded machine the first start (migrations, linking 47 officials twice) takes minutes.
    const [line] = await main.waitForLog(LINE, { timeoutMs: 600_000 });
    startMs = Date.now() - started;
    base = LINE.exec(line!)![1]!.replace(/\/$/, '');
    expect(base).toBe(`http://127.0.0.1:${port}`);
  }, 620_000);

  afterAll(async () => {
    await main?.stop();
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${prefix}-sandbox:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the page and the API over the sample district, every official linked on both platforms', async () => {
    console.info(`sandbox ready ${startMs} ms after the process started`);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/sandbox/page/app.js');
    const { units } = (await (await fetch(`${base}/sandbox/api/people`)).json()) as { units: UnitView[] };
    const people = (list: UnitView[]): UnitView['people'] => list.flatMap((u) => [...u.people, ...people(u.children)]);
    const everyone = people(units);
    expect(everyone.length).toBeGreaterThan(30);
    expect(everyone.filter((p) => p.telegramUserId === undefined || p.zaloUserId === undefined).map((p) => p.code)).toEqual([]);
    // Its own data directory under DATA_DIR, its own Redis prefix.
    expect(existsSync(path.join(dataDir, 'sandbox', 'pglite'))).toBe(true);
  });

  it("answers an official typing /viec in the built-in Telegram with the bot's real reply", async () => {
    const chat = async () => ((await (await fetch(`${base}/sandbox/api/chats/TCKH-03/telegram`)).json()) as { messages: ChatEntry[] }).messages;
    const before = (await chat()).length;
    const sent = await fetch(`${base}/sandbox/api/chats/TCKH-03/telegram/text`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '/viec' }),
    });
    expect(sent.status).toBe(202);
    const reply = await waitUntil(async () => (await chat()).slice(before).find((m) => m.direction === 'out'), {
      timeoutMs: 60_000,
      intervalMs: 100,
      message: 'the reply to /viec',
    });
    expect(reply.text).toBe('Hiện đồng chí không có việc nào cần xử lý.');
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await main.stop()).toBe(0);
  });
});
