import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../../src/sandbox/samples.js';
import { BOT_TOKEN, createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { documentMessage, user } from '../support/updates.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// Issue 15, a notice's document sent in the chat on Telegram: the bot downloads it (getFile and the file URL under
// the API root of the Telegram stand-in) and keeps it on the server, so the recipient on the Zalo Bot Platform gets a
// download link that serves the same bytes, and the recipient on Telegram gets the document itself. A file of the
// wrong type, one over the limit, and one whose content is not what its name says are refused in Vietnamese.
// Phòng Nội vụ: head Ngọc (PNV-01) and Toàn (PNV-03) on Telegram, Nghĩa (PNV-02) on Zalo.
describe('a notice with a document sent on Telegram reaches Zalo as a link and Telegram as the document', () => {
  let h: Harness;
  let ngoc: TelegramUser;
  let toan: TelegramUser;
  let nghia: ZaloUser;
  let files = 0;
  const pdf = sampleDocument().bytes;

  /** Ngọc sends a document as Telegram delivers one: the platform keeps the bytes, the update has its id, name and size. */
  async function sendDocument(bytes: Buffer, fileName: string, fileSize = bytes.length): Promise<void> {
    const fileId = `doc-ngoc-${++files}`;
    h.tg.addFile(fileId, bytes, { path: `documents/file_${files}.${fileName.split('.').at(-1)}`, filename: fileName });
    const update: Update = documentMessage(user(ngoc.id), { fileId, fileName, fileSize });
    expect(await h.post(update)).toBe(200);
    await h.idle();
  }

  /** /quantriet moi up to the file step: the whole unit, a title and a summary. */
  async function startNotice(): Promise<void> {
    await ngoc.command('quantriet', 'moi');
    await ngoc.press('Toàn bộ Phòng Nội vụ');
    await ngoc.say('Kế hoạch số 56-KH/HU thực hiện Chỉ thị 56-CT/TW');
    await ngoc.say('Quán triệt đến từng cán bộ, công chức; mỗi đồng chí xây dựng bản cam kết.');
    expect(ngoc.last()).toContain('Bước 4/5: Gửi tệp tài liệu PDF hoặc DOCX (tối đa 20 MB)');
  }

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    ngoc = telegramUser(h, await h.link('PNV-01', 1501));
    toan = telegramUser(h, await h.link('PNV-03', 1503));
    nghia = zaloUser(h, 'nghia');
    await h.linkZalo('PNV-02', nghia.id);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a picture file, a file over the limit and a PDF that is not one, in Vietnamese, and sends nothing', async () => {
    await startNotice();
    await sendDocument(Buffer.from('JFIF'), 'anh-chup-van-ban.jpg');
    expect(ngoc.last()).toBe('Tệp "anh-chup-van-ban.jpg" không phải PDF hay DOCX; đồng chí gửi văn bản ở một trong hai định dạng này.\n(Gõ /huy để dừng)');
    // Telegram says the size in the update: a file over the limit is refused before anything is downloaded.
    const downloadsBefore = h.tg.callsTo('getFile').length;
    await sendDocument(Buffer.from('PK\x03\x04'), 'Ke hoach day du.docx', 25 * 1_048_576);
    expect(ngoc.last()).toBe(
      'Tệp "Ke hoach day du.docx" nặng 25 MB, vượt giới hạn 20 MB của nền tảng chat; đồng chí nén hoặc tách tệp rồi gửi lại.\n(Gõ /huy để dừng)',
    );
    expect(h.tg.callsTo('getFile').length).toBe(downloadsBefore);

    // A page of text renamed to .pdf passes the name, and is refused once its bytes are read.
    await sendDocument(Buffer.from('Ke hoach 56 (ban nhap, chua dinh dang)'), 'ke-hoach-56.pdf');
    await ngoc.press('Mặc định');
    await ngoc.press('Gửi thông báo');
    expect(ngoc.last()).toBe(
      'Tệp "ke-hoach-56.pdf" mang đuôi PDF nhưng nội dung không phải tệp PDF (tệp có thể bị hỏng hoặc bị đổi tên); đồng chí mở thử tệp rồi gửi lại bản đúng.\n(Gõ /huy để dừng)',
    );
    await ngoc.command('huy');
    expect(await h.db.db.notice.count()).toBe(0);
    expect(await h.db.db.outbox.count({ where: { chatId: { in: [String(toan.id), nghia.id] } } })).toBe(0);
  });

  it('keeps the document on the server: a working link on Zalo, the document itself on Telegram', async () => {
    await startNotice();
    await sendDocument(pdf, 'Kế hoạch số 56-KH/HU.pdf');
    expect(ngoc.last()).toContain('Bước 5/5: Hạn xác nhận?');
    await ngoc.press('Mặc định');
    expect(ngoc.last()).toContain('Tài liệu: Kế hoạch số 56-KH/HU.pdf');
    await ngoc.press('Gửi thông báo');
    expect(ngoc.last()).toContain('Đã gửi thông báo quán triệt QT-2026-0001 tới 2 đồng chí');

    const notice = await h.db.db.notice.findFirstOrThrow();
    expect(notice).toMatchObject({ documentName: 'Kế hoạch số 56-KH/HU.pdf', documentMime: 'application/pdf', documentSize: pdf.length, documentRef: null });
    expect(Buffer.from(notice.documentData!)).toEqual(pdf);

    // Zalo: the notice with its numbered choices and a link that serves the very bytes Ngọc sent.
    const zalo = nghia.texts().join('\n');
    expect(zalo).toContain('📘 Quán triệt QT-2026-0001');
    expect(zalo).toContain('Tài liệu quán triệt QT-2026-0001');
    expect(zalo).not.toContain('hệ thống không chuyển được sang kênh này');
    const url = /Tệp Ke-hoach-so-56-KH-HU\.pdf: (http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/.exec(zalo)?.[1];
    expect(url, zalo).toBeDefined();
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
    expect(nghia.options().map((o) => o.label)).toEqual(['Đã đọc, đã nắm nội dung', 'Đã đọc, kèm cam kết', 'Hỏi lại người gửi']);

    // Telegram: the document uploaded from the server, which Toàn downloads as any client would.
    expect(toan.texts().join('\n')).toContain('📘 Quán triệt QT-2026-0001');
    const sent = h.tg.callsForChat(toan.id).find((c) => c.method === 'sendDocument' && c.outcome.ok)!;
    expect(sent.params.caption).toBe('Tài liệu quán triệt QT-2026-0001');
    const document = (sent.outcome as { result: { document: { file_id: string; file_name?: string } } }).result.document;
    expect(document.file_name).toBe('Ke-hoach-so-56-KH-HU.pdf');
    const info = await new Api(BOT_TOKEN, { apiRoot: h.tg.url }).getFile(document.file_id);
    const download = await fetch(`${h.tg.url}/file/bot${BOT_TOKEN}/${info.file_path}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);

    // Both confirm on their own channel; the sender's coverage counts them.
    await nghia.choose('Đã đọc, đã nắm nội dung');
    await toan.press('Đã đọc, đã nắm nội dung');
    await ngoc.command('quantriet', 'QT-2026-0001');
    expect(ngoc.last()).toContain('Đã xác nhận: 2/2 (100%)');
  });
});
