import { describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { numberActions } from '../../src/channels/numbered.js';
import { ZaloApiError, type ZaloApiErrorInit } from '../../src/channels/zalo/errors.js';
import { monthKey } from '../../src/domain/time/local-time.js';
import { classifyZaloError, DEFAULT_ZALO_SEND_POLICY } from '../../src/channels/zalo/sender.js';
import { zaloToEnvelope } from '../../src/channels/zalo/to-envelope.js';
import { secretMatches } from '../../src/channels/zalo/webhook.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { zaloImage, zaloText, zaloUnsupported } from '../support/updates.js';

const catalogue = Catalogue.load();
const vi = catalogue.translator('vi');
const en = catalogue.translator('en');

describe('numbered replies for channels without buttons', () => {
  const rows = [
    [
      { label: 'Nhận việc', action: encodeAction('task.accept', 7) },
      { label: 'Xin gia hạn', action: encodeAction('task.extend', 7) },
    ],
    [{ label: 'Hủy', action: encodeAction('dialog.cancel') }],
  ];
  const commands = async (a: string) => (a.startsWith('ta:') ? '/nhan NV-2026-0007' : undefined);

  it('numbers the actions from the given start, prints the command beside those that have one, and never numbers Cancel', async () => {
    const block = await numberActions(vi, rows, 3, commands);
    expect(block.lines).toEqual([
      'Đồng chí trả lời bằng số (hoặc gõ lệnh trong ngoặc):',
      '3 – Nhận việc (/nhan NV-2026-0007)',
      '4 – Xin gia hạn',
      'Gõ /huy để dừng.',
    ]);
    expect(block.actions).toEqual(['ta:7', 'te:7']);
    expect(block.offersChoices).toBe(true);
  });

  it('offers a choice with only Cancel (a dialog question), so the old numbers stop counting', async () => {
    const block = await numberActions(en, [[{ label: 'Cancel', action: encodeAction('dialog.cancel') }]], 1, commands);
    expect(block).toEqual({ lines: ['Type /cancel to stop.'], actions: [], offersChoices: true });
    expect(await numberActions(vi, undefined, 1, commands)).toEqual({ lines: [], actions: [], offersChoices: false });
  });
});

describe('Zalo errors as delivery sees them', () => {
  const err = (init: Partial<ZaloApiErrorInit>) => new ZaloApiError({ method: 'sendMessage', kind: 'api', errorCode: 0, description: 'x', ...init });
  const kind = (e: unknown, attempt = 0) => classifyZaloError(e, attempt).failure.kind;

  it('treats 429 as rate-limited with a wait that grows with the attempts', () => {
    const first = classifyZaloError(err({ errorCode: 429 }), 0).failure;
    const third = classifyZaloError(err({ errorCode: 429 }), 2).failure;
    expect(first).toMatchObject({ kind: 'rate-limited', retryAfterMs: DEFAULT_ZALO_SEND_POLICY.rateLimitBaseMs });
    expect(third).toMatchObject({ kind: 'rate-limited', retryAfterMs: DEFAULT_ZALO_SEND_POLICY.rateLimitBaseMs * 4 });
    expect(classifyZaloError(err({ errorCode: 429 }), 30).failure).toMatchObject({ retryAfterMs: DEFAULT_ZALO_SEND_POLICY.rateLimitMaxMs });
  });

  it('retries 403 ("Internal server error" in Zalo\'s table) and calls the chat unreachable only when it persists', () => {
    expect(kind(err({ errorCode: 403 }), 0)).toBe('transient');
    expect(kind(err({ errorCode: 403 }), 1)).toBe('transient');
    expect(kind(err({ errorCode: 403 }), 2)).toBe('unreachable');
  });

  it('retries 5xx, 401, 408 and failures without an answer; refuses 400 and 404 for good', () => {
    expect(kind(err({ errorCode: 500 }))).toBe('transient');
    expect(kind(err({ kind: 'http', errorCode: 502 }))).toBe('transient');
    expect(kind(err({ errorCode: 401 }))).toBe('transient');
    expect(kind(err({ errorCode: 408 }))).toBe('transient');
    expect(kind(err({ kind: 'network' }))).toBe('transient');
    expect(kind(err({ kind: 'timeout' }))).toBe('transient');
    expect(kind(new Error('socket hang up'))).toBe('transient');
    expect(kind(err({ errorCode: 400 }))).toBe('rejected');
    expect(kind(err({ errorCode: 404 }))).toBe('rejected');
  });
});

describe('Zalo events as the router sees them', () => {
  it('turns text, images (either field) and unsupported messages into envelopes keyed by message_id', () => {
    const text = zaloText('u1', '/viec', { messageId: 'm-1', displayName: 'Vinh' });
    expect(zaloToEnvelope(text)).toEqual({
      channel: 'ZALO',
      updateKey: 'm-1',
      externalUserId: 'u1',
      chatId: 'u1',
      displayName: 'Vinh',
      event: { type: 'text', text: '/viec' },
    });
    for (const field of ['photo', 'photo_url'] as const) {
      expect(zaloToEnvelope(zaloImage('u1', { url: 'https://x/y.jpg', caption: 'c', field }))?.event).toEqual({
        type: 'file',
        file: { kind: 'photo', ref: 'https://x/y.jpg' },
        caption: 'c',
      });
    }
    expect(zaloToEnvelope(zaloUnsupported('u1'))?.event).toEqual({ type: 'unsupported' });
  });

  it('ignores unknown events, groups, bots, and an unsupported event without a sender', () => {
    expect(zaloToEnvelope({ event_name: 'message.reaction.received', message: zaloText('u1', 'x').message })).toBeUndefined();
    expect(zaloToEnvelope(zaloText('u1', 'x', { chatType: 'GROUP', chatId: 'g1' }))).toBeUndefined();
    const bot = zaloText('u1', 'x');
    bot.message.from.is_bot = true;
    expect(zaloToEnvelope(bot)).toBeUndefined();
    expect(zaloToEnvelope(zaloUnsupported('u1', { withMessage: false }))).toBeUndefined();
  });
});

describe('small pieces', () => {
  it('compares webhook secrets whatever their lengths', () => {
    expect(secretMatches('secret-123', 'secret-123')).toBe(true);
    expect(secretMatches('secret-12', 'secret-123')).toBe(false);
    expect(secretMatches('', 'secret-123')).toBe(false);
    expect(secretMatches(undefined, 'secret-123')).toBe(false);
  });

  it('counts months in the organisation time zone', () => {
    expect(monthKey(new Date('2026-11-30T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-12');
    expect(monthKey(new Date('2026-11-30T16:59:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11');
  });
});
