// Self-review (tự soi, tự sửa, issue 16.2): each official sees the evaluation report's own figures for the period
// with the items behind them, writes a self-assessment and proposes one of the four ratings; the head comments and
// proposes a rating; both kept with history; reminders on the ladder; the unit's XLSX; the yearly round opens on the
// policy's day; nobody else sees or writes a form. In process (tests/support/app-fixture.ts).
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { answerConsultation, recordFreeText } from '../../src/app/consultations/answer.js';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { createNotice } from '../../src/app/notices/create-notice.js';
import { confirmNotice } from '../../src/app/notices/respond-to-notice.js';
import { commend } from '../../src/app/recognition/commend.js';
import { reportExtras } from '../../src/app/recognition/report-extras.js';
import { buildReport } from '../../src/app/reports/build-report.js';
import { SELF_REVIEW_EXTRA_SOURCES, type SelfReviewExtraSource } from '../../src/app/self-review/extra-figures.js';
import { figuresOf } from '../../src/app/self-review/figures.js';
import { openSelfReview, openYearlySelfReviewIfDue } from '../../src/app/self-review/open-cycle.js';
import { explainSignal, reviewSignal } from '../../src/app/signals/review.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { completeTask } from '../../src/app/tasks/work-on-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { yearPeriod } from '../../src/domain/report/period.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const iso = (local: string) => new Date(`${local}+07:00`).toISOString();
/** REVIEW_TRANSCRIPT=FILE keeps what the officials saw (for a closing note); unset, nothing is written. */
const TRANSCRIPT_PART = process.env.REVIEW_TRANSCRIPT?.replace(/(\.txt)?$/, '.self-review.part');

/**
 * Nguyễn Văn An (BTC-03) over 2026: one task done on time, one done late, one overdue (a confirmed behaviour-1
 * signal he explained), one consultation answered with a stance and one replied to without one. It is 10/12/2026.
 */
async function year(fx: AppFixture) {
  const id = async (code: string) => OfficialId(await fx.officialId(code));
  const head = await id('BTC-01');
  const an = await id('BTC-03');
  const give = async (title: string, deadline: string) => {
    const r = await assignTask(fx.app, head, {
      assigneeId: an,
      title,
      expectedResult: 'Báo cáo gửi Ban',
      deadline: new Date(iso(deadline)),
      priority: 'NORMAL',
    });
    await acceptTask(fx.app, an, r.task.id);
    return r.task;
  };
  fx.time.set(iso('2026-11-02T09:00:00'));
  const onTime = await give('Tổng hợp hồ sơ đảng viên dự bị', '2026-11-20T17:00:00');
  const late = await give('Thống kê đảng viên miễn sinh hoạt', '2026-11-13T17:00:00');
  const overdue = await give('Rà soát quy hoạch cán bộ xã', '2026-12-08T17:00:00');
  fx.time.set(iso('2026-11-16T09:00:00'));
  await completeTask(fx.app, an, onTime.id, 'Đã tổng hợp 42 hồ sơ.');
  await completeTask(fx.app, an, late.id, 'Đã thống kê xong.');
  const asked = await askForOpinion(fx.app, head, {
    respondentIds: [an],
    subject: 'Phương án sắp xếp chi bộ',
    question: 'Đồng chí cho ý kiến về phương án.',
    deadline: null,
    priority: 'NORMAL',
  });
  await answerConsultation(fx.app, an, asked.consultation.id, 'AGREE', null);
  const vague = await askForOpinion(fx.app, head, {
    respondentIds: [an],
    subject: 'Kế hoạch tập huấn',
    question: 'Đồng chí cho ý kiến.',
    deadline: null,
    priority: 'NORMAL',
  });
  await recordFreeText(fx.app, an, vague.consultation.id, 'Đã nhận, sẽ xem xét.');
  fx.time.set(iso('2026-12-09T08:00:00'));
  await fx.setTime(iso('2026-12-09T09:00:00')); // the overdue clock fires: behaviour 1 is raised
  const signal = await fx.db.signal.findFirstOrThrow({ where: { officialId: an, behaviour: 1, itemKind: 'TASK', itemId: overdue.id } });
  await reviewSignal(fx.app, head, signal.id, 'CONFIRMED', 'Quá hạn, không báo cáo vướng mắc.');
  await explainSignal(fx.app, an, signal.id, 'Hồ sơ của 2 chi bộ xã gửi chậm.');
  fx.time.set(iso('2026-12-10T09:00:00'));
  await fx.deliver();
  return { head, an, tasks: { onTime, late, overdue }, consultations: { asked: asked.consultation, vague: vague.consultation }, signal };
}

/** …and the admin (VPUB-04) opened the round for 2026. */
async function opened(fx: AppFixture) {
  const y = await year(fx);
  const r = await openSelfReview(fx.app, yearPeriod(2026), await fx.officialId('VPUB-04'));
  await fx.deliver();
  const form = async (code: string) => (await fx.db.selfReview.findFirstOrThrow({ where: { cycleId: r.cycle.id, officialId: await fx.officialId(code) } })).id;
  const people = { an: await fx.person('BTC-03'), anh: await fx.person('BTC-04'), head: await fx.person('BTC-01'), other: await fx.person('TNMT-01') };
  return { ...y, cycle: r.cycle, forms: r.forms, form, people };
}

describe('self-review', () => {
  test('the figures are the evaluation report’s for the same period, with the items behind them', async ({ fx }) => {
    const { an, tasks, consultations, signal, people, forms } = await opened(fx);
    expect(forms).toBe(await fx.db.official.count({ where: { active: true } }));
    const period = yearPeriod(2026);
    const report = await buildReport(
      { stores: fx.app.stores, calendar: await fx.app.calendar(), org: await fx.app.org(), policy: fx.app.policy, now: fx.time.now() },
      period,
      null,
    );
    const mine = await figuresOf(fx.app, period, an);
    expect(mine.figures).toEqual(report.computed.byOfficial.get(an));
    expect([
      mine.figures.completedOnTime,
      mine.figures.completedLate,
      mine.figures.overdueNow,
      mine.figures.consultationsReceived,
      mine.figures.answersWithoutStance,
      mine.figures.signalsTotal,
    ]).toEqual([1, 1, 1, 2, 1, 1]);
    expect(mine.items.onTime).toEqual([tasks.onTime.code]);
    expect(mine.items.late).toEqual([tasks.late.code]);
    expect(mine.items.overdue).toEqual([tasks.overdue.code]);
    expect(mine.items.answeredWithStance).toEqual([consultations.asked.code]);
    expect(mine.items.noStance).toEqual([consultations.vague.code]);
    expect(mine.items.signals).toEqual([{ id: signal.id, behaviour: 1, itemCode: tasks.overdue.code, explanation: 'Hồ sơ của 2 chi bộ xã gửi chậm.' }]);

    expect(people.an.last()).toContain('📝 Tự soi, tự sửa — năm 2026');
    expect(people.an.last()).toContain('• Hoàn thành đúng hạn: 1; hoàn thành muộn: 1; quá hạn chưa hoàn thành: 1');
    expect(people.an.last()).toContain('Số liệu là căn cứ để tự soi, không phải kết luận');
    await people.an.press('Xem số liệu và tự đánh giá');
    const form = people.an.last();
    expect(form).toContain('Số liệu dưới đây là căn cứ để đồng chí tự soi, không phải kết luận; mức xếp loại do đồng chí tự đề xuất');
    expect(form).toContain('• Hoàn thành đúng hạn: 1; hoàn thành muộn: 1; quá hạn chưa hoàn thành: 1');
    expect(form).toContain(`• Hoàn thành đúng hạn (1): ${tasks.onTime.code}`);
    expect(form).toContain(`• Quá hạn chưa hoàn thành (1): ${tasks.overdue.code}`);
    expect(form).toContain(`• Có trả lời không nêu rõ quan điểm (1): ${consultations.vague.code}`);
    expect(form).toContain(`• Dấu hiệu hành vi số 1 (đã xác nhận) — ${tasks.overdue.code}: giải trình "Hồ sơ của 2 chi bộ xã gửi chậm."`);
    expect(form).toContain('Tự đánh giá: chưa viết.');
  });

  test('nobody but the person writes a form, and nobody but those above them reads or comments on it', async ({ fx }) => {
    const { people, form } = await opened(fx);
    const anForm = await form('BTC-03');
    // Another member cannot read, write or comment on An's form; a head of another unit cannot either.
    for (const verb of ['self.view', 'self.write', 'self.comment'] as const) {
      await people.anh.pressData(encodeAction(verb, anForm));
      expect(people.anh.last()).toContain('không phải của đồng chí');
      await people.other.pressData(encodeAction(verb, anForm));
      expect(people.other.last()).toContain('không phải của đồng chí');
    }
    // A person does not comment on their own form.
    await people.an.pressData(encodeAction('self.comment', anForm));
    expect(people.an.last()).toContain('không phải của đồng chí');

    await people.head.pressData(encodeAction('self.view', anForm));
    expect(people.head.last()).toContain('đ/c Nguyễn Văn An, Chuyên viên — Ban Tổ chức Huyện ủy');
    await people.head.pressData(encodeAction('self.write', anForm));
    expect(people.head.last()).toContain('không phải của đồng chí');
  });

  test('the official writes, the head comments, both kept with history; the unit file for the meeting', async ({ fx }) => {
    const { an, head, people, form } = await opened(fx);
    const anForm = await form('BTC-03');
    const opening = people.an.texts().find((x) => x.includes('Đợt tự soi, tự sửa đã mở'))!;
    await people.an.say('/tusoi');
    await people.an.press('Viết tự đánh giá');
    await people.an.say('Hoàn thành phần lớn nhiệm vụ; còn 1 việc quá hạn do chưa đôn đốc chi bộ xã kịp thời. Năm tới báo cáo vướng mắc sớm.');
    expect(people.an.buttons().map((b) => b.label)).toEqual([
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
      'Hủy',
    ]);
    await people.an.press('Hoàn thành tốt nhiệm vụ');
    const asWritten = people.an.last();
    expect(asWritten).toContain('Tự đề xuất mức: Hoàn thành tốt nhiệm vụ');

    // The head is told, reads the form and comments.
    const toHead = people.head.last();
    expect(toHead).toContain('đ/c Nguyễn Văn An, Chuyên viên đã viết tự đánh giá, đề xuất mức: Hoàn thành tốt nhiệm vụ');
    await people.head.press('Xem và cho ý kiến');
    expect(people.head.last()).toContain('Số liệu dưới đây là căn cứ tham khảo, không phải kết luận');
    await people.head.press('Cho ý kiến');
    await people.head.say('Đồng ý phần tự nhận khuyết điểm; việc quá hạn chưa báo cáo kịp thời nên đề xuất mức hoàn thành nhiệm vụ.');
    await people.head.press('Hoàn thành nhiệm vụ');
    const asHeadSees = people.head.last();
    expect(asHeadSees).toContain('Lãnh đạo đề xuất mức: Hoàn thành nhiệm vụ');
    expect(people.an.last()).toContain('đ/c Phan Thị Thu, Trưởng Ban Tổ chức Huyện ủy đã cho ý kiến');

    // An writes again: both versions stay.
    await people.an.press('Xem số liệu và tự đánh giá');
    await people.an.press('Viết lại tự đánh giá');
    await people.an.say('Bổ sung: đã hoàn thành việc quá hạn ngày 11/12.');
    await people.an.press('Hoàn thành nhiệm vụ');
    const entries = await fx.db.selfReviewEntry.findMany({ where: { selfReviewId: anForm }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.role, e.authorId, e.rating])).toEqual([
      ['SELF', an, 'GOOD'],
      ['HEAD', head, 'COMPLETED'],
      ['SELF', an, 'COMPLETED'],
    ]);
    expect((entries[0]!.figures as { figures: { overdueNow: number } }).figures.overdueNow).toBe(1);
    const row = await fx.db.selfReview.findUniqueOrThrow({ where: { id: anForm } });
    expect([row.rating, row.headRating, row.headId]).toEqual(['COMPLETED', 'COMPLETED', head]);
    expect(people.an.last()).toContain('Lịch sử (3 lần ghi):');
    const actions = (await fx.db.auditLog.findMany({ where: { entity: 'self_review', entityId: String(anForm) }, orderBy: { id: 'asc' } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(['self-review.written', 'self-review.commented', 'self-review.written']);

    // The head's list and the unit's XLSX.
    await people.head.say('/tusoi');
    const team = people.head.lines().at(-1)!;
    expect(team.text).toContain('📝 Tự soi, tự sửa — năm 2026: 1/3 đồng chí đã viết tự đánh giá, 1 đã có ý kiến của đồng chí.');
    await people.head.press('Tệp Excel của đơn vị');
    const source = people.head.lines().at(-1)!.attachment!.source as { path: string; filename: string };
    expect(source.filename).toBe('tu-soi_BTC_2026-01-01_2026-12-31.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(source.path);
    const rows = wb
      .getWorksheet('Tự soi, tự sửa')!
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    const header = rows[0] as string[];
    const anRow = rows.find((r) => r[0] === 'Nguyễn Văn An')!;
    expect(rows).toHaveLength(1 + 4);
    expect(anRow[header.indexOf('Tự đề xuất mức')]).toBe('Hoàn thành nhiệm vụ');
    expect(anRow[header.indexOf('Lãnh đạo đề xuất mức')]).toBe('Hoàn thành nhiệm vụ');
    expect(anRow[header.indexOf('Hoàn thành đúng hạn')]).toBe(1);
    // A member has no unit file.
    await people.anh.pressData(encodeAction('self.xlsx', `${row.cycleId}-${row.unitId}`));
    expect(people.anh.last()).toContain('không phải của đồng chí');

    if (TRANSCRIPT_PART)
      await writeFile(
        TRANSCRIPT_PART,
        [
          '=== Tự soi, tự sửa (tests/app/self-review.test.ts, "the official writes, the head comments…")',
          '=== Tin nhắn đ/c Nguyễn Văn An (BTC-03) nhận khi đợt mở (10/12/2026, quản trị mở cho năm 2026)',
          opening,
          '',
          '=== Phiếu như đ/c An thấy trong chat sau khi viết tự đánh giá và chọn mức',
          asWritten,
          '',
          '=== Tin nhắn đ/c Phan Thị Thu (BTC-01, Trưởng Ban) nhận',
          toHead,
          '',
          '=== Cùng phiếu như đ/c Phan Thị Thu (BTC-01, lãnh đạo) thấy sau khi cho ý kiến',
          asHeadSees,
          '',
        ].join('\n'),
      );
  });

  test('figures another feature registers (issue 15: notices, commendations) show on the form after the report’s', async ({ fx }) => {
    const { an, people, form } = await opened(fx);
    // A source over the report it is given: here the consultations the person asked, counted from the database.
    const asked: SelfReviewExtraSource = {
      name: 'asked',
      async figures(app, report, ids) {
        const rows = await fx.db.consultation.findMany({
          where: { askerId: { in: [...ids] }, createdAt: { gte: report.bounds.from, lt: report.bounds.to } },
          orderBy: { id: 'asc' },
        });
        return new Map(
          ids.map((id) => [
            id,
            {
              label: () => 'Xin ý kiến đã gửi',
              count: rows.filter((r) => r.askerId === id).length,
              items: rows.filter((r) => r.askerId === id).map((r) => r.code),
            },
          ]),
        );
      },
    };
    SELF_REVIEW_EXTRA_SOURCES.push(asked);
    try {
      const head = await fx.officialId('BTC-01');
      await people.head.pressData(encodeAction('self.view', await form('BTC-01')));
      expect(people.head.last()).toContain('• Xin ý kiến đã gửi (2): YK-2026-0001, YK-2026-0002');
      const askedOf = async (id: number) => (await figuresOf(fx.app, yearPeriod(2026), id)).extras.filter(([n]) => n === 'asked').map(([n, f]) => [n, f.count]);
      expect(await askedOf(head)).toEqual([['asked', 2]]);
      expect(await askedOf(an)).toEqual([['asked', 0]]);
    } finally {
      SELF_REVIEW_EXTRA_SOURCES.splice(SELF_REVIEW_EXTRA_SOURCES.indexOf(asked), 1);
    }
  });

  test('the form shows the notices confirmed and the commendations of the period: the report extras /danhgia shows', async ({ fx }) => {
    const id = async (code: string) => OfficialId(await fx.officialId(code));
    const head = await id('BTC-01');
    const an = await id('BTC-03');
    const anh = await id('BTC-04');
    const btc = (await fx.db.unit.findFirstOrThrow({ where: { code: 'BTC' } })).id;
    fx.time.set(iso('2026-11-02T09:00:00'));
    const task = (
      await assignTask(fx.app, head, {
        assigneeId: an,
        title: 'Tổng hợp hồ sơ đảng viên dự bị',
        expectedResult: 'Báo cáo gửi Ban',
        deadline: new Date(iso('2026-11-20T17:00:00')),
        priority: 'NORMAL',
      })
    ).task;
    await acceptTask(fx.app, an, task.id);
    fx.time.set(iso('2026-11-16T09:00:00'));
    await completeTask(fx.app, an, task.id, 'Đã tổng hợp 42 hồ sơ.');
    // The whole Ban is told of one notice (An confirms on time, Anh never does); An alone of another (confirmed late).
    const toAll = await createNotice(fx.app, head, {
      scopes: [{ kind: 'unit', unitId: btc, subtree: true }],
      title: 'Kế hoạch thực hiện Chỉ thị 56',
      summary: 'Quán triệt đến từng cán bộ của Ban.',
      deadline: new Date(iso('2026-11-20T17:00:00')),
      document: null,
    });
    const toAn = await createNotice(fx.app, head, {
      scopes: [{ kind: 'person', officialId: an }],
      title: 'Quy chế làm việc của Ban',
      summary: 'Đồng chí đọc và xác nhận.',
      deadline: new Date(iso('2026-11-18T17:00:00')),
      document: null,
    });
    fx.time.set(iso('2026-11-17T09:00:00'));
    await confirmNotice(fx.app, an, toAll.notice.id, null);
    fx.time.set(iso('2026-11-19T09:00:00'));
    await confirmNotice(fx.app, an, toAn.notice.id, 'Sẽ thực hiện nghiêm.');
    fx.time.set(iso('2026-11-20T09:00:00'));
    await commend(fx.app, head, { officialId: an, text: 'Đồng chí tổng hợp hồ sơ nhanh, chính xác.', taskId: task.id });
    fx.time.set(iso('2026-11-25T09:00:00'));
    await commend(fx.app, head, { officialId: an, text: 'Đồng chí có tinh thần trách nhiệm cao.' });
    fx.time.set(iso('2026-12-10T09:00:00'));
    await fx.deliver();
    await openSelfReview(fx.app, yearPeriod(2026), await id('VPUB-04'));
    await fx.deliver();

    // The extras of the unit's evaluation report for the year, as /danhgia computes them.
    const org = await fx.app.org();
    const report = await buildReport(
      { stores: fx.app.stores, calendar: await fx.app.calendar(), org, policy: fx.app.policy, now: fx.time.now() },
      yearPeriod(2026),
      btc,
    );
    const x = await reportExtras({ stores: fx.app.stores, org, criteria: fx.app.policy.recognition }, report);
    const counts = async (who: number) => Object.fromEntries((await figuresOf(fx.app, yearPeriod(2026), who)).extras.map(([n, f]) => [n, f.count]));
    for (const who of [an, anh]) {
      const n = x.notices.byOfficial.get(who)!;
      expect(await counts(who)).toEqual({
        'notices-received': n.received,
        'notices-on-time': n.onTime,
        'notices-late': n.late,
        'notices-never': n.never,
        commendations: x.commendations.filter((c) => c.officialId === who).length,
      });
    }
    expect(await counts(an)).toEqual({ 'notices-received': 2, 'notices-on-time': 1, 'notices-late': 1, 'notices-never': 0, commendations: 2 });
    expect(await counts(anh)).toEqual({ 'notices-received': 1, 'notices-on-time': 0, 'notices-late': 0, 'notices-never': 1, commendations: 0 });

    const people = { an: await fx.person('BTC-03'), anh: await fx.person('BTC-04') };
    await people.an.press('Xem số liệu và tự đánh giá');
    const form = people.an.last();
    expect(form).toContain(`• Thông báo quán triệt đã nhận (2): ${toAll.notice.code}, ${toAn.notice.code}`);
    expect(form).toContain(`• Xác nhận đã đọc đúng hạn (1): ${toAll.notice.code}`);
    expect(form).toContain(`• Xác nhận đã đọc muộn (1): ${toAn.notice.code}`);
    expect(form).toContain('• Chưa xác nhận khi đã hết hạn (0)');
    expect(form).toContain(`• Được biểu dương (2): ${task.code}, 25/11/2026`);
    await people.anh.press('Xem số liệu và tự đánh giá');
    expect(people.anh.last()).toContain(`• Chưa xác nhận khi đã hết hạn (1): ${toAll.notice.code}`);
    expect(people.anh.last()).toContain('• Được biểu dương (0)');
  });

  test('reminders on the ladder; the yearly round opens on the policy day, once', async ({ fx }) => {
    fx.time.set(iso('2026-11-30T09:00:00'));
    expect(await openYearlySelfReviewIfDue(fx.app)).toBeUndefined();
    fx.time.set(iso('2026-12-01T08:00:00'));
    const cycle = await openYearlySelfReviewIfDue(fx.app);
    expect([cycle?.periodFrom, cycle?.periodTo, cycle?.openedById]).toEqual(['2026-01-01', '2026-12-31', null]);
    expect(await openYearlySelfReviewIfDue(fx.app)).toBeUndefined();
    const anh = await fx.officialId('BTC-04');
    const head = await fx.officialId('BTC-01');
    const form = await fx.db.selfReview.findFirstOrThrow({ where: { officialId: anh } });
    await fx.setTime(iso('2026-12-18T17:00:00'));
    const clock = await fx.db.clock.findFirstOrThrow({ where: { kind: 'SELF_REVIEW', itemId: form.id, officialId: anh } });
    const reminders = await fx.db.reminder.findMany({ where: { clockId: clock.id }, orderBy: { id: 'asc' } });
    expect(reminders.slice(0, 3).map((r) => `${r.level}:${r.recipientId}`)).toEqual([`0:${anh}`, `1:${anh}`, `2:${head}`]);
    const p = await fx.person('BTC-04');
    expect(p.texts().join('\n')).toContain('⏰ Nhắc việc — tự soi, tự sửa năm 2026: đồng chí chưa viết tự đánh giá.');
    expect((await fx.person('BTC-01')).texts().join('\n')).toContain('⚠️ Báo cáo cấp trên: TS-2026 chưa hoàn thành phiếu tự soi, tự sửa');
  });
});
