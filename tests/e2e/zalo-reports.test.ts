import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { readDocx } from '../support/docx-reader.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// A unit head on Zalo: the digest on demand (long enough to be split) and the evaluation report with its XLSX link.
describe('digest and evaluation report for a head on Zalo', () => {
  let h: Harness;
  let head: ZaloUser;

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    head = zaloUser(h, 'son');
    await h.linkZalo('TCKH-01', head.id);
    const headId = OfficialId(await h.officialId('TCKH-01'));
    const members = await Promise.all(['TCKH-02', 'TCKH-03'].map(async (c) => OfficialId(await h.officialId(c))));
    // Enough overdue work, with long titles, that the digest does not fit in one Zalo message.
    for (let i = 1; i <= 24; i++) {
      await assignTask(h.app, headId, {
        assigneeId: members[i % 2]!,
        title: `Rà soát, tổng hợp và đề xuất phương án xử lý hồ sơ tồn đọng số ${i} của các xã, thị trấn trên địa bàn huyện năm 2026`,
        expectedResult: 'Báo cáo bằng văn bản kèm danh mục hồ sơ, gửi Trưởng phòng',
        deadline: new Date('2026-12-08T09:00:00Z'),
        priority: 'NORMAL',
      });
    }
    await h.idle();
    await h.setTime('2026-12-14T02:00:00Z'); // the next Monday, 09:00: every task is overdue
  });
  afterAll(async () => {
    if (process.env.ZALO_TRANSCRIPT && h) (await import('node:fs')).writeFileSync(process.env.ZALO_TRANSCRIPT, head.texts().slice(-8).join('\n-----\n'));
    await h?.close();
  });

  it('sends /tonghop in parts of at most 2,000 characters', async () => {
    const before = head.texts().length;
    await head.command('tonghop');
    const parts = head.since(before);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts.join('\n')).toContain('NV-2026-0001');
  });

  it('sends /danhgia with its summary and the XLSX file as a download link', async () => {
    const before = head.texts().length;
    await head.command('danhgia', 'thang');
    const texts = head.since(before);
    for (const p of texts) expect(p.length).toBeLessThanOrEqual(2000);
    const withLink = texts.find((t) => /\/files\/[A-Za-z0-9_-]+/.test(t));
    expect(withLink).toBeDefined();
    const url = /(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/.exec(withLink!)![1]!;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a real XLSX (a zip)
  });

  it('sends /baocaokh with the DOCX draft as a download link', async () => {
    const before = head.texts().length;
    await head.command('baocaokh');
    const texts = head.since(before);
    expect(texts[0]).toMatch(/^📄 Dự thảo báo cáo kết quả thực hiện Kế hoạch năm 2026 – Phòng Tài chính – Kế hoạch\./);
    const withLink = texts.find((t) => /\/files\/[A-Za-z0-9_-]+/.test(t));
    expect(withLink).toContain('bao-cao-ke-hoach_TCKH_2026.docx');
    const url = /(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/.exec(withLink!)![1]!;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect((await readDocx(Buffer.from(await res.arrayBuffer()))).lines).toContain('BÁO CÁO');
  });
});
