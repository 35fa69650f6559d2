import { describe, expect, test as base } from 'vitest';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser } from '../support/telegram-user.js';
import { parseOptions, zaloUser } from '../support/zalo-user.js';

// What waited before a person linked (issue 13, point 5): the head of Phòng Tài chính – Kế hoạch gives two tasks
// before linking any chat; they are not accepted, the escalations fall to the head, and nothing can reach them. When
// the head links on Zalo, one summary lists what waits, with numbers that open each item.
//
// That waiting takes four working days of clock, so it is built once per file (a file-scoped fixture, before any
// test runs) and no test moves the clock. Each test then touches only its own people: the first only reads, the
// second is the only one to link TCKH-01, the third the only one to touch TCKH-04. None needs another to have run.
const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();

interface Waited {
  h: Harness;
  headId: number;
}

const test = base.extend<{ $file: { waited: Waited } }>({
  waited: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const h = await createHarness({ start: iso('2026-12-11T11:00:00') });
      try {
        await h.importSample();
        telegramUser(h, await h.link('TCKH-03', 4103));
        const headId = OfficialId(await h.officialId('TCKH-01'));
        const memberId = OfficialId(await h.officialId('TCKH-03'));
        for (const title of ['Rà soát hồ sơ hộ nghèo năm 2026', 'Báo cáo thu ngân sách tháng 12']) {
          await assignTask(h.app, headId, {
            assigneeId: memberId,
            title,
            expectedResult: 'Văn bản báo cáo',
            deadline: at('2026-12-31T17:00:00'),
            priority: 'NORMAL',
          });
        }
        await h.idle();
        for (const time of ['07:30', '09:30', '11:30', '13:30']) await h.setTime(iso(`2026-12-14T${time}:00`));
        await use({ h, headId });
      } finally {
        await h.close();
      }
    },
    { scope: 'file' },
  ],
});

describe('linking after things waited', () => {
  test('the escalations were addressed to the head while no chat could reach them', async ({ waited: { h, headId } }) => {
    const escalations = await h.db.db.reminder.findMany({ where: { kind: 'ESCALATION', recipientId: headId } });
    expect(escalations.length).toBeGreaterThan(0);
    // One per task (the summary's count below), and none reached a chat.
    expect(new Set(escalations.map((r) => r.itemId)).size).toBe(2);
    expect(escalations.filter((r) => r.delivered === true)).toEqual([]);
  });

  test('on linking the head gets one summary of what waits, with numbers that open each item', async ({ waited: { h } }) => {
    const head = zaloUser(h, 'head-late');
    await h.linkZalo('TCKH-01', head.id);
    const texts = head.texts();
    const summary = texts.find((t) => t.startsWith('📥'));
    expect(summary).toBeDefined();
    expect(summary).toContain('Báo cáo cấp trên gửi đồng chí trong 3 ngày làm việc qua: 2');
    expect(summary).toContain('NV-2026-0001 · Rà soát hồ sơ hộ nghèo năm 2026');
    expect(summary).toContain('NV-2026-0002 · Báo cáo thu ngân sách tháng 12');
    expect(summary).not.toMatch(/bấm/i);
    const view = parseOptions(summary!).find((o) => o.label === 'Xem NV-2026-0002')!;
    expect(view).toBeDefined();
    await head.say(String(view.n));
    expect(head.last()).toContain('NV-2026-0002');
    expect(head.last()).toContain('Báo cáo thu ngân sách tháng 12');
    if (process.env.SHOW_SUMMARY) console.log(summary);
  });

  test('on Telegram too: a task given before linking waits in the summary, with its button', async ({ waited: { h } }) => {
    const task = await h.give('TCKH-01', 'TCKH-04', { title: 'Tổng hợp dự toán năm 2027', deadline: at('2026-12-31T17:00:00') });
    const member = telegramUser(h, await h.link('TCKH-04', 4104));
    const summary = member.texts().find((t) => t.startsWith('📥'));
    expect(summary).toContain('Nhiệm vụ cần đồng chí xử lý: 1');
    expect(summary).toContain(`${task.code} · Tổng hợp dự toán năm 2027`);
    expect(member.buttons().map((b) => b.text)).toContain(`Xem ${task.code}`);
  });
});
