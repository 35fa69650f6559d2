import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/app/notify.js';
import { inTransaction } from '../../src/app/transaction.js';
import { enqueueOutbox } from '../../src/db/repositories/outbox.repository.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { waitUntil } from '../support/wait.js';

// Outbound delivery against a Telegram stand-in that misbehaves: 429 with retry_after, 5xx, 403, and real limits.

async function queue(h: Harness, chats: number[], perChat: number, tag: string): Promise<Map<number, string[]>> {
  const expected = new Map<number, string[]>();
  // Interleaved, as a busy morning queues them: chat 1 #1, chat 2 #1, …, chat 1 #2, …
  for (let n = 1; n <= perChat; n++) {
    for (const chat of chats) {
      const text = `${tag} chat ${chat} #${n}`;
      await enqueueOutbox(h.db.db, { channel: 'TELEGRAM', chatId: String(chat), officialId: null, payload: { locale: 'vi', message: { text } } });
      expected.set(chat, [...(expected.get(chat) ?? []), text]);
    }
  }
  await h.queues.kicker.kick(chats.map((c) => ({ channel: 'TELEGRAM' as const, chatId: String(c) })));
  return expected;
}

describe('429 and 5xx on a share of calls', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ workerOptions: { deliveryBackoffMs: 100 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('every message arrives, none twice, in order within each chat', async () => {
    h.tg.faultRate({ rate: 0.3, kinds: [429, 500, 502], retryAfter: 1 }, 7);
    const chats = Array.from({ length: 12 }, (_, i) => 6100 + i);
    const expected = await queue(h, chats, 6, 'faults');
    await h.idle(40_000);
    h.tg.faultRate(null);
    const refused = h.tg.callsTo('sendMessage').filter((c) => !c.outcome.ok);
    expect(refused.filter((c) => !c.outcome.ok && c.outcome.errorCode === 429).length).toBeGreaterThan(0);
    expect(refused.filter((c) => !c.outcome.ok && c.outcome.errorCode >= 500).length).toBeGreaterThan(0);
    for (const chat of chats) expect(h.tg.messagesTo(chat)).toEqual(expected.get(chat));
    expect(await h.db.db.outbox.count({ where: { status: 'SENT' } })).toBe(72);
  });

  it('a 429 holds the whole chat for retry_after, and the next message waits behind the refused one', async () => {
    h.tg.clear();
    h.tg.failNext('sendMessage', { status: 429, retryAfter: 2 });
    const started = Date.now();
    const expected = await queue(h, [6200], 3, 'held');
    await h.idle();
    const ok = h.tg.callsForChat(6200).filter((c) => c.outcome.ok);
    expect(h.tg.messagesTo(6200)).toEqual(expected.get(6200));
    expect(ok[0]!.at - started).toBeGreaterThanOrEqual(1900);
  });
});

describe('403: the person blocked the bot', () => {
  let h: Harness;
  let memberId: number;
  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    await h.link('TCKH-03', 6303);
    memberId = await h.officialId('TCKH-03');
  });
  afterAll(async () => {
    await h?.close();
  });

  const say = (text: string) => inTransaction(h.app, (tx, effects) => notify(h.app, tx, effects, memberId, () => ({ text })));

  it('marks the identity unreachable, stops what is queued there, and queues nothing more for that chat', async () => {
    h.tg.clear(); // the linking reply went out before the block
    h.tg.blockChat(6303);
    expect(await say('một')).not.toBeNull();
    expect(await say('hai')).not.toBeNull();
    await h.idle();
    const identity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { chatId: '6303' } });
    expect(identity.unreachableAt).not.toBeNull();
    expect(identity.unreachableReason).toContain('blocked');
    expect(h.tg.callsForChat(6303).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    const rows = await h.db.db.outbox.findMany({ where: { chatId: '6303' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['UNREACHABLE', 'UNREACHABLE']);
    // Later messages to that person are not queued to the dead chat at all.
    expect(await say('ba')).toBeNull();
    await h.idle();
    expect(h.tg.callsForChat(6303).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(await h.db.db.outbox.count({ where: { chatId: '6303' } })).toBe(2);
  });
});

describe('our pacing against Telegram limits (30/s overall, 1/s per chat)', () => {
  const limits = { globalPerSecond: 30, perChatPerSecond: 1 };
  const chats = Array.from({ length: 40 }, (_, i) => 6400 + i);
  const perChat = 3;

  /** Queues 3 messages to each of the 40 chats and waits until all are sent; returns the seconds it took. */
  async function sendBacklog(h: Harness, idleTimeoutMs: number): Promise<{ seconds: number; expected: Map<number, string[]> }> {
    const started = Date.now();
    const expected = await queue(h, chats, perChat, `paced ${started}`);
    await h.idle(idleTimeoutMs);
    return { seconds: (Date.now() - started) / 1000, expected };
  }

  it(
    'sends a backlog to 40 chats without a single 429, about as fast as the limits allow',
    async () => {
      // What this machine needs right now to send the same backlog with the limits lifted: the work besides pacing.
      const unpaced = await createHarness({ workerOptions: { limits: { globalPerSecond: 1000, perChatPerSecond: 1000 } } });
      let workSeconds: number;
      try {
        workSeconds = (await sendBacklog(unpaced, 10 * 60_000)).seconds;
      } finally {
        await unpaced.close();
      }
      const h = await createHarness({ workerOptions: { limits } });
      try {
        h.tg.enforceLimits(limits);
        // 120 messages at 30/s take 4 s; the pacer may add its margins and this machine's work, not a second pacing.
        const pacingSeconds = (chats.length * perChat) / limits.globalPerSecond;
        const bound = pacingSeconds * 1.25 + 2 * workSeconds;
        const { seconds, expected } = await sendBacklog(h, 3 * bound * 1000);
        console.info(`backlog: ${seconds.toFixed(1)} s paced, ${workSeconds.toFixed(1)} s unpaced; bound ${bound.toFixed(1)} s`);
        expect(h.tg.tooManyRequests).toBe(0);
        for (const chat of chats) expect(h.tg.messagesTo(chat)).toEqual(expected.get(chat));
        expect(seconds, `unpaced the same backlog took ${workSeconds.toFixed(1)} s`).toBeLessThan(bound);
        const times = new Map<string, number[]>();
        for (const c of h.tg.callsTo('sendMessage')) times.set(String(c.params.chat_id), [...(times.get(String(c.params.chat_id)) ?? []), c.at]);
        for (const t of times.values()) for (let i = 1; i < t.length; i++) expect(t[i]! - t[i - 1]!).toBeGreaterThanOrEqual(1000);
      } finally {
        await h.close();
      }
    },
    15 * 60_000,
  ); // only against a hang: the bound above is what the test measured
});

describe('graceful shutdown', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('close() finishes the send in hand and takes no new job', async () => {
    h = await createHarness({ workerOptions: { deliveryConcurrency: 1 } });
    h.tg.delayNext('sendMessage', 1500);
    await queue(h, [6501], 1, 'in hand');
    const sending = await waitUntil(async () => (await h!.db.db.outbox.count({ where: { status: 'SENDING' } })) === 1, { message: 'a send in flight' });
    expect(sending).toBe(true);
    await queue(h, [6502], 1, 'not taken');
    await h.workers!.close();
    expect(h.tg.messagesTo(6501)).toEqual(['in hand chat 6501 #1']);
    expect(h.tg.callsForChat(6502)).toEqual([]);
    const rows = await h.db.db.outbox.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.chatId, r.status])).toEqual([
      ['6501', 'SENT'],
      ['6502', 'PENDING'],
    ]);
    expect((await h.queues.delivery.getJobCounts('waiting')).waiting).toBe(1); // chat 6502's job, still there for the next worker
  });

  it('close() lets the clock job in hand fire (its whole wave) and leaves the next job queued', async () => {
    let started = 0;
    const { taskClockHandler } = await import('../../src/app/clocks/task-clock-handler.js');
    h = await createHarness({
      start: new Date('2026-12-07T09:00:00+07:00').toISOString(),
      workerOptions: { clockConcurrency: 1 },
      handlers: [
        {
          kinds: ['TASK_ACCEPT'],
          async load(tx, clock, app) {
            started++;
            await new Promise((r) => setTimeout(r, 1000));
            return taskClockHandler.load(tx, clock, app);
          },
        },
      ],
    });
    await h.importSample();
    await h.link('TCKH-03', 6603);
    const { assignTask } = await import('../../src/app/tasks/assign-task.js');
    const { OfficialId } = await import('../../src/domain/ids.js');
    for (const title of ['Rà soát hồ sơ đất đai xã Tân Lập', 'Tổng hợp số liệu dân số quý IV']) {
      await assignTask(h.app, OfficialId(await h.officialId('TCKH-01')), {
        assigneeId: OfficialId(await h.officialId('TCKH-03')),
        title,
        expectedResult: 'Báo cáo gửi Phòng',
        deadline: new Date('2026-12-18T17:00:00+07:00'),
        priority: 'NORMAL',
      });
    }
    await h.idle();
    h.timeSource.set(new Date('2026-12-07T15:00:00+07:00').toISOString());
    await h.workers!.reconcile();
    await waitUntil(() => started === 1, { message: 'the first level to start firing' });
    await h.workers!.close();
    // The job in hand fired its own level and, in the same wave, the other one already due; it finished.
    expect(started).toBe(2);
    expect(await h.db.db.reminder.count()).toBe(2);
    expect((await h.db.db.clock.findMany({ where: { kind: 'TASK_ACCEPT' }, orderBy: { id: 'asc' } })).map((c) => c.level)).toEqual([1, 1]);
    // The other level's own job was not taken.
    expect((await h.queues.clocks.getJobCounts('waiting')).waiting).toBe(1);
  });
});
