// Demands for explanation: from a task escalation (answered), from an overdue task's card (ignored, so it climbs the
// same ladder to the superiors), and the refusals of reach, in process (tests/support/app-fixture.ts). Each test
// brings the district to the point it checks, on its own copy, with the steps the test before it checks.
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { OfficialId, type TaskId } from '../../src/domain/ids.js';
import type { Priority } from '../../src/domain/priority.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();

async function cast(fx: AppFixture) {
  return {
    head: await fx.person('TCKH-01'), // Võ Thanh Sơn
    vinh: await fx.person('TCKH-03'),
    ha: await fx.person('TCKH-04'),
    hung: await fx.person('UB-02'), // Sơn's superior
    otherHead: await fx.person('PNV-01'),
    give: async (code: string, title: string, deadline: string, priority: Priority): Promise<TaskId> =>
      (await fx.give('TCKH-01', code, { title, expectedResult: 'Báo cáo gửi Phòng', deadline: at(deadline), priority })).id,
  };
}

/** NV-2026-0001 was escalated to Sơn unaccepted (08/12 09:30); he demanded GT-2026-0001 and Vinh explained at 10:00. */
async function firstExplained(fx: AppFixture) {
  const s = await cast(fx);
  await s.give('TCKH-03', 'Đối chiếu số liệu thu ngân sách quý IV', '2026-12-18T17:00:00', 'NORMAL');
  for (const t of ['2026-12-07T15:00:00', '2026-12-08T07:30:00', '2026-12-08T09:30:00']) await fx.setTime(iso(t));
  await s.head.press('Yêu cầu giải trình');
  await s.head.press('Dùng nội dung mặc định');
  await fx.setTime(iso('2026-12-08T10:00:00'));
  await s.vinh.press('Giải trình');
  await s.vinh.say('Tôi nghỉ ốm ngày 07/12, có giấy của trạm y tế; đã nhận việc sáng nay.');
  return s;
}

/** …then NV-2026-0002 (URGENT, Hà) went overdue, Sơn demanded GT-2026-0002 from its card, and it climbed to 22:05. */
async function ignoredDemand(fx: AppFixture) {
  const s = await firstExplained(fx);
  await fx.setTime(iso('2026-12-08T10:00:00'));
  const ignored = await s.give('TCKH-04', 'Báo cáo nhanh thiệt hại do mưa lớn', '2026-12-08T12:00:00', 'URGENT');
  await acceptTask(fx.app, OfficialId(await fx.officialId('TCKH-04')), ignored);
  await fx.setTime(iso('2026-12-08T12:05:00'));
  await s.head.pressData(encodeAction('task.view', ignored));
  await s.head.press('Yêu cầu giải trình');
  await s.head.say('Đề nghị giải trình vì sao chưa có báo cáo nhanh, và thời điểm gửi được.');
  await fx.setTime(iso('2026-12-08T22:05:00'));
  return { ...s, ignored };
}

describe('demands for explanation', () => {
  test('from a task escalation: the superior taps "Yêu cầu giải trình", the person answers in chat, the superior reads it', async ({ fx }) => {
    const { head, vinh, give } = await cast(fx);
    await give('TCKH-03', 'Đối chiếu số liệu thu ngân sách quý IV', '2026-12-18T17:00:00', 'NORMAL');
    for (const t of ['2026-12-07T15:00:00', '2026-12-08T07:30:00', '2026-12-08T09:30:00']) await fx.setTime(iso(t));
    expect(head.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    await head.press('Yêu cầu giải trình');
    expect(head.last()).toContain('Yêu cầu giải trình về NV-2026-0001 · Đào Quang Vinh');
    await head.press('Dùng nội dung mặc định');
    expect(head.last()).toContain('✅ Đã gửi yêu cầu giải trình GT-2026-0001 tới đ/c Đào Quang Vinh, Chuyên viên. Thời hạn giải trình: 09:30 11/12/2026.');
    const demand = vinh.last();
    expect(demand).toContain('📄 Yêu cầu giải trình GT-2026-0001');
    expect(demand).toContain('Người yêu cầu: đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch');
    expect(demand).toContain('Nội dung: Đề nghị đồng chí giải trình rõ lý do chậm trễ đối với NV-2026-0001');
    expect(vinh.buttons().map((b) => b.label)).toEqual(['Giải trình']);

    await fx.setTime(iso('2026-12-08T10:00:00'));
    await vinh.press('Giải trình');
    await vinh.say('Tôi nghỉ ốm ngày 07/12, có giấy của trạm y tế; đã nhận việc sáng nay.');
    expect(vinh.last()).toContain('✅ Đã gửi giải trình GT-2026-0001 tới người yêu cầu.');
    expect(head.last()).toContain('📄 GT-2026-0001: giải trình của đ/c Đào Quang Vinh, Chuyên viên');
    expect(head.last()).toContain('Nội dung giải trình: Tôi nghỉ ốm ngày 07/12');
    const row = await fx.db.explanationDemand.findFirstOrThrow({ where: { code: 'GT-2026-0001' } });
    expect([row.status, row.itemKind]).toEqual(['ANSWERED', 'TASK']);
    const clock = await fx.db.clock.findFirstOrThrow({ where: { itemKind: 'EXPLANATION', itemId: row.id } });
    expect([clock.kind, clock.state]).toEqual(['EXPLANATION_ANSWER', 'STOPPED']);
    await vinh.pressData(encodeAction('explain.answer', row.id));
    expect(vinh.last()).toContain('GT-2026-0001 đã được trả lời');
  });

  test("from an overdue task's card, with the superior's own question; unanswered, it climbs the ladder", async ({ fx }) => {
    const { head, ha, hung, give } = await firstExplained(fx);
    await fx.setTime(iso('2026-12-08T10:00:00'));
    const ignored = await give('TCKH-04', 'Báo cáo nhanh thiệt hại do mưa lớn', '2026-12-08T12:00:00', 'URGENT');
    await acceptTask(fx.app, OfficialId(await fx.officialId('TCKH-04')), ignored);
    await fx.setTime(iso('2026-12-08T12:05:00'));
    await head.pressData(encodeAction('task.view', ignored));
    expect(head.last()).toContain('Đã quá hạn');
    await head.press('Yêu cầu giải trình');
    await head.say('Đề nghị giải trình vì sao chưa có báo cáo nhanh, và thời điểm gửi được.');
    expect(head.last()).toContain('GT-2026-0002');
    // URGENT: 4 wall hours to explain, then the ladder every 2 hours, day or night.
    expect(head.last()).toContain('Thời hạn giải trình: 16:05 08/12/2026');
    const before = { ha: ha.texts().length, head: head.texts().length, hung: hung.texts().length };
    await fx.setTime(iso('2026-12-08T16:05:00'));
    expect(ha.since(before.ha).filter((t) => t.includes('GT-2026-0002'))).toEqual([expect.stringContaining('⏰ Nhắc: GT-2026-0002 chưa có giải trình')]);
    await fx.setTime(iso('2026-12-08T18:05:00'));
    expect(ha.last()).toContain('⏰ Nhắc lần 2 — GT-2026-0002 chưa có giải trình');
    expect(ha.last()).toContain('Nếu đến 20:05 08/12/2026 chưa giải trình, hệ thống sẽ báo cáo đ/c Võ Thanh Sơn');
    await fx.setTime(iso('2026-12-08T20:05:00'));
    const toHead = head.since(before.head).filter((t) => t.includes('GT-2026-0002'));
    expect(toHead).toEqual([expect.stringContaining('⚠️ Báo cáo cấp trên: GT-2026-0002 chưa có giải trình')]);
    expect(toHead[0]).toContain('đ/c Nguyễn Thị Thu Hà, Chuyên viên được đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch yêu cầu giải trình');
    await fx.setTime(iso('2026-12-08T22:05:00'));
    expect(hung.since(before.hung).filter((t) => t.includes('GT-2026-0002'))).toEqual([
      expect.stringContaining('⚠️ Báo cáo cấp trên: GT-2026-0002 chưa có giải trình'),
    ]);
    const d = await fx.db.explanationDemand.findFirstOrThrow({ where: { code: 'GT-2026-0002' } });
    const sent = await fx.db.reminder.findMany({ where: { itemKind: 'EXPLANATION', itemId: d.id }, orderBy: { id: 'asc' } });
    expect(sent.map((r) => [r.level, r.kind])).toEqual([
      [0, 'REMINDER'],
      [1, 'REMINDER'],
      [2, 'ESCALATION'],
      [3, 'ESCALATION'],
    ]);
  });

  test('refuses what is out of reach or not called for', async ({ fx }) => {
    const { head, vinh, hung, otherHead, give, ignored } = await ignoredDemand(fx);
    // A colleague, and the head of another unit, may not demand it.
    await vinh.pressData(encodeAction('task.explain', ignored));
    expect(vinh.last()).toContain('Chỉ cấp trên của người có trách nhiệm');
    await otherHead.pressData(encodeAction('task.explain', ignored));
    expect(otherHead.last()).toContain('Chỉ cấp trên của người có trách nhiệm');
    // One open demand per item and person.
    await head.pressData(encodeAction('task.explain', ignored));
    expect(head.last()).toContain('Đã có yêu cầu giải trình GT-2026-0002');
    // Nothing overdue, flagged or escalated: nothing to explain yet.
    const fresh = await give('TCKH-04', 'Lập dự toán chi thường xuyên 2027', '2026-12-30T17:00:00', 'NORMAL');
    await head.pressData(encodeAction('task.explain', fresh));
    expect(head.last()).toContain('NV-2026-0003 chưa quá hạn, chưa có dấu hiệu hay báo cáo cấp trên nào');
    // Only the person answers; others cannot even open it.
    const d = await fx.db.explanationDemand.findFirstOrThrow({ where: { code: 'GT-2026-0002' } });
    await vinh.pressData(encodeAction('explain.answer', d.id));
    expect(vinh.last()).toContain('Yêu cầu giải trình GT-2026-0002 không gửi cho đồng chí');
    await otherHead.pressData(encodeAction('explain.view', d.id));
    expect(otherHead.last()).toContain('nằm ngoài phạm vi đồng chí được xem');
    await hung.pressData(encodeAction('explain.view', d.id));
    expect(hung.last()).toContain('📄 GT-2026-0002 · Chờ giải trình');
    // Kept with the item: the task's card lists it.
    await head.pressData(encodeAction('task.view', ignored));
    expect(head.last()).toContain('📄 GT-2026-0002: yêu cầu giải trình đ/c Nguyễn Thị Thu Hà, Chuyên viên, hạn 16:05 08/12/2026 · Chờ giải trình');
  });
});
