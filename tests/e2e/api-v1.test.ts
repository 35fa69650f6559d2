// The integration API (issue 17) over HTTP against the whole bot: keys made with the real CLI, every answer checked
// against the OpenAPI document the server serves (tests/support/api-contract.ts), the assignee on the Telegram
// stand-in. Phòng Tài chính – Kế hoạch (TCKH, under UBND): head TCKH-01 assigns to member TCKH-03.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/app/reports/build-report.js';
import { requestExtension } from '../../src/app/tasks/respond-to-task.js';
import type { IsoDate } from '../../src/domain/calendar/types.js';
import { apiKeyCreateCommand, apiKeyListCommand, apiKeyRevokeCommand } from '../../src/cli/commands/api-key.js';
import { webhookAddCommand } from '../../src/cli/commands/webhook.js';
import { OfficialId, TaskId } from '../../src/domain/ids.js';
import { ApiContract } from '../support/api-contract.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

describe('integration API /api/v1', () => {
  let h: Harness;
  let api: ApiContract;
  let member: TelegramUser;
  let cli: ReturnType<typeof cliRunner>;
  let writer: string;
  let n = 0;
  const idem = () => `idem-${++n}`;

  async function makeKey(name: string, unit: string, scopes: string, rate?: number): Promise<string> {
    const r = await cli(apiKeyCreateCommand, '--name', name, '--unit', unit, '--scopes', scopes, ...(rate ? ['--rate', String(rate)] : []));
    expect(r.code, r.err.join('\n')).toBe(0);
    return r.out[r.out.length - 1]!;
  }

  const task = (over: Record<string, unknown> = {}) => ({
    assigner: 'TCKH-01',
    assignees: ['TCKH-03'],
    content: 'Tổng hợp dự toán ngân sách năm 2027',
    expectedResult: 'Bảng dự toán theo mẫu của Sở Tài chính, trình UBND huyện',
    deadline: '2026-12-11T17:00:00+07:00',
    priority: 'HIGH',
    ...over,
  });

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    h.tg; // the stand-in is up
    member = telegramUser(h, await h.link('TCKH-03', 1003));
    await h.link('TCKH-01', 1001);
    cli = cliRunner(() => h.db);
    api = await ApiContract.load(h.baseUrl);
    writer = await makeKey('QLVB', 'UBND', 'tasks:write,consultations:write,items:read,org:read,reports:read');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('serves an OpenAPI 3.1 document that describes every route', () => {
    expect((api.doc as any).openapi).toBe('3.1.0');
    expect(Object.keys(api.doc.paths).sort()).toEqual(
      [
        '/consultations',
        '/evaluation',
        '/events/replay',
        '/items',
        '/items/{code}',
        '/org',
        '/tasks',
        '/tasks/{code}/cancel',
        '/tasks/{code}/extension',
      ].sort(),
    );
  });

  it('creates a task the assignee sees on Telegram and accepts; the item shows it with its timeline', async () => {
    const before = member.texts().length;
    const r = await api.call('POST', '/tasks', {
      key: writer,
      idempotencyKey: idem(),
      body: task({ sourceDocument: { number: '123/UBND-TCKH', date: '2026-12-01' }, documentUrl: 'https://qlvb.example.vn/vb/123' }),
    });
    expect(r.status).toBe(201);
    const code = r.body.tasks[0].code as string;
    expect(r.body.tasks[0]).toMatchObject({ status: 'ASSIGNED', assignee: { code: 'TCKH-03' }, sourceDocument: '123/UBND-TCKH, 01/12/2026' });
    await h.idle();
    const seen = member.since(before).join('\n');
    expect(seen).toContain(`Nhiệm vụ mới ${code}`);
    expect(seen).toContain('Văn bản: 123/UBND-TCKH, 01/12/2026');
    expect(seen).toContain('📎 https://qlvb.example.vn/vb/123');
    await member.press('Nhận việc');
    const item = await api.call('GET', '/items/{code}', { path: `/items/${code}`, key: writer });
    expect(item.status).toBe(200);
    expect(item.body.task.status).toBe('ACCEPTED');
    expect(item.body.timeline.map((e: any) => e.kind)).toEqual(['CREATED', 'ACCEPTED']);
    expect(item.body.timeline[1].actor).toBe('TCKH-03');
  });

  it('refuses a task without an expected result, naming the missing part of "5 rõ" in both languages', async () => {
    const r = await api.call('POST', '/tasks', { key: writer, idempotencyKey: idem(), body: task({ expectedResult: '' }) });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'five-clear-result', field: 'expectedResult' });
    expect(r.body.message.vi).toContain('rõ hiệu quả');
    expect(r.body.message.en.length).toBeGreaterThan(10);
    expect(r.body.message.en).not.toBe(r.body.message.vi);
    const noDeadline = await api.call('POST', '/tasks', { key: writer, idempotencyKey: idem(), body: task({ deadline: undefined }) });
    expect(noDeadline.body).toMatchObject({ status: 422, code: 'five-clear-deadline', field: 'deadline' });
  });

  it('answers a malformed request with 400 and the field, and a POST without Idempotency-Key with 400', async () => {
    const bad = await api.call('POST', '/tasks', { key: writer, idempotencyKey: idem(), body: task({ deadline: '11/12/2026', priority: 'SOON' }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['deadline', 'priority']);
    expect(bad.body.errors[0].message.vi).toContain('không hợp lệ');
    const noKey = await api.call('POST', '/tasks', { key: writer, body: task() });
    expect(noKey.body).toMatchObject({ status: 400, code: 'api-idempotency-key-missing', field: 'Idempotency-Key' });
    const notJson = await api.call('POST', '/tasks', { key: writer, idempotencyKey: idem(), rawBody: '{"assigner":' });
    expect(notJson.status).toBe(400);
  });

  it('the same Idempotency-Key sent 10 times at once makes one task; another body under it is refused', async () => {
    const key = idem();
    const body = task({ content: 'Rà soát hồ sơ đất đai tồn đọng' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => api.call('POST', '/tasks', { key: writer, idempotencyKey: key, body })));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const codes = new Set(answers.map((a) => a.body.tasks[0].code));
    expect(codes.size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await h.db.db.task.count({ where: { title: 'Rà soát hồ sơ đất đai tồn đọng' } })).toBe(1);
    const other = await api.call('POST', '/tasks', { key: writer, idempotencyKey: key, body: { ...body, priority: 'URGENT' } });
    expect(other.body).toMatchObject({ status: 422, code: 'api-idempotency-mismatch' });
  });

  it('the same source document under new Idempotency-Keys never makes a second task', async () => {
    const body = task({ content: 'Báo cáo giải ngân vốn đầu tư công', sourceDocument: { number: '77/UBND-KT', date: '2026-12-02' } });
    const first = await api.call('POST', '/tasks', { key: writer, idempotencyKey: idem(), body });
    const retries = await Promise.all(Array.from({ length: 5 }, () => api.call('POST', '/tasks', { key: writer, idempotencyKey: idem(), body })));
    expect(first.status).toBe(201);
    for (const r of retries) expect(r.body).toMatchObject({ created: false, tasks: [{ code: first.body.tasks[0].code }] });
    expect(await h.db.db.task.count({ where: { title: 'Báo cáo giải ngân vốn đầu tư công' } })).toBe(1);
  });

  it('keeps a key to its scopes and its unit subtree', async () => {
    const reader = await makeKey('Đọc TCKH', 'TCKH', 'items:read,org:read');
    const denied = await api.call('POST', '/tasks', { key: reader, idempotencyKey: idem(), body: task() });
    expect(denied.body).toMatchObject({ status: 403, code: 'api-forbidden-scope' });
    const tnmtWriter = await makeKey('QLVB TNMT', 'TNMT', 'tasks:write,items:read');
    const outside = await api.call('POST', '/tasks', { key: tnmtWriter, idempotencyKey: idem(), body: task() });
    expect(outside.body).toMatchObject({ status: 403, code: 'api-forbidden-unit', field: 'assigner' });
    const mine = await api.call('GET', '/items', { key: reader, query: { kind: 'task' } });
    expect(mine.status).toBe(200);
    const code = mine.body.items[0].code as string;
    const theirs = await api.call('GET', '/items/{code}', { path: `/items/${code}`, key: tnmtWriter });
    expect(theirs.body).toMatchObject({ status: 403, code: 'api-forbidden-unit' });
    const up = await api.call('GET', '/items', { key: reader, query: { unit: 'UBND' } });
    expect(up.status).toBe(403);
    const org = await api.call('GET', '/org', { key: reader });
    expect(org.body.units.map((u: any) => u.code)).toEqual(['TCKH']);
    expect(org.body.officials.every((o: any) => o.phone === undefined)).toBe(true);
    const phones = await makeKey('Danh bạ', 'TCKH', 'org:read,org:phones');
    const withPhones = await api.call('GET', '/org', { key: phones });
    expect(withPhones.body.officials.some((o: any) => /^0\d{9}$/.test(o.phone))).toBe(true);
  });

  it('a revoked key is refused at once; an unknown one too', async () => {
    const key = await makeKey('Tạm', 'UBND', 'items:read');
    expect((await api.call('GET', '/items', { key })).status).toBe(200);
    const r = await cli(apiKeyRevokeCommand, 'Tạm');
    expect(r.code).toBe(0);
    const after = await api.call('GET', '/items', { key });
    expect(after.body).toMatchObject({ status: 401, code: 'api-unauthorized' });
    expect((await api.call('GET', '/items', { key: 'dd_not-a-key' })).status).toBe(401);
    expect((await api.call('GET', '/items', {})).status).toBe(401);
    const badScopes = await cli(apiKeyCreateCommand, '--name', 'Sai', '--unit', 'UBND', '--scopes', 'tasks:write,everything');
    expect(badScopes.code).toBe(2);
    expect(badScopes.err.join('\n')).toContain('everything');
    const taken = await cli(apiKeyCreateCommand, '--name', 'Tạm', '--unit', 'UBND', '--scopes', 'items:read');
    expect(taken.code).toBe(1);
    expect(taken.err.join('\n')).toContain('Đã có khóa API tên "Tạm"');
    const list = await cli(apiKeyListCommand);
    expect(list.out.find((l) => l.startsWith('Tạm\t'))).toContain('revoked');
    expect(list.out.join('\n')).not.toContain(key);
  });

  it('limits calls per key with 429 and Retry-After, other keys unaffected', async () => {
    const slow = await makeKey('Chậm', 'UBND', 'items:read', 3);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await api.call('GET', '/items', { key: slow }));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200, 429, 429]);
    const retryAfter = Number(statuses[3]!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(statuses[3]!.body.code).toBe('api-rate-limited');
    expect((await api.call('GET', '/items', { key: writer })).status).toBe(200);
  });

  it('lists items by unit, status and period a page at a time', async () => {
    for (let i = 0; i < 3; i++)
      await api.call('POST', '/tasks', { key: writer, idempotencyKey: idem(), body: task({ content: `Việc phân trang số ${i + 1}`, assignees: ['TCKH-04'] }) });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call('GET', '/items', {
        key: writer,
        query: { unit: 'TCKH', status: 'ASSIGNED', from: '2026-12-07', to: '2026-12-07', limit: '2', ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((t: any) => t.code));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    const expected = await h.db.db.task.findMany({ where: { status: 'ASSIGNED' }, orderBy: { id: 'desc' }, select: { code: true } });
    expect(seen).toEqual(expected.map((t) => t.code));
    const none = await api.call('GET', '/items', { key: writer, query: { from: '2026-12-08' } });
    expect(none.body.items).toEqual([]);
    const badCursor = await api.call('GET', '/items', { key: writer, query: { cursor: 'xyz' } });
    expect(badCursor.body).toMatchObject({ status: 400, code: 'api-bad-cursor' });
  });

  it('cancels a task and decides an extension on behalf of the assigner', async () => {
    const made = await api.call('POST', '/tasks', { key: writer, idempotencyKey: idem(), body: task({ content: 'Việc sẽ gia hạn' }) });
    const t = made.body.tasks[0];
    const none = await api.call('POST', '/tasks/{code}/extension', {
      path: `/tasks/${t.code}/extension`,
      key: writer,
      idempotencyKey: idem(),
      body: { decision: 'approve' },
    });
    expect(none.body).toMatchObject({ status: 409, code: 'api-extension-none' });
    const row = await h.db.db.task.findFirstOrThrow({ where: { code: t.code } });
    await requestExtension(h.app, OfficialId(row.assigneeId), TaskId(row.id), new Date('2026-12-18T10:00:00Z'), 'Chờ số liệu của các xã');
    const ok = await api.call('POST', '/tasks/{code}/extension', {
      path: `/tasks/${t.code}/extension`,
      key: writer,
      idempotencyKey: idem(),
      body: { decision: 'approve' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ approved: true, task: { deadline: '2026-12-18T10:00:00.000Z' } });
    const cancelled = await api.call('POST', '/tasks/{code}/cancel', {
      path: `/tasks/${t.code}/cancel`,
      key: writer,
      idempotencyKey: idem(),
      body: { reason: 'Văn bản gốc đã bị thu hồi' },
    });
    expect(cancelled.body.task.status).toBe('CANCELLED');
    const again = await api.call('POST', '/tasks/{code}/cancel', {
      path: `/tasks/${t.code}/cancel`,
      key: writer,
      idempotencyKey: idem(),
      body: { reason: 'Hủy lần nữa' },
    });
    expect(again.status).toBe(409);
    const unknown = await api.call('POST', '/tasks/{code}/cancel', {
      path: '/tasks/NV-2026-9999/cancel',
      key: writer,
      idempotencyKey: idem(),
      body: { reason: 'Không có' },
    });
    expect(unknown.status).toBe(404);
  });

  it('asks for opinions through the consultation use case; refuses one without respondents', async () => {
    const r = await api.call('POST', '/consultations', {
      key: writer,
      idempotencyKey: idem(),
      body: {
        asker: 'TCKH-01',
        respondents: ['TCKH-02', 'TCKH-03'],
        subject: 'Dự thảo phương án phân bổ vốn',
        question: 'Đề nghị cho ý kiến về dự thảo phương án.',
        attachments: [{ name: 'Dự thảo', url: 'https://qlvb.example.vn/vb/9' }],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.respondents.map((x: any) => x.official.code)).toEqual(['TCKH-02', 'TCKH-03']);
    await h.idle();
    expect(member.texts().join('\n')).toContain('📎 Dự thảo: https://qlvb.example.vn/vb/9');
    const item = await api.call('GET', '/items/{code}', { path: `/items/${r.body.consultation.code}`, key: writer });
    expect(item.body.kind).toBe('consultation');
    const empty = await api.call('POST', '/consultations', {
      key: writer,
      idempotencyKey: idem(),
      body: { asker: 'TCKH-01', respondents: [], subject: 'Không ai', question: 'Hỏi ai?' },
    });
    expect(empty.body).toMatchObject({ status: 422, code: 'consult-clear-respondents', field: 'respondents' });
  });

  it('gives the evaluation figures of a period, as the reports compute them', async () => {
    const r = await api.call('GET', '/evaluation', { key: writer, query: { from: '2026-12-01', to: '2026-12-31', unit: 'TCKH' } });
    expect(r.status).toBe(200);
    const unit = await h.db.db.unit.findFirstOrThrow({ where: { code: 'TCKH' } });
    const report = await buildReport(
      { stores: h.app.stores, calendar: await h.app.calendar(), org: await h.app.org(), policy: h.app.policy, now: h.app.time.now() },
      { kind: 'range', from: '2026-12-01' as IsoDate, to: '2026-12-31' as IsoDate, year: 2026 },
      unit.id,
    );
    expect(r.body.total.tasksReceived).toBe(report.computed.total.tasksReceived);
    expect(r.body.total.tasksReceived).toBeGreaterThan(3);
    expect(r.body.total.consultationsReceived).toBe(report.computed.total.consultationsReceived);
    expect(r.body.units[0]).toMatchObject({ code: 'TCKH', depth: 0 });
    const reversed = await api.call('GET', '/evaluation', { key: writer, query: { from: '2026-12-31', to: '2026-12-01' } });
    expect(reversed.status).toBe(400);
  });

  it('writes every call with a key to the audit log under the key name', async () => {
    const rows = await h.db.db.auditLog.findMany({ where: { action: 'api.call' } });
    const byName = rows.filter((r) => (r.data as any).name === 'QLVB');
    expect(byName.length).toBeGreaterThan(20);
    expect(byName.some((r) => (r.data as any).status === 201 && (r.data as any).items?.length === 1)).toBe(true);
    expect(rows.some((r) => (r.data as any).name === 'Chậm' && (r.data as any).status === 429)).toBe(true);
  });

  it('replays the events of a period to the subscription named like the key (scope events:replay), within its unit', async () => {
    const rx: WebhookReceiver = await startWebhookReceiver();
    try {
      // An operator on the same server: the CLI with the bot's webhook key and queue prefix.
      const ops = cliRunner(() => h.db, { env: { WEBHOOK_SECRET_KEY: h.webhookKeyHex, QUEUE_PREFIX: h.prefix } });
      const added = await ops(webhookAddCommand, '--name', 'QLVB-SK', '--url', rx.url, '--events', 'task.accepted', '--unit', 'UBND');
      expect(added.code, added.err.join('\n')).toBe(0);
      rx.secret = added.out.at(-1);
      const events = await makeKey('QLVB-SK', 'UBND', 'events:replay');
      const period = { from: '2026-12-01T00:00:00+07:00', to: '2026-12-31T00:00:00+07:00' };

      const r = await api.call('POST', '/events/replay', { key: events, idempotencyKey: idem(), body: period });
      expect(r.status).toBe(200);
      // The tasks accepted above (on Telegram, and by an approved extension) were before the subscription: the replay
      // adds each of them.
      const accepted = await h.db.db.integrationEvent.count({ where: { type: 'task.accepted' } });
      expect(accepted).toBeGreaterThan(0);
      expect(r.body).toEqual({ subscription: 'QLVB-SK', requeued: 0, added: accepted });
      await rx.waitFor((x) => x.events.filter((e) => e.type === 'task.accepted').length === accepted, 'the replayed task.accepted events');

      expect((await api.call('POST', '/events/replay', { key: writer, idempotencyKey: idem(), body: period })).status).toBe(403);
      const unitKey = await makeKey('TCKH-SK', 'TCKH', 'events:replay');
      const outside = await api.call('POST', '/events/replay', { key: unitKey, idempotencyKey: idem(), body: { ...period, subscription: 'QLVB-SK' } });
      expect(outside.status).toBe(403);
      expect((await api.call('POST', '/events/replay', { key: events, body: period })).status).toBe(400);
    } finally {
      await rx.close();
    }
  });
});
