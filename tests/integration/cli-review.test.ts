// `review start|export` and `selfreview open|export` (issue 16): the admin's and scripts' way to the backlog review
// and the self-review, with the chat's rules and the same files.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgImportCommand } from '../../src/cli/commands/org-import.js';
import { reviewExportCommand, reviewStartCommand } from '../../src/cli/commands/review.js';
import { selfReviewExportCommand, selfReviewOpenCommand } from '../../src/cli/commands/self-review.js';
import { taskCreateCommand } from '../../src/cli/commands/task-create.js';
import { SAMPLE_CSV } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('CLI: review and selfreview', () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'dd-review-'));
  });
  afterAll(async () => {
    await t.drop();
  });

  // Redis is not needed to write: the commands commit first and leave the scheduling to the running bot.
  const october = cliRunner(() => t, { now: '2026-10-05T02:00:00Z', queueTimeoutMs: 200 });
  const december = cliRunner(() => t, { now: '2026-12-07T02:00:00Z', queueTimeoutMs: 200 });

  it('starts a head’s review of old tasks and writes every item with its decision', async () => {
    expect((await october(orgImportCommand, new URL(SAMPLE_CSV).pathname)).code).toBe(0);
    for (const [to, title] of [
      ['BTC-03', 'Tổng hợp hồ sơ đảng viên dự bị'],
      ['BTC-04', 'Thống kê đảng viên miễn sinh hoạt'],
    ] as const)
      expect(
        (await october(taskCreateCommand, '--by', 'BTC-01', '--to', to, '--title', title, '--result', 'Báo cáo gửi Ban', '--deadline', '31/12/2026 17:00'))
          .code,
      ).toBe(0);
    expect((await december(reviewStartCommand, '--head', 'BTC-03')).err[0]).toContain('dành cho đồng chí trưởng đơn vị');
    const started = await december(reviewStartCommand, '--head', 'BTC-01');
    expect(started.out).toEqual(['🔎 Đã mở đợt rà soát RS-2026-0001: 2 nhiệm vụ, gửi đến 2 người phụ trách. Gõ /rasoat để xem tiến độ.']);
    expect((await december(reviewStartCommand, '--head', 'BTC-01')).err[0]).toContain('Đợt rà soát RS-2026-0001 đang mở');
    expect(await t.db.clock.count({ where: { kind: 'REVIEW_DECISION', state: 'ACTIVE' } })).toBe(2);

    const file = path.join(dir, 'rs.xlsx');
    expect((await december(reviewExportCommand, '--code', 'rs-2026-0001', '--out', file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = wb
      .getWorksheet('Nhiệm vụ rà soát')!
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[2], r[4], r[13]])).toEqual([
      ['NV-2026-0001', 'Nguyễn Văn An', 'Tồn đọng', 'Chưa quyết định'],
      ['NV-2026-0002', 'Lê Thị Ngọc Ánh', 'Tồn đọng', 'Chưa quyết định'],
    ]);
    expect((await december(reviewExportCommand, '--code', 'RS-2026-0009', '--out', file)).code).toBe(1);
  });

  it('opens a self-review for any period once, and writes a unit’s forms', async () => {
    const opened = await december(selfReviewOpenCommand, '--from', '01/01/2026', '--to', '30/11/2026', '--by', 'VPUB-04');
    expect(opened.err).toEqual([]);
    const forms = await t.db.selfReview.count();
    expect(opened.out).toEqual([`2026-01-01 – 2026-11-30\t${forms}`]);
    expect(forms).toBe(await t.db.official.count({ where: { active: true } }));
    expect((await december(selfReviewOpenCommand, '--from', '01/01/2026', '--to', '30/11/2026')).err[0]).toContain('đã mở');
    expect((await december(selfReviewOpenCommand, '--from', '30/11/2026', '--to', '01/01/2026')).code).toBe(2);
    const file = path.join(dir, 'ts.xlsx');
    expect((await december(selfReviewExportCommand, '--unit', 'btc', '--from', '01/01/2026', '--to', '30/11/2026', '--out', file)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = wb
      .getWorksheet('Tự soi, tự sửa')!
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Phan Thị Thu', 'Đỗ Văn Thắng', 'Nguyễn Văn An', 'Lê Thị Ngọc Ánh']);
    expect(wb.getWorksheet('Ghi chú')!.getRow(3).getCell(2).value).toContain('không phải kết luận');
  });
});
