// `npm run cli -- webhook add | list | remove`: what an operator gets wrong is answered clearly, in both languages.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgImportCommand } from '../../src/cli/commands/org-import.js';
import { webhookAddCommand, webhookListCommand, webhookRemoveCommand } from '../../src/cli/commands/webhook.js';
import { createTokenCipher } from '../../src/channels/zalo-oa/token-crypto.js';
import { secretContext } from '../../src/app/integration-events/subscriptions.js';
import { SAMPLE_CSV } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('CLI: webhook', () => {
  let t: TestDatabase;
  const key = randomBytes(32);
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });
  const cli = cliRunner(() => t, { env: { WEBHOOK_SECRET_KEY: key.toString('base64') } });
  const noKey = cliRunner(() => t);
  const add = (...args: string[]) => cli(webhookAddCommand, ...args);

  it('adds a webhook, prints its secret once and stores it sealed; lists and removes it', async () => {
    expect((await cli(orgImportCommand, new URL(SAMPLE_CSV).pathname)).code).toBe(0);
    const run = await add(
      '--name',
      'QLVB',
      '--url',
      'https://qlvb.example.gov.vn/dondoc/events',
      '--events',
      'task.accepted, Task.Completed',
      '--unit',
      'UBND',
    );
    expect(run.err).toEqual([]);
    expect(run.out[0]).toBe('Đã thêm webhook QLVB → https://qlvb.example.gov.vn/dondoc/events (task.accepted, task.completed; phạm vi: UBND).');
    const secret = run.out[2]!;
    const row = await t.db.webhookSubscription.findFirstOrThrow({ where: { name: 'QLVB' } });
    expect(row.secretSealed).not.toContain(secret);
    expect(createTokenCipher({ currentId: '1', keys: new Map([['1', key]]) }).open(row.secretSealed, secretContext('QLVB'))).toBe(secret);
    expect(row.events).toEqual(['task.accepted', 'task.completed']);
    const list = await cli(webhookListCommand);
    expect(list.out).toEqual(['QLVB\thttps://qlvb.example.gov.vn/dondoc/events\ttask.accepted,task.completed\tUBND\t0\t0\t-\t-']);
    expect((await add('--name', 'QLVB', '--url', 'https://x.example/', '--events', 'task.accepted')).err[0]).toContain('Đã có đăng ký webhook tên QLVB');
    expect((await cli(webhookRemoveCommand, '--name', 'QLVB')).out).toEqual(['Đã xóa webhook QLVB cùng các lần gửi còn chờ.']);
    const gone = await cli(webhookRemoveCommand, '--name', 'QLVB');
    expect([gone.code, gone.err]).toEqual([
      1,
      ['Không có đăng ký webhook tên QLVB (xem danh sách: webhook list).', 'There is no webhook named QLVB (see webhook list).'],
    ]);
    expect((await cli(webhookListCommand)).out).toEqual(['Chưa có đăng ký webhook nào (thêm: webhook add --name … --url … --events …).']);
    // Both decisions are in the audit log, once each (the refused second add and remove are not).
    const audit = await t.db.auditLog.findMany({ where: { entity: 'webhook_subscription' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.entityId, (a.data as { name: string }).name])).toEqual([
      ['webhook.added', String(row.id), 'QLVB'],
      ['webhook.removed', String(row.id), 'QLVB'],
    ]);
    expect(audit[0]!.data).toMatchObject({ url: 'https://qlvb.example.gov.vn/dondoc/events', events: ['task.accepted', 'task.completed'], unit: 'UBND' });
  });

  it('refuses a bad URL, unknown event names, an unknown unit and a missing key, saying which', async () => {
    const events = ['--events', 'task.accepted'];
    const plain = await add('--name', 'A', '--url', 'http://qlvb.example.gov.vn/events', ...events);
    expect([plain.code, plain.err[0]]).toEqual([1, expect.stringContaining('phải dùng https://')]);
    expect(plain.err[1]).toContain('must use https://');
    expect((await add('--name', 'A', '--url', 'qlvb.example.gov.vn/events', ...events)).err[0]).toContain(
      'Địa chỉ webhook không hợp lệ: "qlvb.example.gov.vn/events"',
    );
    expect((await add('--name', 'A', '--url', 'ftp://qlvb.example.gov.vn/', ...events)).err[0]).toContain('không hợp lệ');
    expect((await add('--name', 'A', '--url', 'https://user:pw@qlvb.example.gov.vn/', ...events)).err[0]).toContain('không được chứa tên đăng nhập');
    const unknown = await add('--name', 'A', '--url', 'https://qlvb.example.gov.vn/', '--events', 'task.accepted,task.acepted,task.done');
    expect([unknown.code, unknown.err[0]]).toEqual([1, expect.stringContaining('Không có loại sự kiện: task.acepted, task.done.')]);
    expect(unknown.err[1]).toContain('Unknown event types: task.acepted, task.done.');
    expect((await add('--name', 'A', '--url', 'https://qlvb.example.gov.vn/', '--events', ' , ')).err[0]).toContain('Không có loại sự kiện: —');
    expect((await add('--name', 'A', '--url', 'https://qlvb.example.gov.vn/', ...events, '--unit', 'XYZ')).err[0]).toBe('Không có đơn vị mã XYZ.');
    expect((await add('--name', '\u200b', '--url', 'https://qlvb.example.gov.vn/', ...events)).err[0]).toContain('Đề nghị ghi tên hệ thống nhận');
    const missing = await noKey(webhookAddCommand, '--name', 'A', '--url', 'https://qlvb.example.gov.vn/', ...events);
    expect([missing.code, missing.err[0]]).toEqual([2, expect.stringContaining('Chưa đặt WEBHOOK_SECRET_KEY')]);
    expect((await add('--name', 'A')).code).toBe(2);
    expect(await t.db.webhookSubscription.count()).toBe(0);
  });
});
