import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withReportExtras } from '../../src/app/recognition/report-extras.js';
import { buildReport } from '../../src/app/reports/build-report.js';
import { writeReportXlsx } from '../../src/app/reports/report-xlsx.js';
import { reportPlanCommand } from '../../src/cli/commands/report-plan.js';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/index.js';
import { createConfig } from '../../src/config.js';
import { loadConfiguredPolicy } from '../../src/config/policy-file.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { yearPeriod } from '../../src/domain/report/period.js';
import { BOT_TOKEN, createHarness, type Harness } from '../support/app-harness.js';
import { attr, paragraphText, readDocx, TWIPS_PER_MM, type DocxFile, type DocxTable } from '../support/docx-reader.js';
import { hn, ItemSeeder, type SeedTask } from '../support/seed-items.js';
import { telegramUser } from '../support/telegram-user.js';

// The year 2026 in Ủy ban nhân dân huyện (UBND and the units under it), reported on Tuesday 08/12/2026 09:00: the
// plan's implementation report (IV.1) must show, cell by cell, the figures of the evaluation XLSX for the same year.
const NOW = hn('2026-12-08T09:00');

async function seedYear(s: ItemSeeder) {
  const t = (assigner: string, x: Omit<SeedTask, 'assigner'>) => s.task({ assigner, ...x });
  const r1 = await t('TCKH-01', {
    assignee: 'TCKH-03',
    title: 'Tổng hợp dự toán',
    status: 'DONE',
    createdAt: '2026-03-02T09:00',
    acceptDueAt: '2026-03-02T15:00',
    acceptedAt: '2026-03-02T10:00',
    deadline: '2026-03-13T17:00',
    completedAt: '2026-03-12T16:00',
  });
  await t('TCKH-01', {
    assignee: 'TCKH-03',
    title: 'Báo cáo thu chi',
    status: 'CLOSED',
    createdAt: '2026-05-04T09:00',
    acceptDueAt: '2026-05-04T15:00',
    acceptedAt: '2026-05-05T08:30',
    deadline: '2026-05-20T17:00',
    completedAt: '2026-05-25T10:00',
  });
  const r3 = await t('TCKH-01', {
    assignee: 'TCKH-03',
    title: 'Rà soát định mức',
    status: 'IN_PROGRESS',
    createdAt: '2026-11-10T09:00',
    acceptDueAt: '2026-11-10T15:00',
    acceptedAt: '2026-11-10T09:30',
    deadline: '2026-11-25T17:00',
  });
  await t('TCKH-01', {
    assignee: 'TCKH-04',
    title: 'Quyết toán quỹ',
    status: 'DONE',
    createdAt: '2026-06-05T14:00',
    acceptDueAt: '2026-06-08T08:30',
    acceptedAt: '2026-06-05T15:00',
    deadline: '2026-06-30T17:00',
    completedAt: '2026-06-30T16:00',
  });
  const r5 = await t('TCKH-01', {
    assignee: 'TCKH-04',
    title: 'Kiểm tra kho bạc',
    status: 'ASSIGNED',
    createdAt: '2026-11-16T08:00',
    acceptDueAt: '2026-11-16T14:00',
    deadline: '2026-11-27T17:00',
  });
  await t('TCKH-01', {
    assignee: 'TCKH-04',
    title: 'Kiểm kê tài sản',
    status: 'CANCELLED',
    createdAt: '2026-09-21T09:00',
    cancelledAt: '2026-09-22T09:00',
    deadline: '2026-09-28T17:00',
  });
  await t('PNV-01', {
    assignee: 'PNV-03',
    title: 'Rà soát biên chế',
    status: 'DONE',
    createdAt: '2026-04-09T09:00',
    acceptDueAt: '2026-04-09T15:00',
    acceptedAt: '2026-04-09T09:30',
    deadline: '2026-04-20T17:00',
    completedAt: '2026-04-19T10:00',
  });
  const p2 = await t('PNV-01', {
    assignee: 'PNV-03',
    title: 'Hồ sơ thi đua',
    status: 'IN_PROGRESS',
    createdAt: '2026-10-01T09:00',
    acceptDueAt: '2026-10-01T15:00',
    acceptedAt: '2026-10-02T09:00',
    deadline: '2026-10-30T17:00',
  });
  await t('GDDT-01', {
    assignee: 'GDDT-03',
    title: 'Kế hoạch năm học',
    status: 'DONE',
    createdAt: '2026-08-03T09:00',
    acceptDueAt: '2026-08-03T15:00',
    acceptedAt: '2026-08-03T09:10',
    deadline: '2026-08-20T17:00',
    completedAt: '2026-08-24T09:00',
  });
  await t('UB-01', {
    assignee: 'UB-02',
    title: 'Chỉ đạo giải phóng mặt bằng',
    status: 'DONE',
    createdAt: '2026-02-02T09:00',
    acceptDueAt: '2026-02-02T15:00',
    acceptedAt: '2026-02-02T09:30',
    deadline: '2026-02-27T17:00',
    completedAt: '2026-02-26T16:00',
  });
  // 2025: outside the year.
  await t('TCKH-01', {
    assignee: 'TCKH-03',
    title: 'Việc năm trước',
    status: 'DONE',
    createdAt: '2025-11-03T09:00',
    acceptedAt: '2025-11-03T10:00',
    deadline: '2025-11-20T17:00',
    completedAt: '2025-11-19T10:00',
  });

  await s.consultation({
    asker: 'UB-02',
    subject: 'Phương án thu phí',
    createdAt: '2026-07-01T09:00',
    deadline: '2026-07-03T17:00',
    respondents: [
      { official: 'TCKH-03', stance: 'AGREE', answeredAt: '2026-07-02T10:00' },
      { official: 'TCKH-04', stance: 'DISAGREE', answeredAt: '2026-07-06T09:00', freeTextAt: ['2026-07-02T10:00'] },
      { official: 'PNV-03', freeTextAt: ['2026-07-01T15:00'] },
    ],
  });
  await s.consultation({
    asker: 'UB-03',
    subject: 'Chế độ giáo viên',
    createdAt: '2026-09-14T09:00',
    deadline: '2026-09-16T17:00',
    respondents: [{ official: 'GDDT-01', stance: 'AGREE_WITH_AMENDMENTS', answeredAt: '2026-09-15T09:00' }],
  });

  await s.signal({ official: 'TCKH-03', behaviour: 1, status: 'CONFIRMED', raisedAt: '2026-11-26T16:00', itemId: r3.id });
  await s.signal({ official: 'TCKH-04', behaviour: 5, status: 'CONFIRMED', raisedAt: '2026-07-06T16:00' });
  await s.signal({ official: 'PNV-03', behaviour: 5, status: 'CONFIRMED', raisedAt: '2026-07-06T16:00' });
  await s.signal({ official: 'PNV-03', behaviour: 6, status: 'CONFIRMED', raisedAt: '2026-10-31T16:00', itemId: p2.id });
  await s.signal({ official: 'TCKH-04', behaviour: 4, status: 'PENDING', raisedAt: '2026-11-20T16:00' });
  await s.signal({ official: 'TCKH-03', behaviour: 2, status: 'CONFIRMED', raisedAt: '2025-12-02T16:00' });

  await s.explanation({ official: 'TCKH-03', requester: 'TCKH-01', itemId: r3.id, createdAt: '2026-11-27T09:00' });
  await s.explanation({ official: 'TCKH-04', requester: 'TCKH-01', itemId: r5.id, createdAt: '2026-11-28T09:00', status: 'ANSWERED' });
  await s.explanation({ official: 'PNV-03', requester: 'PNV-01', itemId: p2.id, createdAt: '2026-11-02T09:00', status: 'CANCELLED' });

  // Notices: one in March (on time, late, never, on time), one still within its time on 08/12, one of 2025.
  await s.notice({
    sender: 'UB-01',
    title: 'Kế hoạch thực hiện Chỉ thị 56',
    createdAt: '2026-03-02T09:00',
    deadline: '2026-03-06T17:00',
    recipients: [
      { official: 'TCKH-03', confirmedAt: '2026-03-03T10:00', commitment: 'Thực hiện nghiêm.' },
      { official: 'TCKH-04', confirmedAt: '2026-03-10T08:00' },
      { official: 'PNV-03' },
      { official: 'GDDT-03', confirmedAt: '2026-03-06T16:00' },
    ],
  });
  await s.notice({
    sender: 'UB-01',
    title: 'Quy chế làm việc năm 2027',
    createdAt: '2026-12-07T09:00',
    deadline: '2026-12-11T17:00',
    recipients: [{ official: 'TCKH-03' }, { official: 'UB-02', confirmedAt: '2026-12-07T15:00' }],
  });
  await s.notice({
    sender: 'UB-01',
    title: 'Văn bản năm trước',
    createdAt: '2025-11-03T09:00',
    deadline: '2025-11-07T17:00',
    recipients: [{ official: 'TCKH-03' }],
  });
  // Commendations: two in the year (one on a task), one of 2025.
  await s.commendation({ official: 'TCKH-03', by: 'TCKH-01', text: 'Đồng chí tổng hợp dự toán nhanh, chính xác.', at: '2026-03-13T09:00', taskId: r1.id });
  await s.commendation({ official: 'PNV-03', by: 'UB-02', text: 'Đồng chí có tinh thần trách nhiệm cao.', at: '2026-04-20T09:00' });
  await s.commendation({ official: 'TCKH-04', by: 'TCKH-01', text: 'Biểu dương năm trước.', at: '2025-12-20T09:00' });
}

type Row = unknown[];

/** The XLSX's sheets as rows of values (formula results, not formulas). */
async function xlsxRows(file: string, sheet: string): Promise<Row[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Row[] = [];
  const value = (c: ExcelJS.CellValue) => (c && typeof c === 'object' && 'result' in c ? c.result : c);
  wb.getWorksheet(sheet)!.eachRow((r) => out.push((r.values as ExcelJS.CellValue[]).slice(1).map(value)));
  return out;
}

/** A DOCX cell as a number, as the document writes it ("42,9", "1.234", "—"). */
function docNumber(text: string): number | null {
  if (text === '—') return null;
  const n = Number(text.replace(/\./g, '').replace(',', '.'));
  if (Number.isNaN(n)) throw new Error(`not a number: ${text}`);
  return n;
}

/** The table whose caption (the paragraph before it) starts with `caption`. */
function tableAfter(doc: DocxFile, caption: string): DocxTable {
  const i = doc.blocks.findIndex((b) => b.kind === 'paragraph' && b.text.startsWith(caption));
  const table = doc.blocks[i + 1];
  if (i < 0 || table?.kind !== 'table') throw new Error(`no table after "${caption}"`);
  return table;
}

const cellText = (t: DocxTable) => t.rows.map((r) => r.map((c) => c.join('\n')));

describe('the plan implementation report (IV.1): DOCX draft, CLI report plan, /baocaokh', () => {
  let h: Harness;
  let dir: string;
  let docxFile: string;
  let xlsxFile: string;
  let doc: DocxFile;
  let ctx: CliContext;
  const out: string[] = [];
  const err: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dondoc-plan-report-test-'));
    // One good item makes an official exemplary, one rated task a unit (the default asks 3 and 5): this year has some.
    // The same policy file for the CLI and for the app that writes the XLSX.
    const policyFile = path.join(dir, 'policy.json');
    await writeFile(policyFile, JSON.stringify({ recognition: { minItems: 1, unitMinItems: 1 } }));
    const config = createConfig({ DATABASE_URL: 'postgresql://unused', POLICY_FILE: policyFile });
    const recognition = loadConfiguredPolicy(config).recognition;
    h = await createHarness({ start: NOW.toISOString(), policy: (p) => ({ ...p, recognition }) });
    await h.importSample();
    await seedYear(new ItemSeeder(h.db.db));
    ctx = {
      config: createConfig({ DATABASE_URL: h.db.url, POLICY_FILE: policyFile }),
      time: new ManualTime(NOW),
      catalogue: h.app.catalogue,
      openDatabase: async () => ({ url: h.db.url, db: h.db.db, embedded: false, close: async () => {} }),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    };
    docxFile = path.join(dir, 'bao-cao.docx');
    expect(await reportPlanCommand.run(ctx, ['--year', '2026', '--unit', 'ubnd', '--out', docxFile, '--place', 'Hòa Vang'])).toBe(0);
    doc = await readDocx(await readFile(docxFile));
    // PLAN_REPORT_DOCX=path keeps a copy to look at (rendered with LibreOffice for the closing note).
    if (process.env.PLAN_REPORT_DOCX) await copyFile(docxFile, process.env.PLAN_REPORT_DOCX);

    // The evaluation XLSX of the same year and subtree, as /danhgia and `report` write it.
    const ubnd = await h.db.db.unit.findFirstOrThrow({ where: { code: 'UBND' } });
    const org = await h.app.org();
    const report = await withReportExtras(
      { stores: h.app.stores, org, criteria: h.app.policy.recognition },
      await buildReport({ stores: h.app.stores, calendar: await h.app.calendar(), org, policy: h.app.policy, now: NOW }, yearPeriod(2026), ubnd.id),
    );
    xlsxFile = path.join(dir, 'danh-gia.xlsx');
    await writeReportXlsx(report, await h.app.org(), h.app.catalogue.translator('vi'), xlsxFile);
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints what it wrote', () => {
    expect(err).toEqual([]);
    expect(out.at(-1)).toBe(`Đã ghi dự thảo báo cáo ${docxFile} (năm 2026, 10 đơn vị, 32 cán bộ, 9 nhiệm vụ được giao).`);
  });

  it('has the title block of Nghị định 30: issuing body, blank number, national title, motto, place and date', () => {
    const first = doc.blocks[0]!;
    expect(first.kind).toBe('table');
    const [issuer, nation] = (first as DocxTable).rows[0]!;
    // UBND sits directly under the organisation's root (Huyện ủy): no superior line above it.
    expect(issuer!.filter(Boolean)).toEqual(['ỦY BAN NHÂN DÂN HUYỆN', 'Số:        /BC-UBND']);
    expect(nation!.filter(Boolean)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Hòa Vang, ngày 08 tháng 12 năm 2026']);
    // The motto is underlined and bold, the date line in italics.
    const motto = /<w:p[ >](?:(?!<\/w:p>)[\s\S])*Độc lập - Tự do - Hạnh phúc[\s\S]*?<\/w:p>/.exec(first.xml)![0];
    expect(motto).toMatch(/<w:b\/>/);
    expect(motto).toMatch(/<w:u w:val="single"\/>/);
    expect(/<w:p[ >](?:(?!<\/w:p>)[\s\S])*Hòa Vang, ngày[\s\S]*?<\/w:p>/.exec(first.xml)![0]).toMatch(/<w:i\/>/);

    const texts = doc.blocks
      .filter((b) => b.kind === 'paragraph')
      .map((b) => b.text)
      .filter(Boolean);
    expect(texts[0]).toBe('BÁO CÁO');
    expect(texts[1]).toBe(
      'Kết quả thực hiện Kế hoạch triển khai thực hiện Chỉ thị số 56-CT/TU ngày 29/01/2024 của Ban Thường vụ Tỉnh ủy về tăng cường kỷ luật, kỷ cương và trách nhiệm giải quyết công việc trong hệ thống chính trị tỉnh, năm 2026',
    );
    // The draft mark on the first page only; page numbers from page 2.
    expect(doc.headers.some((x) => x.includes('DỰ THẢO'))).toBe(true);
    expect(doc.headers.some((x) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(x))).toBe(true);
    expect(doc.document).toMatch(/<w:titlePg\/>|<w:titlePg w:val="(true|1)"\/>/);
  });

  it('has sections I, II, III in order, the narrative parts as marked placeholders, and the signature block', () => {
    const at = (text: string) => doc.lines.indexOf(text);
    const headings = [
      'I. KẾT QUẢ THỰC HIỆN',
      '2. Kết quả giải quyết nhiệm vụ được giao',
      '3. Kết quả trả lời xin ý kiến, thể hiện rõ quan điểm, chính kiến',
      '4. Biểu hiện né tránh, đùn đẩy, thiếu trách nhiệm đã được xác nhận; yêu cầu giải trình',
      '5. Phổ biến, quán triệt văn bản; tỷ lệ cán bộ xác nhận đã đọc',
      '6. Tập thể, cá nhân tiêu biểu',
      'II. HẠN CHẾ, NGUYÊN NHÂN',
      'III. PHƯƠNG HƯỚNG, NHIỆM VỤ',
    ];
    const positions = headings.map(at);
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    // Placeholders: in brackets, italic and highlighted, one under each narrative heading (notices and recognition
    // have their figures: sections 5 and 6 are written from the data).
    const placeholders = doc.blocks.filter((b) => b.kind === 'paragraph' && b.text.startsWith('[Văn phòng'));
    expect(placeholders.length).toBe(5);
    for (const p of placeholders) {
      expect(p.xml).toMatch(/<w:i\/>/);
      expect(p.xml).toMatch(/<w:highlight w:val="yellow"\/>/);
      expect(paragraphText(p.xml).endsWith(']')).toBe(true);
    }
    expect(doc.lines[at('III. PHƯƠNG HƯỚNG, NHIỆM VỤ') + 1]).toMatch(/^\[Văn phòng viết: phương hướng/);
    expect(doc.lines).toContain('Trên đây là báo cáo kết quả thực hiện Kế hoạch năm 2026 của Ủy ban nhân dân huyện./.');

    const signature = doc.blocks.at(-1)!;
    expect(signature.kind).toBe('table');
    const [recipients, signer] = (signature as DocxTable).rows[0]!;
    expect(recipients).toEqual(['Nơi nhận:', '- Ban Thường vụ Huyện ủy (b/c);', '- Lưu: VT.']);
    expect(signer!.filter(Boolean)).toEqual(['[QUYỀN HẠN, CHỨC VỤ NGƯỜI KÝ]', 'Lương Văn Khải']);
  });

  it('is A4 with the decree margins, Times New Roman, body text 14 pt', () => {
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc.document)![0];
    const mm = (name: string) => Number(attr(sect, 'w:pgMar', name)) / TWIPS_PER_MM;
    expect(Math.round(Number(attr(sect, 'w:pgSz', 'w:w')) / TWIPS_PER_MM)).toBe(210);
    expect(Math.round(Number(attr(sect, 'w:pgSz', 'w:h')) / TWIPS_PER_MM)).toBe(297);
    for (const [side, lo, hi] of [
      ['w:top', 20, 25],
      ['w:bottom', 20, 25],
      ['w:left', 30, 35],
      ['w:right', 15, 20],
    ] as const) {
      expect(mm(side)).toBeGreaterThanOrEqual(lo - 0.05);
      expect(mm(side)).toBeLessThanOrEqual(hi + 0.05);
    }
    // The default run font and size, and every run font named in the body.
    expect(doc.styles).toMatch(
      /<w:docDefaults>[\s\S]*<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>[\s\S]*<w:sz w:val="28"\/>[\s\S]*<\/w:docDefaults>/,
    );
    const fonts = new Set([...doc.document.matchAll(/<w:rFonts ([^>]*)\/>/g)].flatMap((m) => [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1])));
    expect([...fonts]).toEqual(['Times New Roman']);
    // Body paragraphs (outside tables) in 13–14 pt; the wide tables may be smaller.
    const body = doc.blocks.flatMap((b) => (b.kind === 'paragraph' && b.text !== '' ? [b] : []));
    for (const p of body) for (const m of p.xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)) expect(Number(m[1]) / 2, p.text).toBeGreaterThanOrEqual(13);
    expect(body.find((b) => b.text.startsWith('Trong kỳ, cán bộ'))!.xml).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('shows, per unit and in total, the figures of the evaluation XLSX for the same year', async () => {
    const units = await xlsxRows(xlsxFile, 'Đơn vị');
    const head = units[0] as string[];
    const col = (title: string) => {
      const i = head.indexOf(title);
      if (i < 0) throw new Error(`no XLSX column ${title}`);
      return i;
    };
    const xlsxBody = units.slice(1); // unit rows, then "Tổng cộng"
    expect(xlsxBody.length).toBe(11);

    const check = (caption: string, mapping: (docHead: string) => (r: Row) => number | null) => {
      const table = cellText(tableAfter(doc, caption));
      const [docHead, ...rows] = table;
      expect(rows.length).toBe(xlsxBody.length);
      rows.forEach((row, i) => {
        const x = xlsxBody[i]!;
        if (i < rows.length - 1) {
          expect(row[0]).toBe(String(i + 1));
          expect(row[1]).toBe(String(x[col('Đơn vị')]).trim());
        } else expect(row[1]).toBe('Tổng cộng');
        for (let c = 2; c < docHead!.length; c++) expect([docHead![c], row[1], docNumber(row[c]!)]).toEqual([docHead![c], row[1], mapping(docHead![c]!)(x)]);
      });
      return rows;
    };
    const same = (title: string) => (r: Row) => (r[col(title)] ?? null) as number | null;

    const tasks = check('Bảng 1.', same);
    expect(tasks[0]!.slice(0, 2)).toEqual(['1', 'Ủy ban nhân dân huyện']);
    expect(tasks.at(-1)).toEqual(['', 'Tổng cộng', '9', '6', '4', '2', '3', '44,4']);

    // The stance rate is the XLSX's answered in time + late over asked, to one decimal like its other rates.
    const stance = (r: Row) => {
      const asked = Number(r[col('Được xin ý kiến')]);
      return asked === 0 ? null : Math.round(((Number(r[col('Trả lời đúng hạn')]) + Number(r[col('Trả lời muộn')])) / asked) * 1000) / 10;
    };
    const consult = check('Bảng 2.', (title) => (title === 'Tỷ lệ có nêu quan điểm (%)' ? stance : same(title)));
    expect(consult.at(-1)).toEqual(['', 'Tổng cộng', '4', '2', '1', '1', '2', '75']);

    const signalTitle = (title: string) =>
      title === 'Cộng' ? 'Dấu hiệu đã xác nhận' : title === 'Giải trình' ? 'Yêu cầu giải trình' : `HV${/^\((\d+)\)$/.exec(title)![1]}`;
    const signals = check('Bảng 3.', (title) => same(signalTitle(title)));
    expect(signals.at(-1)).toEqual(['', 'Tổng cộng', '1', '0', '0', '0', '2', '1', '0', '0', '0', '0', '0', '4', '2']);

    // The sentences above the tables carry the totals row.
    const total = xlsxBody.at(-1)!;
    expect(doc.lines).toContain(
      `Trong kỳ, cán bộ các đơn vị được giao ${total[col('NV được giao')]} nhiệm vụ, nhận việc đúng hạn ${total[col('Nhận việc đúng hạn')]} nhiệm vụ; hoàn thành đúng hạn ${total[col('Hoàn thành đúng hạn')]}, hoàn thành muộn ${total[col('Hoàn thành muộn')]}, quá hạn chưa hoàn thành ${total[col('Quá hạn chưa hoàn thành')]} nhiệm vụ. Tỷ lệ hoàn thành đúng hạn: 44,4% (4/9 nhiệm vụ đã hoàn thành hoặc đã đến hạn). Thời gian nhận việc (trung vị): ${String(total[col('TG nhận việc, trung vị (giờ LV)')]).replace('.', ',')} giờ làm việc.`,
    );
    expect(doc.lines).toContain(
      'Trong kỳ có 4 dấu hiệu đã được xác nhận theo các biểu hiện tại mục 7 phần III của Kế hoạch (trong đó biểu hiện (1): 1; biểu hiện (5): 2; biểu hiện (6): 1); 2 lượt yêu cầu giải trình.',
    );
    expect(doc.lines.some((l) => l.includes('(năm chưa kết thúc: số liệu tính đến 09:00 08/12/2026)'))).toBe(true);
  });

  it('writes sections 5 and 6 from the figures of the XLSX’s "Quán triệt" and "Ghi nhận" sheets', async () => {
    const sheet = await xlsxRows(xlsxFile, 'Quán triệt');
    // The sheet: per official (code, name, unit, received, on time, late, never), then per recipient row.
    const second = sheet.findIndex((r, i) => i > 0 && r[0] === 'STT');
    const people = sheet.slice(1, second);
    const recipients = sheet.slice(second + 1);
    expect(people.length).toBeGreaterThan(0);
    const sum = (rows: Row[]) => [4, 5, 6, 7].map((c) => rows.reduce((n, r) => n + Number(r[c]), 0));
    const [received, onTime, late, never] = sum(people);
    expect([received, onTime, late, never]).toEqual([6, 3, 1, 1]);
    const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 10);

    // Per unit: the XLSX's officials summed by their unit; the total row the sheet's whole.
    const units = cellText(tableAfter(doc, 'Bảng 4.'));
    expect(units[0]).toEqual(['STT', 'Đơn vị', 'Thông báo nhận', 'Xác nhận đúng hạn', 'Xác nhận muộn', 'Chưa xác nhận (quá hạn)', 'Tỷ lệ đúng hạn (%)']);
    for (const row of units.slice(1, -1)) {
      const [r, o, l, n] = sum(people.filter((p) => p[3] === row[1]));
      expect([row[1], ...row.slice(2).map(docNumber)]).toEqual([row[1], r, o, l, n, rate(o!, r!)]);
    }
    expect(
      units
        .at(-1)!
        .slice(1)
        .map((c, i) => (i === 0 ? c : docNumber(c))),
    ).toEqual(['Tổng cộng', received, onTime, late, never, rate(onTime!, received!)]);

    // Per notice: the sheet's recipient rows counted by notice.
    const notices = cellText(tableAfter(doc, 'Bảng 5.'));
    const byNotice = new Map<string, number>();
    for (const r of recipients) byNotice.set(String(r[1]), (byNotice.get(String(r[1])) ?? 0) + 1);
    expect(notices.slice(1).map((r) => [r[1], docNumber(r[2]!)])).toEqual([...byNotice]);
    expect([...byNotice.keys()]).toEqual(['QT-2026-0001 Kế hoạch thực hiện Chỉ thị 56', 'QT-2026-0002 Quy chế làm việc năm 2027']);
    expect(doc.lines).toContain(
      `Trong kỳ, 2 văn bản được phổ biến, quán triệt qua hệ thống đến ${received} lượt cán bộ; xác nhận "Đã đọc, đã nắm nội dung" đúng hạn ${onTime} lượt, xác nhận muộn ${late} lượt, chưa xác nhận khi đã hết hạn ${never} lượt; 1 lượt còn trong hạn xác nhận. Tỷ lệ xác nhận đúng hạn: 50%.`,
    );

    // "Ghi nhận": the same rows in the same order (kind, name, unit), the items behind each exemplary official.
    const ghiNhan = (await xlsxRows(xlsxFile, 'Ghi nhận')).slice(1);
    const recognition = cellText(tableAfter(doc, 'Bảng 6.'));
    expect(recognition[0]).toEqual(['STT', 'Loại', 'Họ và tên', 'Đơn vị', 'Chi tiết']);
    expect(recognition.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual(ghiNhan.map((r) => [String(r[0]), r[1], r[3], r[4]]));
    recognition.slice(1).forEach((r, i) => {
      if (ghiNhan[i]![1] === 'Cá nhân tiêu biểu') expect(r[4]).toContain(String(ghiNhan[i]![5]));
    });
    const kinds = (k: string) => ghiNhan.filter((r) => r[1] === k).length;
    expect([kinds('Cá nhân tiêu biểu') > 0, kinds('Đơn vị tiêu biểu') > 0, kinds('Được biểu dương')]).toEqual([true, true, 2]);
    expect(recognition.filter((r) => r[1] === 'Được biểu dương').map((r) => r[4])).toEqual([
      'Ngày 13/03/2026, đ/c Võ Thanh Sơn biểu dương (việc NV-2026-0001): Đồng chí tổng hợp dự toán nhanh, chính xác.',
      'Ngày 20/04/2026, đ/c Phạm Văn Hùng biểu dương: Đồng chí có tinh thần trách nhiệm cao.',
    ]);
    expect(doc.lines).toContain(
      `Áp dụng tiêu chí dưới đây trên số liệu theo dõi, trong kỳ có ${kinds('Đơn vị tiêu biểu')} tập thể và ${kinds('Cá nhân tiêu biểu')} cá nhân tiêu biểu; lãnh đạo các đơn vị đã biểu dương 2 lượt.`,
    );
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const run = async (args: string[]) => {
      err.length = 0;
      return reportPlanCommand.run(ctx, args);
    };
    const file = path.join(dir, 'bad.docx');
    expect(await run(['--year', '2026', '--unit', 'NOPE', '--out', file])).toBe(1);
    expect(err).toEqual(['Không có đơn vị mã NOPE.']);
    for (const year of ['abc', '1999', '2027', '26']) {
      expect(await run(['--year', year, '--unit', 'UBND', '--out', file])).toBe(2);
      expect(err).toEqual([`Năm báo cáo không hợp lệ: "${year}". Đề nghị ghi năm bằng 4 chữ số, từ 2000 đến 2026.`]);
    }
    expect(await run(['--year', '2026', '--unit', 'UBND', '--out', path.join(dir, 'bad.pdf')])).toBe(2);
    expect(err[0]).toBe(`Tệp kết quả phải có đuôi .docx (đã ghi: ${path.join(dir, 'bad.pdf')}).`);
    expect(await run(['--year', '2026', '--out', file])).toBe(2);
    expect(err[0]).toMatch(/^usage: npm run cli -- report plan --year YYYY --unit CODE --out FILE\.docx/);
    await expect(stat(file)).rejects.toThrow();

    // A folder that does not exist.
    const missing = path.join(dir, 'khong-co', 'bao-cao.docx');
    expect(await run(['--year', '2026', '--unit', 'UBND', '--out', missing])).toBe(1);
    expect(err).toEqual([`Không ghi được tệp ${missing} (ENOENT). Đề nghị kiểm tra thư mục và quyền ghi.`]);
    // A path that is a folder (the check that holds for every user, root included, unlike a folder without write access).
    const folder = path.join(dir, 'thu-muc.docx');
    await mkdir(folder);
    expect(await run(['--year', '2026', '--unit', 'UBND', '--out', folder])).toBe(1);
    expect(err).toEqual([`Không ghi được tệp ${folder} (EISDIR). Đề nghị kiểm tra thư mục và quyền ghi.`]);
  });

  it('npm run cli -- report plan reaches this command, not the evaluation report', async () => {
    const err: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    try {
      expect(await runCli(['report', 'plan', '--unit', 'UBND', '--out', path.join(dir, 'x.docx')], { DATABASE_URL: h.db.url, LOG_LEVEL: 'silent' })).toBe(2);
    } finally {
      error.mockRestore();
    }
    expect(err[0]).toBe('usage: npm run cli -- report plan --year YYYY --unit CODE --out FILE.docx [--place NAME] [--lang vi|en]');
  });

  it('/baocaokh gives a head the draft for their unit as a document; a member is refused', async () => {
    const head = telegramUser(h, await h.link('TCKH-01', 5001));
    const before = head.texts().length;
    await head.command('baocaokh', '2026');
    const [summary, caption] = head.since(before);
    expect(summary!.split('\n')).toEqual([
      '📄 Dự thảo báo cáo kết quả thực hiện Kế hoạch năm 2026 – Phòng Tài chính – Kế hoạch.',
      'Năm chưa kết thúc: số liệu tính đến 09:00 08/12/2026: 5 nhiệm vụ được giao, tỷ lệ hoàn thành đúng hạn 40%; 2 lượt xin ý kiến; 2 dấu hiệu đã xác nhận.',
      'Các phần đánh dấu [Văn phòng viết …] (đánh giá chung, hạn chế, nguyên nhân, phương hướng) và số, ngày của văn bản để Văn phòng hoàn thiện trước khi trình ký.',
    ]);
    expect(caption).toBe('Dự thảo báo cáo: bao-cao-ke-hoach_TCKH_2026.docx');

    const sent = h.tg.callsTo('sendDocument').at(-1)!;
    const document = (sent.outcome as { result: { document: { file_id: string; file_name: string; mime_type?: string } } }).result.document;
    expect(document.file_name).toBe('bao-cao-ke-hoach_TCKH_2026.docx');
    const api = new Api(BOT_TOKEN, { apiRoot: h.tg.url });
    const info = await api.getFile(document.file_id);
    const bytes = Buffer.from(await (await fetch(`${h.tg.url}/file/bot${BOT_TOKEN}/${info.file_path}`)).arrayBuffer());
    const tckh = await readDocx(bytes);
    // A unit inside the People's Committee: its superior body heads the issuer.
    expect((tckh.blocks[0] as DocxTable).rows[0]![0]!.filter(Boolean)).toEqual(['ỦY BAN NHÂN DÂN HUYỆN', 'PHÒNG TÀI CHÍNH – KẾ HOẠCH', 'Số:        /BC-TCKH']);
    expect((tckh.blocks[0] as DocxTable).rows[0]![1]!.at(-1)).toBe('……………, ngày 08 tháng 12 năm 2026');
    expect(cellText(tableAfter(tckh, 'Bảng 1.')).at(-1)).toEqual(['', 'Tổng cộng', '5', '3', '2', '1', '2', '40']);

    await head.command('baocaokh', '2030');
    expect(head.last()).toBe('Năm 2030 chưa bắt đầu hoặc không hợp lệ. Đề nghị chọn năm từ 2000 đến 2026.');
    await head.command('baocaokh', 'thang 11');
    expect(head.last()).toMatch(/^Dùng: \/baocaokh \[năm\]/);

    const member = telegramUser(h, await h.link('TCKH-03', 5003));
    const documents = h.tg.callsTo('sendDocument').length;
    await member.command('baocaokh');
    expect(member.last()).toBe(
      'Dự thảo báo cáo kết quả thực hiện Kế hoạch dành cho trưởng đơn vị. Đồng chí có thể đề nghị trưởng đơn vị hoặc Văn phòng cung cấp.',
    );
    expect(h.tg.callsTo('sendDocument').length).toBe(documents);
  });

  it('/planreport answers in English for a head who reads English; the document stays Vietnamese', async () => {
    const head = telegramUser(h, 5001);
    await head.command('lang', 'en');
    const before = head.texts().length;
    await head.command('planreport');
    const [summary] = head.since(before);
    expect(summary!.split('\n')[0]).toBe("📄 Draft report on the Plan's results for 2026 – Phòng Tài chính – Kế hoạch.");
    const sent = h.tg.callsTo('sendDocument').at(-1)!;
    const fileId = (sent.outcome as { result: { document: { file_id: string } } }).result.document.file_id;
    const info = await new Api(BOT_TOKEN, { apiRoot: h.tg.url }).getFile(fileId);
    const bytes = Buffer.from(await (await fetch(`${h.tg.url}/file/bot${BOT_TOKEN}/${info.file_path}`)).arrayBuffer());
    expect((await readDocx(bytes)).lines).toContain('I. KẾT QUẢ THỰC HIỆN');
  });
});
