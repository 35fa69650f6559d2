import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../src/app/reports/build-report.js';
import { writeReportXlsx } from '../../src/app/reports/report-xlsx.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { CliContext } from '../../src/cli/context.js';
import { createConfig } from '../../src/config.js';
import type { Figures } from '../../src/domain/report/metrics.js';
import { monthPeriod } from '../../src/domain/report/period.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { BOT_TOKEN, createHarness, type Harness } from '../support/app-harness.js';
import { hn, ItemSeeder, type SeedTask } from '../support/seed-items.js';
import { telegramUser } from '../support/telegram-user.js';

// November 2026 in Phòng Tài chính – Kế hoạch, reported on Tuesday 08/12/2026 09:00. Every figure below is worked
// out by hand from the items seeded here (working days 07:30–11:30, 13:30–17:00: 7.5 hours).
const NOW = hn('2026-12-08T09:00');
const H = 3_600_000;

async function seedNovember(s: ItemSeeder) {
  const t = (x: Omit<SeedTask, 'assigner'>) => s.task({ assigner: 'TCKH-01', ...x });
  // R1 TCKH-03: accepted after 1 h (in time), completed before the deadline.
  await t({
    assignee: 'TCKH-03',
    title: 'R1 Tổng hợp dự toán',
    status: 'DONE',
    createdAt: '2026-11-02T09:00',
    acceptDueAt: '2026-11-02T15:00',
    acceptedAt: '2026-11-02T10:00',
    deadline: '2026-11-13T17:00',
    completedAt: '2026-11-12T16:00',
  });
  // R2 TCKH-03: accepted the next morning (7 working hours: late), completed after the deadline.
  await t({
    assignee: 'TCKH-03',
    title: 'R2 Báo cáo thu chi',
    status: 'CLOSED',
    createdAt: '2026-11-03T09:00',
    acceptDueAt: '2026-11-03T15:00',
    acceptedAt: '2026-11-04T08:30',
    deadline: '2026-11-20T17:00',
    completedAt: '2026-11-24T10:00',
  });
  // R3 TCKH-03: accepted after 30 min, still in progress past its deadline.
  const r3 = await t({
    assignee: 'TCKH-03',
    title: 'R3 Rà soát định mức',
    status: 'IN_PROGRESS',
    createdAt: '2026-11-10T09:00',
    acceptDueAt: '2026-11-10T15:00',
    acceptedAt: '2026-11-10T09:30',
    deadline: '2026-11-25T17:00',
  });
  // R4 TCKH-04: accepted after 1 h, completed on time.
  await t({
    assignee: 'TCKH-04',
    title: 'R4 Quyết toán quỹ',
    status: 'DONE',
    createdAt: '2026-11-05T14:00',
    acceptDueAt: '2026-11-06T08:30',
    acceptedAt: '2026-11-05T15:00',
    deadline: '2026-11-30T17:00',
    completedAt: '2026-11-30T16:00',
  });
  // R5 TCKH-04: never accepted, overdue.
  const r5 = await t({
    assignee: 'TCKH-04',
    title: 'R5 Kiểm tra kho bạc',
    status: 'ASSIGNED',
    createdAt: '2026-11-16T08:00',
    acceptDueAt: '2026-11-16T14:00',
    deadline: '2026-11-27T17:00',
  });
  // R6 TCKH-04: cancelled by the assigner: counted nowhere.
  await t({
    assignee: 'TCKH-04',
    title: 'R6 Kiểm kê tài sản',
    status: 'CANCELLED',
    createdAt: '2026-11-20T09:00',
    cancelledAt: '2026-11-21T09:00',
    deadline: '2026-11-28T17:00',
  });
  // R7 TCKH-03: from October, still open: overdue.
  await t({
    assignee: 'TCKH-03',
    title: 'R7 Đối chiếu công nợ',
    status: 'IN_PROGRESS',
    createdAt: '2026-10-15T09:00',
    acceptedAt: '2026-10-15T10:00',
    deadline: '2026-10-30T17:00',
  });
  // R8 TCKH-03: from October, completed in November on time.
  await t({
    assignee: 'TCKH-03',
    title: 'R8 Báo cáo quý III',
    status: 'CLOSED',
    createdAt: '2026-10-20T09:00',
    acceptedAt: '2026-10-20T10:00',
    deadline: '2026-11-10T17:00',
    completedAt: '2026-11-05T10:00',
  });
  // R9 TCKH-02: no accept clock left (older data): the policy's 4 working hours give 15:00; accepted at 11:00.
  await t({
    assignee: 'TCKH-02',
    title: 'R9 Thẩm định giá',
    status: 'ACCEPTED',
    createdAt: '2026-11-25T09:00',
    acceptedAt: '2026-11-25T11:00',
    deadline: '2026-12-10T17:00',
  });
  // R10 PNV-03: another unit.
  await s.task({
    assigner: 'PNV-01',
    assignee: 'PNV-03',
    title: 'R10 Rà soát biên chế',
    status: 'DONE',
    createdAt: '2026-11-09T09:00',
    acceptDueAt: '2026-11-09T15:00',
    acceptedAt: '2026-11-09T09:30',
    deadline: '2026-11-20T17:00',
    completedAt: '2026-11-19T10:00',
  });
  // R11 TCKH-03: declined, waiting for the assigner: not overdue for the assignee.
  await t({
    assignee: 'TCKH-03',
    title: 'R11 Khảo sát giá đất',
    status: 'DECLINED',
    createdAt: '2026-11-26T09:00',
    acceptDueAt: '2026-11-26T15:00',
    declinedAt: '2026-11-26T10:00',
    deadline: '2026-11-27T17:00',
  });
  // R12 TCKH-03: December: outside the period.
  await t({
    assignee: 'TCKH-03',
    title: 'R12 Việc tháng 12',
    status: 'ASSIGNED',
    createdAt: '2026-12-02T09:00',
    acceptDueAt: '2026-12-02T15:00',
    deadline: '2026-12-04T17:00',
  });

  // K1: TCKH-03 answers in 16 working hours (in time); TCKH-04 first replies without a stance, answers in 30 h (late).
  await s.consultation({
    asker: 'UB-02',
    subject: 'K1 Phương án thu phí',
    createdAt: '2026-11-02T09:00',
    deadline: '2026-11-05T17:00',
    respondents: [
      { official: 'TCKH-03', stance: 'AGREE', answeredAt: '2026-11-04T10:00' },
      { official: 'TCKH-04', stance: 'DISAGREE', answeredAt: '2026-11-06T09:00', freeTextAt: ['2026-11-03T10:00'] },
    ],
  });
  // K2: TCKH-03 only says "đã nhận" and never answers: overdue, without a stance.
  await s.consultation({
    asker: 'TCKH-01',
    subject: 'K2 Điều chỉnh dự toán',
    createdAt: '2026-11-16T09:00',
    deadline: '2026-11-18T17:00',
    respondents: [{ official: 'TCKH-03', freeTextAt: ['2026-11-16T10:00'] }],
  });
  // K3: decided before its deadline; TCKH-04's missing answer is not late.
  await s.consultation({
    asker: 'UB-02',
    subject: 'K3 Mua sắm thiết bị',
    createdAt: '2026-11-23T09:00',
    deadline: '2026-11-25T17:00',
    status: 'CLOSED',
    closedAt: '2026-11-24T09:00',
    respondents: [{ official: 'TCKH-04' }],
  });
  // K4: October.
  await s.consultation({
    asker: 'UB-02',
    subject: 'K4 Tháng 10',
    createdAt: '2026-10-10T09:00',
    deadline: '2026-10-14T17:00',
    respondents: [{ official: 'TCKH-03' }],
  });

  await s.signal({ official: 'TCKH-03', behaviour: 1, status: 'CONFIRMED', raisedAt: '2026-11-26T16:00', itemId: r3.id });
  await s.signal({ official: 'TCKH-03', behaviour: 5, status: 'CONFIRMED', raisedAt: '2026-11-19T16:00' });
  await s.signal({ official: 'TCKH-03', behaviour: 6, status: 'PENDING', raisedAt: '2026-11-20T16:00' });
  await s.signal({ official: 'TCKH-04', behaviour: 4, status: 'DISMISSED', raisedAt: '2026-11-20T16:00' });
  await s.signal({ official: 'TCKH-04', behaviour: 5, status: 'CONFIRMED', raisedAt: '2026-12-02T16:00' });

  await s.explanation({ official: 'TCKH-03', requester: 'TCKH-01', itemId: r3.id, createdAt: '2026-11-27T09:00' });
  await s.explanation({ official: 'TCKH-03', requester: 'TCKH-01', itemId: r3.id, createdAt: '2026-11-27T10:00', status: 'CANCELLED' });
  await s.explanation({ official: 'TCKH-04', requester: 'TCKH-01', itemId: r5.id, createdAt: '2026-11-28T09:00', status: 'ANSWERED' });
}

function counts(f: Figures | undefined) {
  if (!f) return undefined;
  const { signals, acceptMedianMs, answerMedianMs, onTimeRate, ...rest } = f;
  return {
    ...rest,
    b1: signals[1],
    b5: signals[5],
    acceptMedianH: acceptMedianMs === null ? null : acceptMedianMs / H,
    answerMedianH: answerMedianMs === null ? null : answerMedianMs / H,
    onTimeRate,
  };
}

describe('evaluation reports: figures, XLSX, /danhgia, CLI', () => {
  let h: Harness;
  let report: Report;
  let ids: Record<string, number>;
  let dir: string;

  beforeAll(async () => {
    h = await createHarness({ start: NOW.toISOString() });
    await h.importSample();
    await seedNovember(new ItemSeeder(h.db.db));
    ids = Object.fromEntries((await h.db.db.official.findMany({ select: { code: true, id: true } })).map((o) => [o.code, o.id]));
    const tckh = await h.db.db.unit.findFirstOrThrow({ where: { code: 'TCKH' } });
    report = await buildReport(
      { stores: h.app.stores, calendar: await h.app.calendar(), org: await h.app.org(), policy: h.app.policy, now: NOW },
      monthPeriod(2026, 11),
      tckh.id,
    );
    dir = await mkdtemp(path.join(tmpdir(), 'dondoc-report-test-'));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('counts per official what was worked out by hand', () => {
    const by = (code: string) => counts(report.computed.byOfficial.get(ids[code]!));
    expect(by('TCKH-03')).toEqual({
      tasksReceived: 4, // R1 R2 R3 R11
      acceptedInTime: 2, // R1 R3
      completedOnTime: 2, // R1 R8
      completedLate: 1, // R2
      overdueNow: 2, // R3 R7 (R11 declined: waiting for the assigner)
      acceptMedianH: 1, // 1, 7, 0.5
      consultationsReceived: 2, // K1 K2
      answeredInTime: 1,
      answeredLate: 0,
      unansweredOverdue: 1, // K2
      answerMedianH: 16,
      answersWithoutStance: 1, // K2
      b1: 1,
      b5: 1,
      signalsTotal: 2,
      explanations: 1, // the cancelled one does not count
      onTimeRate: 2 / 5,
    });
    expect(by('TCKH-04')).toEqual({
      tasksReceived: 2, // R4 R5 (R6 cancelled)
      acceptedInTime: 1,
      completedOnTime: 1,
      completedLate: 0,
      overdueNow: 1,
      acceptMedianH: 1,
      consultationsReceived: 2, // K1 K3
      answeredInTime: 0,
      answeredLate: 1,
      unansweredOverdue: 0, // K3 was decided before its deadline
      answerMedianH: 30,
      answersWithoutStance: 1,
      b1: 0,
      b5: 0, // raised in December
      signalsTotal: 0,
      explanations: 1,
      onTimeRate: 1 / 2,
    });
    expect(by('TCKH-02')).toMatchObject({ tasksReceived: 1, acceptedInTime: 1, acceptMedianH: 2, onTimeRate: null });
    expect(by('TCKH-01')).toBeUndefined();
    expect(counts(report.computed.total)).toEqual({
      tasksReceived: 7,
      acceptedInTime: 4,
      completedOnTime: 3,
      completedLate: 1,
      overdueNow: 3,
      acceptMedianH: 1, // 0.5 1 1 2 7
      consultationsReceived: 4,
      answeredInTime: 1,
      answeredLate: 1,
      unansweredOverdue: 1,
      answerMedianH: 23, // 16 and 30
      answersWithoutStance: 2,
      b1: 1,
      b5: 1,
      signalsTotal: 2,
      explanations: 2,
      onTimeRate: 3 / 7,
    });
    expect(report.computed.tasks.map((t) => t.title.split(' ')[0])).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R11']);
  });

  it('writes an XLSX whose sheets, rows and totals read back the same', async () => {
    const file = path.join(dir, 'tckh.xlsx');
    await writeReportXlsx(report, await h.app.org(), h.app.catalogue.translator('vi'), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cán bộ', 'Đơn vị', 'Chi tiết', 'Ghi chú']);

    const value = (c: ExcelJS.CellValue) => (c && typeof c === 'object' && 'result' in c ? c.result : c);
    const rows = (w: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      w.eachRow((r) => out.push((r.values as ExcelJS.CellValue[]).slice(1).map(value)));
      return out;
    };

    const officials = rows(wb.getWorksheet('Cán bộ')!);
    expect(officials[0]!.slice(0, 11)).toEqual([
      'STT',
      'Mã cán bộ',
      'Họ và tên',
      'Chức vụ',
      'Đơn vị',
      'NV được giao',
      'Nhận việc đúng hạn',
      'Hoàn thành đúng hạn',
      'Hoàn thành muộn',
      'Quá hạn chưa hoàn thành',
      'Tỷ lệ đúng hạn (%)',
    ]);
    expect(officials.slice(1, -1).map((r) => r[1])).toEqual(['TCKH-01', 'TCKH-02', 'TCKH-03', 'TCKH-04']);
    const vinh = officials.find((r) => r[1] === 'TCKH-03')!;
    // received, accepted in time, on time, late, overdue, rate %, accept median h, consultations, in time, late, unanswered, answer median h, no stance, signals, HV1…HV11, explanations
    expect(vinh.slice(5)).toEqual([4, 2, 2, 1, 2, 40, 1, 2, 1, 0, 1, 16, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    const total = officials.at(-1)!;
    expect(total[4]).toBe('Tổng cộng');
    expect(total.slice(5)).toEqual([7, 4, 3, 1, 3, 42.9, 1, 4, 1, 1, 1, 23, 2, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2]);
    const totalRow = wb.getWorksheet('Cán bộ')!.getRow(officials.length);
    expect((totalRow.getCell(6).value as ExcelJS.CellFormulaValue).formula).toBe('SUM(F2:F5)');

    const units = rows(wb.getWorksheet('Đơn vị')!);
    expect(units.length).toBe(3);
    expect(units[1]!.slice(0, 4)).toEqual([1, 'TCKH', 'Phòng Tài chính – Kế hoạch', 1]);
    expect(units[2]!.slice(4)).toEqual(total.slice(5));

    const items = rows(wb.getWorksheet('Chi tiết')!);
    expect(items.length).toBe(1 + 10 + 4 + 2 + 2 + 1);
    const head = items[0]!;
    const col = (name: string) => head.indexOf(name);
    const sum = (name: string, who?: string) =>
      items
        .slice(1, -1)
        .filter((r) => !who || r[col('Mã cán bộ')] === who)
        .reduce<number>((n, r) => n + (Number(r[col(name)]) || 0), 0);
    // Any figure recounts from the items: filter by official, add up the column.
    expect(sum('NV được giao', 'TCKH-03')).toBe(4);
    expect(sum('Quá hạn chưa hoàn thành', 'TCKH-03')).toBe(2);
    expect(sum('Trả lời muộn', 'TCKH-04')).toBe(1);
    expect(sum('Dấu hiệu đã xác nhận')).toBe(2);
    expect(sum('Yêu cầu giải trình')).toBe(2);
    expect(items.at(-1)!.slice(col('NV được giao'))).toEqual([7, 4, 3, 1, 3, 4, 1, 1, 1, 2, 2, 2]);
    const r6 = items.find((r) => String(r[col('Nội dung')]).startsWith('R6'))!;
    expect(r6[col('Ghi chú')]).toBe('Đã hủy: không tính vào số liệu');
    const r2 = items.find((r) => String(r[col('Nội dung')]).startsWith('R2'))!;
    // Times as the organisation's wall clock: 08:30 on 04/11, 7 working hours after receipt.
    expect((r2[col('Nhận việc lúc')] as Date).toISOString()).toBe('2026-11-04T08:30:00.000Z');
    expect(r2[col('TG nhận việc (giờ LV)')]).toBe(7);
  });

  it('reaches the subtree only: UBND includes Phòng Nội vụ, Phòng TCKH does not', async () => {
    expect(report.computed.tasks.some((t) => t.assigneeId === ids['PNV-03'])).toBe(false);
    const ubnd = await h.db.db.unit.findFirstOrThrow({ where: { code: 'UBND' } });
    const wide = await buildReport(
      { stores: h.app.stores, calendar: await h.app.calendar(), org: await h.app.org(), policy: h.app.policy, now: NOW },
      monthPeriod(2026, 11),
      ubnd.id,
    );
    expect(counts(wide.computed.byOfficial.get(ids['PNV-03']!))).toMatchObject({ tasksReceived: 1, acceptedInTime: 1, completedOnTime: 1 });
    expect(wide.computed.total.tasksReceived).toBe(8);
    expect(wide.units.map((u) => u.code)).toEqual(['UBND', 'GDDT', 'PNV', 'TCKH', 'TNMT', 'TTDS', 'VPUB', 'XHB', 'XPM', 'XTL']);
    expect(counts(wide.rolledUp(wide.units.find((u) => u.code === 'TCKH')!.id))).toEqual(counts(report.computed.total));
  });

  it('/danhgia thang 11/2026 gives the head a summary and the XLSX as a document', async () => {
    const head = telegramUser(h, await h.link('TCKH-01', 4001));
    const before = head.texts().length;
    await head.command('danhgia', 'thang 11/2026');
    const [summary, caption] = head.since(before);
    expect(summary!.split('\n')).toEqual([
      '📊 Đánh giá tháng 11/2026 – Phòng Tài chính – Kế hoạch',
      'Kỳ đánh giá: từ 01/11/2026 đến 30/11/2026.',
      'Phạm vi: 1 đơn vị, 4 cán bộ.',
      '',
      '🌟 Ghi nhận, biểu dương',
      'Chưa có cá nhân, đơn vị nào đạt tiêu chí tiêu biểu trong kỳ.',
      'Lượt biểu dương trong kỳ: 0',
      '',
      'Nhiệm vụ:',
      '• Được giao: 7; nhận việc đúng hạn: 4',
      '• Hoàn thành đúng hạn: 3; hoàn thành muộn: 1; quá hạn chưa hoàn thành: 3',
      '• Tỷ lệ hoàn thành đúng hạn: 42,9% (3/7)',
      '• Thời gian nhận việc (trung vị): 1 giờ làm việc',
      'Xin ý kiến:',
      '• Được xin ý kiến: 4; trả lời đúng hạn: 1; trả lời muộn: 1; quá hạn chưa trả lời: 1',
      '• Trả lời không nêu rõ quan điểm: 2; thời gian trả lời (trung vị): 23 giờ làm việc',
      'Dấu hiệu đã xác nhận: 2 (hành vi 1: 1; hành vi 5: 1)',
      'Yêu cầu giải trình: 2',
      '',
      'Theo cán bộ:',
      '• đ/c Huỳnh Thị Mai: được giao 1 NV; tỷ lệ đúng hạn — (chưa có việc đến hạn); quá hạn 0; trả lời ý kiến đúng hạn 0/0; dấu hiệu 0',
      '• đ/c Đào Quang Vinh: được giao 4 NV; tỷ lệ đúng hạn 40% (2/5); quá hạn 2; trả lời ý kiến đúng hạn 1/2; dấu hiệu 2',
      '• đ/c Nguyễn Thị Thu Hà: được giao 2 NV; tỷ lệ đúng hạn 50% (1/2); quá hạn 1; trả lời ý kiến đúng hạn 0/2; dấu hiệu 0',
      '',
      'Số liệu từng cán bộ, từng đơn vị và danh sách nhiệm vụ, ý kiến làm căn cứ: xem tệp Excel đính kèm.',
    ]);
    expect(caption).toBe('Báo cáo đánh giá: danh-gia_TCKH_2026-11-01_2026-11-30.xlsx');

    const sent = h.tg.callsTo('sendDocument').at(-1)!;
    const fileId = (sent.outcome as { result: { document: { file_id: string; file_name: string } } }).result.document.file_id;
    const api = new Api(BOT_TOKEN, { apiRoot: h.tg.url });
    const info = await api.getFile(fileId);
    const bytes = Buffer.from(await (await fetch(`${h.tg.url}/file/bot${BOT_TOKEN}/${info.file_path}`)).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Cán bộ', 'Đơn vị', 'Chi tiết', 'Ghi nhận', 'Quán triệt', 'Ghi chú']);
    expect(wb.getWorksheet('Cán bộ')!.rowCount).toBe(6);
  });

  it('the current month counts up to now; a member may not ask; a wrong period gets the usage', async () => {
    const head = telegramUser(h, 4001);
    await head.command('evaluation', 'month');
    const lines = head.texts().at(-2)!.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '📊 Đánh giá tháng 12/2026 – Phòng Tài chính – Kế hoạch',
      'Kỳ đánh giá: từ 01/12/2026 đến 31/12/2026.',
      'Kỳ chưa kết thúc: số liệu tính đến 09:00 08/12/2026.',
    ]);
    await head.command('danhgia', 'thang 13');
    expect(head.last()).toMatch(/^Dùng: \/danhgia thang \| quy \| nam/);
    await head.command('danhgia', 'nam 2030');
    expect(head.last()).toBe('Kỳ đánh giá này chưa bắt đầu. Đề nghị chọn kỳ đã hoặc đang diễn ra.');

    const member = telegramUser(h, await h.link('TCKH-03', 4003));
    await member.command('danhgia', 'thang');
    expect(member.last()).toBe('Báo cáo đánh giá dành cho trưởng đơn vị. Đồng chí có thể đề nghị trưởng đơn vị hoặc Văn phòng cung cấp.');
  });

  it('npm run cli -- report writes the file and prints the summary', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      config: createConfig({ DATABASE_URL: h.db.url }),
      time: new ManualTime(NOW),
      catalogue: h.app.catalogue,
      openDatabase: async () => ({ url: h.db.url, db: h.db.db, embedded: false, close: async () => {} }),
      out: (l) => out.push(l),
      err: (l) => err.push(l),
    };
    const file = path.join(dir, 'cli.xlsx');
    expect(await reportCommand.run(ctx, ['--from', '2026-11-01', '--to', '30/11/2026', '--unit', 'tckh', '--out', file])).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe('📊 Đánh giá từ 01/11/2026 đến 30/11/2026 – Phòng Tài chính – Kế hoạch');
    expect(out).toContain('• Hoàn thành đúng hạn: 3; hoàn thành muộn: 1; quá hạn chưa hoàn thành: 3');
    expect(out.at(-1)).toBe(`Đã ghi tệp ${file} (10 nhiệm vụ, 4 lượt xin ý kiến).`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Chi tiết')!.rowCount).toBe(20);

    // The whole organisation, in English.
    const all = path.join(dir, 'all.xlsx');
    expect(await reportCommand.run(ctx, ['--period', 'month 11/2026', '--out', all, '--lang', 'en'])).toBe(0);
    expect(out).toContain('📊 Evaluation, month 11/2026 – The whole organisation');
    const wbAll = new ExcelJS.Workbook();
    await wbAll.xlsx.readFile(all);
    expect(wbAll.worksheets.map((w) => w.name)).toEqual(['Officials', 'Units', 'Items', 'Recognition', 'Notices', 'Notes']);

    expect(await reportCommand.run(ctx, ['--from', '2026-11-31', '--to', '2026-11-30', '--out', file])).toBe(2);
    expect(await reportCommand.run(ctx, ['--from', '2026-11-01', '--to', '2026-11-30', '--unit', 'NOPE', '--out', file])).toBe(1);
    expect(err).toContain('Không có đơn vị mã NOPE.');
  });
});
