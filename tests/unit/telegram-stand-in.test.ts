import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramStandIn, type TelegramStandIn } from '../support/telegram-stand-in.js';
import { callbackQuery, command, textMessage, user } from '../support/updates.js';

const TOKEN = '123456:test-token';

describe('Telegram stand-in driven by grammY', () => {
  let telegram: TelegramStandIn;
  let bot: Bot;

  beforeEach(async () => {
    telegram = await createTelegramStandIn();
    bot = new Bot(TOKEN, { botInfo: telegram.botInfo, client: { apiRoot: telegram.url } });
  });

  afterEach(async () => {
    await telegram.close();
  });

  it('answers getMe with the configured bot', async () => {
    const me = await bot.api.getMe();
    expect(me.username).toBe('dondoc_test_bot');
    expect(telegram.callsTo('getMe')).toHaveLength(1);
    expect(telegram.calls[0]?.token).toBe(TOKEN);
  });

  it('sends a message with an inline keyboard and echoes it back', async () => {
    const keyboard = new InlineKeyboard().text('Đã xong', 'done:1').text('Gia hạn', 'extend:1');
    const first = await bot.api.sendMessage(42, 'Việc #1: Báo cáo tuần', { reply_markup: keyboard });
    const second = await bot.api.sendMessage(42, 'Việc #2');

    expect(first).toMatchObject({ chat: { id: 42, type: 'private' }, text: 'Việc #1: Báo cáo tuần', from: { username: 'dondoc_test_bot' } });
    expect(first.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual(['Đã xong', 'Gia hạn']);
    expect(second.message_id).toBe(first.message_id + 1);
    expect(telegram.callsTo('sendMessage')[0]?.params).toMatchObject({
      chat_id: 42,
      reply_markup: { inline_keyboard: [[{ callback_data: 'done:1' }, { callback_data: 'extend:1' }]] },
    });
    expect(telegram.messagesTo(42)).toEqual(['Việc #1: Báo cáo tuần', 'Việc #2']);
  });

  it('refuses callback_data longer than 64 bytes, as Telegram does', async () => {
    const keyboard = new InlineKeyboard().text('x', 'đ'.repeat(33)); // 66 bytes in UTF-8
    await expect(bot.api.sendMessage(42, 'x', { reply_markup: keyboard })).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
  });

  it('takes a photo uploaded as multipart and serves it back through getFile', async () => {
    const bytes = Buffer.from('not really a PNG, but bytes all the same');
    const sent = await bot.api.sendPhoto(42, new InputFile(bytes, 'bao-cao.png'), {
      caption: 'Ảnh chụp báo cáo',
      reply_markup: new InlineKeyboard().text('Xem', 'view:7'),
    });

    const call = telegram.callsTo('sendPhoto')[0];
    // Multipart sends every field as a string; the stand-in decodes them to what JSON would have carried.
    expect(call?.params).toMatchObject({
      chat_id: 42,
      caption: 'Ảnh chụp báo cáo',
      photo: { filename: 'bao-cao.png', size: bytes.length },
      reply_markup: { inline_keyboard: [[{ text: 'Xem', callback_data: 'view:7' }]] },
    });
    expect(sent.caption).toBe('Ảnh chụp báo cáo');
    expect(telegram.messagesTo(42)).toEqual(['Ảnh chụp báo cáo']);

    const largest = sent.photo?.at(-1);
    const file = await bot.api.getFile(largest?.file_id ?? '');
    const download = await fetch(`${telegram.url}/file/bot${TOKEN}/${file.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  it('takes a document upload, and answers copyMessage with a MessageId like Telegram', async () => {
    const sent = await bot.api.sendDocument(42, new InputFile(Buffer.from('%PDF-1.7'), 'cong-van.pdf'), { caption: 'Công văn 12' });
    expect(sent.document).toMatchObject({ file_name: 'cong-van.pdf', file_size: 8 });
    expect(telegram.callsTo('sendDocument')[0]?.params.document).toEqual({ filename: 'cong-van.pdf', size: 8 });

    const copy = await bot.api.copyMessage(43, 42, sent.message_id);
    expect(copy).toEqual({ message_id: sent.message_id + 1 });
  });

  it('decodes urlencoded parameters and refuses getUpdates while a webhook is set', async () => {
    const form = await fetch(`${telegram.url}/bot${TOKEN}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: '42', text: 'form', disable_notification: 'true' }),
    });
    expect(form.status).toBe(200);
    expect(telegram.callsTo('sendMessage')[0]?.params).toEqual({ chat_id: 42, text: 'form', disable_notification: true });

    await expect(bot.api.setWebhook('http://insecure.example/hook')).rejects.toMatchObject({ error_code: 400 });
    await bot.api.setWebhook('https://bot.example.gov.vn/telegram', { secret_token: 'abc' });
    await expect(bot.api.getUpdates({ timeout: 0 })).rejects.toMatchObject({ error_code: 409 });
    expect(await bot.api.getWebhookInfo()).toMatchObject({ url: 'https://bot.example.gov.vn/telegram', pending_update_count: 0 });
  });

  it('surfaces an injected 429 as a GrammyError with retry_after, records it, then delivers', async () => {
    telegram.failNext('sendMessage', { status: 429, retryAfter: 7 });

    const error = await bot.api.sendMessage(42, 'Nhắc việc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 7 } });

    await bot.api.sendMessage(42, 'Nhắc việc');
    const outcomes = telegram.callsTo('sendMessage').map((c) => (c.outcome.ok ? 'ok' : c.outcome.errorCode));
    expect(outcomes).toEqual([429, 'ok']);
    expect(telegram.messagesTo(42)).toEqual(['Nhắc việc']);
  });

  it('answers 403 for every send to a blocked chat', async () => {
    telegram.blockChat(99);

    await expect(bot.api.sendMessage(99, 'Xin chào')).rejects.toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(bot.api.sendChatAction(99, 'typing')).rejects.toBeInstanceOf(GrammyError);
    await bot.api.sendMessage(42, 'Xin chào');

    expect(telegram.messagesTo(99)).toEqual([]);
    expect(telegram.callsForChat(99).map((c) => !c.outcome.ok && c.outcome.reason)).toEqual(['blocked', 'blocked']);
    expect(telegram.messagesTo(42)).toEqual(['Xin chào']);
  });

  it('answers a 502 with an HTML page, which grammY reports as an HttpError', async () => {
    telegram.failNext('sendMessage', { status: 502 });
    await expect(bot.api.sendMessage(42, 'x')).rejects.toBeInstanceOf(HttpError);
  });

  it('long-polls getUpdates, waking when an update arrives and honouring offset', async () => {
    const officer = user(1001, { firstName: 'Lan' });
    const started = Date.now();
    setTimeout(() => telegram.queueUpdate(textMessage(officer, 'xong')), 100);

    const updates = await bot.api.getUpdates({ timeout: 10 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(updates.map((u) => u.message?.text)).toEqual(['xong']);
    const id = updates[0]?.update_id ?? 0;

    // Unconfirmed updates come again; an offset past them confirms them.
    expect(await bot.api.getUpdates({ timeout: 0 })).toHaveLength(1);
    expect(await bot.api.getUpdates({ offset: id + 1, timeout: 0 })).toEqual([]);
    expect(await bot.api.getUpdates({ timeout: 0 })).toEqual([]);
  });

  it('ends a long poll with 409 when another one starts, as Telegram does', async () => {
    const first = bot.api.getUpdates({ timeout: 10 }).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = bot.api.getUpdates({ timeout: 10 });
    expect(await first).toMatchObject({ error_code: 409 });
    const started = Date.now();
    setTimeout(() => telegram.queueUpdate(textMessage(1004, 'một')), 50);
    expect((await second).map((u) => u.message?.text)).toEqual(['một']);
    expect(Date.now() - started).toBeLessThan(5_000); // the second poll was woken, not timed out
  });

  it('ends a long poll with an empty list after its timeout', async () => {
    expect(await bot.api.getUpdates({ timeout: 1 })).toEqual([]);
  });

  it('runs a bot with bot.start(): commands arrive through getUpdates and replies go out', async () => {
    const officer = user(1002, { firstName: 'Minh' });
    bot.command('giaoviec', (ctx) => ctx.reply(`Giao việc: ${ctx.match}`));

    const started = new Promise<void>((resolve) => {
      void bot.start({ onStart: () => resolve() });
    });
    await started;
    telegram.queueUpdate(command(officer, '/giaoviec', 'Báo cáo quý'));
    await telegram.waitFor((c) => c.method === 'sendMessage');
    await bot.stop();

    expect(telegram.messagesTo(1002)).toEqual(['Giao việc: Báo cáo quý']);
    // bot.stop() confirmed the update, so nothing is left.
    expect(await bot.api.getUpdates({ timeout: 0 })).toEqual([]);
  });

  it('handles a button press: answers the query and edits the message that carried it', async () => {
    const officer = user(1003);
    bot.callbackQuery(/^done:(\d+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Đã ghi nhận' });
      await ctx.editMessageText(`Việc #${ctx.match[1]}: đã xong`);
    });
    await bot.api.sendMessage(officer.id, 'Việc #5', { reply_markup: new InlineKeyboard().text('Đã xong', 'done:5') });

    await bot.handleUpdate(callbackQuery(officer, 'done:5', telegram.lastMessageTo(officer.id)));

    expect(telegram.callsTo('answerCallbackQuery')).toHaveLength(1);
    expect(telegram.lastMessageTo(officer.id)).toMatchObject({ text: 'Việc #5: đã xong' });
    expect(telegram.lastMessageTo(officer.id)?.reply_markup).toBeUndefined();
  });

  it('refuses an edit that changes nothing, as Telegram does', async () => {
    const sent = await bot.api.sendMessage(42, 'Việc #6');
    await expect(bot.api.editMessageText(42, sent.message_id, 'Việc #6')).rejects.toMatchObject({ error_code: 400 });
  });

  it('enforces per-chat limits with 429 and counts the refusals', async () => {
    telegram.enforceLimits({ perChatPerSecond: 1, globalPerSecond: 30 });

    await bot.api.sendMessage(42, 'một');
    const refused = await bot.api.sendMessage(42, 'hai').catch((e: unknown) => e);
    await bot.api.sendMessage(43, 'ba'); // another chat is not affected

    expect(refused).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    expect(telegram.tooManyRequests).toBe(1);
    expect(telegram.messagesTo(42)).toEqual(['một']);
  });

  it('counts the limits per bot token, as Telegram does, and records which bot sent each message', async () => {
    // 5 a second instead of 30 keeps the test's sends well within one second on a loaded machine.
    telegram.enforceLimits({ globalPerSecond: 5, perChatPerSecond: 1 });
    const other = new Bot('654321:other-token', { botInfo: telegram.botInfo, client: { apiRoot: telegram.url } });
    const settle = (p: Promise<unknown>): Promise<boolean> =>
      p.then(
        () => true,
        () => false,
      );

    // Each bot sends its limit of messages to 5 chats within a second, and both write to chat 100: none refused.
    const sends: Promise<boolean>[] = [];
    for (let i = 0; i < 5; i++) {
      sends.push(settle(bot.api.sendMessage(100 + i, `A${i}`)));
      sends.push(settle(other.api.sendMessage(100 + i, `B${i}`)));
    }
    expect((await Promise.all(sends)).every(Boolean)).toBe(true);
    expect(telegram.tooManyRequests).toBe(0);

    // One more within the second is refused for each bot alone.
    const refusedA = await bot.api.sendMessage(200, 'A30').catch((e: unknown) => e);
    const refusedB = await other.api.sendMessage(201, 'B30').catch((e: unknown) => e);
    expect(refusedA).toMatchObject({ error_code: 429 });
    expect(refusedB).toMatchObject({ error_code: 429 });
    expect(telegram.tooManyRequests).toBe(2);
    expect(telegram.tooManyRequestsByToken).toEqual(
      new Map([
        [TOKEN, 1],
        ['654321:other-token', 1],
      ]),
    );

    expect(telegram.sentBy(100).sort()).toEqual([TOKEN, '654321:other-token'].sort());
    expect(telegram.sentBy(200)).toEqual([]);
  });

  it('fails a deterministic share of sends with faultRate', async () => {
    const pattern = async (standIn: TelegramStandIn): Promise<boolean[]> => {
      standIn.faultRate({ rate: 0.3, kinds: [429, 500] }, 7);
      const api = new Bot(TOKEN, { botInfo: standIn.botInfo, client: { apiRoot: standIn.url } }).api;
      const results: boolean[] = [];
      for (let i = 0; i < 20; i++)
        results.push(
          await api.sendMessage(42, `#${i}`).then(
            () => true,
            () => false,
          ),
        );
      return results;
    };
    const other = await createTelegramStandIn();
    try {
      const first = await pattern(telegram);
      expect(first.filter((delivered) => !delivered).length).toBeGreaterThan(0);
      expect(await pattern(other)).toEqual(first);
    } finally {
      await other.close();
    }
  });

  it('answers unknown methods with 404 and records them', async () => {
    const response = await fetch(`${telegram.url}/bot${TOKEN}/sendTelepathy`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
    expect(telegram.callsTo('sendTelepathy')[0]?.outcome).toMatchObject({ ok: false, reason: 'unknown-method' });
  });

  it('waitForCalls reports what it saw when it times out', async () => {
    await bot.api.sendMessage(42, 'một');
    await expect(telegram.waitForCalls('sendMessage', 2, 50)).rejects.toThrow(/2 calls to sendMessage \(got 1\)[\s\S]*một/);
  });
});
