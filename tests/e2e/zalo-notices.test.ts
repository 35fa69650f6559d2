import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotice } from '../../src/app/notices/create-notice.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// A quán triệt notice on Zalo (issue 15): the document as a download link, confirmation and a commitment by numbered
// choices, a question to the sender, a reminder answered by number, the sender's coverage; over HTTP, Redis and the
// Zalo stand-in.
describe('a notice on Zalo: numbered choices, a file link, a question, a reminder', () => {
  let h: Harness;
  let ngoc: ZaloUser;
  let nghia: ZaloUser;
  let toan: ZaloUser;
  const pdf = new TextEncoder().encode('%PDF-1.4\nKế hoạch thực hiện Chỉ thị 56-CT/TW\n%%EOF');

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    ngoc = zaloUser(h, 'ngoc');
    nghia = zaloUser(h, 'nghia');
    toan = zaloUser(h, 'toan');
    await h.linkZalo('PNV-01', ngoc.id);
    await h.linkZalo('PNV-02', nghia.id);
    await h.linkZalo('PNV-03', toan.id);
    const pnv = (await h.db.db.unit.findUniqueOrThrow({ where: { code: 'PNV' } })).id;
    await createNotice(h.app, OfficialId(await h.officialId('PNV-01')), {
      scopes: [{ kind: 'unit', unitId: pnv, subtree: true }],
      title: 'Kế hoạch thực hiện Chỉ thị 56-CT/TW',
      summary: 'Quán triệt đến từng cán bộ, công chức; mỗi đồng chí xây dựng cam kết thực hiện.',
      deadline: null,
      document: { kind: 'file', name: 'Kế hoạch 56.pdf', data: pdf },
    });
    await h.idle();
  });
  afterAll(async () => {
    if (process.env.ZALO_TRANSCRIPT && h) {
      const { appendFileSync } = await import('node:fs');
      const chat = (who: string, u: ZaloUser) => `===== ${who} =====\n${u.texts().join('\n-----\n')}\n`;
      appendFileSync(
        process.env.ZALO_TRANSCRIPT,
        chat('Trưởng phòng Nội vụ (PNV-01), người gửi', ngoc) + chat('Phó Trưởng phòng (PNV-02)', nghia) + chat('Chuyên viên (PNV-03)', toan),
      );
    }
    await h?.close();
  });

  it('reaches each recipient with numbered choices and the document as a download link', async () => {
    expect(toan.last()).toContain('📘 Quán triệt QT-2026-0001');
    expect(toan.options().map((o) => o.label)).toEqual(['Đã đọc, đã nắm nội dung', 'Đã đọc, kèm cam kết', 'Hỏi lại người gửi']);
    expect(toan.texts().filter((t) => /bấm/i.test(t))).toEqual([]);
    const url = /(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/.exec(toan.texts().join('\n'))![1]!;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
  });

  it('confirms with a commitment by number, and a second confirmation is refused', async () => {
    await nghia.choose('Đã đọc, kèm cam kết');
    await nghia.say('Tổ chức quán triệt trong phòng trước 15/12/2026.');
    expect(nghia.last()).toContain('Đã ghi nhận đồng chí đã đọc, đã nắm nội dung QT-2026-0001');
    await nghia.command('danam', 'QT-2026-0001');
    expect(nghia.last()).toContain('Đồng chí đã xác nhận QT-2026-0001');
  });

  it('a question goes to the sender and does not count', async () => {
    await toan.choose('Hỏi lại người gửi');
    await toan.say('Bản cam kết nộp về Văn phòng hay Phòng Nội vụ?');
    await h.idle();
    expect(ngoc.last()).toContain('Bản cam kết nộp về Văn phòng hay Phòng Nội vụ?');
    const row = await h.db.db.noticeRecipient.findFirstOrThrow({ where: { officialId: await h.officialId('PNV-03') } });
    expect(row.confirmedAt).toBeNull();
  });

  it('the reminder at the deadline is answered by number; the sender sees everyone confirmed', async () => {
    await h.setTime('2026-12-10T02:00:00Z'); // Thursday 09:00: the three working days are over
    expect(toan.last()).toContain('⏰ Nhắc: QT-2026-0001 chưa xác nhận đã đọc');
    expect(toan.last()).toContain('Gõ /quantriet QT-2026-0001 để nhận lại tài liệu.');
    await h.setTime('2026-12-10T02:20:00Z'); // 09:20, after the deadline
    // The first download link has expired (a day): asking for the notice again gives a fresh one.
    const links = () =>
      [
        ...toan
          .texts()
          .join('\n')
          .matchAll(/(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/g),
      ].map((m) => m[1]!);
    expect((await fetch(links()[0]!)).status).not.toBe(200);
    await toan.command('quantriet', 'QT-2026-0001');
    expect(toan.last()).toContain('Thông báo đang chờ đồng chí xác nhận, hạn 09:00 10/12/2026.');
    const fresh = links().at(-1)!;
    expect(new Uint8Array(await (await fetch(fresh)).arrayBuffer())).toEqual(pdf);
    await toan.choose('Đã đọc, đã nắm nội dung');
    expect(toan.last()).toContain('(sau thời hạn xác nhận)');
    await ngoc.command('quantriet', 'QT-2026-0001');
    expect(ngoc.last()).toContain('Đã xác nhận: 2/2 (100%), trong đó 1 sau hạn.');
    expect(ngoc.last()).toContain('Cam kết: Tổ chức quán triệt trong phòng trước 15/12/2026.');
  });
});
