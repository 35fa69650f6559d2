import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOutbox } from '../../src/db/repositories/outbox.repository.js';
import type { RecordedCall } from '../support/telegram-stand-in.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// Telegram allows about one message a second in a chat. One delivery may take several calls (a text and its photo,
// a text split in parts): each call takes its own turn. Measured by the platform's own clock: when each call reached it.

const SENDS = new Set(['sendMessage', 'sendPhoto', 'sendDocument']);

function sendsTo(h: Harness, chatId: number, from = 0): RecordedCall[] {
  return h.tg.callsForChat(chatId).filter((c) => SENDS.has(c.method) && c.outcome.ok && c.at >= from);
}

function gaps(calls: RecordedCall[]): number[] {
  return calls.slice(1).map((c, i) => c.at - calls[i]!.at);
}

describe('every part of one delivery takes its own turn in the chat (1 a second)', () => {
  let h: Harness;
  let head: TelegramUser;
  let member: TelegramUser;

  beforeAll(async () => {
    h = await createHarness({ workerOptions: { limits: { globalPerSecond: 30, perChatPerSecond: 1 } } });
    await h.importSample();
    head = telegramUser(h, await h.link('TCKH-01', 9101));
    member = telegramUser(h, await h.link('TCKH-03', 9103));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a progress report with a photo reaches the assigner as a text and a photo at least a second apart', async () => {
    await h.give('TCKH-01', 'TCKH-03', { title: 'Tổng hợp dự toán ngân sách năm 2027', deadline: new Date('2026-12-11T09:00:00Z') });
    await member.press('Nhận việc');
    const from = Date.now();
    await member.command('baocao');
    await member.say('40');
    await member.photo('photo-file-1', 'Đã tổng hợp xong 3/7 phòng');
    const calls = sendsTo(h, 9101, from);
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(String(calls[0]!.params.text)).toContain('40%');
    for (const gap of gaps(calls)) expect(gap).toBeGreaterThanOrEqual(1000);
    expect(head.last()).toBeDefined();
  });

  it('a text longer than one Telegram message goes in parts, each a second after the one before', async () => {
    const from = Date.now();
    // About 15,000 characters: 4 parts of at most 4,096, cut at line ends, then the photo.
    const text = Array.from({ length: 300 }, (_, i) => `Dòng ${i + 1}: ${'nội dung dài '.repeat(3)}`).join('\n');
    h.tg.addFile('photo-file-2', 'ảnh minh chứng', { path: 'photos/file_2.jpg' }); // a photo Telegram has: its file_id is sent on
    await enqueueOutbox(h.db.db, {
      channel: 'TELEGRAM',
      chatId: '9101',
      officialId: null,
      payload: {
        locale: 'vi',
        message: { text, attachment: { type: 'photo', source: { kind: 'channel-file', channel: 'TELEGRAM', fileRef: 'photo-file-2' } } },
      },
    });
    await h.queues.kicker.kick([{ channel: 'TELEGRAM', chatId: '9101' }]);
    await h.idle(30_000);
    const calls = sendsTo(h, 9101, from);
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage', 'sendMessage', 'sendMessage', 'sendPhoto']);
    expect(
      calls
        .slice(0, 4)
        .map((c) => String(c.params.text))
        .join('\n'),
    ).toBe(text);
    for (const gap of gaps(calls)) expect(gap).toBeGreaterThanOrEqual(1000);
  });
});
