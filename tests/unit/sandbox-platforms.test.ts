// The built-in platforms as the sandbox uses them: a person acts (text, button, photo, file), the bot receives it by
// long polling over HTTP (grammY's runner, our Zalo client), answers, and every message in either direction shows in
// the platform's chat log; Telegram's 429 limits hold by default; documents the bot uploads are kept for download.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Bot, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloClient } from '../../src/channels/zalo/client.js';
import type { ZaloUpdate } from '../../src/channels/zalo/types.js';
import type { ChatEvent } from '../../src/sandbox/platforms/chat-log.js';
import { startTelegramPlatform, TELEGRAM_LIMITS, UserActionRefused, type TelegramPlatform } from '../../src/sandbox/platforms/telegram.js';
import { startZaloBotPlatform, type ZaloBotPlatform } from '../../src/sandbox/platforms/zalo-bot.js';

const TOKEN = '7000000001:AAsandbox-platform-test-token-012345';

describe('built-in Telegram: a person acts, a bot polling over HTTP answers', () => {
  let telegram: TelegramPlatform;
  let bot: Bot;
  let runner: RunnerHandle | undefined;
  const seen: string[] = [];

  beforeEach(async () => {
    telegram = await startTelegramPlatform({ limits: null });
    bot = new Bot(TOKEN, { botInfo: telegram.botInfo, client: { apiRoot: telegram.url } });
    seen.length = 0;
    bot.command('viec', (ctx) => ctx.reply(`Chào ${ctx.from?.first_name}`, { reply_markup: new InlineKeyboard().text('Nhận việc', 'ac:1') }));
    bot.callbackQuery('ac:1', async (ctx) => {
      seen.push(`press ${ctx.callbackQuery.data} on ${ctx.callbackQuery.message?.message_id}`);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText('Đã nhận việc');
    });
    bot.on('message:photo', async (ctx) => {
      const file = await ctx.getFile();
      const bytes = Buffer.from(await (await fetch(`${telegram.url}/file/bot${TOKEN}/${file.file_path}`)).arrayBuffer());
      seen.push(`photo ${bytes.toString()} ${ctx.message.caption}`);
      await ctx.replyWithDocument(new InputFile(Buffer.from('PK fake xlsx'), 'Báo cáo quý.xlsx'));
    });
    bot.on('message:document', (ctx) => void seen.push(`document ${ctx.message.document.file_name}`));
  });

  afterEach(async () => {
    if (runner?.isRunning()) await runner.stop();
    runner = undefined;
    await telegram.close();
  });

  it('delivers text, a press and a photo by getUpdates; the chat log shows both sides and the edit', async () => {
    telegram.setUser({ id: 4242, firstName: 'Nguyễn Văn An', languageCode: 'vi' });
    const log: ChatEvent[] = [];
    telegram.chat.subscribe((e) => log.push(e));
    runner = run(bot);

    const asked = telegram.userSendsText(4242, '/viec');
    expect(asked).toMatchObject({ platform: 'telegram', chatId: '4242', direction: 'in', text: '/viec' });
    const reply = await telegram.chat.waitFor((e) => e.entry.direction === 'out');
    expect(reply.entry).toMatchObject({ text: 'Chào Nguyễn Văn An', buttons: [[{ text: 'Nhận việc', data: 'ac:1' }]] });

    telegram.userPresses(4242, Number(reply.entry.messageId), 'ac:1');
    const edit = await telegram.chat.waitFor((e) => e.type === 'edit');
    expect(edit.entry).toMatchObject({ id: reply.entry.id, text: 'Đã nhận việc' });
    expect(edit.entry.buttons).toBeUndefined();
    expect(seen).toContain(`press ac:1 on ${reply.entry.messageId}`);

    telegram.userSendsPhoto(4242, { bytes: Buffer.from('ảnh mẫu'), filename: 'hien-truong.jpg', mime: 'image/jpeg', caption: 'Ảnh hiện trường' });
    const sent = await telegram.chat.waitFor((e) => e.entry.attachment?.kind === 'document');
    expect(seen).toContain('photo ảnh mẫu Ảnh hiện trường');
    expect(sent.entry).toMatchObject({ direction: 'out', attachment: { filename: 'Báo cáo quý.xlsx', size: 12 } });
    expect(telegram.file(sent.entry.attachment!.fileId!)).toEqual({ bytes: Buffer.from('PK fake xlsx'), filename: 'Báo cáo quý.xlsx' });

    expect(log.map((e) => `${e.type} ${e.entry.direction} ${e.entry.text ?? e.entry.pressed?.text ?? e.entry.attachment?.kind}`)).toEqual([
      'message in /viec',
      'message out Chào Nguyễn Văn An',
      'message in Nhận việc',
      'edit out Đã nhận việc',
      'message in Ảnh hiện trường',
      'message out document',
    ]);
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(telegram.chat.history('4242')).toHaveLength(5);
  });

  it('keeps two uploaded documents apart (each upload its own file id)', async () => {
    const a = await bot.api.sendDocument(7, new InputFile(Buffer.from('một'), 'mot.xlsx'));
    const b = await bot.api.sendDocument(7, new InputFile(Buffer.from('hai'), 'hai.xlsx'));
    expect(a.document.file_id).not.toBe(b.document.file_id);
    expect(telegram.file(a.document.file_id)?.bytes.toString()).toBe('một');
    expect(telegram.file(b.document.file_id)?.bytes.toString()).toBe('hai');
  });

  it('refuses a press on a button that is not there, and a user id that cannot be one', async () => {
    const sent = await bot.api.sendMessage(77, 'Không có nút');
    expect(() => telegram.userPresses(77, sent.message_id, 'ac:1')).toThrow(UserActionRefused);
    expect(() => telegram.userPresses(78, sent.message_id, 'ac:1')).toThrow(/not in chat 78/);
    expect(() => telegram.userSendsText(-5, 'xin chào')).toThrow(UserActionRefused);
  });

  it("answers 429 beyond Telegram's limits by default: 1 a second in one chat, 30 a second overall", async () => {
    const limited = await startTelegramPlatform();
    try {
      const api = new Bot(TOKEN, { botInfo: limited.botInfo, client: { apiRoot: limited.url } }).api;
      expect(TELEGRAM_LIMITS).toEqual({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 });
      const started = Date.now();
      await api.sendMessage(1, 'một');
      const second = await api.sendMessage(1, 'hai').catch((e: unknown) => e);
      expect(second).toBeInstanceOf(GrammyError);
      expect((second as GrammyError).error_code).toBe(429);
      expect((second as GrammyError).parameters.retry_after).toBeGreaterThanOrEqual(1);
      // 29 more chats within the same second fill the overall limit; the 31st send overall is refused.
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          api.sendMessage(100 + i, 'x').then(
            () => 'ok',
            (e: GrammyError) => e.error_code,
          ),
        ),
      );
      // Only meaningful if all of it fitted in one second; on a machine too busy for that, the window slid.
      if (Date.now() - started < 900) expect(results.filter((r) => r === 429)).toHaveLength(1);
      expect(limited.tooManyRequests).toBeGreaterThanOrEqual(1);
    } finally {
      await limited.close();
    }
  });
});

describe('built-in Zalo Bot Platform: a person acts, our client polls', () => {
  let zalo: ZaloBotPlatform;
  const client = () => createZaloClient({ token: '123:zalo', apiRoot: zalo.url });

  beforeEach(async () => {
    zalo = await startZaloBotPlatform();
  });
  afterEach(async () => {
    await zalo.close();
  });

  it('hands text, a picture (as a URL it serves) and a file (unsupported, as Zalo does) to getUpdates', async () => {
    zalo.setUser({ id: 'a1b2c3d4e5f6a7b8c9d0', displayName: 'Lê Thị Ngọc Ánh' });
    await zalo.userSendsText('a1b2c3d4e5f6a7b8c9d0', '1');
    await zalo.userSendsImage('a1b2c3d4e5f6a7b8c9d0', { bytes: Buffer.from('png bytes'), filename: 'anh.png', mime: 'image/png', caption: 'Ảnh' });
    await zalo.userSendsFile('a1b2c3d4e5f6a7b8c9d0', { filename: 'bao-cao.pdf', size: 1200 });

    const c = client();
    const text = (await c.getUpdates({ timeoutSeconds: 1 })) as ZaloUpdate;
    expect(text).toMatchObject({
      event_name: 'message.text.received',
      message: { text: '1', from: { id: 'a1b2c3d4e5f6a7b8c9d0', display_name: 'Lê Thị Ngọc Ánh' }, chat: { chat_type: 'PRIVATE' } },
    });
    const image = (await c.getUpdates({ timeoutSeconds: 1 })) as ZaloUpdate;
    expect(image.event_name).toBe('message.image.received');
    const picture = await fetch(image.message!.photo_url!);
    expect(picture.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await picture.arrayBuffer()).toString()).toBe('png bytes');
    expect(await c.getUpdates({ timeoutSeconds: 1 })).toMatchObject({ event_name: 'message.unsupported.received' });

    await c.sendMessage({ chatId: 'a1b2c3d4e5f6a7b8c9d0', text: 'Đã nhận.\n\n1 – Nhận việc (/nhan NV-2026-0001)' });
    await c.sendPhoto({ chatId: 'a1b2c3d4e5f6a7b8c9d0', photoUrl: 'http://127.0.0.1:9/files/abc', caption: 'Ảnh chuyển tiếp' });
    await expect(c.sendMessage({ chatId: 'a1b2c3d4e5f6a7b8c9d0', text: 'x'.repeat(2001) })).rejects.toThrow(/2000/);
    expect(zalo.chat.history('a1b2c3d4e5f6a7b8c9d0').map((e) => `${e.direction} ${e.attachment?.kind ?? 'text'} ${e.text ?? e.attachment?.filename}`)).toEqual([
      'in text 1',
      'in photo Ảnh',
      'in document bao-cao.pdf',
      'out text Đã nhận.\n\n1 – Nhận việc (/nhan NV-2026-0001)',
      'out photo Ảnh chuyển tiếp',
    ]);
  });

  it('posts the person’s events to a push target instead, when given one', async () => {
    const bodies: unknown[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push({ secret: req.headers['x-bot-api-secret-token'], body: JSON.parse(body) as unknown });
        res.end('{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      zalo.pushUpdatesTo({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/zalo/webhook`, secret: 'bi-mat-123' });
      await zalo.userSendsText('ffff0000ffff0000ffff', '/viec');
      expect(bodies).toEqual([{ secret: 'bi-mat-123', body: { ok: true, result: expect.objectContaining({ event_name: 'message.text.received' }) } }]);
    } finally {
      server.close();
    }
  });
});
