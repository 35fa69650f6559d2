// Recognition (issue 15) for a seeded month, in process: in Phòng Tài chính – Kế hoạch, Hà accepts and completes her
// tasks on time and answers a consultation on time (exemplary), Vinh does the same but answers late (nearly); the
// head praises Hà from the confirmation of a task ("Khen"), the deputy chairman commends her by /bieuduong (she and
// her superior are told); on 01/12 the head's digest has "Ghi nhận" before the signals and the open notice's
// coverage, and /danhgia lists the exemplary official and unit with the items behind them, in chat and in the XLSX.
import ExcelJS from 'exceljs';
import { test as base, describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { answerConsultation } from '../../src/app/consultations/answer.js';
import { createNotice } from '../../src/app/notices/create-notice.js';
import { commend } from '../../src/app/recognition/commend.js';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { completeTask } from '../../src/app/tasks/work-on-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { transcript } from '../support/transcript.js';
import { createAppFixture, type AppFixture } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`).toISOString();
const when = (local: string) => new Date(`${local}+07:00`);
const oid = async (fx: AppFixture, code: string) => OfficialId(await fx.officialId(code));

// November 2026 from Monday 02/11 09:00; a unit is exemplary from 4 rated tasks here (the default asks 5).
const test = base.extend<{ fx: AppFixture }>({
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
  fx: async ({}, use) => {
    const fx = await createAppFixture({ start: '2026-11-02T02:00:00Z', policy: (p) => ({ ...p, recognition: { ...p.recognition, unitMinItems: 4 } }) });
    await use(fx);
    await fx.close();
  },
});

async function month(fx: AppFixture) {
  const son = await fx.person('TCKH-01');
  const ha = await fx.person('TCKH-04');
  const vinh = await fx.person('TCKH-03');
  const hung = await fx.person('UB-02');
  const tasks: Record<string, number> = {};
  for (const [key, to, title, deadline] of [
    ['ha1', 'TCKH-04', 'Tổng hợp dự toán chi thường xuyên năm 2027', '2026-11-06T17:00:00'],
    ['ha2', 'TCKH-04', 'Rà soát nguồn vốn đầu tư công quý IV', '2026-11-13T17:00:00'],
    ['vinh1', 'TCKH-03', 'Báo cáo thu ngân sách tháng 10', '2026-11-06T17:00:00'],
    ['vinh2', 'TCKH-03', 'Đối chiếu số dư tài khoản tạm giữ', '2026-11-13T17:00:00'],
  ] as const) {
    const task = await fx.give('TCKH-01', to, { title, deadline: when(deadline) });
    tasks[key] = task.id;
  }
  await fx.setTime(at('2026-11-02T10:00:00'));
  for (const [key, who] of [
    ['ha1', 'TCKH-04'],
    ['ha2', 'TCKH-04'],
    ['vinh1', 'TCKH-03'],
    ['vinh2', 'TCKH-03'],
  ] as const) {
    await acceptTask(fx.app, await oid(fx, who), tasks[key] as never);
  }
  await fx.setTime(at('2026-11-04T15:00:00'));
  for (const [key, who] of [
    ['ha1', 'TCKH-04'],
    ['ha2', 'TCKH-04'],
    ['vinh1', 'TCKH-03'],
    ['vinh2', 'TCKH-03'],
  ] as const) {
    await completeTask(fx.app, await oid(fx, who), tasks[key] as never, 'Đã hoàn thành, gửi kèm báo cáo.');
  }
  await fx.deliver();
  // Sơn confirms Hà's first task in the chat and praises her from the confirmation.
  await son.pressData(encodeAction('task.confirm', tasks.ha1!));
  expect(
    son
      .lines()
      .at(-1)!
      .buttons.map((b) => b.label),
  ).toEqual(['Khen đ/c Nguyễn Thị Thu Hà']);
  await son.press('Khen đ/c Nguyễn Thị Thu Hà');
  await son.say('Hoàn thành dự toán sớm, số liệu chính xác, trình bày rõ ràng.');
  for (const key of ['ha2', 'vinh1', 'vinh2']) await son.pressData(encodeAction('task.confirm', tasks[key]!));

  const c = await askForOpinion(fx.app, await oid(fx, 'TCKH-01'), {
    respondentIds: [await oid(fx, 'TCKH-04'), await oid(fx, 'TCKH-03')],
    subject: 'Phương án phân bổ dự toán năm 2027',
    question: 'Đề nghị cho ý kiến về phương án phân bổ dự toán năm 2027.',
    deadline: null,
    priority: 'NORMAL',
  });
  await fx.setTime(at('2026-11-05T09:00:00'));
  await answerConsultation(fx.app, await oid(fx, 'TCKH-04'), c.consultation.id, 'AGREE', null);
  await fx.setTime(at('2026-11-10T09:00:00')); // Vinh answers two working days late
  await answerConsultation(fx.app, await oid(fx, 'TCKH-03'), c.consultation.id, 'AGREE', null);
  await fx.deliver();
  return { son, ha, vinh, hung, tasks };
}

describe('recognition in a month', () => {
  test('a commendation reaches the person and their superior in a warm, formal tone', async ({ fx }) => {
    const s = await month(fx);
    expect(s.ha.texts().join('\n')).toContain(
      'Đồng chí được đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch ghi nhận, biểu dương về kết quả thực hiện nhiệm vụ NV-2026-0001',
    );
    await fx.setTime(at('2026-11-27T09:00:00'));
    const sonBefore = s.son.texts().length;
    await s.hung.say('/bieuduong Nguyễn Thị Thu Hà');
    await s.hung.say('Đồng chí có tinh thần trách nhiệm cao, hoàn thành mọi nhiệm vụ trong tháng đúng hạn.');
    expect(s.hung.last()).toContain('Đã gửi lời biểu dương tới đ/c Nguyễn Thị Thu Hà');
    await fx.deliver();
    const toHa = s.ha.last();
    expect(toHa).toContain('🌟 Ghi nhận, biểu dương');
    expect(toHa).toContain('Đồng chí được đ/c Phạm Văn Hùng');
    expect(toHa).toContain('ghi nhận, biểu dương:');
    expect(toHa).toContain('Xin chúc mừng đồng chí.');
    expect(s.son.since(sonBefore).join('\n')).toContain('đã biểu dương đ/c Nguyễn Thị Thu Hà');
    expect(await fx.db.commendation.count({ where: { officialId: await fx.officialId('TCKH-04') } })).toBe(2);
    transcript('Biểu dương', [
      ['Đ/c Nguyễn Thị Thu Hà, Chuyên viên (TCKH-04), người được biểu dương', s.ha],
      ['Đ/c Võ Thanh Sơn, Trưởng phòng (TCKH-01), cấp trên trực tiếp', s.son],
      ['Đ/c Phạm Văn Hùng, Phó Chủ tịch UBND huyện (UB-02)', s.hung],
    ]);

    // A member may not commend; nobody commends themselves or someone out of reach.
    await s.vinh.say('/bieuduong Hà');
    expect(s.vinh.last()).toBe('Chỉ cấp trưởng, cấp phó hoặc quản trị viên mới biểu dương được.');
    await expect(commend(fx.app, await oid(fx, 'TCKH-01'), { officialId: await oid(fx, 'TCKH-01'), text: 'Tự khen mình' })).rejects.toMatchObject({
      key: 'commend-self',
    });
    await expect(commend(fx.app, await oid(fx, 'TCKH-01'), { officialId: await oid(fx, 'PNV-03'), text: 'Làm tốt việc được giao' })).rejects.toMatchObject({
      key: 'commend-out-of-reach',
    });
  });

  test('the head\'s digest on 01/12 has "Ghi nhận" before the signals, and the open notice with its coverage', async ({ fx }) => {
    const s = await month(fx);
    await fx.setTime(at('2026-11-27T09:00:00'));
    await commend(fx.app, await oid(fx, 'UB-02'), {
      officialId: await oid(fx, 'TCKH-04'),
      text: 'Đồng chí có tinh thần trách nhiệm cao, hoàn thành mọi nhiệm vụ trong tháng đúng hạn.',
    });
    await fx.setTime(at('2026-11-30T09:00:00'));
    await createNotice(fx.app, await oid(fx, 'TCKH-01'), {
      scopes: [{ kind: 'unit', unitId: (await fx.db.unit.findFirstOrThrow({ where: { code: 'TCKH' } })).id, subtree: true }],
      title: 'Kế hoạch thực hiện Chỉ thị 56-CT/TW',
      summary: 'Quán triệt đến từng cán bộ, công chức trong phòng.',
      deadline: null,
      document: { kind: 'file', name: 'ke-hoach-56.pdf', data: new TextEncoder().encode('%PDF-1.4 ke hoach') },
    });
    await fx.deliver();
    await s.ha.press('Đã đọc, đã nắm nội dung');
    await fx.setTime(at('2026-12-01T08:00:00'));
    await s.son.say('/tonghop');
    const digest = s.son.last();
    expect(digest).toContain('🌟 Ghi nhận (tháng 11/2026):');
    expect(digest).toContain('• Nguyễn Thị Thu Hà được Phạm Văn Hùng biểu dương');
    expect(digest).toContain('• Nguyễn Thị Thu Hà: hoàn thành đúng hạn, đầy đủ 3 việc (NV-2026-0001, NV-2026-0002, YK-2026-0001)');
    expect(digest).toContain('• Phòng Tài chính – Kế hoạch: 100% nhiệm vụ đúng hạn (4 nhiệm vụ)');
    expect(digest).not.toContain('• Đào Quang Vinh: hoàn thành');
    expect(digest).toContain('📘 Quán triệt đang lấy xác nhận (1):');
    expect(digest).toContain('QT-2026-0001 "Kế hoạch thực hiện Chỉ thị 56-CT/TW": 1/3 đồng chí đã xác nhận (33%)');
    expect(digest).toContain('Chưa xác nhận: Huỳnh Thị Mai, Đào Quang Vinh');
    // Balance: recognition before the signals, never after.
    expect(digest).toContain('🚩 Dấu hiệu chờ xem xét');
    expect(digest.indexOf('🌟 Ghi nhận')).toBeLessThan(digest.indexOf('🚩'));
    // Every head in the path sees it for their own subtree: the deputy chairman over the whole UBND too.
    await s.hung.say('/tonghop');
    const above = s.hung.texts().slice(-3).join('\n');
    expect(above).toContain('QT-2026-0001 "Kế hoạch thực hiện Chỉ thị 56-CT/TW": 1/3 đồng chí đã xác nhận (33%)');
    expect(above).toContain('• Nguyễn Thị Thu Hà: hoàn thành đúng hạn, đầy đủ 3 việc');
    transcript('Tổng hợp ngày 01/12/2026 của Trưởng phòng Tài chính – Kế hoạch (/tonghop)', [
      ['Đ/c Võ Thanh Sơn (TCKH-01)', { lines: () => s.son.lines().slice(-1) }],
    ]);
  });

  test('/danhgia lists the exemplary official and unit with the items behind them, in chat and in the XLSX', async ({ fx }) => {
    const s = await month(fx);
    await fx.setTime(at('2026-12-01T09:00:00'));
    await s.son.say('/danhgia thang 11/2026');
    const lines = s.son.lines();
    const summary = lines.at(-1)!;
    expect(summary.text).toContain('• Nguyễn Thị Thu Hà (Phòng Tài chính – Kế hoạch): 3 việc đúng hạn, đầy đủ — NV-2026-0001, NV-2026-0002, YK-2026-0001');
    expect(summary.text).toContain('• Phòng Tài chính – Kế hoạch: 100% nhiệm vụ đúng hạn (4 nhiệm vụ)');
    expect(summary.text).toContain('Lượt biểu dương trong kỳ: 1');
    expect(summary.text).not.toContain('• Đào Quang Vinh (');
    // Balance: recognition before the figures that carry the signals.
    const whole = lines
      .slice(-4)
      .map((l) => l.text)
      .join('\n');
    expect(whole).toContain('Dấu hiệu đã xác nhận');
    expect(whole.indexOf('🌟 Ghi nhận, biểu dương')).toBeGreaterThanOrEqual(0);
    expect(whole.indexOf('🌟 Ghi nhận, biểu dương')).toBeLessThan(whole.indexOf('Dấu hiệu đã xác nhận'));
    const file = lines.map((l) => l.attachment).find((a) => a?.source.kind === 'local-file')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((file.source as { path: string }).path);
    const sheet = wb.getWorksheet('Ghi nhận')!;
    const rows = sheet
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1, 7));
    expect(rows).toEqual([
      [1, 'Cá nhân tiêu biểu', 'TCKH-04', 'Nguyễn Thị Thu Hà', 'Phòng Tài chính – Kế hoạch', 'NV-2026-0001, NV-2026-0002, YK-2026-0001'],
      [2, 'Đơn vị tiêu biểu', '', '', 'Phòng Tài chính – Kế hoạch', 'NV-2026-0001, NV-2026-0002, NV-2026-0003, NV-2026-0004'],
      [3, 'Được biểu dương', 'TCKH-04', 'Nguyễn Thị Thu Hà', 'Phòng Tài chính – Kế hoạch', 'NV-2026-0001'],
    ]);
    const notes = wb
      .getWorksheet('Ghi chú')!
      .getSheetValues()
      .map((r) => (r as unknown[] | undefined)?.[1]);
    expect(notes).toContain('Cá nhân, đơn vị tiêu biểu');
  });
});
