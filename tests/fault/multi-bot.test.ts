// Issue 18 point 3: several ROLE=bot processes behind a load balancer. One chat's updates land on either of two real
// `src/main.ts` bot processes (webhook mode, sharing PostgreSQL and Redis); the /giaoviec dialog of five steps and
// two buttons still works, each update is handled once and every step's answer comes in order. In the second dialog
// each update reaches the other process while the one before is still being handled (held mid-step by the test), as
// a load balancer spreads a person typing fast: the chat's lock (src/db/chat-lock.ts) makes it wait its turn. Then
// Telegram is slow to accept the answer to the first of the two (the stand-in holds it): the second may not be
// answered before it (src/runtime/chat-order.ts keeps the lock until the answer is handed over; released after the
// handling only, the second's answer arrived first: 1, 3, 2).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Message, Update } from 'grammy/types';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { CHAT_LOCK_NAMESPACE } from '../../src/db/chat-lock.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedLinkedOrganisation } from '../support/due-reminders.js';
import { freePort, startMain, type MainProcess } from '../support/main-process.js';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';
import { callbackQuery, command, textMessage, user } from '../support/updates.js';
import { sleep } from '../support/wait.js';

const TOKEN = '7000000001:AAmulti-bot-token-0123456789abc';
const SECRET = 'multi-bot-webhook-secret';
const STEP = /^Giao việc – bước (\d)\/5/u;

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

/** A weekday about three weeks ahead, as officials write it. */
function deadlineText(): string {
  const d = new Date(Date.now() + 21 * 86_400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()} 16:00`;
}

describe('two bot processes behind a load balancer', () => {
  it('handle one chat’s updates once each and in order, alternately and in a burst', { timeout: 600_000 }, async () => {
    db = await createTestDatabase();
    tg = await createTelegramStandIn({ token: TOKEN });
    await seedLinkedOrganisation(db.db);
    // The head of a department assigns to one of its officials (a code that names one person).
    const head = await db.db.official.findFirstOrThrow({ where: { code: 'BTC-01' } });
    const assignee = await db.db.official.findFirstOrThrow({ where: { code: 'BTC-03' } });
    const chatId = 800000 + head.id;
    const from = user(chatId, { firstName: 'Khải' });
    const prefix = 'mb';
    const env = async (role: string, extra: Record<string, string> = {}) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'dondoc-mb-'));
      dirs.push(dataDir);
      const port = await freePort();
      return {
        port,
        env: {
          ROLE: role,
          DATABASE_URL: db!.url,
          QUEUE_PREFIX: prefix,
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: tg!.url,
          TELEGRAM_WEBHOOK_URL: 'https://province.example/telegram/webhook',
          TELEGRAM_WEBHOOK_SECRET: SECRET,
          DELIVERY_RATE_PER_CHAT: '100',
          DATA_DIR: dataDir,
          HTTP_PORT: String(port),
          HTTP_HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          ...extra,
        },
      };
    };
    const a = await env('bot');
    // The second bot reads digests and reports from a "replica" that is the same database: it starts and serves alike.
    const b = await env('bot', { DATABASE_REPLICA_URL: db.url });
    const w = await env('worker');
    const bots = [startMain(a.env), startMain(b.env)];
    const worker = startMain(w.env);
    mains.push(...bots, worker);
    await Promise.all([...bots, worker].map((m) => m.waitForLog(/^dondoc ready:/)));
    expect(bots[1]!.messages()).toContain('database replica: digests and reports read there (DATABASE_REPLICA_URL)');
    const ports = [a.port, b.port];

    const post = async (n: number, update: Update): Promise<number> => {
      const res = await fetch(`http://127.0.0.1:${ports[n % 2]}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
      await res.text();
      return res.status;
    };
    /** What the head's chat received, in the order the platform accepted it. */
    const received = () =>
      tg!
        .callsForChat(chatId)
        .filter((c) => c.method === 'sendMessage' && c.outcome.ok)
        .map((c) => ({ text: String(c.params.text), message: (c.outcome as { result?: unknown }).result as Message, markup: c.params.reply_markup }));
    const waitFor = async (what: () => boolean | Promise<boolean>, message: string) => {
      const deadline = Date.now() + 120_000;
      while (!(await what())) {
        if (Date.now() > deadline)
          throw new Error(
            `${message}; the chat got:\n${received()
              .map((r) => r.text)
              .join('\n---\n')}`,
          );
        await sleep(20);
      }
    };
    const press = async (n: number, label: string) => {
      const sent = received();
      for (let i = sent.length - 1; i >= 0; i--) {
        const markup = sent[i]!.markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
        const button = markup?.inline_keyboard?.flat().find((x) => x.text.includes(label) && x.callback_data);
        if (button) return post(n, callbackQuery(from, button.callback_data!, sent[i]!.message));
      }
      throw new Error(`no button "${label}"`);
    };
    const texts = (deadline: string) => [
      command(from, 'giaoviec'),
      textMessage(from, assignee.code),
      textMessage(from, 'Rà soát hồ sơ đất đai tồn đọng'),
      textMessage(from, 'Danh sách hồ sơ và hướng xử lý'),
      textMessage(from, deadline),
    ];
    /** The two buttons (priority, then "Giao việc"), each on the process after the last one's. */
    const finish = async (before: number) => {
      await waitFor(
        () =>
          received()
            .slice(before)
            .some((r) => STEP.exec(r.text)?.[1] === '5'),
        'step 5 asked',
      );
      expect(await press(5, 'Thường')).toBe(200);
      await waitFor(
        () =>
          received()
            .slice(before)
            .some((r) => r.markup && JSON.stringify(r.markup).includes('Giao việc')),
        'the confirmation',
      );
      expect(await press(6, 'Giao việc')).toBe(200);
      await waitFor(
        () =>
          received()
            .slice(before)
            .some((r) => r.text.includes('✅ Đã giao nhiệm vụ')),
        'the task assigned',
      );
    };
    /** The dialog's answers since `before`: its five steps in order and one confirmation, nothing twice. */
    const expectInOrder = (before: number) => {
      const got = received()
        .slice(before)
        .map((r) => r.text);
      expect(got.flatMap((t) => STEP.exec(t)?.[1] ?? [])).toEqual(['1', '2', '3', '4', '5']);
      expect(got.filter((t) => t.includes('✅ Đã giao nhiệm vụ'))).toHaveLength(1);
      expect(got.filter((t) => /Không hiểu|lỗi|error/iu.test(t))).toEqual([]);
    };

    // 1. Alternately: each update goes to the other process once the one before was answered (as Telegram sends a
    // chat's updates).
    let before = received().length;
    /** Steps asked since `before`, in the order they arrived. */
    const stepsAsked = () =>
      received()
        .slice(before)
        .flatMap((r) => STEP.exec(r.text)?.[1] ?? []);
    for (const [i, update] of texts(deadlineText()).entries()) {
      expect(await post(i, update)).toBe(200);
      // The webhook answers at its 9 s bound even when the handling goes on; on a machine that busy the update may
      // not have reached the chat's lock yet, and the next one, posted now, would get there first (the lock orders
      // what reaches it). Waiting for the step's question keeps this part to "one after the other".
      if (i < 4) await waitFor(() => stepsAsked().length >= i + 1, `step ${i + 1} asked`);
    }
    await finish(before);
    expectInOrder(before);
    expect(await db.db.task.count({ where: { assignerId: head.id } })).toBe(1);

    // 2. Overlapping: the next update reaches the other process while the one before is still in hand. The test holds
    // the dialog table against writes, so a step is stuck after reading the dialog and before saving its turn: without
    // the chat's lock, the next update would read the same dialog and be taken for the same step's answer.
    before = received().length;
    const burst = texts(deadlineText());
    const claimed = async (u: Update) => (await db!.db.processedUpdate.count({ where: { channel: 'TELEGRAM', key: String(u.update_id) } })) === 1;
    const waiting = async () => {
      const rows = await db!.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_locks
        WHERE locktype = 'advisory' AND objsubid = 2 AND classid = ${CHAT_LOCK_NAMESPACE}::int::oid
          AND objid = hashtext(${`TELEGRAM:${chatId}`})::oid AND NOT granted`;
      return Number(rows[0]!.n);
    };
    /** Handlings stuck saving a dialog turn behind the test's hold on the table. */
    const writersWaiting = async () => {
      const rows = await db!.db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM pg_locks WHERE locktype = 'relation' AND relation = 'dialog_state'::regclass AND NOT granted`;
      return Number(rows[0]!.n);
    };
    const answers: Promise<number>[] = [post(1, burst[0]!)];
    expect(await answers[0]).toBe(200);
    for (const k of [1, 3]) {
      const blocker = new pg.Client({ connectionString: db.url });
      await blocker.connect();
      let overtaken = false;
      try {
        await blocker.query('BEGIN');
        // Reads go on, writes wait: the step reads the dialog, then waits to save its turn.
        await blocker.query('LOCK TABLE dialog_state IN EXCLUSIVE MODE');
        answers.push(post(k + 1, burst[k]!));
        await waitFor(async () => (await writersWaiting()) >= 1, `update ${k} in hand`);
        answers.push(post(k + 2, burst[k + 1]!));
        // The next one got there: queued for the chat's lock (or, without one, stuck saving the same turn).
        await waitFor(async () => (await waiting()) >= 1 || (await writersWaiting()) >= 2, `update ${k + 1} arrived`);
        // Telegram takes its time to accept the answer to update k: the stand-in keeps it until the test lets it go.
        const slow = tg.hold('sendMessage', { chatId, times: 1 });
        const acceptedBefore = received().length;
        await blocker.query('COMMIT');
        try {
          await waitFor(() => slow.held().length === 1, `the answer to update ${k} on its way`);
          // Now either update k+1 waits for the chat while that answer is on its way (its lock is still held), or
          // it was handled meanwhile and its own answer got there first.
          await waitFor(async () => received().length > acceptedBefore || (await waiting()) >= 1, `update ${k + 1} waiting or answered`);
          overtaken = received().length > acceptedBefore;
        } finally {
          slow.release();
        }
      } finally {
        await blocker.end();
      }
      expect(overtaken, `update ${k + 1} answered while the answer to update ${k} was still on its way`).toBe(false);
      // The round is over when both are answered: the next round's hold on the table must catch its own update.
      await waitFor(() => stepsAsked().length === k + 2, `steps up to ${k + 2} asked`);
    }
    expect(await Promise.all(answers)).toEqual([200, 200, 200, 200, 200]);
    await finish(before);
    expectInOrder(before);
    expect(await db.db.task.count({ where: { assignerId: head.id } })).toBe(2);

    // Each update handled once: every one claimed, none twice (the claim's key is unique), no process failed one.
    for (const update of burst) expect(await claimed(update)).toBe(true);
    for (const m of [...bots, worker]) expect(m.messages().filter((msg) => /failed/u.test(msg))).toEqual([]);
  });
});
