// How a message goes out on the OA: actions as buttons when they fit, numbered replies when they cannot (more than
// five), long text split at line breaks under 2,000 characters with the buttons on the last part; every part is
// accepted by the OA stand-in (which refuses what Zalo refuses: over 2,000 characters, more than 5 buttons).
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import type { AppContext } from '../../src/app/context.js';
import { createZaloOaClient } from '../../src/channels/zalo-oa/client.js';
import { ZaloOaOutput } from '../../src/channels/zalo-oa/output.js';
import { createChannelServices } from '../../src/app/channel-services.js';
import { OA_TEXT_LIMIT } from '../../src/channels/zalo-oa/types.js';
import { classifyOaError } from '../../src/channels/zalo-oa/sender.js';
import { ZaloOaError } from '../../src/channels/zalo-oa/errors.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createAppContext } from '../../src/runtime/app-context.js';
import { startZaloOaPlatform, type ZaloOaPlatform } from '../../src/sandbox/platforms/zalo-oa.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('OA output', () => {
  let t: TestDatabase;
  let oa: ZaloOaPlatform;
  let app: AppContext;
  let output: ZaloOaOutput;
  let userId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    const time = new ManualTime('2026-12-07T02:00:00Z');
    oa = await startZaloOaPlatform({ now: () => time.now().getTime() });
    app = createAppContext({
      db: t.db,
      time,
      catalogue: Catalogue.load(),
      policy: defaultPolicy('Asia/Ho_Chi_Minh'),
      logger: pino({ level: 'silent' }),
      scheduler: { schedule: async () => {} },
      delivery: { kick: async () => {} },
    });
    const { accessToken } = oa.issueTokens();
    const client = createZaloOaClient({ accessToken: { current: async () => accessToken, refresh: async () => accessToken }, apiRoot: oa.url });
    output = new ZaloOaOutput({ client, services: createChannelServices(app), catalogue: app.catalogue });
    userId = oa.addUser({ displayName: 'Vinh' }).userId;
  });
  afterAll(async () => {
    await oa?.close();
    await t?.drop();
  });

  const actions = (n: number) => [Array.from({ length: n }, (_, i) => ({ label: `Lựa chọn ${i + 1}`, action: encodeAction('dialog.pick', i + 1) }))];

  it('up to five actions are buttons; six become numbered replies with no buttons', async () => {
    const five = await output.render([{ text: 'Chọn một', buttons: actions(5) }], 'vi');
    expect(five.parts).toHaveLength(1);
    expect(five.parts[0]).toMatchObject({ kind: 'text', text: 'Chọn một' });
    expect((five.parts[0] as { buttons: unknown[] }).buttons).toHaveLength(5);
    expect(five.numbered).toEqual([]);

    const six = await output.render([{ text: 'Chọn một', buttons: actions(6) }], 'vi');
    expect(six.parts).toHaveLength(1);
    expect(six.parts[0]).not.toHaveProperty('buttons');
    expect((six.parts[0] as { text: string }).text).toContain('6 – Lựa chọn 6');
    expect(six.numbered).toHaveLength(6);
  });

  it('a long text is split at line breaks under 2,000 characters, the buttons on the last part, and the OA accepts every part', async () => {
    const line = 'Dòng báo cáo tiến độ thực hiện nhiệm vụ của phòng, có dấu tiếng Việt đầy đủ.';
    const text = Array.from({ length: 80 }, (_, i) => `${i + 1}. ${line}`).join('\n');
    expect(text.length).toBeGreaterThan(2 * OA_TEXT_LIMIT);
    const r = await output.render([{ text, buttons: actions(2) }], 'vi');
    expect(r.parts.length).toBeGreaterThanOrEqual(3);
    for (const p of r.parts) expect(p.kind === 'text' && p.text.length <= OA_TEXT_LIMIT && !p.text.startsWith('\n')).toBe(true);
    expect(r.parts.map((p) => 'buttons' in p && p.buttons !== undefined)).toEqual([...r.parts.slice(1).map(() => false), true]);
    // Each part ends at a line end: no line is cut in two.
    const lines = r.parts.flatMap((p) => (p.kind === 'text' ? p.text.split('\n') : []));
    expect(lines.filter((l) => l.endsWith(line))).toHaveLength(80);

    await output.deliver(userId, [{ text, buttons: actions(2) }], { locale: 'vi' });
    expect(oa.messagesTo(userId)).toHaveLength(r.parts.length);
    expect(oa.messagesTo(userId).at(-1)!.buttons).toHaveLength(2);
  });

  it('maps OA refusals onto what delivery can do', () => {
    const err = (kind: ZaloOaError['kind'], code: number) => new ZaloOaError({ operation: 'message/cs', kind, code, description: 'x' });
    expect(classifyOaError(err('not-follower', -213), 0).failure.kind).toBe('unreachable');
    expect(classifyOaError(err('outside-window', -230), 0).failure.kind).toBe('unreachable');
    expect(classifyOaError(err('rate-limited', -32), 2).failure).toMatchObject({ kind: 'rate-limited', retryAfterMs: 40_000 });
    expect(classifyOaError(err('token-unavailable', 0), 0).failure.kind).toBe('transient');
    expect(classifyOaError(err('bad-request', -210), 0).failure.kind).toBe('rejected');
  });
});
