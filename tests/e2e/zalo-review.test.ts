// A backlog review on Zalo (issue 16.1), through HTTP, Redis and the Zalo platform: the head starts it with a numbered
// reply, the owner decides an overdue task by number and text, the task is completed through its own use case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

describe('a review on Zalo: numbered choices instead of buttons', () => {
  let h: Harness;
  let head: ZaloUser;
  let member: ZaloUser;

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    head = zaloUser(h, 'son', { displayName: 'Sơn' });
    member = zaloUser(h, 'vinh', { displayName: 'Vinh' });
    for (const [u, code] of [
      [head, 'TCKH-01'],
      [member, 'TCKH-03'],
    ] as const)
      await u.say(`/start ${(await issueInvite(h.app, { officialCode: code, now: h.timeSource.now() })).code}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the head starts, the owner answers "done" by number and the task is completed', async () => {
    const task = await h.give('TCKH-01', 'TCKH-03', { title: 'Tổng hợp dự toán ngân sách năm 2027', deadline: new Date('2026-12-07T04:00:00Z') }); // 11:00 on the harness's Monday
    await h.advance(3 * 3_600_000); // past the deadline: the task is overdue
    await head.command('rasoat');
    expect(head.last()).toContain('chưa mở đợt rà soát nào');
    await head.choose('Bắt đầu rà soát');
    expect(head.last()).toContain('Đã mở đợt rà soát RS-2026-0001: 1 nhiệm vụ');
    await h.idle();
    const card = member.texts().find((x) => x.includes('🔎 Rà soát RS-2026-0001'))!;
    expect(card).toContain(`${task.code} "Tổng hợp dự toán ngân sách năm 2027"`);
    expect(card).not.toMatch(/bấm/i);
    expect(member.options().map((o) => o.label)).toEqual(['Đã xong', 'Giữ, hẹn lại', 'Đề xuất chuyển', 'Đề xuất dừng']);
    await member.choose('Đã xong');
    expect(member.last()).toContain('đề nghị nhập kết quả đạt được');
    await member.say('Đã gửi bảng dự toán lên UBND huyện.');
    expect(member.last()).toContain(`Đã ghi quyết định về nhiệm vụ ${task.code}: đã xong`);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('DONE');
    expect((await h.db.db.reviewItem.findFirstOrThrow()).applied).toBe('completed');
    // Accepting and completing were one change: no reminder of the task's own clocks reaches the owner after "done"
    // (one did, about one run in five, while accepting was a transaction of its own).
    await h.idle();
    expect(member.last()).toContain(`Đã ghi quyết định về nhiệm vụ ${task.code}: đã xong`);
  });
});
