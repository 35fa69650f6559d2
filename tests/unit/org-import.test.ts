import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalisePhone, parseAdminFlag, parseRole, validateOrgCsv, type OrgImportError } from '../../src/domain/org/org-import.js';

const HEADER = 'unit_code,unit_name,parent_unit_code,official_code,full_name,title,role,superior_code,phone,is_admin';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const base = [
  'HU,Huyện ủy,,HU-01,Trần Quốc Hưng,Bí thư Huyện ủy,trưởng,,0912468135,',
  'UBND,UBND huyện,HU,UB-01,Lương Văn Khải,Chủ tịch UBND huyện,HEAD,,,',
  'PNV,Phòng Nội vụ,UBND,PNV-01,Trần Thị Bích Ngọc,Trưởng phòng,trưởng,,,',
  'PNV,Phòng Nội vụ,UBND,PNV-02,Nguyễn Hữu Nghĩa,Chuyên viên,thành viên,,,',
];

function errorsOf(text: string): Pick<OrgImportError, 'line' | 'kind'>[] {
  const r = validateOrgCsv(text);
  if (r.ok) throw new Error('expected the file to be rejected');
  return r.errors.map(({ line, kind }) => ({ line, kind }));
}

describe('field rules', () => {
  it('reads roles in English and Vietnamese, any case, with or without diacritics', () => {
    for (const s of ['HEAD', 'head', 'Trưởng', 'TRƯỞNG', 'truong', 'Trưởng'.normalize('NFD')]) expect(parseRole(s)).toBe('HEAD');
    for (const s of ['DEPUTY', 'phó', 'Pho', 'PHÓ']) expect(parseRole(s)).toBe('DEPUTY');
    for (const s of ['member', 'thành viên', 'Thanh Vien', 'THÀNH  VIÊN']) expect(parseRole(s)).toBe('MEMBER');
    for (const s of ['chief', 'trưởng phòng', '', 'phó trưởng']) expect(parseRole(s)).toBeNull();
  });

  it('normalises phone numbers and refuses what cannot be one', () => {
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
    expect(normalisePhone('+84 912.345.678')).toBe('0912345678');
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('912345678')).toBe('0912345678'); // a spreadsheet ate the 0
    expect(normalisePhone('(0204) 3852 123')).toBe('02043852123');
    for (const bad of ['12345', '0112345678', '09123456789', 'abc', '091234567x', '+1 202 555 0100']) expect(normalisePhone(bad)).toBeNull();
  });

  it('reads the admin flag', () => {
    expect(parseAdminFlag('')).toBe(false);
    expect(parseAdminFlag('1')).toBe(true);
    expect(parseAdminFlag('Có')).toBe(true);
    expect(parseAdminFlag('không')).toBe(false);
    expect(parseAdminFlag('maybe')).toBeNull();
  });
});

describe('validateOrgCsv', () => {
  it('accepts a small valid file, units parents first, codes upper-cased', () => {
    const r = validateOrgCsv(csv('pnv,Phòng Nội vụ,UBND,,,,,,,', ...base.slice(0, 2), 'PNV,,,pnv-03,Lê Văn Toàn,Chuyên viên,member,ub-01,+84 345 819 726,x'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.units.map((u) => u.code)).toEqual(['HU', 'UBND', 'PNV']);
    expect(r.plan.officials.find((o) => o.code === 'PNV-03')).toMatchObject({
      unitCode: 'PNV',
      superiorCode: 'UB-01',
      phone: '0345819726',
      isAdmin: true,
      role: 'MEMBER',
    });
  });

  it('accepts the header in any column order and without the optional columns', () => {
    const r = validateOrgCsv('full_name,official_code,unit_code,unit_name,parent_unit_code,title,role\nTrần Quốc Hưng,HU-01,HU,Huyện ủy,,Bí thư,HEAD\n');
    expect(r.ok).toBe(true);
  });

  it('accepts a file saved by Excel with ";" separators, a BOM and CRLF', () => {
    const text = `\uFEFF${csv(...base)
      .replaceAll(',', ';')
      .replaceAll('\n', '\r\n')}\r\n`;
    expect(validateOrgCsv(text).ok).toBe(true);
  });

  it('accepts the sample district', () => {
    const r = validateOrgCsv(readFileSync(new URL('../../samples/huyen-mau.csv', import.meta.url), 'utf8'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.units).toHaveLength(15);
    expect(r.plan.officials).toHaveLength(47);
    expect(r.plan.officials.filter((o) => o.isAdmin).map((o) => o.code)).toEqual(['VPUB-04']);
  });

  it('refuses an empty file and a header alone', () => {
    expect(errorsOf('')).toEqual([{ line: 1, kind: 'file-empty' }]);
    expect(errorsOf(`${HEADER}\n`)).toEqual([{ line: 1, kind: 'file-empty' }]);
  });

  it('reports header problems on the header line', () => {
    expect(errorsOf('unit_code,unit_name,official_code,full_name,title,role,nickname,role\nHU,Huyện ủy,,,,,,\n')).toEqual([
      { line: 1, kind: 'header-unknown-column' },
      { line: 1, kind: 'header-duplicate-column' },
      { line: 1, kind: 'header-missing-column' },
    ]);
  });

  it('reports CSV syntax errors with their line', () => {
    expect(errorsOf(csv(...base, 'BTC,"Ban Tổ chức,HU,,,,,,,'))).toContainEqual({ line: 6, kind: 'csv-unterminated-quote' });
    expect(errorsOf(csv(base[0]!, '"BTC"x,Ban Tổ chức,HU,,,,,,,'))).toEqual([{ line: 3, kind: 'csv-text-after-quote' }]);
  });

  it('reports every row error with its line, all at once', () => {
    const errors = errorsOf(
      csv(
        ...base, // lines 2–5
        'PNV,Phòng Nội vụ,UBND,PNV-03,,Chuyên viên,thành viên,,,', // 6: missing full_name
        'PNV,Phòng Nội vụ,UBND,PNV-04,Lê A,Chuyên viên,chuyên viên,,,', // 7: bad role
        'PNV,Phòng Nội vụ,UBND,PNV-05,Lê B,Chuyên viên,thành viên,,12345,', // 8: bad phone
        'PNV,Phòng Nội vụ,UBND,PNV-06,Lê C,Chuyên viên,thành viên,,,maybe', // 9: bad admin flag
        'PNV,Phòng Nội vụ,UBND,PNV-07,Lê D,Chuyên viên,thành viên,,,,extra', // 10: too many fields
        'PNV,Phòng Nội vụ,UBND,PNV 08,Lê E,Chuyên viên,thành viên,,,', // 11: bad code
        `PNV,Phòng Nội vụ,UBND,PNV-09,${'x'.repeat(201)},Chuyên viên,thành viên,,,`, // 12: too long
        ',Phòng không mã,UBND,,,,,,,', // 13: missing unit_code
        'XA,,,,,,,,,', // 14: a unit-only row without its name
        'PNV,Phòng Nội vụ,UBND,PNV-02,Nguyễn Hữu Nghĩa,Chuyên viên,thành viên,,,', // 15: duplicate official
        'PNV,Phòng Nội vụ,UBND,PNV-10,Lê G,Trưởng phòng,HEAD,,,', // 16: second head
        'PNV,Phòng Nội vụ,UBND,PNV-11,Lê H,Chuyên viên,thành viên,ZZ-99,,', // 17: unknown superior
      ),
    );
    expect(errors).toEqual([
      { line: 6, kind: 'missing-field' },
      { line: 7, kind: 'bad-role' },
      { line: 8, kind: 'bad-phone' },
      { line: 9, kind: 'bad-admin-flag' },
      { line: 10, kind: 'too-many-fields' },
      { line: 11, kind: 'bad-code' },
      { line: 12, kind: 'field-too-long' },
      { line: 13, kind: 'missing-field' },
      { line: 14, kind: 'missing-field' },
      { line: 14, kind: 'unit-undeclared' },
      { line: 15, kind: 'duplicate-official' },
      { line: 16, kind: 'two-heads' },
      { line: 17, kind: 'unknown-superior' },
    ]);
  });

  it('gives the details each message needs', () => {
    const r = validateOrgCsv(csv(...base, 'PNV,Phòng Nội vụ,UBND,PNV-10,Lê G,Trưởng phòng,HEAD,,,'));
    expect(r.ok ? [] : r.errors).toEqual([{ line: 6, kind: 'two-heads', args: { unit: 'PNV', official: 'PNV-10', otherOfficial: 'PNV-01', otherLine: '4' } }]);
  });

  it('refuses a unit code with two names or two parents', () => {
    expect(errorsOf(csv(...base, 'PNV,Phòng Nội Vụ huyện,UBND,PNV-05,Lê A,Chuyên viên,thành viên,,,'))).toEqual([{ line: 6, kind: 'unit-name-conflict' }]);
    expect(errorsOf(csv(...base, 'PNV,Phòng Nội vụ,HU,PNV-05,Lê A,Chuyên viên,thành viên,,,'))).toEqual([{ line: 6, kind: 'unit-parent-conflict' }]);
    // A row that only names the unit's code may leave the parent empty, but not contradict it.
    expect(validateOrgCsv(csv(...base, 'PNV,,,PNV-05,Lê A,Chuyên viên,thành viên,,,')).ok).toBe(true);
    expect(errorsOf(csv(...base, 'PNV,,HU,PNV-05,Lê A,Chuyên viên,thành viên,,,'))).toEqual([{ line: 6, kind: 'unit-parent-conflict' }]);
  });

  it('refuses an unknown parent unit', () => {
    expect(errorsOf(csv(...base, 'BTC,Ban Tổ chức,HUYENUY,,,,,,,'))).toEqual([{ line: 6, kind: 'unknown-parent' }]);
  });

  it('refuses a loop in the unit tree, once, at its first line', () => {
    const r = validateOrgCsv(csv(base[0]!, 'A,Đơn vị A,C,,,,,,,', 'B,Đơn vị B,A,,,,,,,', 'C,Đơn vị C,B,,,,,,,', 'D,Đơn vị D,D,,,,,,,'));
    expect(r.ok ? [] : r.errors).toEqual([
      { line: 3, kind: 'unit-cycle', args: { cycle: 'A → C → B → A' } },
      { line: 6, kind: 'unit-cycle', args: { cycle: 'D → D' } },
    ]);
  });

  it('refuses a loop of explicit superiors, also through the implicit head', () => {
    const r = validateOrgCsv(
      csv(...base, 'BTC,Ban Tổ chức,HU,BTC-01,Phan Thị Thu,Trưởng Ban,trưởng,BTC-02,,', 'BTC,Ban Tổ chức,HU,BTC-02,Đỗ Văn Thắng,Chuyên viên,thành viên,,,'),
    );
    // BTC-01 → BTC-02 explicitly, and BTC-02's superior is the head of BTC: BTC-01.
    expect(r.ok ? [] : r.errors).toEqual([{ line: 6, kind: 'superior-cycle', args: { official: 'BTC-01', cycle: 'BTC-01 → BTC-02 → BTC-01' } }]);
    expect(errorsOf(csv(...base, 'PNV,Phòng Nội vụ,UBND,PNV-05,Lê A,Chuyên viên,thành viên,PNV-05,,'))).toEqual([{ line: 6, kind: 'superior-cycle' }]);
  });

  it('skips rows of empty cells that spreadsheets leave behind', () => {
    expect(validateOrgCsv(csv(...base, ',,,,,,,,,', ',,,,,,,,,,,,')).ok).toBe(true);
  });
});
