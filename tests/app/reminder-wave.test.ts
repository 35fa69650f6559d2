// One message per person per wave (PRODUCT.md §4): five tasks given on Friday at 11:00 have 4 working hours to be
// accepted, which run out at 17:00, closing time; all five reminders go out together at 07:30 on Monday. In process
// (tests/support/app-fixture.ts): each test gives the five tasks on its own copy of the sample district and walks to
// its point, so one failure hides nothing else. The merge through the workers' gathering window and Telegram stays
// in tests/e2e/notice-wave.test.ts.
import { describe, expect, test as base } from 'vitest';
import { createAppFixture, type AppFixture, type FixturePerson } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();
const TITLES = [
  'Rà soát hồ sơ hộ nghèo năm 2026',
  'Tổng hợp kiến nghị cử tri kỳ họp cuối năm',
  'Báo cáo thu ngân sách tháng 12',
  'Kiểm tra công tác phòng cháy tại chợ huyện',
  'Chuẩn bị tài liệu hội nghị tổng kết',
];

interface Given {
  fx: AppFixture;
  head: FixturePerson; // TCKH-01
  member: FixturePerson; // TCKH-03
  /** The five tasks' codes, in the order they were given. */
  codes: string[];
}

/** Friday 11:00: the head gives TCKH-03 the five tasks, each through the use case. */
const test = base.extend<{ given: Given }>({
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
  given: async ({}, use) => {
    const fx = await createAppFixture({ start: iso('2026-12-11T11:00:00') });
    const head = await fx.person('TCKH-01');
    const member = await fx.person('TCKH-03');
    const codes: string[] = [];
    for (const title of TITLES)
      codes.push((await fx.give('TCKH-01', 'TCKH-03', { title, expectedResult: 'Văn bản báo cáo gửi Phòng', deadline: at('2026-12-31T17:00:00') })).code);
    await use({ fx, head, member, codes });
    await fx.close();
  },
});

/** Monday 07:30, then the member accepts the third task from the wave's buttons. */
async function thirdAccepted({ fx, member, codes }: Given): Promise<void> {
  await fx.setTime(iso('2026-12-14T07:30:00'));
  await member.press(`${codes[2]} · Nhận việc`);
}

describe('reminders due together for one person', () => {
  test('each new task came on its own; all five times to accept run out at the Monday opening', async ({ given: { fx, member, codes } }) => {
    expect(codes).toEqual(['NV-2026-0001', 'NV-2026-0002', 'NV-2026-0003', 'NV-2026-0004', 'NV-2026-0005']);
    expect(member.texts().filter((t) => t.startsWith('📌 Nhiệm vụ mới'))).toHaveLength(5);
    const clocks = await fx.db.clock.findMany({ where: { kind: 'TASK_ACCEPT' } });
    expect(clocks.map((c) => c.dueAt.toISOString())).toEqual(Array(5).fill(iso('2026-12-14T07:30:00')));
  });

  test('at 07:30 on Monday the person gets ONE message listing the five tasks, each with its own buttons', async ({ given: { fx, member, codes } }) => {
    const before = member.texts().length;
    await fx.setTime(iso('2026-12-14T07:30:00'));
    const wave = member.since(before);
    expect(wave).toHaveLength(1);
    const text = wave[0]!;
    expect(text.startsWith('⏰ Nhắc việc: 5 nội dung cần đồng chí xử lý')).toBe(true);
    for (const code of codes) expect(text.split(`⏰ Nhắc: ${code} chưa được nhận việc`)).toHaveLength(2);
    const buttons = member.buttons();
    for (const code of codes) {
      expect(buttons.filter((b) => b.label.startsWith(`${code} · `)).map((b) => b.label.slice(code.length + 3))).toEqual([
        'Nhận việc',
        'Xin gia hạn',
        'Từ chối / đề xuất chuyển',
      ]);
    }
    expect(await fx.db.reminder.count({ where: { level: 0, delivered: true } })).toBe(5);
  });

  test('a button in the wave acts on its own task only', async ({ given }) => {
    await thirdAccepted(given);
    const tasks = await given.fx.db.task.findMany({ orderBy: { id: 'asc' } });
    expect(tasks.map((t) => t.status)).toEqual(['ASSIGNED', 'ASSIGNED', 'ACCEPTED', 'ASSIGNED', 'ASSIGNED']);
  });

  test('the next level of the four left comes as one message too', async ({ given }) => {
    const { fx, member, codes } = given;
    await thirdAccepted(given);
    const before = member.texts().length;
    await fx.setTime(iso('2026-12-14T09:30:00'));
    const wave = member.since(before);
    expect(wave).toHaveLength(1);
    expect(wave[0]).toContain('4 nội dung');
    expect(wave[0]).not.toContain(codes[2]);
  });

  test('the escalations to the head are grouped the same way, with nudge and details for each', async ({ given }) => {
    const { fx, head, codes } = given;
    await thirdAccepted(given);
    await fx.setTime(iso('2026-12-14T09:30:00'));
    const before = head.texts().length;
    await fx.setTime(iso('2026-12-14T11:30:00')); // level 2 falls at the start of lunch: it waits until 13:30
    expect(head.since(before)).toEqual([]);
    await fx.setTime(iso('2026-12-14T13:30:00'));
    const wave = head.since(before);
    expect(wave).toHaveLength(1);
    expect(wave[0]).toContain('4 nội dung');
    const left = codes.filter((c) => c !== codes[2]);
    for (const code of left) expect(wave[0]).toContain(`⚠️ Báo cáo cấp trên: ${code} chưa được nhận việc`);
    // Items are listed in the order they were queued (the clocks fire in parallel).
    expect(
      head
        .buttons()
        .map((b) => b.label)
        .sort(),
    ).toEqual(left.flatMap((c) => [`${c} · Nhắc lại`, `${c} · Xem chi tiết`, `${c} · Yêu cầu giải trình`]));
    const escalations = await fx.db.reminder.findMany({ where: { kind: 'ESCALATION' } });
    expect(new Set(escalations.map((r) => r.outboxId?.toString())).size).toBe(4); // four rows, merged when sent
  });
});
