// Deadlines far ahead (issue 19.3): refused with a clear answer at the step where they are typed (both languages),
// by the use cases too (the CLI's path), and the latest deadline the policy allows runs its whole life without
// the internal-error answer. In process (tests/support/app-fixture.ts), each test on its own copy of the sample
// district; nothing here needed HTTP, Redis or a platform.
import { describe, expect } from 'vitest';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { test, type AppFixture, type FixturePerson } from '../support/app-fixture.js';

const INTERNAL_VI = 'Hệ thống đang gặp sự cố';
const INTERNAL_EN = 'Something went wrong';

async function cast(fx: AppFixture) {
  return {
    asker: await fx.person('VPUB-01'),
    head: await fx.person('BTC-01'),
    member: await fx.person('BTC-03'),
  };
}

/**
 * Moves time at once and runs each clock that fell due once, late, as its delayed job does when the reconciler
 * promotes it after a long pause (the e2e harness's `advance`). Walking five years level by level would fire the
 * urgent task's daily progress reminder some 1,250 times.
 */
async function jump(fx: AppFixture, ms: number): Promise<void> {
  fx.time.set(new Date(fx.time.now().getTime() + ms));
  const due = await fx.db.clock.findMany({ where: { state: 'ACTIVE', nextAt: { lte: fx.time.now() } }, orderBy: { id: 'asc' } });
  await fx.fire(due.map((c) => ({ id: c.id, generation: c.generation, level: c.level, cycle: c.cycle })));
}

function expectNoInternalError(...people: FixturePerson[]): void {
  for (const u of people) for (const text of u.texts()) expect(text).not.toMatch(new RegExp(`${INTERNAL_VI}|${INTERNAL_EN}`));
}

describe('far-future deadlines', () => {
  test('/xinykien with a deadline of 31/12/2399 is refused at the deadline step; a date within 5 years goes through', async ({ fx }) => {
    const { asker, head, member } = await cast(fx);
    await asker.say('/xinykien Trần Thị Bích Ngọc');
    await asker.press('Xong');
    await asker.say('Phương án sắp xếp bộ phận một cửa');
    await asker.say('Đề nghị cho ý kiến về phương án kèm theo');
    await asker.press('Thường');
    await asker.say('31/12/2399');
    expect(asker.last()).toContain('Thời hạn quá xa: chỉ nhận thời hạn trong vòng 5 năm tới (muộn nhất 09:00 07/12/2031)');
    await asker.say('07/12/2031'); // 17:00 that day: after the limit
    expect(asker.last()).toContain('Thời hạn quá xa');
    await asker.say('06/12/2031 16:00');
    await asker.press('Bỏ qua');
    expect(asker.last()).toContain('Thời hạn trả lời: 16:00 06/12/2031');
    await asker.press('Gửi xin ý kiến');
    expect(asker.last()).toContain('✅ Đã gửi xin ý kiến');
    expectNoInternalError(asker, head, member);
  });

  test('/giaoviec and an extension refuse 2399 at their date step, in English too', async ({ fx }) => {
    const { asker, head, member } = await cast(fx);
    await head.say('/giaoviec BTC-03');
    await head.say('Rà soát hồ sơ cán bộ diện quy hoạch');
    await head.say('Danh sách rà soát gửi Ban Thường vụ');
    await head.say('31/12/2399 17:00');
    expect(head.last()).toContain('Thời hạn quá xa');
    await head.say('18/12/2026');
    await head.press('Thường');
    await head.press('Giao việc');
    await member.say('/lang en');
    await member.press('Xin gia hạn');
    await member.say('2399-12-31');
    expect(member.last()).toContain('That deadline is too far ahead: a deadline can be at most 5 years from now');
    await member.say('01/01/2032');
    expect(member.last()).toContain('too far ahead');
    await member.say('/cancel');
    expectNoInternalError(asker, head, member);
  });

  test('the use cases refuse it too (the CLI path)', async ({ fx }) => {
    const by = OfficialId(await fx.officialId('BTC-01'));
    const to = OfficialId(await fx.officialId('BTC-03'));
    const far = new Date('2399-12-31T10:00:00Z');
    await expect(
      assignTask(fx.app, by, { assigneeId: to, title: 'Việc rất xa', expectedResult: 'Báo cáo', deadline: far, priority: 'NORMAL' }),
    ).rejects.toMatchObject({ key: 'deadline-too-far' });
    await expect(
      askForOpinion(fx.app, by, { respondentIds: [to], subject: 'Vấn đề xa', question: 'Câu hỏi xa', deadline: far, priority: 'HIGH' }),
    ).rejects.toMatchObject({ key: 'deadline-too-far' });
    expect(await fx.db.task.count({ where: { title: 'Việc rất xa' } })).toBe(0);
  });

  test('the latest deadline allowed lives its whole life: accepted, reminded, overdue', async ({ fx }) => {
    const { asker, head, member } = await cast(fx);
    await member.say('/lang en'); // the task comes, and climbs its ladder, in English
    await head.say('/giaoviec BTC-03');
    await head.say('Xây dựng đề án nhân sự nhiệm kỳ sau');
    await head.say('Đề án trình Ban Thường vụ');
    await head.say('07/12/2031 08:59');
    await head.press('Khẩn');
    await head.press('Giao việc');
    const task = await fx.db.task.findFirstOrThrow({ where: { title: 'Xây dựng đề án nhân sự nhiệm kỳ sau' } });
    expect(task.deadline.toISOString()).toBe('2031-12-07T01:59:00.000Z');
    await member.press('Accept');
    for (let i = 0; i < 8; i++) await jump(fx, 300 * 86_400_000); // past the deadline and up its ladder
    expect(member.texts().some((x) => x.includes(task.code) && x.includes('overdue'))).toBe(true);
    expectNoInternalError(asker, head, member);
  });
});
