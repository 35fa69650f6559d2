// Issue 18, "kill one bot process mid-run: nothing lost or doubled". Two real `src/main.ts` bot processes behind a
// load balancer (webhook mode, one PostgreSQL, one Redis). An update reaches the first; the test holds the task table so
// its handling stops after the claim (the update's first statement) and before its answer; the process is killed
// (SIGKILL). The platform sends the update again, to the other process: it must be answered there, once. Before, the
// claim the dead process left made the repeat look handled, and the official never got an answer (the province bench
// lost 2–3 answers per kill). A repeat of an update that was answered still has no effect.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Update } from 'grammy/types';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedLinkedOrganisation } from '../support/due-reminders.js';
import { freePort, startMain, type MainProcess } from '../support/main-process.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';
import { command, user } from '../support/updates.js';
import { sleep } from '../support/wait.js';

const TOKEN = '7000000002:AAkilled-bot-token-0123456789ab';
const SECRET = 'killed-bot-webhook-secret';

let db: TestDatabase | undefined;
let tg: TelegramStandIn | undefined;
const mains: MainProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const m of mains) await m.stop();
  await tg?.close();
  await db?.drop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a bot process killed in the middle of an update', () => {
  it('leaves it to the other process, which answers it once when the platform sends it again', { timeout: 600_000 }, async () => {
    db = await createTestDatabase();
    tg = await createTelegramStandIn({ token: TOKEN });
    await seedLinkedOrganisation(db.db);
    const head = await db.db.official.findFirstOrThrow({ where: { code: 'BTC-01' } });
    const chatId = 800000 + head.id;
    const from = user(chatId, { firstName: 'Khải' });
    const start = async (role: string) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-kill-'));
      dirs.push(dataDir);
      const port = await freePort();
      const main = startMain({
        ROLE: role,
        DATABASE_URL: db!.url,
        QUEUE_PREFIX: 'kb',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: tg!.url,
        TELEGRAM_WEBHOOK_URL: 'https://province.example/telegram/webhook',
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        DELIVERY_RATE_PER_CHAT: '100',
        DATA_DIR: dataDir,
        HTTP_PORT: String(port),
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      });
      mains.push(main);
      return { main, port };
    };
    const [a, b, worker] = await Promise.all([start('bot'), start('bot'), start('worker')]);
    await Promise.all([a, b, worker].map((p) => p.main.waitForLog(/^dondoc ready:/)));

    const post = async (port: number, update: Update): Promise<number> => {
      const res = await fetch(`http://127.0.0.1:${port}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
      await res.text();
      return res.status;
    };
    const received = () =>
      tg!
        .callsForChat(chatId)
        .filter((c) => c.method === 'sendMessage' && c.outcome.ok)
        .map((c) => String(c.params.text));
    const waitFor = async (what: () => boolean | Promise<boolean>, message: string) => {
      const deadline = Date.now() + 120_000;
      while (!(await what())) {
        if (Date.now() > deadline) throw new Error(`${message}; the chat got:\n${received().join('\n---\n')}`);
        await sleep(20);
      }
    };
    const claim = async (u: Update) => (await db!.db.processedUpdate.findMany({ where: { channel: 'TELEGRAM', key: String(u.update_id) } }))[0] ?? null;
    /** Statements waiting for the test's hold on the task table (the /viec page reads it). */
    const readersWaiting = async () => {
      const rows = await db!.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_locks WHERE locktype = 'relation' AND relation = 'task'::regclass AND NOT granted`;
      return Number(rows[0]!.n);
    };

    // The steady state first: a /viec answered on the first process, its claim marked answered.
    const warm = command(from, 'viec');
    expect(await post(a.port, warm)).toBe(200);
    await waitFor(async () => (await claim(warm))?.answeredAt != null && received().length >= 1, 'the first /viec answered');

    // The update the first process dies with: claimed, stuck before its page (the task table held), then SIGKILL.
    const viec = command(from, 'viec');
    const before = received().length;
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE task IN ACCESS EXCLUSIVE MODE');
      const toDying = post(a.port, viec).catch((e: unknown) => e);
      await waitFor(async () => (await claim(viec)) !== null && (await readersWaiting()) >= 1, 'the update claimed and in hand');
      a.main.child.kill('SIGKILL');
      expect(await a.main.exited).toBeNull();
      await toDying;
      expect((await claim(viec))?.answeredAt ?? null).toBeNull();
    } finally {
      await blocker.query('ROLLBACK').catch(() => {});
      await blocker.end();
    }
    expect(received().length).toBe(before);

    // The platform sends it again, to the other process: answered there, once, and now marked.
    expect(await post(b.port, viec)).toBe(200);
    await waitFor(() => received().length > before, 'the repeated update answered');
    await waitFor(async () => (await claim(viec))?.answeredAt != null, 'its claim marked answered');

    // Sent a third time (its answer was lost on the way, say): no effect. A /trogiup after it, in the chat's order,
    // shows the repeat was decided by the time its answer came.
    expect(await post(b.port, viec)).toBe(200);
    const help = command(from, 'trogiup');
    expect(await post(b.port, help)).toBe(200);
    await waitFor(async () => (await claim(help))?.answeredAt != null && received().length >= before + 2, 'the /trogiup answered');
    // The /viec answer is the same list as the first one's (nothing changed between them): there once, then the help.
    const list = received()[before - 1]!;
    const got = received().slice(before);
    expect(got[0], got.join('\n---\n')).toBe(list);
    expect(
      got.filter((t) => t === list),
      got.join('\n---\n'),
    ).toHaveLength(1);
    expect(
      got.slice(1).every((t) => t.includes('/')),
      got.join('\n---\n'),
    ).toBe(true);
    for (const m of [b, worker]) expect(m.main.messages().filter((msg) => /failed/u.test(msg))).toEqual([]);
  });
});
