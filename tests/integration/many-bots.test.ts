// Issue 18 point 2: many bots in one process set. One real `src/main.ts` (bot and worker, webhook mode) runs the
// 'default' organisation from its environment; a second organisation is created with `org create` while it runs and
// is started within ORG_REFRESH_MS, without a restart. Each organisation imported a district and linked its officials;
// one Telegram user is linked in both. An update posted to each organisation's path with its secret is answered by
// that organisation's bot (the Telegram stand-in records the token of every call) from that organisation's data, never
// by the other's; the other organisation's secret gets 401, an organisation that does not exist 404. Then the delivery
// pacer: with 2 messages a second per bot, both bots send 2 in the same second (the limits are per bot, not shared).
// The organisation losing its token is stopped within the refresh (404, gone from /healthz). Without a webhook URL
// each organisation's bot polls with its own token, and SIGTERM stops them all.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../src/channels/zalo-oa/token-crypto.js';
import { keyringFromEnvironment, ORG_TOKEN_KEYS } from '../../src/config/token-keyring.js';
import { createOwnerClient, createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { createOrganisation } from '../../src/db/organisations.js';
import { organisationSecret } from '../../src/runtime/organisation-webhooks.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedLinkedOrganisation } from '../support/due-reminders.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { freePort, startMain, type MainProcess } from '../support/main-process.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';
import { command, user } from '../support/updates.js';
import { sleep, waitUntil } from '../support/wait.js';

const TOKEN_A = '7000000001:AAmany-bots-default-0123456789ab';
const TOKEN_B = '7000000002:AAmany-bots-huyen-b-0123456789ab';
const TOKEN_C = '7000000003:AAmany-bots-huyen-c-0123456789ab';
const SECRET = 'many-bots-webhook-secret';
const ORG_B = 'huyen-b';
const ORG_KEY = Buffer.alloc(32, 7).toString('base64');
/** The Telegram user linked in both organisations (to BTC-03 in each). */
const SHARED_CHAT = 990_001;
const TASK_B = 'Việc riêng của huyện B';

let t: TestDatabase | undefined;
let tg: TelegramStandIn | undefined;
let main: MainProcess | undefined;
const clients: PrismaClient[] = [];
const dirs: string[] = [];
const prefix = `mbt-${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  await main?.stop();
  await tg?.close();
  for (const c of clients) await c.$disconnect();
  await t?.drop();
  const redis = new Redis(TEST_REDIS_URL);
  const keys = [...(await redis.keys(`${prefix}:*`)), ...(await redis.keys(`${prefix}-*`))];
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const root = path.resolve(import.meta.dirname, '..', '..');

/** `npm run cli -- …` as the operator runs it next to the running process (tsx, from the project root). */
function runCli(env: Record<string, string>, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env, LOG_LEVEL: 'silent' },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Links the shared Telegram user to BTC-03 of the organisation `db` belongs to. */
async function linkShared(db: PrismaClient): Promise<void> {
  await db.$executeRaw`DELETE FROM chat_identity WHERE "officialId" = (SELECT id FROM official WHERE code = 'BTC-03') AND channel = 'TELEGRAM'`;
  await db.$executeRaw`
    INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId", "linkedAt")
    SELECT id, 'TELEGRAM', ${String(SHARED_CHAT)}, ${String(SHARED_CHAT)}, now() FROM official WHERE code = 'BTC-03'`;
}

describe('many bots in one process', () => {
  // One database and one Telegram stand-in for the file; each test sets up the organisations it needs.
  beforeAll(async () => {
    t = await createTestDatabase();
    tg = await createTelegramStandIn();
  }, 120_000);

  it('starts an organisation created while it runs, routes each bot’s updates by path and secret, and keeps them apart', { timeout: 600_000 }, async () => {
    if (!t || !tg) throw new Error('no database or stand-in');
    await seedLinkedOrganisation(t.db);
    await linkShared(t.db);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-many-'));
    dirs.push(dataDir);
    const port = await freePort();
    const env = {
      DATABASE_URL: t.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: TOKEN_A,
      TELEGRAM_API_ROOT: tg.url,
      TELEGRAM_WEBHOOK_URL: 'https://province.example/telegram/webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      ORG_TOKEN_KEY: ORG_KEY,
      ORG_REFRESH_MS: '1000',
      // Two messages a second per bot: the pacer's check below.
      DELIVERY_RATE_GLOBAL: '2',
      DATA_DIR: dataDir,
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    main = startMain(env);
    await main.waitForLog(/^dondoc ready:/);
    const base = `http://127.0.0.1:${port}`;
    const post = async (pathname: string, secret: string, update: Update): Promise<number> => {
      const res = await fetch(`${base}${pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      });
      await res.text();
      return res.status;
    };
    const shared = user(SHARED_CHAT, { firstName: 'Chung' });
    let updateId = 1;
    const viec = (from = shared) => ({ ...command(from, 'viec'), update_id: updateId++ });

    // Not there yet: 404, whatever the secret.
    const secretB = organisationSecret(SECRET, ORG_B);
    expect(await post(`/telegram/${ORG_B}/webhook`, secretB, viec())).toBe(404);

    // `org create` while the process runs, then its district, linked (through a client of that organisation).
    const created = await runCli(env, ['org', 'create', ORG_B, '--name', 'Huyện B', '--telegram-token', TOKEN_B]);
    expect(created.code, created.output).toBe(0);
    const dbB = createPrismaClient(t.url, { orgId: ORG_B, poolSize: 2 });
    clients.push(dbB);
    await seedLinkedOrganisation(dbB);
    await linkShared(dbB);
    await dbB.$executeRaw`
      INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline",
                        "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
      SELECT 'NV-2026-000777', 2026, 777, ${TASK_B}, 'Báo cáo bằng văn bản', 'NORMAL', 'ASSIGNED',
             now() + interval '30 days', now() + interval '30 days',
             (SELECT id FROM official WHERE code = 'HU-01'), o.id, o."unitId", now(), now()
      FROM official o WHERE o.code = 'BTC-03'`;
    await main.waitForLog(new RegExp(`^organisation ${ORG_B} ready: @`), { timeoutMs: 60_000 });
    // Its bot registered its own path and secret with Telegram.
    const setB = tg.calls.find((c) => c.method === 'setWebhook' && c.token === TOKEN_B);
    expect(setB?.params).toMatchObject({ url: `https://province.example/telegram/${ORG_B}/webhook`, secret_token: secretB });
    const health = (await (await fetch(`${base}/healthz`)).json()) as { ok: boolean; checks: Record<string, boolean> };
    expect(health).toMatchObject({ ok: true, checks: { telegram: true, [`telegram:${ORG_B}`]: true } });

    // Its integration API under /orgs/<org>/api/v1, with a key of its own (api-key create --org): its item is read
    // there; the same key is unknown at the default organisation's /api/v1, and an organisation not running is 404.
    const [unitB] = await dbB.$queryRaw<{ code: string }[]>`SELECT u.code FROM unit u JOIN task t ON t."unitId" = u.id WHERE t.code = 'NV-2026-000777'`;
    const keyMade = await runCli(env, ['api-key', 'create', '--org', ORG_B, '--name', 'qlvb-b', '--unit', unitB!.code, '--scopes', 'items:read']);
    expect(keyMade.code, keyMade.output).toBe(0);
    const apiSecret = keyMade.output
      .split('\n')
      .find((l) => /^\S{30,}$/.test(l.trim()))!
      .trim();
    const api = (pathname: string) => fetch(`${base}${pathname}`, { headers: { authorization: `Bearer ${apiSecret}` } });
    // A running organisation keeps its directory for 30 s (src/runtime/app-context.ts): when its process loaded it
    // before the district above was written (a loaded machine), its units show within that time, as for 'default'.
    let lastRefusal = '';
    const itemB = await waitUntil(
      async () => {
        const r = await api(`/orgs/${ORG_B}/api/v1/items/NV-2026-000777`);
        if (r.status === 200) return r;
        lastRefusal = `${r.status} ${await r.text()}`;
        return undefined;
      },
      { timeoutMs: 90_000, intervalMs: 500, message: 'huyen-b’s item through its own API' },
    ).catch((e: unknown) => {
      throw new Error(`${String(e)}; last answer: ${lastRefusal}`);
    });
    expect(JSON.stringify(await itemB.json())).toContain(TASK_B);
    expect((await api('/api/v1/items/NV-2026-000777')).status).toBe(401);
    expect((await api('/orgs/huyen-z/api/v1/items/NV-2026-000777')).status).toBe(404);

    // Each organisation's path takes its own secret only.
    expect(await post(`/telegram/${ORG_B}/webhook`, SECRET, viec())).toBe(401);
    expect(await post('/telegram/webhook', secretB, viec())).toBe(401);
    expect(await post('/telegram/huyen-z/webhook', secretB, viec())).toBe(404);
    expect(await post('/telegram/default/webhook', SECRET, viec())).toBe(404);

    // The same person asks both bots what waits for them: each answers with its own token and its own data.
    const answers = () => tg!.callsForChat(SHARED_CHAT).filter((c) => c.method === 'sendMessage' && c.outcome.ok);
    expect(answers()).toEqual([]);
    expect(await post('/telegram/webhook', SECRET, viec())).toBe(200);
    await waitUntil(() => answers().length === 1, { timeoutMs: 60_000, intervalMs: 50, message: 'the default bot answers' });
    expect(await post(`/telegram/${ORG_B}/webhook`, secretB, viec())).toBe(200);
    await waitUntil(() => answers().length === 2, { timeoutMs: 60_000, intervalMs: 50, message: 'the bot of huyen-b answers' });
    await sleep(1500);
    const [fromA, fromB, ...more] = answers();
    expect(more).toEqual([]);
    expect(fromA!.token).toBe(TOKEN_A);
    expect(String(fromA!.params.text)).toBe('Hiện đồng chí không có việc nào cần xử lý.');
    expect(fromB!.token).toBe(TOKEN_B);
    expect(String(fromB!.params.text)).toContain(TASK_B);
    // The task of huyen-b is not the default organisation's.
    expect(await t.db.task.count({ where: { title: TASK_B } })).toBe(0);
    expect(await dbB.task.count({ where: { title: TASK_B } })).toBe(1);

    // The pacer per bot: 6 officials of each organisation ask at once. Each bot keeps 2 a second (counted at the
    // platform), and both send in the same second: the limits are not shared between bots.
    const officials = await t.db.official.findMany({ where: { code: { not: 'BTC-03' }, identities: { some: {} } }, orderBy: { id: 'asc' }, take: 6 });
    const officialsB = await dbB.official.findMany({ where: { code: { not: 'BTC-03' }, identities: { some: {} } }, orderBy: { id: 'asc' }, take: 6 });
    const chatsA = officials.map((o) => 800_000 + o.id);
    const chatsB = officialsB.map((o) => 800_000 + o.id);
    expect(new Set([...chatsA, ...chatsB]).size).toBe(12);
    const sentBefore = tg.calls.length;
    const statuses = await Promise.all([
      ...chatsA.map((id) => post('/telegram/webhook', SECRET, viec(user(id)))),
      ...chatsB.map((id) => post(`/telegram/${ORG_B}/webhook`, secretB, viec(user(id)))),
    ]);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const sends = () => tg!.calls.slice(sentBefore).filter((c) => c.method === 'sendMessage' && c.outcome.ok);
    await waitUntil(() => sends().length >= 12, { timeoutMs: 120_000, intervalMs: 100, message: 'every official answered' });
    const got = sends();
    expect(
      got
        .filter((c) => c.token === TOKEN_A)
        .map((c) => Number(c.params.chat_id))
        .sort(),
    ).toEqual([...chatsA].sort());
    expect(
      got
        .filter((c) => c.token === TOKEN_B)
        .map((c) => Number(c.params.chat_id))
        .sort(),
    ).toEqual([...chatsB].sort());
    /** The most sends within any 1 s of the platform's clock. */
    const busiestSecond = (calls: typeof got) => {
      const at = calls.map((c) => c.at).sort((a, b) => a - b);
      let most = 0;
      for (let i = 0, j = 0; i < at.length; i++) {
        while (at[i]! - at[j]! >= 1000) j++;
        most = Math.max(most, i - j + 1);
      }
      return most;
    };
    expect(busiestSecond(got.filter((c) => c.token === TOKEN_A))).toBeLessThanOrEqual(2);
    expect(busiestSecond(got.filter((c) => c.token === TOKEN_B))).toBeLessThanOrEqual(2);
    expect(busiestSecond(got)).toBeGreaterThan(2);

    // Its stored token stops opening (sealed with a key this process does not have): reported at each refresh, and it
    // keeps running with the token it had; nothing else is disturbed.
    const owner = createOwnerClient(t.url);
    clients.push(owner);
    const sealedBefore = (await owner.organisation.findUniqueOrThrow({ where: { id: ORG_B } })).telegramToken;
    const stranger = createTokenCipher(keyringFromEnvironment({ ORG_TOKEN_KEY: 'c'.repeat(64) }, ORG_TOKEN_KEYS));
    await owner.organisation.update({ where: { id: ORG_B }, data: { telegramToken: stranger.seal(TOKEN_B, `org:${ORG_B}:telegram`) } });
    await main.waitForLog(new RegExp(`^organisation ${ORG_B}: its bot token does not open`), { timeoutMs: 60_000 });
    expect(await post(`/telegram/${ORG_B}/webhook`, secretB, viec())).toBe(200);
    const during = (await (await fetch(`${base}/healthz`)).json()) as { ok: boolean; checks: Record<string, boolean> };
    expect(during).toMatchObject({ ok: true, checks: { [`telegram:${ORG_B}`]: true } });
    expect(sealedBefore).not.toBeNull();

    // The organisation loses its bot token: within the refresh it is stopped, its path gone.
    await owner.organisation.update({ where: { id: ORG_B }, data: { telegramToken: null } });
    await main.waitForLog(new RegExp(`^organisation ${ORG_B}: stopped`), { timeoutMs: 60_000 });
    expect(await post(`/telegram/${ORG_B}/webhook`, secretB, viec())).toBe(404);
    const after = (await (await fetch(`${base}/healthz`)).json()) as { ok: boolean; checks: Record<string, boolean> };
    expect(after.ok).toBe(true);
    expect(Object.keys(after.checks)).not.toContain(`telegram:${ORG_B}`);
    expect(await main.stop()).toBe(0);
  });

  it('polls each organisation’s bot on its own when there is no webhook URL, and stops every one on SIGTERM', { timeout: 300_000 }, async () => {
    const owner = createOwnerClient(t!.url);
    clients.push(owner);
    const cipher = createTokenCipher(keyringFromEnvironment({ ORG_TOKEN_KEY: ORG_KEY }, ORG_TOKEN_KEYS));
    await createOrganisation(owner, { id: 'huyen-c', name: 'Huyện C', telegramToken: TOKEN_C }, cipher);
    // huyen-b, if the other test made it, has no bot here (whatever that test's end left).
    await owner.organisation.updateMany({ where: { id: ORG_B }, data: { telegramToken: null, zaloToken: null } });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-many-'));
    dirs.push(dataDir);
    const polling = startMain({
      DATABASE_URL: t!.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: TOKEN_A,
      TELEGRAM_API_ROOT: tg!.url,
      ORG_TOKEN_KEY: ORG_KEY,
      ROLE: 'bot',
      DATA_DIR: dataDir,
      HTTP_PORT: String(await freePort()),
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    main = polling;
    await polling.waitForLog(/^dondoc ready:/);
    await polling.waitForLog(/^organisation huyen-c ready: @\S+ \(polling\)$/, { timeoutMs: 60_000 });
    // huyen-b has no token any more: not started.
    expect(polling.messages().filter((m) => m.includes(ORG_B))).toEqual([]);
    // Each bot took its webhook down (polling refuses to run beside one) and polls with its own token; the stand-in
    // records a long poll when it ends, here when the stop ends it.
    const calls = (method: string, token: string) => tg!.calls.filter((c) => c.method === method && c.token === token).length;
    expect(calls('deleteWebhook', TOKEN_A)).toBeGreaterThan(0);
    expect(calls('deleteWebhook', TOKEN_C)).toBeGreaterThan(0);
    expect(await polling.stop()).toBe(0);
    await waitUntil(() => calls('getUpdates', TOKEN_A) > 0 && calls('getUpdates', TOKEN_C) > 0, {
      timeoutMs: 10_000,
      intervalMs: 50,
      message: 'both bots polled',
    });
    expect(polling.messages()).toContain('stopped: every request answered and every job in hand finished');
  });
});
