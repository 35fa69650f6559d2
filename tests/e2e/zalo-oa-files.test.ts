// Files on the Zalo OA (the Bot Platform's zalo-files and zalo-tasks evidence flows, again on the OA): a photo or a
// document sent on the OA as evidence reaches the assigner on the OA, a picture of this server goes as a picture by
// its link, a report goes as a download link, and evidence sent on Telegram is named, not passed on.
// Phòng Tài chính – Kế hoạch: head TCKH-01 (Võ Thanh Sơn) assigns, member TCKH-03 (Đào Quang Vinh) reports.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/app/notify.js';
import type { OutboundAttachment } from '../../src/app/ports/channel.js';
import { inTransaction } from '../../src/app/transaction.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { linkOaUser, oaUser, type OaUser } from '../support/oa-user.js';

const HOUR = 3_600_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const linkIn = (text: string) => /(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('files on the Zalo OA', () => {
  let h: Harness;
  let head: OaUser;
  let member: OaUser;
  let headId: number;
  let dir: string;

  const link = (u: OaUser, code: string) => linkOaUser(h, u, code);
  const send = async (text: string, attachment: OutboundAttachment) => {
    await inTransaction(h.app, (tx, effects) => notify(h.app, tx, effects, headId, () => ({ text, attachment })));
    await h.idle();
  };
  const lastTo = (u: OaUser) => h.oa!.messagesTo(u.id).at(-1)!;

  beforeAll(async () => {
    h = await createHarness({ zaloOa: true });
    await h.importSample();
    head = oaUser(h, 'Võ Thanh Sơn');
    member = oaUser(h, 'Đào Quang Vinh');
    await link(head, 'TCKH-01');
    await link(member, 'TCKH-03');
    headId = await h.officialId('TCKH-01');
    dir = await mkdtemp(path.join(tmpdir(), 'dondoc-oa-files-'));
    await h.give('TCKH-01', 'TCKH-03', { title: 'Tổng hợp dự toán ngân sách năm 2027', deadline: new Date(h.timeSource.now().getTime() + 5 * 24 * HOUR) });
    await member.press('Nhận việc');
  });
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a photo sent on the OA as progress evidence reaches the assigner as a picture by its Zalo URL', async () => {
    await member.command('baocao');
    expect(member.last()).toContain('Báo cáo tiến độ NV-2026-0001');
    await member.say('40');
    await member.photo('https://photo-stal.zdn.vn/evidence-1.jpg', 'Đã tổng hợp xong 3/7 phòng');
    expect(member.last()).toContain('40%');
    const toHead = h.oa!.messagesTo(head.id);
    const report = toHead.findIndex((m) => m.text?.includes('📈 Báo cáo tiến độ NV-2026-0001: 40%'));
    expect(report).toBeGreaterThanOrEqual(0);
    expect(toHead[report]!.text).toContain('Đã tổng hợp xong 3/7 phòng');
    const picture = toHead.slice(report).find((m) => m.kind === 'image');
    expect(picture?.imageUrl).toBe('https://photo-stal.zdn.vn/evidence-1.jpg');
  });

  it('a document sent on the OA as progress evidence reaches the assigner as its download link; completion by buttons', async () => {
    await member.command('baocao');
    await member.say('70');
    // Zalo gives a file no caption: the file alone is the note's evidence.
    await member.file({ url: 'https://f20-zpc.zdn.vn/1234/du-toan-2027.pdf', name: 'du-toan-2027.pdf', size: 48_213 });
    expect(member.last()).toContain('70%');
    const all = head.texts().join('\n');
    expect(all).toContain('📈 Báo cáo tiến độ NV-2026-0001: 70%');
    expect(all).toContain('Tệp minh chứng gửi qua Zalo: https://f20-zpc.zdn.vn/1234/du-toan-2027.pdf');
    expect(all).not.toContain('không chuyển được sang kênh này');
    await member.command('xong', 'NV-2026-0001 Đã trình dự toán, kèm công văn số 125/TCKH');
    expect(head.last()).toContain('🏁 NV-2026-0001 báo cáo hoàn thành');
    await head.press('Xác nhận hoàn thành');
    expect((await h.db.db.task.findFirstOrThrow({ where: { code: 'NV-2026-0001' } })).status).toBe('CLOSED');
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
    const url = linkIn(text)!;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(await res.text()).toBe('PK fake xlsx bytes');
    h.timeSource.advance(24 * HOUR + 1);
    expect((await fetch(url)).status).toBe(410);
  });

  it('sends a picture on this server as a picture Zalo fetches from its link', async () => {
    await head.say('/viec'); // writing again keeps the window open after the day that passed
    const file = path.join(dir, 'bieu-do.png');
    await writeFile(file, 'png bytes');
    await send('Biểu đồ tiến độ', {
      type: 'photo',
      source: { kind: 'local-file', path: file, filename: 'bieu-do.png', mime: 'image/png' },
      caption: 'Tiến độ theo đơn vị',
    });
    const picture = lastTo(head);
    expect(picture.kind).toBe('image');
    expect(picture.imageUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
    expect(picture.text).toBe('Tiến độ theo đơn vị');
    const res = await fetch(picture.imageUrl!);
    expect(await res.text()).toBe('png bytes');
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
