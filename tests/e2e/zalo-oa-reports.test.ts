// A unit head on the Zalo OA (the Bot Platform's zalo-reports, again on the OA): the digest on demand, long enough to
// be split under the OA's 2,000 characters, and the evaluation report and the plan report as download links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OA_TEXT_LIMIT } from '../../src/channels/zalo-oa/types.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { readDocx } from '../support/docx-reader.js';
import { oaUser, type OaUser } from '../support/oa-user.js';

const linkIn = (text: string) => /(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/.exec(text)?.[1];

describe('digest and reports for a head on the Zalo OA', () => {
  let h: Harness;
  let head: OaUser;

  beforeAll(async () => {
    h = await createHarness({ zaloOa: true });
    await h.importSample();
    head = oaUser(h, 'Võ Thanh Sơn');
    await head.follow();
    await head.say((await issueInvite(h.app, { officialCode: 'TCKH-01', now: h.timeSource.now() })).code);
    const headId = OfficialId(await h.officialId('TCKH-01'));
    const members = await Promise.all(['TCKH-02', 'TCKH-03'].map(async (c) => OfficialId(await h.officialId(c))));
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
    await h?.close();
  });

  it('sends /tonghop in parts of at most 2,000 characters', async () => {
    const before = head.texts().length;
    await head.command('tonghop');
    const parts = head.since(before);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(OA_TEXT_LIMIT);
    expect(parts.join('\n')).toContain('NV-2026-0001');
  });

  it('sends /danhgia with its summary and the XLSX file as a download link', async () => {
    const before = head.texts().length;
    await head.command('danhgia', 'thang');
    const texts = head.since(before);
    for (const p of texts) expect(p.length).toBeLessThanOrEqual(OA_TEXT_LIMIT);
    const url = linkIn(texts.find((t) => linkIn(t)) ?? '');
    expect(url).toBeDefined();
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('sends /baocaokh with the DOCX draft as a download link', async () => {
    const before = head.texts().length;
    await head.command('baocaokh');
    const texts = head.since(before);
    expect(texts[0]).toMatch(/^📄 Dự thảo báo cáo kết quả thực hiện Kế hoạch năm 2026 – Phòng Tài chính – Kế hoạch\./);
    const withLink = texts.find((t) => linkIn(t));
    expect(withLink).toContain('bao-cao-ke-hoach_TCKH_2026.docx');
    const res = await fetch(linkIn(withLink!)!);
    expect(res.status).toBe(200);
    expect((await readDocx(Buffer.from(await res.arrayBuffer()))).lines).toContain('BÁO CÁO');
  });
});
