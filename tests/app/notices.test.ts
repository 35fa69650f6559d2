// Quán triệt notices end to end in process (issue 15), on Telegram buttons: a head sends a notice to her unit's
// subtree step by step with a document; one recipient confirms, one asks a question and never confirms (reminded,
// then the superior is told); the sender sees the coverage; bad input is answered (confirming twice, someone else's
// notice by code, nobody in reach, people out of reach, a wrong or too large file); an official imported later
// receives the notice still in force.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { createNotice } from '../../src/app/notices/create-notice.js';
import { deliverNoticesInForce } from '../../src/app/notices/notices-in-force.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { DomainError } from '../../src/domain/errors.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createAppFixture, test, type AppFixture } from '../support/app-fixture.js';
import { transcript } from '../support/transcript.js';
import { storesOn } from '../support/database.js';

const at = (local: string) => new Date(`${local}+07:00`).toISOString();
const TITLE = 'Kế hoạch thực hiện Chỉ thị 56-CT/TW về kỷ luật, kỷ cương';
const PLAN_PDF = new TextEncoder().encode('%PDF-1.4\nKế hoạch 56-KH/HU thực hiện Chỉ thị 56-CT/TW\n%%EOF\n');
const SUMMARY = 'Kế hoạch của Huyện ủy triển khai Chỉ thị 56: quán triệt đến từng cán bộ, công chức; mỗi đồng chí xây dựng cam kết thực hiện.';

/** Ngọc (head of Phòng Nội vụ) sends to her whole unit with a document, through /quantriet on Monday 07/12 09:00. */
async function sent(fx: AppFixture) {
  const ngoc = await fx.person('PNV-01');
  const nghia = await fx.person('PNV-02');
  const toan = await fx.person('PNV-03');
  await ngoc.say('/quantriet');
  await ngoc.press('Gửi thông báo quán triệt mới');
  await ngoc.press('Toàn bộ Phòng Nội vụ');
  await ngoc.say(TITLE);
  await ngoc.say(SUMMARY);
  await ngoc.document({ bytes: PLAN_PDF, filename: 'Kế hoạch 56-KH/HU.pdf' });
  await ngoc.press('Mặc định');
  await ngoc.press('Gửi thông báo');
  await fx.deliver();
  const notice = await fx.db.notice.findFirstOrThrow({ include: { recipients: true } });
  return { ngoc, nghia, toan, notice, code: notice.code };
}

describe('a notice to a unit subtree', () => {
  test('reaches each recipient with its document and confirm buttons; the sender is told how many', async ({ fx }) => {
    const s = await sent(fx);
    expect(s.code).toBe('QT-2026-0001');
    expect(s.notice.recipients.map((r) => r.officialId).sort()).toEqual([await fx.officialId('PNV-02'), await fx.officialId('PNV-03')].sort());
    expect(s.ngoc.texts().join('\n')).toContain('Đã gửi thông báo quán triệt QT-2026-0001 tới 2 đồng chí, hạn xác nhận 09:00 10/12/2026');
    const line = s.toan.lines().at(-1)!;
    expect(line.text).toContain('📘 Quán triệt QT-2026-0001');
    expect(line.text).toContain(`Nội dung: ${TITLE}`);
    expect(line.text).toContain('trước 09:00 10/12/2026');
    expect(line.buttons.map((b) => b.label)).toEqual(['Đã đọc, đã nắm nội dung', 'Đã đọc, kèm cam kết', 'Hỏi lại người gửi']);
    // The document sent on Telegram was downloaded and is kept on the server: each recipient gets the file from here.
    expect(line.attachment).toMatchObject({ type: 'document', source: { kind: 'local-file', filename: 'Ke-hoach-56-KH-HU.pdf', mime: 'application/pdf' } });
    expect(new Uint8Array(await readFile((line.attachment!.source as { path: string }).path))).toEqual(PLAN_PDF);
    expect(s.notice).toMatchObject({ documentName: 'Kế hoạch 56-KH/HU.pdf', documentMime: 'application/pdf', documentSize: PLAN_PDF.byteLength });
  });

  test('a confirmation with a commitment counts, a second one is refused, a question goes to the sender', async ({ fx }) => {
    const s = await sent(fx);
    await fx.setTime(at('2026-12-07T10:00:00'));
    await s.nghia.press('Đã đọc, kèm cam kết');
    await s.nghia.say('Tổ chức quán triệt trong phòng trước 15/12 và không để xảy ra vi phạm kỷ luật.');
    expect(s.nghia.last()).toContain('Đã ghi nhận đồng chí đã đọc, đã nắm nội dung QT-2026-0001 lúc 10:00 07/12/2026');
    expect(s.nghia.last()).toContain('Cam kết của đồng chí: Tổ chức quán triệt');
    await s.nghia.say('/danam QT-2026-0001');
    expect(s.nghia.last()).toBe('Đồng chí đã xác nhận QT-2026-0001 lúc 10:00 07/12/2026; không cần xác nhận lại.');

    await s.toan.press('Hỏi lại người gửi');
    await s.toan.say('Cam kết nộp về đâu, theo mẫu nào?');
    expect(s.toan.last()).toContain('Đã chuyển câu hỏi của đồng chí tới người gửi QT-2026-0001');
    await fx.deliver();
    expect(s.ngoc.last()).toContain('Lê Văn Toàn');
    expect(s.ngoc.last()).toContain('Cam kết nộp về đâu, theo mẫu nào?');
    const toan = await fx.db.noticeRecipient.findFirstOrThrow({ where: { officialId: await fx.officialId('PNV-03') } });
    expect(toan.confirmedAt).toBeNull();
  });

  test('someone else cannot confirm by code, and a wrong code is answered', async ({ fx }) => {
    await sent(fx);
    const vinh = await fx.person('TCKH-03');
    await vinh.say('/danam QT-2026-0001');
    expect(vinh.last()).toBe('Thông báo QT-2026-0001 không gửi cho đồng chí, nên đồng chí không xác nhận thay được.');
    await vinh.say('/danam QT-2026-0099');
    expect(vinh.last()).toBe('Không có thông báo quán triệt QT-2026-0099.');
    await vinh.say('/danam hôm nay');
    expect(vinh.last()).toContain('Cách dùng: /danam QT-2026-0001');
    await vinh.say('/quantriet QT-2026-0001');
    expect(vinh.last()).toBe('Đồng chí không theo dõi được tình hình xác nhận của QT-2026-0001.');
  });

  test('one who never confirms is reminded twice, then the superior is told; the sender sees the coverage', async ({ fx }) => {
    const s = await sent(fx);
    await s.nghia.press('Đã đọc, đã nắm nội dung');
    const before = s.toan.texts().length;
    await fx.setTime(at('2026-12-10T09:00:00'));
    expect(s.toan.since(before).join('\n')).toContain('⏰ Nhắc: QT-2026-0001 chưa xác nhận đã đọc');
    await fx.setTime(at('2026-12-11T09:00:00'));
    expect(s.toan.since(before).join('\n')).toContain('Nếu đến 09:00 14/12/2026 chưa xác nhận, hệ thống sẽ báo cáo đ/c Trần Thị Bích Ngọc');
    const ngocBefore = s.ngoc.texts().length;
    await fx.setTime(at('2026-12-14T09:00:00'));
    const escalation = s.ngoc.since(ngocBefore).join('\n');
    expect(escalation).toContain('⚠️ Báo cáo cấp trên: QT-2026-0001 chưa được xác nhận');
    expect(escalation).toContain('đã nhắc 2 lần');
    const reminders = await fx.db.reminder.findMany({ where: { clockKind: 'NOTICE_CONFIRM' }, orderBy: { id: 'asc' } });
    expect(reminders.map((r) => [r.level, r.kind])).toEqual([
      [0, 'REMINDER'],
      [1, 'REMINDER'],
      [2, 'ESCALATION'],
    ]);

    await s.ngoc.say('/quantriet QT-2026-0001');
    const coverage = s.ngoc.last();
    expect(coverage).toContain('Đã xác nhận: 1/2 (50%)');
    expect(coverage).toContain('Phòng Nội vụ: 1/2');
    expect(coverage).toContain('✔ Nguyễn Hữu Nghĩa');
    expect(coverage).toContain('✘ Lê Văn Toàn (chưa xác nhận, quá hạn 09:00 10/12/2026)');

    // The evaluation of the month so far counts it per official: received, on time, late, never.
    await s.ngoc.say('/danhgia thang');
    const evaluation = s.ngoc.lines().slice(-3);
    const summary = evaluation.map((l) => l.text).join('\n');
    expect(summary).toContain('📘 Quán triệt (theo người nhận)');
    expect(summary).toContain('Nhận 2 lượt; xác nhận đúng hạn 1, muộn 0, chưa xác nhận (quá hạn) 1.');
    expect(summary).toContain('• Lê Văn Toàn: nhận 1, đúng hạn 0, muộn 0, chưa xác nhận 1');
    const xlsx = evaluation.map((l) => l.attachment).find((a) => a?.source.kind === 'local-file')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((xlsx.source as { path: string }).path);
    const perOfficial = wb
      .getWorksheet('Quán triệt')!
      .getSheetValues()
      .slice(2, 4)
      .map((r) => (r as unknown[]).slice(2, 9));
    expect(perOfficial).toEqual([
      ['PNV-02', 'Nguyễn Hữu Nghĩa', 'Phòng Nội vụ', 1, 1, 0, 0],
      ['PNV-03', 'Lê Văn Toàn', 'Phòng Nội vụ', 1, 0, 0, 1],
    ]);

    // A confirmation stops the ladder: nothing more reaches the superior.
    await s.toan.press('Đã đọc, đã nắm nội dung');
    expect(s.toan.last()).toContain('(sau thời hạn xác nhận)');
    const after = s.ngoc.texts().length;
    await fx.setTime(at('2026-12-16T09:00:00'));
    expect(s.ngoc.since(after).join('\n')).not.toContain('QT-2026-0001');
    transcript('Quán triệt trên Telegram: người gửi và người nhận', [
      ['Người gửi: đ/c Trần Thị Bích Ngọc, Trưởng phòng Nội vụ (PNV-01)', s.ngoc],
      ['Người nhận: đ/c Nguyễn Hữu Nghĩa, Phó Trưởng phòng (PNV-02)', s.nghia],
      ['Người nhận: đ/c Lê Văn Toàn, Chuyên viên (PNV-03)', s.toan],
    ]);
  });
});

describe('bad input', () => {
  test('nobody in reach, people out of reach, a member sending, a wrong or too large file', async ({ fx }) => {
    const toan = await fx.person('PNV-03');
    await toan.say('/quantriet moi');
    expect(toan.last()).toBe('Chỉ cấp trưởng, cấp phó hoặc quản trị viên mới gửi được thông báo quán triệt.');

    const ngoc = await fx.person('PNV-01');
    await ngoc.say('/quantriet moi');
    await ngoc.say('TCKH');
    expect(ngoc.last()).toContain('Có 4 người nhận ngoài phạm vi đồng chí phụ trách');
    await ngoc.say('/huy');

    const by = OfficialId(await fx.officialId('PNV-02'));
    const pnv = (await fx.db.unit.findFirstOrThrow({ where: { code: 'PNV' } })).id;
    const toanId = await fx.officialId('PNV-03');
    // Nghĩa (deputy) names only himself: nobody left to receive it.
    await expect(
      createNotice(fx.app, by, { scopes: [{ kind: 'person', officialId: by }], title: TITLE, summary: SUMMARY, deadline: null, document: null }),
    ).rejects.toMatchObject({ key: 'notice-no-recipients' });
    const file = (name: string, bytes: number) => ({ kind: 'file' as const, name, data: new Uint8Array(bytes).fill(37) });
    const tooLarge = createNotice(fx.app, by, {
      scopes: [{ kind: 'person', officialId: toanId }],
      title: TITLE,
      summary: SUMMARY,
      deadline: null,
      document: file('ke-hoach.pdf', 21 * 1_048_576),
    });
    await expect(tooLarge).rejects.toBeInstanceOf(DomainError);
    await expect(tooLarge).rejects.toMatchObject({ key: 'notice-file-too-large', args: { size: '21', max: '20' } });
    await expect(
      createNotice(fx.app, by, {
        scopes: [{ kind: 'unit', unitId: pnv, subtree: true }],
        title: TITLE,
        summary: SUMMARY,
        deadline: null,
        document: file('anh.jpg', 10),
      }),
    ).rejects.toMatchObject({ key: 'notice-file-type' });
    expect(await fx.db.notice.count()).toBe(0);
    expect(await fx.db.clock.count({ where: { kind: 'NOTICE_CONFIRM' } })).toBe(0);
  });
});

describe('a document Telegram will not hand over', () => {
  test('over the 20 MB Telegram lets a bot download (the policy allows 50): said at the end, nothing sent', async () => {
    const fx = await createAppFixture({ policy: (p) => ({ ...p, notices: { ...p.notices, maxFileBytes: 50 * 1_048_576 } }) });
    try {
      const ngoc = await fx.person('PNV-01');
      await ngoc.say('/quantriet moi');
      await ngoc.press('Toàn bộ Phòng Nội vụ');
      await ngoc.say(TITLE);
      await ngoc.say(SUMMARY);
      const big = new Uint8Array(21 * 1_048_576);
      big.set(PLAN_PDF);
      await ngoc.document({ bytes: big, filename: 'Kế hoạch 56 (bản scan).pdf' });
      await ngoc.press('Mặc định');
      await ngoc.press('Gửi thông báo');
      expect(ngoc.last()).toBe(
        'Tệp "Kế hoạch 56 (bản scan).pdf" nặng hơn 20 MB, mức lớn nhất Telegram cho phép bot tải về để lưu trên máy chủ; đồng chí nén hoặc tách tệp rồi gửi lại.\n(Gõ /huy để dừng)',
      );
      expect(await fx.db.notice.count()).toBe(0);
      expect(await fx.db.outbox.count()).toBe(0);
    } finally {
      await fx.close();
    }
  });
});

describe('a notice with a document kept on the server', () => {
  test('goes as a local file (a Telegram document), and an official imported later receives it', async ({ fx }) => {
    const toan = await fx.person('PNV-03');
    const by = OfficialId(await fx.officialId('PNV-01'));
    const pnv = (await fx.db.unit.findFirstOrThrow({ where: { code: 'PNV' } })).id;
    const data = new TextEncoder().encode('%PDF-1.4 kế hoạch 56');
    const r = await createNotice(fx.app, by, {
      scopes: [{ kind: 'unit', unitId: pnv, subtree: true }],
      title: TITLE,
      summary: SUMMARY,
      deadline: null,
      document: { kind: 'file', name: 'Kế hoạch 56.pdf', data },
    });
    await fx.deliver();
    const attachment = toan.lines().at(-1)!.attachment!;
    expect(attachment.source).toMatchObject({ kind: 'local-file', filename: 'Ke-hoach-56.pdf', mime: 'application/pdf' });
    expect(new Uint8Array(await readFile((attachment.source as { path: string }).path))).toEqual(data);

    // A new member of Phòng Nội vụ, imported on Tuesday and linked, receives the notice in force with three working days.
    await fx.setTime(at('2026-12-08T10:00:00'));
    const csv = await readFile(new URL('../../samples/huyen-mau.csv', import.meta.url), 'utf8');
    const imported = await importOrganisation(storesOn(fx.db), {
      file: `${csv.trimEnd()}\nPNV,Phòng Nội vụ,UBND,PNV-09,Phạm Thu Trang,Chuyên viên,thành viên,,0912000999,\n`,
      now: fx.time.now(),
    });
    expect(imported.ok).toBe(true);
    fx.app.invalidate();
    const trang = await fx.link('PNV-09', 990_009);
    const added = await deliverNoticesInForce(fx.app);
    expect(added).toEqual({ added: 1, notices: [r.notice.code] });
    await fx.deliver();
    expect(trang.last()).toContain('📘 Quán triệt QT-2026-0001');
    expect(trang.last()).toContain('trước 10:00 11/12/2026');
    expect(trang.lines().at(-1)!.attachment?.source).toMatchObject({ kind: 'local-file' });
    expect(await deliverNoticesInForce(fx.app)).toEqual({ added: 0, notices: [] });
  });

  test('an official imported later who links only afterwards finds the notice in what waited for them', async ({ fx }) => {
    const by = OfficialId(await fx.officialId('PNV-01'));
    const pnv = (await fx.db.unit.findFirstOrThrow({ where: { code: 'PNV' } })).id;
    const r = await createNotice(fx.app, by, {
      scopes: [{ kind: 'unit', unitId: pnv, subtree: true }],
      title: TITLE,
      summary: SUMMARY,
      deadline: null,
      document: { kind: 'file', name: 'Kế hoạch 56.pdf', data: PLAN_PDF },
    });
    await fx.deliver();
    await fx.setTime(at('2026-12-08T10:00:00'));
    const csv = await readFile(new URL('../../samples/huyen-mau.csv', import.meta.url), 'utf8');
    const imported = await importOrganisation(storesOn(fx.db), {
      file: `${csv.trimEnd()}\nPNV,Phòng Nội vụ,UBND,PNV-09,Phạm Thu Trang,Chuyên viên,thành viên,,0912000999,\n`,
      now: fx.time.now(),
    });
    expect(imported.ok).toBe(true);
    fx.app.invalidate();
    // The maintenance run adds her before she has any chat: nothing can be sent to her yet.
    expect(await deliverNoticesInForce(fx.app)).toEqual({ added: 1, notices: [r.notice.code] });
    expect(await fx.db.outbox.count({ where: { officialId: await fx.officialId('PNV-09') } })).toBe(0);

    const trang = await fx.link('PNV-09', 990_019);
    const waiting = trang.lines().find((l) => l.text.includes('📥'))!;
    expect(waiting.text).toContain('Thông báo quán triệt chờ đồng chí xác nhận đã đọc: 1');
    expect(waiting.text).toContain(`• QT-2026-0001 · ${TITLE}`);
    await trang.press('QT-2026-0001');
    const notice = trang.lines().at(-1)!;
    expect(notice.text).toContain('📘 Quán triệt QT-2026-0001');
    expect(notice.text).toContain('trước 10:00 11/12/2026');
    expect(notice.attachment?.source).toMatchObject({ kind: 'local-file', mime: 'application/pdf' });
    await trang.press('Đã đọc, đã nắm nội dung');
    expect(trang.last()).toContain('Đã ghi nhận đồng chí đã đọc, đã nắm nội dung QT-2026-0001');
  });
});
