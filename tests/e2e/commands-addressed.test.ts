// A command addressed to another bot (`/viec@other_bot`, what Telegram sends when a person taps a command of
// another bot's menu) gets no answer at all; one addressed to ours works, whatever the case (issue 19.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/app/interaction/commands.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { command, textMessage, user, zaloId, zaloText } from '../support/updates.js';

describe('commands addressed to a bot', () => {
  let h: Harness;
  let head: TelegramUser;
  let ours: string;

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    await h.importSample();
    head = telegramUser(h, await h.link('BTC-01', 9001));
    ours = h.tg.botInfo.username;
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reads the bot a command names', () => {
    expect(parseCommand('/viec@other_bot')).toEqual({ word: 'viec', name: 'tasks', args: '', bot: 'other_bot' });
    expect(parseCommand('/giaoviec@dondoc_bot Nguyễn')).toEqual({ word: 'giaoviec', name: 'assign', args: 'Nguyễn', bot: 'dondoc_bot' });
    expect(parseCommand('/viec')).toEqual({ word: 'viec', name: 'tasks', args: '' });
  });

  it('/viec@other_bot is ignored: no answer, for a linked person or a stranger, nor a dialog ended', async () => {
    await head.command('/giaoviec');
    const before = h.tg.calls.length;
    for (const text of ['/viec@other_bot', '/huy@other_bot', '/start@other_bot ABCDEFGH', '/trogiup@OtherBot extra words']) {
      expect(await h.post(command(user(9001), text))).toBe(200);
      expect(await h.post(command(user(9555), text))).toBe(200);
    }
    await h.idle();
    expect(h.tg.calls.slice(before).filter((c) => c.method.startsWith('send'))).toEqual([]);
    await head.say('Nguyễn Văn An'); // the /giaoviec dialog is still there
    expect(head.last()).toContain('bước 2/5');
    await head.command('/huy');
  });

  it(`/viec@our_bot works, in any case`, async () => {
    const count = head.texts().length;
    await head.command(`/viec@${ours}`);
    await head.command(`/trogiup@${ours.toUpperCase()}`);
    expect(head.since(count)).toHaveLength(2);
    expect(head.since(count).join('\n')).not.toContain('không hiểu');
  });

  it('on Zalo, where the bot has no username, the suffix changes nothing', async () => {
    const zaloUser = await h.linkZalo('BTC-03', zaloId('addressed'));
    const before = h.zalo.messagesTo(zaloUser).length;
    expect(await h.postZalo(zaloText(zaloUser, '/viec@other_bot'))).toBe(200);
    expect(h.zalo.messagesTo(zaloUser).length).toBeGreaterThan(before);
    expect(await h.post(textMessage(user(9001), 'plain text @other_bot'))).toBe(200);
  });
});
