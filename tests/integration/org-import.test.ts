import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importOrganisation, orgImportErrorMessage } from '../../src/app/org/import-organisation.js';
import { runCli } from '../../src/cli/index.js';
import { verifyAudit } from '../../src/db/repositories/audit.repository.js';
import { loadOrgDirectory } from '../../src/db/repositories/org.repository.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createTestDatabase, type TestDatabase, storesOn } from '../support/database.js';

const samplePath = new URL('../../samples/huyen-mau.csv', import.meta.url).pathname;
const sample = readFileSync(samplePath, 'utf8');
const now = new Date('2026-12-01T02:00:00Z');
const HEADER = 'unit_code,unit_name,parent_unit_code,official_code,full_name,title,role,superior_code,phone,is_admin';

/** Everything an import may touch, to prove a refused file changed nothing. */
async function snapshot(t: TestDatabase) {
  const [units, officials, audit, invites] = await Promise.all([
    t.db.unit.findMany({ orderBy: { id: 'asc' } }),
    t.db.official.findMany({ orderBy: { id: 'asc' } }),
    t.db.auditLog.count(),
    t.db.inviteCode.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return JSON.stringify({ units, officials, audit, invites });
}

function codesOf(chain: { code: string }[]) {
  return chain.map((o) => o.code);
}

describe('organisation import', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it('refuses a bad file into an empty database and writes nothing', async () => {
    const r = await importOrganisation(storesOn(t.db), { file: `${HEADER}\nHU,Huyện ủy,,HU-01,Trần Quốc Hưng,Bí thư,sếp,,,\n`, now });
    expect(r).toEqual({ ok: false, errors: [{ line: 2, kind: 'bad-role', args: { value: 'sếp' } }] });
    expect(await t.db.unit.count()).toBe(0);
    expect(await t.db.official.count()).toBe(0);
    expect(await t.db.auditLog.count()).toBe(0);
  });

  it('imports the sample district', async () => {
    const started = performance.now();
    const r = await importOrganisation(storesOn(t.db), { file: new TextEncoder().encode(sample), now, source: 'huyen-mau.csv' });
    const ms = performance.now() - started;
    console.info(`sample import (15 units, 47 officials) into an empty database: ${ms.toFixed(0)} ms`);
    expect(r).toMatchObject({
      ok: true,
      written: true,
      summary: { unitsCreated: 15, unitsUpdated: 0, unitsDeactivated: 0, officialsCreated: 47, officialsUpdated: 0, officialsDeactivated: 0 },
    });
    expect(await t.db.unit.count({ where: { active: true } })).toBe(15);
    expect(await t.db.official.count({ where: { active: true } })).toBe(47);

    const units = new Map((await t.db.unit.findMany()).map((u) => [u.code, u]));
    const hu = units.get('HU')!;
    const ubnd = units.get('UBND')!;
    const pnv = units.get('PNV')!;
    expect(hu).toMatchObject({ parentId: null, depth: 0, path: `/${hu.id}/` });
    expect(pnv).toMatchObject({ parentId: ubnd.id, depth: 2, path: `/${hu.id}/${ubnd.id}/${pnv.id}/`, name: 'Phòng Nội vụ' });

    const an = await t.db.official.findFirstOrThrow({ where: { code: 'BTC-03' } });
    expect(an).toMatchObject({ fullName: 'Nguyễn Văn An', nameFolded: 'nguyen van an', role: 'MEMBER', phone: '0358624719', isAdmin: false });
    const itOfficer = await t.db.official.findFirstOrThrow({ where: { code: 'VPUB-04' } });
    expect(itOfficer.isAdmin).toBe(true);
    const ub2 = await t.db.official.findFirstOrThrow({ where: { code: 'UB-02' } });
    expect(ub2.title).toBe('Phó Chủ tịch UBND huyện, phụ trách kinh tế – hạ tầng');

    const audit = await t.db.auditLog.findMany();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'org.imported', entity: 'organisation' });
    expect(audit[0]!.data).toMatchObject({ source: 'huyen-mau.csv', officialsCreated: 47, units: 15, officials: 47 });
  });

  it('resolves superiors as the file intends, through OrgDirectory', async () => {
    const dir = await loadOrgDirectory(t.db);
    const id = (code: string) => dir.activeOfficials().find((o) => o.code === code)!.id;
    // A specialist of the finance office: head of office → the vice-chairman in charge → the chairman → the secretary.
    expect(codesOf(dir.superiorChain(id('TCKH-03')))).toEqual(['TCKH-01', 'UB-02', 'UB-01', 'HU-01']);
    expect(codesOf(dir.superiorChain(id('GDDT-02')))).toEqual(['GDDT-01', 'UB-03', 'UB-01', 'HU-01']);
    // No explicit superior: the head of the parent unit.
    expect(codesOf(dir.superiorChain(id('PNV-03')))).toEqual(['PNV-01', 'UB-01', 'HU-01']);
    expect(codesOf(dir.superiorChain(id('XTL-03')))).toEqual(['XTL-01', 'UB-01', 'HU-01']);
    expect(codesOf(dir.superiorChain(id('BTC-03')))).toEqual(['BTC-01', 'HU-01']);
    expect(codesOf(dir.superiorChain(id('HU-02')))).toEqual(['HU-01']);
    expect(dir.superiorOf(id('HU-01'))).toBeUndefined();
    // Reach: the chairman leads every office and commune under UBND; the IT officer is an admin.
    expect(dir.oversees(id('UB-01'), id('XPM-03'))).toBe(true);
    expect(dir.oversees(id('UB-02'), id('TCKH-03'))).toBe(true);
    expect(dir.oversees(id('PNV-01'), id('TCKH-03'))).toBe(false);
    expect(dir.official(id('VPUB-04'))!.isAdmin).toBe(true);
    expect(dir.subtreeUnitIds(dir.official(id('UB-01'))!.unitId)).toHaveLength(10);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(t);
    const r = await importOrganisation(storesOn(t.db), { file: sample, now: new Date(now.getTime() + 60_000) });
    expect(r).toMatchObject({
      ok: true,
      written: true,
      summary: { unitsCreated: 0, unitsUpdated: 0, unitsDeactivated: 0, officialsCreated: 0, officialsUpdated: 0, officialsDeactivated: 0 },
    });
    const after = JSON.parse(await snapshot(t)) as { audit: number };
    const was = JSON.parse(before) as { audit: number; units: unknown; officials: unknown };
    expect(after).toEqual({ ...was, audit: was.audit + 1 }); // only the audit entry of the import itself
  });

  it('refuses every kind of bad file and leaves the organisation as it was', async () => {
    const before = await snapshot(t);
    const lines = sample.trimEnd().split('\n');
    const bad: [string, string | Uint8Array, number][] = [
      ['file-not-utf8', Uint8Array.from([...new TextEncoder().encode(`${HEADER}\nHU,Huy`), 0xea, 0xf2, 0x6e, 0x0a]), 1],
      ['file-empty', `${HEADER}\n`, 1],
      ['csv-unterminated-quote', `${sample}PNV,"Phòng Nội vụ,UBND,,,,,,,\n`, lines.length + 1],
      ['csv-text-after-quote', `${sample}"PNV"x,Phòng Nội vụ,UBND,,,,,,,\n`, lines.length + 1],
      ['header-missing-column', sample.replace('full_name,', ''), 1],
      ['header-unknown-column', sample.replace('is_admin', 'ghi_chu'), 1],
      ['header-duplicate-column', sample.replace('is_admin', 'phone'), 1],
      ['too-many-fields', `${sample}PNV,Phòng Nội vụ,UBND,PNV-09,Lê A,Chuyên viên,thành viên,,,,,oops\n`, lines.length + 1],
      ['missing-field', `${sample}PNV,Phòng Nội vụ,UBND,PNV-09,Lê A,,thành viên,,,\n`, lines.length + 1],
      ['field-too-long', `${sample}PNV,Phòng Nội vụ,UBND,PNV-09,Lê A,${'x'.repeat(300)},thành viên,,,\n`, lines.length + 1],
      ['bad-code', `${sample}PNV,Phòng Nội vụ,UBND,PNV#9,Lê A,Chuyên viên,thành viên,,,\n`, lines.length + 1],
      ['bad-role', `${sample}PNV,Phòng Nội vụ,UBND,PNV-09,Lê A,Chuyên viên,nhân viên,,,\n`, lines.length + 1],
      ['bad-phone', `${sample}PNV,Phòng Nội vụ,UBND,PNV-09,Lê A,Chuyên viên,thành viên,,0123,\n`, lines.length + 1],
      ['bad-admin-flag', `${sample}PNV,Phòng Nội vụ,UBND,PNV-09,Lê A,Chuyên viên,thành viên,,,có lẽ\n`, lines.length + 1],
      ['unit-name-conflict', `${sample}PNV,Phòng Nội chính,UBND,PNV-09,Lê A,Chuyên viên,thành viên,,,\n`, lines.length + 1],
      ['unit-parent-conflict', `${sample}PNV,Phòng Nội vụ,HU,PNV-09,Lê A,Chuyên viên,thành viên,,,\n`, lines.length + 1],
      ['unit-undeclared', `${sample}TTR,,,TTR-01,Lê A,Chánh Thanh tra,trưởng,,,\n`, lines.length + 1],
      ['unknown-parent', `${sample}TTR,Thanh tra huyện,UBNDH,TTR-01,Lê A,Chánh Thanh tra,trưởng,,,\n`, lines.length + 1],
      [
        'unit-cycle',
        sample
          .replace('UBND,Ủy ban nhân dân huyện,HU,,', 'UBND,Ủy ban nhân dân huyện,PNV,,')
          .replaceAll('Ủy ban nhân dân huyện,HU,', 'Ủy ban nhân dân huyện,PNV,'),
        3,
      ],
      ['two-heads', `${sample}PNV,Phòng Nội vụ,UBND,PNV-09,Lê A,Trưởng phòng,trưởng,,,\n`, lines.length + 1],
      ['duplicate-official', `${sample}PNV,Phòng Nội vụ,UBND,PNV-02,Lê A,Chuyên viên,thành viên,,,\n`, lines.length + 1],
      ['unknown-superior', `${sample}PNV,Phòng Nội vụ,UBND,PNV-09,Lê A,Chuyên viên,thành viên,UB-09,,\n`, lines.length + 1],
      ['superior-cycle', sample.replace('Chủ tịch UBND huyện",trưởng,,', 'Chủ tịch UBND huyện",trưởng,TCKH-03,'), 19],
    ];
    const catalogue = Catalogue.load();
    for (const [kind, file, line] of bad) {
      const r = await importOrganisation(storesOn(t.db), { file, now });
      if (r.ok) throw new Error(`${kind}: accepted`);
      expect(
        r.errors.map((e) => [e.kind, e.line]),
        kind,
      ).toContainEqual([kind, line]);
      for (const e of r.errors) {
        for (const locale of ['vi', 'en'] as const) {
          const text = orgImportErrorMessage(catalogue.translator(locale), e);
          expect(text, `${kind} in ${locale}`).toMatch(locale === 'vi' ? /^Dòng \d+: / : /^Line \d+: /);
          expect(text).not.toContain('{');
        }
      }
    }
    expect(await snapshot(t)).toBe(before);
  });

  it('updates a changed file in place and deactivates what is gone', async () => {
    const changed = sample
      // a renamed unit
      .replaceAll('Phòng Giáo dục và Đào tạo,UBND', 'Phòng Giáo dục – Đào tạo,UBND')
      // a new title
      .replace('TCKH-03,Đào Quang Vinh,Chuyên viên,', 'TCKH-03,Đào Quang Vinh,Chuyên viên chính,')
      // someone moved to another office, and a new explicit superior
      .replace(
        'PNV,Phòng Nội vụ,UBND,PNV-03,Lê Văn Toàn,Chuyên viên,thành viên,,',
        'TNMT,Phòng Tài nguyên và Môi trường,UBND,PNV-03,Lê Văn Toàn,Chuyên viên,thành viên,TNMT-02,',
      )
      // someone left
      .split('\n')
      .filter((l) => !l.includes('BTG-03'))
      // a commune merged away: its three officials and the unit go
      .filter((l) => !l.startsWith('XPM,'))
      .join('\n')
      // a newcomer
      .concat('PNV,Phòng Nội vụ,UBND,PNV-04,Trịnh Thu Hà,Chuyên viên,thành viên,,0986 555 123,\n');
    const r = await importOrganisation(storesOn(t.db), { file: changed, now });
    expect(r).toMatchObject({
      ok: true,
      written: true,
      summary: { unitsCreated: 0, unitsUpdated: 1, unitsDeactivated: 1, officialsCreated: 1, officialsUpdated: 2, officialsDeactivated: 4 },
    });
    // The plan said the same, by name, before anything was written.
    if (!r.ok) throw new Error('refused');
    expect(r.changes.officials.deactivated.map((o) => o.code).sort()).toEqual(['BTG-03', 'XPM-01', 'XPM-02', 'XPM-03']);
    expect(r.changes.officials.added).toEqual([{ code: 'PNV-04', fullName: 'Trịnh Thu Hà', unitCode: 'PNV' }]);
    expect(r.changes.officials.changed.map((o) => [o.code, o.fields])).toEqual([
      ['PNV-03', ['unit', 'superior']],
      ['TCKH-03', ['title']],
    ]);
    expect(r.changes.units).toMatchObject({ changed: [{ code: 'GDDT', fields: ['name'] }], deactivated: [{ code: 'XPM' }] });
    const gone = await t.db.official.findFirstOrThrow({ where: { code: 'BTG-03' } });
    expect(gone.active).toBe(false); // kept, with its history
    expect(await t.db.unit.findFirstOrThrow({ where: { code: 'XPM' } })).toMatchObject({ active: false });
    const moved = await t.db.official.findFirstOrThrow({ where: { code: 'PNV-03' }, include: { unit: true, superior: true } });
    expect(moved.unit.code).toBe('TNMT');
    expect(moved.superior?.code).toBe('TNMT-02');
    expect((await t.db.unit.findFirstOrThrow({ where: { code: 'GDDT' } })).name).toBe('Phòng Giáo dục – Đào tạo');
    expect((await t.db.official.findFirstOrThrow({ where: { code: 'PNV-04' } })).phone).toBe('0986555123');

    const dir = await loadOrgDirectory(t.db);
    expect(dir.activeOfficials()).toHaveLength(44);
    expect(dir.activeOfficials().some((o) => o.code === 'BTG-03')).toBe(false);

    // The original file brings them back: reactivated counts as updated.
    const back = await importOrganisation(storesOn(t.db), { file: sample, now });
    expect(back).toMatchObject({
      ok: true,
      written: true,
      summary: { unitsCreated: 0, unitsUpdated: 2, unitsDeactivated: 0, officialsCreated: 0, officialsUpdated: 6, officialsDeactivated: 1 },
    });
    expect(await verifyAudit(t.db)).toMatchObject({ brokenAt: null });
  });

  describe('CLI: org import', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dondoc-org-'));
    const run = async (argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
      try {
        const code = await runCli(argv, { DATABASE_URL: t.url, LOG_LEVEL: 'silent' });
        return { code, out, err };
      } finally {
        log.mockRestore();
        error.mockRestore();
      }
    };

    it('prints the summary', async () => {
      const r = await run(['org', 'import', samplePath]);
      expect(r.err).toEqual([`database: postgresql ${new URL(t.url).host}/${t.name}`]);
      expect(r.code).toBe(0);
      expect(r.out[0]).toBe('Đã nhập cơ cấu tổ chức.');
      expect(r.out[1]).toBe('  Đơn vị: 0 thêm mới, 0 cập nhật, 0 ngừng hoạt động.');
      expect(r.out[2]).toBe('  Cán bộ: 0 thêm mới, 0 cập nhật, 0 ngừng hoạt động.');
    });

    it('prints every error with its line and exits 1', async () => {
      const file = path.join(dir, 'bad.csv');
      writeFileSync(file, `${HEADER}\nHU,Huyện ủy,,HU-01,Trần Quốc Hưng,Bí thư,trưởng,,0912,\nHU,Huyện ủy,,HU-02,Lê A,Phó Bí thư,trưởng,,,\n`);
      const r = await run(['org', 'import', file, '--lang', 'en']);
      expect(r.code).toBe(1);
      expect(r.err).toEqual([
        'File rejected, nothing was written: 2 errors.',
        '  Line 2: the phone number "0912" is not valid (mobile numbers have 10 digits, fixed lines 11, starting with 0 or +84).',
        '  Line 3: unit HU already has HU-01 as its head (line 2); a unit has one head, so HU-02 cannot be head as well.',
      ]);
      const vi = await run(['org', 'import', file]);
      expect(vi.err[1]).toMatch(/^ {2}Dòng 2: số điện thoại "0912" không hợp lệ/);
    });

    it('checks a file without writing with --dry-run, and explains a missing file', async () => {
      const r = await run(['org', 'import', samplePath, '--dry-run']);
      expect(r).toMatchObject({
        code: 0,
        out: [
          'Tệp hợp lệ: 15 đơn vị, 47 cán bộ. Đây là chạy thử, chưa ghi gì vào hệ thống.',
          '  Đơn vị: 0 thêm mới, 0 cập nhật, 0 ngừng hoạt động.',
          '  Cán bộ: 0 thêm mới, 0 cập nhật, 0 ngừng hoạt động.',
        ],
      });
      const missing = await run(['org', 'import', path.join(dir, 'none.csv')]);
      expect(missing.code).toBe(1);
      expect(missing.err[0]).toContain('ENOENT');
      expect((await run(['org', 'import'])).code).toBe(2);
    });
  });
});
