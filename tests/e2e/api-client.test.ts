// A client written against the OpenAPI document only (issue 17): types generated from /api/v1/openapi.json with
// openapi-typescript (committed in tests/support/api-v1-types.ts; `npm run api:types` rewrites them, and the first
// test fails while they differ from what the server serves) and calls made with openapi-fetch. It assigns a task that
// the assignee accepts on Telegram. With API_TRANSCRIPT=<file>, the exchange is written there.
import { writeFile } from 'node:fs/promises';
import createClient from 'openapi-fetch';
import openapiTS, { astToString } from 'openapi-typescript';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../src/app/integration/api-keys.js';
import { ApiContract } from '../support/api-contract.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import type { paths } from '../support/api-v1-types.js';

const TYPES_FILE = new URL('../support/api-v1-types.ts', import.meta.url);
const HEADER = '// Generated from /api/v1/openapi.json by openapi-typescript (npm run api:types). Do not edit.\n';

describe('a client generated from the OpenAPI document', () => {
  let h: Harness;
  let contract: ApiContract;
  let member: TelegramUser;

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    member = telegramUser(h, await h.link('TCKH-03', 1003));
    contract = await ApiContract.load(h.baseUrl);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('uses types that are those of the served document', async () => {
    const generated = HEADER + astToString(await openapiTS(contract.doc as never));
    if (process.env.UPDATE_API_TYPES === '1') await writeFile(TYPES_FILE, generated);
    const committed = await readFile(TYPES_FILE, 'utf8').catch(() => '');
    expect(committed, 'tests/support/api-v1-types.ts is stale: run npm run api:types').toBe(generated);
  });

  it('creates a task that the assignee accepts on Telegram, then reads it back', async () => {
    const { secret } = await createApiKey(h.app, { name: 'QLVB', unitCode: 'UBND', scopes: ['tasks:write', 'items:read'], ratePerMinute: 120 });
    const client = createClient<paths>({ baseUrl: `${h.baseUrl}/api/v1`, headers: { authorization: `Bearer ${secret}` } });
    const request = {
      assigner: 'TCKH-01',
      assignees: ['TCKH-03'],
      content: 'Tổng hợp dự toán ngân sách năm 2027',
      expectedResult: 'Bảng dự toán theo mẫu của Sở Tài chính, trình UBND huyện',
      deadline: '2026-12-11T17:00:00+07:00',
      priority: 'HIGH' as const,
      documentUrl: 'https://qlvb.example.vn/vb/123',
      sourceDocument: { number: '123/UBND-TCKH', date: '2026-12-01' },
    };
    const before = member.texts().length;
    const created = await client.POST('/tasks', { params: { header: { 'idempotency-key': 'qlvb-123-2026' } }, body: request });
    contract.check('POST', '/tasks', { status: created.response.status, headers: created.response.headers, body: created.data ?? created.error });
    expect(created.response.status).toBe(201);
    const code = created.data!.tasks[0]!.code;
    await h.idle();
    const chat = member.since(before);
    expect(chat.join('\n')).toContain(`Nhiệm vụ mới ${code}`);
    await member.press('Nhận việc');
    const accepted = member.last();
    const read = await client.GET('/items/{code}', { params: { path: { code } } });
    contract.check('GET', '/items/{code}', { status: read.response.status, headers: read.response.headers, body: read.data ?? read.error });
    const item = read.data!;
    expect(item.kind).toBe('task');
    if (item.kind !== 'task') return;
    expect(item.task.status).toBe('ACCEPTED');
    expect(item.timeline.map((e) => e.kind)).toEqual(['CREATED', 'ACCEPTED']);
    if (process.env.API_TRANSCRIPT) {
      await writeFile(
        process.env.API_TRANSCRIPT,
        JSON.stringify({ request, created: { status: created.response.status, body: created.data }, chat, accepted, read: read.data }, null, 2),
      );
    }
  });
});
