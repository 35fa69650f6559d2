// The Bot Platform's backlog review (tests/e2e/zalo-review.test.ts, issue 16.1) again on the Zalo OA (issue 11): the
// head starts it with a button, the owner decides an overdue task with a button and a typed result, and the task is
// completed through its own use case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/app-harness.js';
import { linkOaUser, oaUser, type OaUser } from '../support/oa-user.js';

describe('a review on the Zalo OA: buttons', () => {
  let h: Harness;
  let head: OaUser;
  let member: OaUser;

  beforeAll(async () => {
    h = await createHarness({ zaloOa: true });
    await h.importSample();
    head = oaUser(h, 'Võ Thanh Sơn');
    member = oaUser(h, 'Đào Quang Vinh');
    for (const [u, code] of [
      [head, 'TCKH-01'],
      [member, 'TCKH-03'],
    ] as const)
      await linkOaUser(h, u, code);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the head starts, the owner presses "done" and the task is completed', async () => {
    const task = await h.give('TCKH-01', 'TCKH-03', { title: 'Tổng hợp dự toán ngân sách năm 2027', deadline: new Date('2026-12-07T04:00:00Z') });
    await h.advance(3 * 3_600_000); // past the deadline: the task is overdue
    await head.command('rasoat');
    expect(head.last()).toContain('chưa mở đợt rà soát nào');
    await head.press('Bắt đầu rà soát');
    expect(head.last()).toContain('Đã mở đợt rà soát RS-2026-0001: 1 nhiệm vụ');
    await h.idle();
    const card = member.texts().find((x) => x.includes('🔎 Rà soát RS-2026-0001'))!;
    expect(card).toContain(`${task.code} "Tổng hợp dự toán ngân sách năm 2027"`);
    expect(member.buttons()).toEqual(['Đã xong', 'Giữ, hẹn lại', 'Đề xuất chuyển', 'Đề xuất dừng']);
    await member.press('Đã xong');
    expect(member.last()).toContain('đề nghị nhập kết quả đạt được');
    await member.say('Đã gửi bảng dự toán lên UBND huyện.');
    expect(member.last()).toContain(`Đã ghi quyết định về nhiệm vụ ${task.code}: đã xong`);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('DONE');
    expect((await h.db.db.reviewItem.findFirstOrThrow()).applied).toBe('completed');
    // Accepting and completing were one change: no reminder of the task's own clocks reaches the owner after "done".
    await h.idle();
    expect(member.last()).toContain(`Đã ghi quyết định về nhiệm vụ ${task.code}: đã xong`);
  });
});
