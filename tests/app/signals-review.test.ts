// /canhbao: a head reviews the signals of the people they lead, confirms or dismisses each with a reason; the person
// is told and may explain; a demand for explanation from a signal; behaviours recorded by hand; reach refused. In
// process (tests/support/app-fixture.ts): each test brings the signals to its point on its own copy of the district.
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const iso = (local: string) => new Date(`${local}+07:00`).toISOString();

/** Two tasks of BTC-01's members went overdue (behaviour 1, 09/12 07:30); it is 09:00, nothing reviewed yet. */
async function reviewable(fx: AppFixture) {
  const people = {
    head: await fx.person('BTC-01'), // Phan Thị Thu
    an: await fx.person('BTC-03'),
    anh: await fx.person('BTC-04'),
    otherHead: await fx.person('TNMT-01'), // another unit
  };
  const headId = OfficialId(await fx.officialId('BTC-01'));
  for (const [code, title] of [
    ['BTC-03', 'Tổng hợp hồ sơ đảng viên dự bị'],
    ['BTC-04', 'Thống kê đảng viên miễn sinh hoạt'],
  ] as const) {
    const to = OfficialId(await fx.officialId(code));
    const r = await assignTask(fx.app, headId, {
      assigneeId: to,
      title,
      expectedResult: 'Báo cáo gửi Ban',
      deadline: new Date(iso('2026-12-08T17:00:00')),
      priority: 'NORMAL',
    });
    await acceptTask(fx.app, to, r.task.id);
  }
  await fx.deliver();
  await fx.setTime(iso('2026-12-09T07:30:00'));
  const anSignal = (await fx.db.signal.findFirstOrThrow({ where: { officialId: await fx.officialId('BTC-03') } })).id;
  const anhSignal = (await fx.db.signal.findFirstOrThrow({ where: { officialId: await fx.officialId('BTC-04') } })).id;
  await fx.setTime(iso('2026-12-09T09:00:00'));
  return { ...people, anSignal, anhSignal };
}

/** …the head confirmed An's signal with a reason. */
async function confirmed(fx: AppFixture) {
  const s = await reviewable(fx);
  await s.head.pressData(encodeAction('signal.confirm', s.anSignal));
  await s.head.say('Quá hạn, không báo cáo vướng mắc trước hạn.');
  return s;
}

/** …and An explained. */
async function explained(fx: AppFixture) {
  const s = await confirmed(fx);
  await s.an.press('Giải trình');
  await s.an.say('Hồ sơ của 2 chi bộ xã gửi chậm; tôi đã đôn đốc nhưng chưa báo cáo Ban kịp thời.');
  return s;
}

describe('reviewing signals', () => {
  test('a member has no /canhbao; the head sees one card per signal with its evidence and the review buttons', async ({ fx }) => {
    const { head, an } = await reviewable(fx);
    await an.say('/canhbao');
    expect(an.last()).toContain('dành cho lãnh đạo');
    const before = head.texts().length;
    await head.say('/canhbao');
    const [title, ...rest] = head.since(before);
    const footer = rest.pop()!;
    expect(title).toContain('⚠️ Dấu hiệu chờ đồng chí xem xét: 2');
    expect(rest).toHaveLength(2);
    const first = rest.find((t) => t.includes('Nguyễn Văn An'))!;
    expect(first).toContain('⚠️ Dấu hiệu hành vi số 1: Nhiệm vụ quá hạn chưa hoàn thành');
    expect(first).toContain('Người liên quan: đ/c Nguyễn Văn An, Chuyên viên');
    expect(first).toContain('Nội dung: NV-2026-0001 "Tổng hợp hồ sơ đảng viên dự bị"');
    expect(first).toContain('• 09:00 07/12/2026: đ/c Phan Thị Thu, Trưởng Ban Tổ chức Huyện ủy giao nhiệm vụ');
    expect(first).toContain('• 17:00 08/12/2026: hết hạn hoàn thành');
    expect(first).toContain('Ghi nhận lúc 07:30 09/12/2026 · Chờ xem xét');
    expect(rest.some((t) => t.includes('Người liên quan: đ/c Lê Thị Ngọc Ánh, Chuyên viên'))).toBe(true);
    expect(footer).toContain('Hết danh sách');
    const cards = head.lines().slice(-3, -1);
    const labels = cards.map((c) => c.buttons.map((b) => b.label));
    expect(labels).toEqual([
      ['Xác nhận', 'Bác bỏ', 'Yêu cầu giải trình'],
      ['Xác nhận', 'Bác bỏ', 'Yêu cầu giải trình'],
    ]);
  });

  test('confirm with a reason: the person is told and explains; the head gets the explanation', async ({ fx }) => {
    const { head, an, anSignal } = await reviewable(fx);
    await head.pressData(encodeAction('signal.confirm', anSignal));
    expect(head.last()).toContain('Đề nghị nêu lý do');
    await head.say('Quá hạn, không báo cáo vướng mắc trước hạn.');
    expect(head.last()).toContain('✅ Đã xác nhận dấu hiệu và thông báo tới đ/c Nguyễn Văn An, Chuyên viên');
    expect(an.last()).toContain('⚠️ Lãnh đạo xác nhận dấu hiệu đối với đồng chí');
    expect(an.last()).toContain('Nhận xét: Quá hạn, không báo cáo vướng mắc trước hạn.');
    expect(an.buttons().map((b) => b.label)).toEqual(['Giải trình']);
    await an.press('Giải trình');
    await an.say('Hồ sơ của 2 chi bộ xã gửi chậm; tôi đã đôn đốc nhưng chưa báo cáo Ban kịp thời.');
    expect(an.last()).toContain('✅ Đã gửi giải trình');
    expect(head.last()).toContain('📄 đ/c Nguyễn Văn An, Chuyên viên giải trình về dấu hiệu');
    expect(head.last()).toContain('Hồ sơ của 2 chi bộ xã gửi chậm');
    await an.pressData(encodeAction('signal.explain', anSignal));
    expect(an.last()).toContain('đã gửi giải trình cho dấu hiệu này');
    const s = await fx.db.signal.findUniqueOrThrow({ where: { id: anSignal } });
    expect([s.status, s.reviewReason, s.explanation?.slice(0, 10)]).toEqual(['CONFIRMED', 'Quá hạn, không báo cáo vướng mắc trước hạn.', 'Hồ sơ của ']);
  });

  test('dismiss with a reason: the person is told; a reviewed signal cannot be reviewed again', async ({ fx }) => {
    const { head, anh, anSignal, anhSignal } = await confirmed(fx);
    await head.pressData(encodeAction('signal.dismiss', anhSignal));
    await head.say('Đồng chí Ánh đã báo cáo miệng trước hạn, được đồng ý lùi thời gian.');
    expect(head.last()).toContain('✅ Đã bác bỏ dấu hiệu');
    expect(anh.last()).toContain('ℹ️ Dấu hiệu đối với đồng chí đã được xem xét và bác bỏ');
    expect(anh.last()).toContain('Lý do: Đồng chí Ánh đã báo cáo miệng trước hạn');
    expect(anh.buttons()).toEqual([]);
    await head.pressData(encodeAction('signal.confirm', anhSignal));
    expect(head.last()).toContain('Dấu hiệu này đã được xem xét');
    await head.say('/canhbao');
    expect(head.last()).toContain('Hiện không có dấu hiệu nào chờ đồng chí xem xét');
    expect((await fx.db.signal.findMany({ where: { status: 'CONFIRMED' } })).map((s) => s.id)).toEqual([anSignal]);
  });

  test("refuses review outside one's reach: a head of another unit, a peer, the person", async ({ fx }) => {
    const { an, anh, otherHead, anhSignal } = await reviewable(fx);
    const pending = await fx.db.signal.update({
      where: { id: anhSignal },
      data: { status: 'PENDING', reviewedAt: null, reviewedById: null, reviewReason: null },
    });
    for (const u of [otherHead, an, anh]) {
      await u.pressData(encodeAction('signal.confirm', pending.id));
      expect(u.last()).toContain('nằm ngoài phạm vi đồng chí được xem xét');
    }
    await otherHead.say('/canhbao');
    expect(otherHead.last()).not.toContain('Lê Thị Ngọc Ánh');
    expect((await fx.db.signal.findUniqueOrThrow({ where: { id: anhSignal } })).status).toBe('PENDING');
  });

  test('a demand for explanation from a signal goes to the person, about the item', async ({ fx }) => {
    const { head, an, anh, anSignal } = await explained(fx);
    await head.pressData(encodeAction('signal.demand', anSignal));
    expect(head.last()).toContain('Yêu cầu giải trình về NV-2026-0001 · Nguyễn Văn An');
    await head.say('Đề nghị giải trình việc không báo cáo vướng mắc trước hạn và biện pháp khắc phục.');
    expect(head.last()).toContain('✅ Đã gửi yêu cầu giải trình GT-2026-0001 tới đ/c Nguyễn Văn An, Chuyên viên');
    expect(an.last()).toContain('📄 Yêu cầu giải trình GT-2026-0001');
    expect(an.last()).toContain('Nội dung: Đề nghị giải trình việc không báo cáo vướng mắc trước hạn và biện pháp khắc phục.');
    const d = await fx.db.explanationDemand.findFirstOrThrow({ where: { code: 'GT-2026-0001' } });
    expect([d.itemKind, d.signalId, d.officialId]).toEqual(['TASK', anSignal, await fx.officialId('BTC-03')]);
    await anh.pressData(encodeAction('signal.demand', anSignal));
    expect(anh.last()).toContain('Chỉ cấp trên của người có trách nhiệm');
  });

  test('a head records by hand a behaviour the data cannot show (7), confirmed at once; a member cannot', async ({ fx }) => {
    const { head, an, anh } = await reviewable(fx);
    await an.pressData(encodeAction('signal.record'));
    expect(an.last()).toContain('dành cho lãnh đạo');
    await head.say('/canhbao');
    await head.press('Ghi nhận dấu hiệu khác');
    await head.say('le thi ngoc anh');
    expect(head.last()).toContain('bước 2/4');
    expect(head.buttons().map((b) => b.label)).toEqual([
      '(3) Không chủ động tham mưu',
      '(7) Chỉ áp dụng quy định có lợi',
      '(9) Thờ ơ với người dân, doanh nghiệp',
      '(11) Không tiếp thu kiến nghị sau giám sát',
      'Hủy',
    ]);
    await head.press('(7)');
    await head.press('Bỏ qua');
    await head.say('Tại cuộc họp ngày 04/12, viện dẫn hướng dẫn cũ để không nhận hồ sơ chuyển sinh hoạt đảng.');
    expect(head.last()).toContain('✅ Đã ghi nhận dấu hiệu số 7 đối với đ/c Lê Thị Ngọc Ánh, Chuyên viên');
    expect(anh.last()).toContain('⚠️ Lãnh đạo ghi nhận dấu hiệu đối với đồng chí');
    expect(anh.last()).toContain('Dấu hiệu hành vi số 7: Lãnh đạo ghi nhận');
    const s = await fx.db.signal.findFirstOrThrow({ where: { rule: 'manual-7' } });
    expect([s.behaviour, s.status, s.officialId, s.recordedById]).toEqual([7, 'CONFIRMED', await fx.officialId('BTC-04'), await fx.officialId('BTC-01')]);
  });
});
