// Events out by signed webhook (issue 17 §4), end to end: the use cases write the events in their transactions, the
// webhook worker (BullMQ, real Redis) posts them over HTTP to a receiver in this file, which verifies each with the
// README's snippet. Phòng Tài chính – Kế hoạch (TCKH, under UBND): head TCKH-01 assigns to TCKH-03 and TCKH-04.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerConsultation } from '../../src/app/consultations/answer.js';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { closeConsultation } from '../../src/app/consultations/close.js';
import { demandExplanation } from '../../src/app/explanations/demand.js';
import { acceptTask, declineTask, requestExtension } from '../../src/app/tasks/respond-to-task.js';
import { completeTask, confirmTask } from '../../src/app/tasks/work-on-task.js';
import { apiKeyCreateCommand } from '../../src/cli/commands/api-key.js';
import { webhookAddCommand, webhookListCommand, webhookRemoveCommand, webhookReplayCommand } from '../../src/cli/commands/webhook.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { waitUntil } from '../support/wait.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const DAY = 86_400_000;

describe('events out by signed webhook', () => {
  let h: Harness;
  let head: TelegramUser;
  let member: TelegramUser;
  let cli: ReturnType<typeof cliRunner>;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    h = await createHarness({
      // Short waits so an outage of a few seconds shows several retries; a post's timeout below the slow receiver's.
      workerOptions: { webhookOptions: { retry: { baseMs: 100, capMs: 800 }, timeoutMs: 800 } },
    });
    await h.importSample();
    head = telegramUser(h, await h.link('TCKH-01', 1001));
    member = telegramUser(h, await h.link('TCKH-03', 1003));
    // The CLI on the harness's database, Redis prefix and webhook key, as an operator on the same server.
    cli = cliRunner(() => h.db, { env: { WEBHOOK_SECRET_KEY: h.webhookKeyHex, QUEUE_PREFIX: h.prefix } });
  });
  afterAll(async () => {
    for (const r of receivers) await r.close().catch(() => {});
    await h?.close();
  });

  const id = async (code: string) => OfficialId(await h.officialId(code));
  const receiver = async (o: { slowMs?: number } = {}) => {
    const r = await startWebhookReceiver(o);
    receivers.push(r);
    return r;
  };
  /** `webhook add` through the CLI; the secret is its last line. */
  async function subscribe(rx: WebhookReceiver, name: string, events: string, unit?: string): Promise<number> {
    const run = await cli(webhookAddCommand, '--name', name, '--url', rx.url, '--events', events, ...(unit ? ['--unit', unit] : []));
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    rx.secret = run.out.at(-1);
    expect(rx.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    return (await h.db.db.webhookSubscription.findFirstOrThrow({ where: { name } })).id;
  }
  const deliveries = (subscriptionId: number) =>
    h.db.db.webhookDelivery.findMany({ where: { subscriptionId }, include: { event: true }, orderBy: { eventId: 'asc' } });
  const task = (title: string, to = 'TCKH-03') =>
    h.give('TCKH-01', to, { title, deadline: new Date(h.timeSource.now().getTime() + 4 * DAY), expectedResult: 'Báo cáo bằng văn bản' });

  it('a Telegram user accepts a task: the receiver gets a signed task.accepted that the README snippet verifies', async () => {
    const rx = await receiver();
    await subscribe(rx, 'QLVB', 'task.accepted,task.completed', 'UBND');
    const t = await task('Rà soát hồ sơ đất đai tồn đọng');
    await member.press('Nhận việc');
    await rx.waitFor((r) => r.events.length === 1, 'task.accepted');
    const [req] = rx.requests;
    expect(req!.verified).toBe(true);
    expect(req!.headers['x-dondoc-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(req!.headers['x-dondoc-event-id']).toBe(rx.events[0]!.eventId);
    expect(Math.abs(Number(req!.headers['x-dondoc-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    const body = rx.events[0]!.body;
    expect(body).toMatchObject({
      type: 'task.accepted',
      item: { kind: 'TASK', code: t.code },
      data: {
        task: { code: t.code, status: 'ACCEPTED', assignee: { code: 'TCKH-03', unit: 'TCKH' }, assigner: { code: 'TCKH-01' } },
        actor: { code: 'TCKH-03' },
      },
    });
    expect(head.texts().some((x) => x.includes(t.code))).toBe(true);
    // The same request with one byte changed, or signed with another secret, does not verify.
    const { readmeVerifier } = await import('../support/webhook-receiver.js');
    const verify = await readmeVerifier();
    const headers = req!.headers as Record<string, string>;
    expect(verify(rx.secret!, headers, req!.body)).toBe(true);
    expect(verify(rx.secret!, headers, req!.body.replace('ACCEPTED', 'DECLINED'))).toBe(false);
    expect(verify(`${rx.secret!}x`, headers, req!.body)).toBe(false);
    expect(verify(rx.secret!, { ...headers, 'x-dondoc-timestamp': String(Number(headers['x-dondoc-timestamp']) - 3600) }, req!.body)).toBe(false);
    // Outside the unit subtree (Ban Tổ chức Huyện ủy is under HU, not UBND) nothing is sent.
    const btc = await h.give('BTC-01', 'BTC-02', { title: 'Rà soát quy hoạch cán bộ', deadline: new Date(h.timeSource.now().getTime() + 4 * DAY) });
    await acceptTask(h.app, await id('BTC-02'), btc.id);
    await h.idle();
    expect(await h.db.db.integrationEvent.count({ where: { itemCode: btc.code, type: 'task.accepted' } })).toBe(1);
    expect(await h.db.db.webhookDelivery.count({ where: { event: { itemCode: btc.code } } })).toBe(0);
    expect(rx.events.map((e) => e.body.item.code)).toEqual([t.code]);
    expect((await cli(webhookRemoveCommand, '--name', 'QLVB')).code).toBe(0);
  });

  it('a receiver answering 500, then refusing connections, gets every event once it is back, in order per item, each id once', async () => {
    const rx = await receiver();
    const sub = await subscribe(rx, 'QLVB-outage', 'task.accepted,task.declined,task.extension_requested,task.completed,task.confirmed');
    rx.mode = 'fail';
    const me = await id('TCKH-03');
    const other = await id('TCKH-04');
    const boss = await id('TCKH-01');
    const a = await task('Tổng hợp báo cáo quý IV');
    const b = await task('Lập dự toán chi thường xuyên', 'TCKH-04');
    await acceptTask(h.app, me, a.id);
    await requestExtension(h.app, me, a.id, new Date(a.deadline.getTime() + 2 * DAY), 'Chờ số liệu của các xã');
    await acceptTask(h.app, other, b.id);
    await completeTask(h.app, other, b.id, 'Đã lập dự toán, gửi kèm bảng tính');
    await rx.waitFor((r) => r.requests.filter((q) => q.answered === 500).length >= 4, 'several 500s');
    // Now the port is closed: connections are refused.
    await rx.down();
    await completeTask(h.app, me, a.id, 'Đã gửi báo cáo quý IV');
    await confirmTask(h.app, boss, b.id);
    const c = await task('Kiểm tra quyết toán xã', 'TCKH-04');
    await declineTask(h.app, other, c.id, 'Việc này thuộc Phòng Tư pháp');
    await waitUntil(async () => (await deliveries(sub)).some((d) => /ECONNREFUSED/.test(d.lastError ?? '')), {
      timeoutMs: 15_000,
      message: 'a refused connection',
    });
    const whileDown = rx.requests.length;

    rx.mode = 'ok';
    await rx.up();
    const expected = await deliveries(sub);
    expect(expected.length).toBe(7); // a: accepted, extension requested, completed; b: accepted, completed, confirmed; c: declined
    await waitUntil(async () => (await deliveries(sub)).every((d) => d.status === 'DELIVERED'), { timeoutMs: 30_000, message: 'every delivery marked' });
    await rx.waitFor((r) => r.events.length === expected.length, 'every event');

    // Every event once, each verified; nothing answered 2xx twice (no answer was lost in this outage).
    expect(new Set(rx.events.map((e) => e.eventId))).toEqual(new Set(expected.map((d) => d.event.eventId)));
    expect(rx.requests.every((q) => q.verified)).toBe(true);
    const ok = rx.requests.filter((q) => q.answered === 200).map((q) => q.eventId);
    expect(ok.length).toBe(new Set(ok).size);
    // In order per item: received in the order they happened, and no event was even tried before the earlier ones of
    // its item were received.
    for (const code of [a.code, b.code, c.code]) {
      const order = expected.filter((d) => d.itemCode === code).map((d) => d.event.eventId);
      expect(rx.events.filter((e) => e.body.item.code === code).map((e) => e.eventId)).toEqual(order);
      for (const [i, eventId] of order.entries()) {
        const firstTry = rx.requests.find((q) => q.eventId === eventId)!.at;
        for (const earlier of order.slice(0, i)) {
          const receivedAt = rx.requests.find((q) => q.eventId === earlier && q.answered === 200)!.at;
          expect(receivedAt).toBeLessThanOrEqual(firstTry);
        }
      }
    }
    expect(rx.events.filter((e) => e.body.item.code === a.code).map((e) => e.type)).toEqual(['task.accepted', 'task.extension_requested', 'task.completed']);
    expect(rx.requests.length).toBeGreaterThan(whileDown);
    // Retried with back-off: the failed events carry their attempts.
    expect((await deliveries(sub)).some((d) => d.attempts > 2)).toBe(true);

    // `webhook list` says nothing waits any more.
    const list = await cli(webhookListCommand);
    const line = list.out.find((l) => l.startsWith('QLVB-outage\t'))!.split('\t');
    expect(line.slice(4, 6)).toEqual(['0', String(expected.length)]);
    expect((await cli(webhookRemoveCommand, '--name', 'QLVB-outage')).code).toBe(0);
  });

  it('an answer lost to a timeout is the one at-least-once boundary: the event comes again with the same id, the receiver keeps it once', async () => {
    const rx = await receiver({ slowMs: 1500 });
    const sub = await subscribe(rx, 'QLVB-slow', 'task.accepted,task.completed');
    rx.mode = 'slow-once';
    const t = await task('Báo cáo tiến độ giải ngân');
    await acceptTask(h.app, await id('TCKH-03'), t.id);
    await completeTask(h.app, await id('TCKH-03'), t.id, 'Đã giải ngân 80%');
    await waitUntil(async () => (await deliveries(sub)).every((d) => d.status === 'DELIVERED'), { timeoutMs: 30_000, message: 'both delivered' });
    await rx.waitFor((r) => r.events.length === 2, 'both events');
    const [accepted, completed] = await deliveries(sub);
    const tries = (eventId: string) => rx.requests.filter((q) => q.eventId === eventId);
    // The first post of task.accepted was received (and stored) but answered after the sender's timeout: sent again.
    expect(tries(accepted!.event.eventId).map((q) => q.answered)).toEqual([0, 200]);
    expect(accepted!.attempts).toBe(2);
    expect(accepted!.lastStatus).toBe(200);
    // task.completed waited for it, and went once.
    expect(tries(completed!.event.eventId).map((q) => q.answered)).toEqual([200]);
    expect(rx.events.map((e) => e.type)).toEqual(['task.accepted', 'task.completed']);
    expect((await cli(webhookRemoveCommand, '--name', 'QLVB-slow')).code).toBe(0);
  });

  it('overdue, consultations and explanations are announced too, each in its transaction', async () => {
    const rx = await receiver();
    await subscribe(rx, 'QLVB-all', 'task.overdue,consultation.answered,consultation.closed,explanation.demanded', 'TCKH');
    const t = await h.give('TCKH-01', 'TCKH-03', {
      title: 'Đối chiếu công nợ',
      deadline: new Date(h.timeSource.now().getTime() + 3 * 3_600_000),
      expectedResult: 'Biên bản đối chiếu',
    });
    await acceptTask(h.app, await id('TCKH-03'), t.id);
    await h.advance(DAY); // past the deadline: the overdue clock's level 0 fires
    await demandExplanation(h.app, await id('TCKH-01'), { kind: 'TASK', taskId: t.id }, 'Vì sao chậm?');
    const asked = await askForOpinion(h.app, await id('TCKH-01'), {
      respondentIds: [await id('TCKH-03')],
      subject: 'Dự thảo kế hoạch vốn',
      question: 'Đề nghị cho ý kiến dự thảo.',
      deadline: null,
      priority: 'NORMAL',
    });
    await answerConsultation(h.app, await id('TCKH-03'), asked.consultation.id, 'AGREE', 'Nhất trí');
    await closeConsultation(h.app, await id('TCKH-01'), asked.consultation.id, 'Thống nhất trình UBND huyện.');
    await rx.waitFor((r) => r.events.length === 4, 'four events');
    expect(rx.events.map((e) => [e.type, e.body.item.code])).toEqual([
      ['task.overdue', t.code],
      ['explanation.demanded', t.code],
      ['consultation.answered', asked.consultation.code],
      ['consultation.closed', asked.consultation.code],
    ]);
    expect(rx.events[1]!.body.data).toMatchObject({ explanation: { question: 'Vì sao chậm?' }, official: { code: 'TCKH-03' }, requester: { code: 'TCKH-01' } });
    expect(rx.events[2]!.body.data).toMatchObject({ stance: 'AGREE', text: 'Nhất trí', respondent: { code: 'TCKH-03' } });
    expect(rx.events[3]!.body.data).toMatchObject({ decision: 'Thống nhất trình UBND huyện.', consultation: { status: 'CLOSED' } });
    expect(rx.requests.every((q) => q.verified)).toBe(true);
  });

  it("replay through the CLI sends a time range again (and what came before the webhook existed), in order per item; the API route keeps to the key's unit", async () => {
    // Events before the webhook exists (with the other tests' when the file runs whole).
    const x = await task('Cập nhật danh mục dự án đầu tư công');
    const y = await task('Rà soát định mức chi hội nghị', 'TCKH-04');
    await acceptTask(h.app, await id('TCKH-03'), x.id);
    await acceptTask(h.app, await id('TCKH-04'), y.id);
    await completeTask(h.app, await id('TCKH-03'), x.id, 'Đã cập nhật danh mục');
    const rx = await receiver();
    const sub = await subscribe(rx, 'QLVB-replay', 'task.accepted,task.completed', 'UBND');
    expect(await deliveries(sub)).toEqual([]);
    const inScope = await h.db.db.integrationEvent.findMany({
      where: { type: { in: ['task.accepted', 'task.completed'] }, itemCode: { not: '' }, NOT: { payload: { path: ['task', 'unit'], equals: 'BTC' } } },
      orderBy: { id: 'asc' },
    });
    expect(inScope.length).toBeGreaterThanOrEqual(3);
    const first = await cli(webhookReplayCommand, '--name', 'QLVB-replay', '--from', '07/12/2026', '--to', '2026-12-09T00:00:00+07:00');
    expect(first.err).toEqual([]);
    expect(first.out).toEqual([`Phát lại QLVB-replay: 0 sự kiện gửi lại, ${inScope.length} sự kiện gửi lần đầu.`]);
    const replayed = await h.db.db.auditLog.findFirstOrThrow({ where: { action: 'webhook.replayed' }, orderBy: { id: 'desc' } });
    expect(replayed.data).toMatchObject({
      name: 'QLVB-replay',
      from: '2026-12-06T17:00:00.000Z',
      to: '2026-12-08T17:00:00.000Z',
      requeued: 0,
      added: inScope.length,
    });
    await rx.waitFor((r) => r.events.length === inScope.length, 'the replayed events');
    expect(rx.events.map((e) => e.eventId)).toEqual(expect.arrayContaining(inScope.map((e) => e.eventId)));
    for (const code of new Set(inScope.map((e) => e.itemCode))) {
      expect(rx.events.filter((e) => e.body.item.code === code).map((e) => e.eventId)).toEqual(
        inScope.filter((e) => e.itemCode === code).map((e) => e.eventId),
      );
    }
    // Again: the same events, the same ids; the receiver keeps each once.
    const again = await cli(webhookReplayCommand, '--name', 'QLVB-replay', '--from', '07/12/2026', '--to', '08/12/2026');
    expect(again.out[0]).toMatch(/^Phát lại QLVB-replay: \d+ sự kiện gửi lại, 0 sự kiện gửi lần đầu\.$/);
    const requeued = Number(/: (\d+) sự kiện gửi lại/.exec(again.out[0]!)![1]);
    expect(requeued).toBeGreaterThan(0);
    await rx.waitFor((r) => r.requests.length === inScope.length + requeued, 'the second replay');
    expect(rx.events.length).toBe(inScope.length);
    // Bad ranges are refused clearly.
    const backwards = await cli(webhookReplayCommand, '--name', 'QLVB-replay', '--from', '09/12/2026', '--to', '07/12/2026');
    expect([backwards.code, backwards.err[0]]).toEqual([1, expect.stringContaining('--from phải trước --to')]);
    const unreadable = await cli(webhookReplayCommand, '--name', 'QLVB-replay', '--from', 'hôm qua', '--to', '07/12/2026');
    expect(unreadable.code).toBe(2);
    expect(unreadable.err[1]).toContain('Not a valid replay range');
    const unknown = await cli(webhookReplayCommand, '--name', 'KHONG-CO', '--from', '07/12/2026', '--to', '08/12/2026');
    expect([unknown.code, unknown.err[0]]).toEqual([1, 'Không có đăng ký webhook tên KHONG-CO (xem danh sách: webhook list).']);

    // The same replay through the integration API, with keys made by the CLI: a key over the whole organisation (UBND)
    // named like the subscription, and one over Ban Tổ chức only.
    const makeKey = async (name: string, unit: string): Promise<string> => {
      const r = await cli(apiKeyCreateCommand, '--name', name, '--unit', unit, '--scopes', 'events:replay');
      expect(r.code, r.err.join('\n')).toBe(0);
      return r.out[r.out.length - 1]!;
    };
    let idem = 0;
    const api = (key: string) => (body: unknown) =>
      fetch(`${h.baseUrl}/api/v1/events/replay`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': `replay-${++idem}` },
        body: JSON.stringify(body),
      });
    const wholeKey = await makeKey('QLVB-replay', 'UBND');
    const btcKey = await makeKey('BTC-KEY', 'BTC');
    const range = { from: '2026-12-07T00:00:00+07:00', to: '2026-12-09T00:00:00+07:00' };
    const before = rx.requests.length;
    const okRes = await api(wholeKey)(range);
    expect(okRes.status).toBe(200);
    expect(await okRes.json()).toEqual({ subscription: 'QLVB-replay', requeued: inScope.length, added: 0 });
    await rx.waitFor((r) => r.requests.length === before + inScope.length, 'the API replay');
    const outside = await api(btcKey)({ ...range, subscription: 'QLVB-replay' });
    expect(outside.status).toBe(403);
    expect(outside.headers.get('content-type')).toBe('application/problem+json');
    expect(await outside.json()).toMatchObject({
      field: 'subscription',
      message: {
        vi: 'Khóa API này không được phát lại sự kiện của webhook QLVB-replay (ngoài phạm vi đơn vị của khóa).',
        en: "This API key may not replay the events of webhook QLVB-replay (outside the key's unit).",
      },
    });
    const bad = await api(wholeKey)({ from: 'hôm qua', to: range.to });
    expect([bad.status, ((await bad.json()) as any).field]).toEqual([400, 'from']);
    const backwardsApi = await api(wholeKey)({ from: range.to, to: range.from });
    expect([backwardsApi.status, ((await backwardsApi.json()) as any).field]).toEqual([400, 'from']);
    expect((await api(wholeKey)({ ...range, subscription: 'KHONG-CO' })).status).toBe(404);
  });
});

describe('webhook delivery when Redis loses its data', () => {
  it('the webhook sweep is a job scheduler the worker owns: re-created after Redis is emptied, it sends what waited', async () => {
    const h = await createHarness({
      workerOptions: { maintenanceEveryMs: 60_000, healCheckEveryMs: 200, webhookOptions: { retry: { baseMs: 300, capMs: 600 }, timeoutMs: 800 } },
    });
    const rx = await startWebhookReceiver();
    try {
      await h.importSample();
      expect(await h.queues.maintenance.getJobScheduler('sweep-webhooks')).toBeTruthy();
      const cli = cliRunner(() => h.db, { env: { WEBHOOK_SECRET_KEY: h.webhookKeyHex, QUEUE_PREFIX: h.prefix } });
      const added = await cli(webhookAddCommand, '--name', 'QLVB', '--url', rx.url, '--events', 'task.accepted');
      rx.secret = added.out.at(-1);
      rx.mode = 'fail';
      const t = await h.give('TCKH-01', 'TCKH-03', { title: 'Kiểm kê tài sản cuối năm', deadline: new Date(h.timeSource.now().getTime() + 4 * DAY) });
      await acceptTask(h.app, OfficialId(await h.officialId('TCKH-03')), t.id);
      await rx.waitFor((r) => r.requests.length >= 2, 'two failed attempts');
      // Redis comes back empty: the retry's delayed job, the deduplication key and the schedulers are gone.
      const keys = await h.queues.producer.keys(`${h.prefix}:*`);
      await h.queues.producer.del(...keys);
      rx.mode = 'ok';
      await rx.waitFor((r) => r.events.length === 1, 'the event after Redis was emptied', 40_000);
      expect(rx.events[0]!.body).toMatchObject({ type: 'task.accepted', item: { code: t.code } });
      expect(await h.queues.maintenance.getJobScheduler('sweep-webhooks')).toBeTruthy();
      await waitUntil(async () => (await h.db.db.webhookDelivery.findFirst())?.status === 'DELIVERED', { message: 'the delivery marked' });
    } finally {
      await rx.close();
      await h.close();
    }
  });
});
