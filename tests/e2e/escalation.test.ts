import { describe, expect, test as base } from 'vitest';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// Each rung of the ladder is tested in process (tests/app/escalation.test.ts); here, the ladder on queued jobs: the
// delayed clock jobs in Redis fire each level and the delivery worker sends it to Telegram and marks it delivered.
// Times are Hà Nội (UTC+7). Monday 07/12/2026 09:00 the head of Phòng TCKH gives a NORMAL task to TCKH-03.
// Both tests move the clock from that Monday morning, and a harness's clock only moves forward, so each test gets
// its own harness with the task just given: neither continues the other, and either runs alone or first.
const at = (local: string) => new Date(`${local}+07:00`).toISOString();

interface Ladder {
  h: Harness;
  member: TelegramUser;
  head: TelegramUser;
  taskId: number;
}

const test = base.extend<{ ladder: Ladder }>({
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
  ladder: async ({}, use) => {
    const h = await createHarness({ start: at('2026-12-07T09:00:00') });
    try {
      await h.importSample();
      const member = telegramUser(h, await h.link('TCKH-03', 2003));
      const head = telegramUser(h, await h.link('TCKH-01', 2001));
      const r = await assignTask(h.app, OfficialId(await h.officialId('TCKH-01')), {
        assigneeId: OfficialId(await h.officialId('TCKH-03')),
        title: 'Rà soát hồ sơ đề nghị hỗ trợ thiệt hại do bão',
        expectedResult: 'Danh sách hộ đủ điều kiện, có xác nhận của xã',
        deadline: new Date(at('2026-12-18T17:00:00')),
        priority: 'NORMAL',
      });
      await h.idle();
      await use({ h, member, head, taskId: r.task.id });
    } finally {
      await h.close();
    }
  },
});

/** The three moves of the clock that fire levels 0, 1 and 2 (the last one at the head). */
const LEVELS = [at('2026-12-07T15:00:00'), at('2026-12-08T07:30:00'), at('2026-12-08T09:30:00')] as const;

describe('a task nobody accepts climbs the ladder on queued jobs', () => {
  test('levels 0 to 2 fire from their jobs and reach Telegram, each marked delivered', async ({ ladder: { h, member, head, taskId } }) => {
    await h.setTime(LEVELS[0]);
    expect(member.last()).toContain('⏰ Nhắc: NV-2026-0001 chưa được nhận việc');
    await h.setTime(LEVELS[1]);
    expect(member.last()).toContain('⏰ Nhắc lần 2: NV-2026-0001 chưa được nhận việc');
    await h.setTime(LEVELS[2]);
    expect(head.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    expect(head.buttons().map((b) => b.text)).toEqual(['Nhắc lại', 'Xem chi tiết', 'Yêu cầu giải trình']);
    const accept = await h.db.db.clock.findFirstOrThrow({ where: { itemId: taskId, kind: 'TASK_ACCEPT' } });
    const reminders = await h.db.db.reminder.findMany({ where: { clockId: accept.id }, orderBy: { id: 'asc' } });
    expect(reminders.map((r) => [r.level, r.delivered])).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
  });

  test('the superior nudges with one tap over the webhook', async ({ ladder: { h, member, head } }) => {
    // The same climb, walked here without the checks of the test above: the escalation must be at the head.
    for (const time of LEVELS) await h.setTime(time);
    expect(head.last()).toContain('⚠️ Báo cáo cấp trên: NV-2026-0001 chưa được nhận việc');
    await head.press('Nhắc lại');
    expect(member.last()).toContain('🔔 đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch nhắc đồng chí về NV-2026-0001');
    expect(head.last()).toContain('Đã nhắc');
  });
});
