// Issue 9.4 and 9.11: a partial organisation file cannot silently deactivate everyone; the plan is shown with names;
// --dry-run shows the same plan and writes nothing; a workbook is told to be saved as CSV UTF-8.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import { checkDeactivations, type OrgChanges } from '../../src/domain/org/import-plan.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const samplePath = new URL('../../samples/huyen-mau.csv', import.meta.url).pathname;
const sample = readFileSync(samplePath, 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-org-plan-'));

/** The header, the two unit-only rows (HU, UBND) and the three officials of one office: a valid file of 3 people. */
const partialPath = path.join(dir, 'chi-phong-noi-vu.csv');
writeFileSync(
  partialPath,
  sample
    .split('\n')
    .filter((line, i) => i < 3 || line.startsWith('PNV,'))
    .join('\n'),
);

async function snapshot(t: TestDatabase) {
  const [units, officials, invites] = await Promise.all([
    t.db.unit.findMany({ orderBy: { id: 'asc' } }),
    t.db.official.findMany({ orderBy: { id: 'asc' } }),
    t.db.inviteCode.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ units, officials, invites });
}

describe('org import: the plan and the deactivation threshold', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  const run = async (argv: string[], env: Record<string, string> = {}) => {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    try {
      const code = await runCli(argv, { DATABASE_URL: t.url, LOG_LEVEL: 'silent', ...env });
      return { code, out, err };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };

  it('imports the whole district, listing who is added', async () => {
    const r = await run(['org', 'import', samplePath]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('  + BTC-03 Nguyễn Văn An (BTC): thêm mới');
    expect(r.out).toContain('  + đơn vị HU – Huyện ủy: thêm mới');
    // Long lists are cut after 20 lines of a kind.
    expect(r.out).toContain('  … và 27 dòng khác');
    expect(await t.db.official.count({ where: { active: true } })).toBe(47);
  });

  it('refuses a file holding one office, which would deactivate 44 of 47 officials, and writes nothing', async () => {
    const before = await snapshot(t);
    const r = await run(['org', 'import', partialPath]);
    expect(r.code).toBe(1);
    expect(r.err.slice(1)).toEqual([
      'Từ chối nhập, chưa ghi gì vào hệ thống: tệp này sẽ cho 44 trong số 47 cán bộ đang hoạt động ngừng hoạt động (93,6%), vượt ngưỡng cho phép (quá 5 người hoặc quá 10%; mục orgImport trong tệp chính sách). Có thể tệp chỉ chứa một phần của tổ chức.',
      'Nếu đúng là những cán bộ trên đã thôi công tác hoặc chuyển đi, đồng chí chạy lại lệnh với --allow-deactivate (xem trước bằng --dry-run).',
    ]);
    // The plan names every official who would go.
    const gone = r.out.filter((l) => l.startsWith('  − ') && !l.includes('đơn vị'));
    expect(gone).toHaveLength(44);
    expect(gone).toContain('  − XPM-03 Dương Văn Khánh (XPM): ngừng hoạt động');
    expect(r.out).toContain('  − đơn vị XPM – UBND xã Phú Mỹ: ngừng hoạt động');
    expect(await snapshot(t)).toBe(before);
  });

  it('shows the same plan and verdict with --dry-run, placed before the file, and still writes nothing', async () => {
    const before = await snapshot(t);
    const refused = await run(['org', 'import', partialPath]);
    const dry = await run(['org', 'import', '--dry-run', partialPath, '--lang', 'en']);
    expect(dry.code).toBe(1);
    expect(dry.out).toHaveLength(refused.out.length);
    expect(dry.out).toContain('  − XPM-03 Dương Văn Khánh (XPM): deactivated');
    expect(dry.err.at(-2)).toMatch(/^Import refused, nothing was written: this file would deactivate 44 of the 47 active officials \(93\.6%\)/);

    const confirmed = await run(['org', 'import', partialPath, '--dry-run', '--allow-deactivate']);
    expect(confirmed.code).toBe(0);
    expect(confirmed.out.slice(0, 3)).toEqual([
      'Tệp hợp lệ: 3 đơn vị, 3 cán bộ. Đây là chạy thử, chưa ghi gì vào hệ thống.',
      '  Đơn vị: 0 thêm mới, 0 cập nhật, 12 ngừng hoạt động.',
      '  Cán bộ: 0 thêm mới, 0 cập nhật, 44 ngừng hoạt động.',
    ]);
    expect(await snapshot(t)).toBe(before);
  });

  it('follows the threshold of the policy file', async () => {
    const policy = path.join(dir, 'policy.yaml');
    writeFileSync(policy, 'orgImport:\n  maxDeactivations: 50\n  maxDeactivationPercent: 95\n');
    const r = await run(['org', 'import', partialPath, '--dry-run'], { POLICY_FILE: policy });
    expect(r.code).toBe(0);
    writeFileSync(policy, 'orgImport:\n  maxDeactivations: 50\n  maxDeactivationPercent: 93\n');
    expect((await run(['org', 'import', partialPath, '--dry-run'], { POLICY_FILE: policy })).code).toBe(1);
  });

  it('deactivates them when the admin confirms with --allow-deactivate, and the full file brings them back', async () => {
    const r = await run(['org', 'import', partialPath, '--allow-deactivate']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Đã nhập cơ cấu tổ chức.');
    expect(r.out[2]).toBe('  Cán bộ: 0 thêm mới, 0 cập nhật, 44 ngừng hoạt động.');
    expect(await t.db.official.count({ where: { active: true } })).toBe(3);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'org.imported' }, orderBy: { id: 'desc' } });
    expect(audit.data).toMatchObject({ officialsDeactivated: 44, deactivationsConfirmed: true });

    // Bringing 44 back deactivates nobody: no flag needed.
    const back = await run(['org', 'import', samplePath]);
    expect(back.code).toBe(0);
    expect(back.out).toContain('  ~ HU-01 Trần Quốc Hưng (HU): hoạt động trở lại');
    expect(back.out).toContain('  … và 24 dòng khác');
    expect(await t.db.official.count({ where: { active: true } })).toBe(47);
  });

  it('tells an Excel workbook to be saved as CSV UTF-8, in both languages', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Cơ cấu');
    for (const line of sample.split('\n').slice(0, 5)) sheet.addRow(line.split(','));
    const xlsx = path.join(dir, 'huyen-mau.xlsx');
    await book.xlsx.writeFile(xlsx);
    const before = await snapshot(t);
    const r = await run(['org', 'import', xlsx]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'Tệp bị từ chối, chưa ghi gì vào hệ thống: 1 lỗi.',
      '  Tệp này là bảng tính Excel (.xlsx hoặc .xls), không phải tệp CSV. Đồng chí mở tệp bằng Excel, chọn "Lưu thành" (Save As), kiểu "CSV UTF-8 (Comma delimited) (*.csv)", rồi nhập tệp .csv vừa lưu.',
      '  This is an Excel workbook (.xlsx or .xls), not a CSV file. Open it in Excel, choose "Save As", type "CSV UTF-8 (Comma delimited) (*.csv)", and import the .csv file you saved.',
    ]);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('checkDeactivations', () => {
  const changes = (deactivated: number, activeBefore: number): OrgChanges => ({
    units: { added: [], changed: [], deactivated: [] },
    officials: { added: [], changed: [], deactivated: Array.from({ length: deactivated }, (_, i) => ({ code: `X-${i}`, fullName: 'X', unitCode: 'X' })) },
    activeOfficialsBefore: activeBefore,
    inFile: { units: 0, officials: 0 },
  });
  const limit = { maxOfficials: 5, maxPercent: 10 };

  it('refuses more than 5 officials or more than 10 %, whichever is reached first', () => {
    expect(checkDeactivations(changes(4, 47), limit)).toEqual({ ok: true });
    expect(checkDeactivations(changes(5, 47), limit)).toMatchObject({ ok: false, count: 5, activeBefore: 47 }); // 10.6 %
    expect(checkDeactivations(changes(5, 50), limit)).toEqual({ ok: true }); // exactly 10 %
    expect(checkDeactivations(changes(5, 1000), limit)).toEqual({ ok: true });
    expect(checkDeactivations(changes(6, 1000), limit)).toMatchObject({ ok: false, count: 6 });
    expect(checkDeactivations(changes(0, 0), limit)).toEqual({ ok: true });
    expect(checkDeactivations(changes(1, 5), { maxOfficials: 0, maxPercent: 100 })).toMatchObject({ ok: false });
  });
});
