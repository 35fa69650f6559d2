// Deadlines far ahead (issue 19.3): refused with a clear answer at the step where they are typed (both languages),
// by the use cases too (the CLI's path), and the latest deadline the policy allows runs its whole life without
// the internal-error answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

const INTERNAL_VI = 'Hệ thống đang gặp sự cố';
const INTERNAL_EN = 'Something went wrong';

describe('far-future deadlines', () => {
  let h: Harness;
  let asker: TelegramUser; // VPUB-01
  let head: TelegramUser; // BTC-01
  let member: TelegramUser; // BTC-03
  const everyone = () => [asker, head, member];

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' }); // Mon 07/12/2026 09:00
    await h.importSample();
    asker = telegramUser(h, await h.link('VPUB-01', 7001));
    await h.link('PNV-01', 7002);
    head = telegramUser(h, await h.link('BTC-01', 7003));
    member = telegramUser(h, await h.link('BTC-03', 7004));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('/xinykien with a deadline of 31/12/2399 is refused at the deadline step; a date within 5 years goes through', async () => {
    await asker.command('/xinykien', 'Trần Thị Bích Ngọc');
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
  });

  it('/giaoviec and an extension refuse 2399 at their date step, in English too', async () => {
    await head.command('/giaoviec', 'BTC-03');
    await head.say('Rà soát hồ sơ cán bộ diện quy hoạch');
    await head.say('Danh sách rà soát gửi Ban Thường vụ');
    await head.say('31/12/2399 17:00');
    expect(head.last()).toContain('Thời hạn quá xa');
    await head.say('18/12/2026');
    await head.press('Thường');
    await head.press('Giao việc');
    await h.idle();
    await member.command('/lang', 'en');
    await member.press('Xin gia hạn');
    await member.say('2399-12-31');
    expect(member.last()).toContain('That deadline is too far ahead: a deadline can be at most 5 years from now');
    await member.say('01/01/2032');
    expect(member.last()).toContain('too far ahead');
    await member.command('/cancel');
  });

  it('the use cases refuse it too (the CLI path)', async () => {
    const by = OfficialId(await h.officialId('BTC-01'));
    const to = OfficialId(await h.officialId('BTC-03'));
    const far = new Date('2399-12-31T10:00:00Z');
    await expect(
      assignTask(h.app, by, { assigneeId: to, title: 'Việc rất xa', expectedResult: 'Báo cáo', deadline: far, priority: 'NORMAL' }),
    ).rejects.toMatchObject({ key: 'deadline-too-far' });
    await expect(
      askForOpinion(h.app, by, { respondentIds: [to], subject: 'Vấn đề xa', question: 'Câu hỏi xa', deadline: far, priority: 'HIGH' }),
    ).rejects.toMatchObject({ key: 'deadline-too-far' });
    expect(await h.db.db.task.count({ where: { title: 'Việc rất xa' } })).toBe(0);
  });

  it('the latest deadline allowed lives its whole life: accepted, reminded, overdue', async () => {
    await head.command('/giaoviec', 'BTC-03');
    await head.say('Xây dựng đề án nhân sự nhiệm kỳ sau');
    await head.say('Đề án trình Ban Thường vụ');
    await head.say('07/12/2031 08:59');
    await head.press('Khẩn');
    await head.press('Giao việc');
    await h.idle();
    const task = await h.db.db.task.findFirstOrThrow({ where: { title: 'Xây dựng đề án nhân sự nhiệm kỳ sau' } });
    expect(task.deadline.toISOString()).toBe('2031-12-07T01:59:00.000Z');
    await member.press('Accept');
    for (let i = 0; i < 8; i++) await h.advance(300 * 86_400_000); // past the deadline and up its ladder
    expect(member.texts().some((x) => x.includes(task.code) && x.includes('overdue'))).toBe(true);
    for (const u of everyone()) for (const text of u.texts()) expect(text).not.toMatch(new RegExp(`${INTERNAL_VI}|${INTERNAL_EN}`));
  });
});
