// A quán triệt notice on the Zalo OA (the Bot Platform's zalo-notices, again on the OA): the document as a download
// link, confirmation and a commitment by buttons, a question to the sender by button, and the reminder at the deadline,
// which falls outside the OA's free window (billed, as the policy's other-channel does with no other chat); over HTTP,
// Redis and the OA stand-in (signed webhooks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotice } from '../../src/app/notices/create-notice.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { linkOaUser, oaUser, type OaUser } from '../support/oa-user.js';

describe('a notice on the Zalo OA: buttons, a file link, a question', () => {
  let h: Harness;
  let ngoc: OaUser;
  let nghia: OaUser;
  let toan: OaUser;
  const pdf = new TextEncoder().encode('%PDF-1.4\nKế hoạch thực hiện Chỉ thị 56-CT/TW\n%%EOF');
  const link = (u: OaUser, code: string) => linkOaUser(h, u, code);

  beforeAll(async () => {
    h = await createHarness({ zaloOa: true });
    await h.importSample();
    ngoc = oaUser(h, 'Ngọc');
    nghia = oaUser(h, 'Nghĩa');
    toan = oaUser(h, 'Toàn');
    await link(ngoc, 'PNV-01');
    await link(nghia, 'PNV-02');
    await link(toan, 'PNV-03');
    const pnv = (await h.db.db.unit.findFirstOrThrow({ where: { code: 'PNV' } })).id;
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
    await h?.close();
  });

  it('reaches each recipient with buttons and the document as a download link', async () => {
    expect(toan.texts().join('\n')).toContain('📘 Quán triệt QT-2026-0001');
    expect(toan.buttons()).toEqual(['Đã đọc, đã nắm nội dung', 'Đã đọc, kèm cam kết', 'Hỏi lại người gửi']);
    expect(toan.texts().join('\n')).not.toContain('Đồng chí trả lời bằng số');
    const url = /(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/.exec(toan.texts().join('\n'))![1]!;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
  });

  it('confirms with a commitment by button, and a second confirmation is refused', async () => {
    await nghia.press('Đã đọc, kèm cam kết');
    await nghia.say('Tổ chức quán triệt trong phòng trước 15/12/2026.');
    expect(nghia.last()).toContain('Đã ghi nhận đồng chí đã đọc, đã nắm nội dung QT-2026-0001');
    await nghia.command('danam', 'QT-2026-0001');
    expect(nghia.last()).toContain('Đồng chí đã xác nhận QT-2026-0001');
  });

  it('a question by button goes to the sender and does not count', async () => {
    await toan.press('Hỏi lại người gửi');
    await toan.say('Bản cam kết nộp về Văn phòng hay Phòng Nội vụ?');
    expect(ngoc.texts().join('\n')).toContain('Bản cam kết nộp về Văn phòng hay Phòng Nội vụ?');
    const row = await h.db.db.noticeRecipient.findFirstOrThrow({ where: { officialId: await h.officialId('PNV-03') } });
    expect(row.confirmedAt).toBeNull();
  });

  it('the reminder at the deadline, 3 days after the last message, is answered by button; the sender sees everyone confirmed', async () => {
    const sentBefore = h.oa!.messagesTo(toan.id).length;
    await h.setTime('2026-12-10T02:00:00Z'); // Thursday 09:00: the three working days are over
    expect(toan.last()).toContain('⏰ Nhắc: QT-2026-0001 chưa xác nhận đã đọc');
    expect(toan.last()).toContain('Gõ /quantriet QT-2026-0001 để nhận lại tài liệu.');
    expect(toan.buttons()).toContain('Đã đọc, đã nắm nội dung');
    // Toàn last wrote on Monday, past the 48 hours, and has no other chat: Zalo bills the reminder (policy other-channel).
    const reminder = h
      .oa!.messagesTo(toan.id)
      .slice(sentBefore)
      .find((m) => m.text?.includes('⏰ Nhắc: QT-2026-0001'));
    expect(reminder?.billing).toBe('billed');
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
    await toan.press('Đã đọc, đã nắm nội dung');
    expect(toan.last()).toContain('(sau thời hạn xác nhận)');
    await ngoc.command('quantriet', 'QT-2026-0001');
    expect(ngoc.last()).toContain('Đã xác nhận: 2/2 (100%), trong đó 1 sau hạn.');
    expect(ngoc.last()).toContain('Cam kết: Tổ chức quán triệt trong phòng trước 15/12/2026.');
  });
});
