import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/app/notify.js';
import { inTransaction } from '../../src/app/transaction.js';
import type { OutboundAttachment } from '../../src/app/ports/channel.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Files on Zalo: the Bot API uploads nothing, so a report goes as a short-lived link from our HTTP server.
describe('files for a Zalo user', () => {
  let h: Harness;
  let head: ZaloUser;
  let headId: number;
  let dir: string;

  const send = async (text: string, attachment: OutboundAttachment) => {
    await inTransaction(h.app, (tx, effects) => notify(h.app, tx, effects, headId, () => ({ text, attachment })));
    await h.idle();
  };
  const linkIn = (text: string) => /(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/.exec(text)?.[1];

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    head = zaloUser(h, 'son');
    await h.linkZalo('TCKH-01', head.id);
    headId = await h.officialId('TCKH-01');
    dir = await mkdtemp(path.join(tmpdir(), 'dondoc-files-'));
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('sends an XLSX report as a download link that serves the file until it expires', async () => {
    const file = path.join(dir, 'bao-cao.xlsx');
    await writeFile(file, 'PK fake xlsx bytes');
    await send('📊 Báo cáo đánh giá tháng 11/2026', {
      type: 'document',
      source: { kind: 'local-file', path: file, filename: 'Báo cáo tháng 11-2026.xlsx', mime: XLSX },
    });
    const text = head.last();
    expect(text).toContain('📊 Báo cáo đánh giá tháng 11/2026');
    expect(text).toContain('Tệp Báo cáo tháng 11-2026.xlsx: http://127.0.0.1:');
    expect(text).toContain('Liên kết tải về có hiệu lực đến 09:00 08/12/2026');
    const url = linkIn(text)!;

    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%2011-2026.xlsx");
    expect(await res.text()).toBe('PK fake xlsx bytes');
    // Only a hash of the token is stored.
    const stored = await h.db.db.fileLink.findMany();
    expect(stored.some((r) => url.endsWith(r.token))).toBe(false);

    expect((await fetch(`${url.slice(0, -4)}AAAA`)).status).toBe(404);
    h.timeSource.advance(24 * 3_600_000 + 1);
    const gone = await fetch(url);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('Liên kết tải tệp đã hết hạn.');
  });

  it('sends a picture on this server by its link, and a Zalo picture by its own URL', async () => {
    const file = path.join(dir, 'bieu-do.png');
    await writeFile(file, 'png bytes');
    await send('Biểu đồ tiến độ', {
      type: 'photo',
      source: { kind: 'local-file', path: file, filename: 'bieu-do.png', mime: 'image/png' },
      caption: 'Tiến độ theo đơn vị',
    });
    const photos = h.zalo.callsForChat(head.id).filter((c) => c.method === 'sendPhoto');
    expect(String(photos.at(-1)!.params.photo)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(photos.at(-1)!.params.caption).toBe('Tiến độ theo đơn vị');

    await send('Minh chứng', { type: 'photo', source: { kind: 'channel-file', channel: 'ZALO', fileRef: 'https://photo-stal.zdn.vn/abc.jpg' } });
    expect(
      h.zalo
        .callsForChat(head.id)
        .filter((c) => c.method === 'sendPhoto')
        .at(-1)!.params.photo,
    ).toBe('https://photo-stal.zdn.vn/abc.jpg');
  });

  it('says where to find evidence sent on Telegram, which cannot be passed on', async () => {
    await send('📈 Báo cáo tiến độ NV-2026-0001: 40%', {
      type: 'photo',
      source: { kind: 'channel-file', channel: 'TELEGRAM', fileRef: 'AgACAgIAAxkBAAIB' },
      caption: 'Đã tổng hợp 3/7 phòng',
    });
    expect(head.last()).toBe(
      '📈 Báo cáo tiến độ NV-2026-0001: 40%\nĐã tổng hợp 3/7 phòng\n(Kèm ảnh minh chứng gửi qua Telegram; hệ thống không chuyển được sang kênh này. Đồng chí xem trên Telegram hoặc đề nghị người gửi gửi lại.)',
    );
  });
});
