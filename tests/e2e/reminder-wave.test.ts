import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// One message per person per wave (PRODUCT.md §4): five tasks given on Friday at 11:00 have 4 working hours to be
// accepted, which run out at 17:00, closing time; all five reminders go out together at 07:30 on Monday.
const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();
const TITLES = [
  'Rà soát hồ sơ hộ nghèo năm 2026',
  'Tổng hợp kiến nghị cử tri kỳ họp cuối năm',
  'Báo cáo thu ngân sách tháng 12',
  'Kiểm tra công tác phòng cháy tại chợ huyện',
  'Chuẩn bị tài liệu hội nghị tổng kết',
];

describe('reminders due together for one person', () => {
  let h: Harness;
  let head: TelegramUser;
  let member: TelegramUser;
  const codes = TITLES.map((_, i) => `NV-2026-000${i + 1}`);

  beforeAll(async () => {
    // A generous gathering window: the test machine may be busy, the point is the merge.
    h = await createHarness({ start: iso('2026-12-11T11:00:00'), waveWindowMs: 1000 });
    await h.importSample();
    head = telegramUser(h, await h.link('TCKH-01', 4001));
    member = telegramUser(h, await h.link('TCKH-03', 4003));
    const headId = OfficialId(await h.officialId('TCKH-01'));
    const memberId = OfficialId(await h.officialId('TCKH-03'));
    for (const title of TITLES) {
      await assignTask(h.app, headId, {
        assigneeId: memberId,
        title,
        expectedResult: 'Văn bản báo cáo gửi Phòng',
        deadline: at('2026-12-31T17:00:00'),
        priority: 'NORMAL',
      });
    }
    await h.idle();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('each new task came on its own; all five times to accept run out at the Monday opening', async () => {
    expect(member.texts().filter((t) => t.startsWith('📌 Nhiệm vụ mới'))).toHaveLength(5);
    const clocks = await h.db.db.clock.findMany({ where: { kind: 'TASK_ACCEPT' } });
    expect(clocks.map((c) => c.dueAt.toISOString())).toEqual(Array(5).fill(iso('2026-12-14T07:30:00')));
  });

  it('at 07:30 on Monday the person gets ONE message listing the five tasks, each with its own buttons', async () => {
    const before = member.texts().length;
    await h.setTime(iso('2026-12-14T07:30:00'));
    const wave = member.since(before);
    expect(wave).toHaveLength(1);
    const text = wave[0]!;
    expect(text.startsWith('⏰ Nhắc việc: 5 nội dung cần đồng chí xử lý')).toBe(true);
    for (const code of codes) expect(text.split(`⏰ Nhắc: ${code} chưa được nhận việc`)).toHaveLength(2);
    const buttons = member.buttons();
    for (const code of codes) {
      expect(buttons.filter((b) => b.text.startsWith(`${code} · `)).map((b) => b.text.slice(code.length + 3))).toEqual([
        'Nhận việc',
        'Xin gia hạn',
        'Từ chối / đề xuất chuyển',
      ]);
    }
    expect(await h.db.db.reminder.count({ where: { level: 0, delivered: true } })).toBe(5);
  });

  it('a button in the wave acts on its own task only', async () => {
    await member.press('NV-2026-0003 · Nhận việc');
    const tasks = await h.db.db.task.findMany({ orderBy: { id: 'asc' } });
    expect(tasks.map((t) => t.status)).toEqual(['ASSIGNED', 'ASSIGNED', 'ACCEPTED', 'ASSIGNED', 'ASSIGNED']);
  });

  it('the next level of the four left comes as one message too', async () => {
    const before = member.texts().length;
    await h.setTime(iso('2026-12-14T09:30:00'));
    const wave = member.since(before);
    expect(wave).toHaveLength(1);
    expect(wave[0]).toContain('4 nội dung');
    expect(wave[0]).not.toContain('NV-2026-0003');
  });

  it('the escalations to the head are grouped the same way, with nudge and details for each', async () => {
    const before = head.texts().length;
    await h.setTime(iso('2026-12-14T11:30:00')); // level 2 falls at the start of lunch: it waits until 13:30
    expect(head.since(before)).toEqual([]);
    await h.setTime(iso('2026-12-14T13:30:00'));
    const wave = head.since(before);
    expect(wave).toHaveLength(1);
    expect(wave[0]).toContain('4 nội dung');
    for (const code of codes.filter((c) => c !== 'NV-2026-0003')) expect(wave[0]).toContain(`⚠️ Báo cáo cấp trên: ${code} chưa được nhận việc`);
    // Items are listed in the order they were queued (the clocks fire in parallel).
    expect(
      head
        .buttons()
        .map((b) => b.text)
        .sort(),
    ).toEqual(codes.filter((c) => c !== 'NV-2026-0003').flatMap((c) => [`${c} · Nhắc lại`, `${c} · Xem chi tiết`, `${c} · Yêu cầu giải trình`]));
    const escalations = await h.db.db.reminder.findMany({ where: { kind: 'ESCALATION' } });
    expect(new Set(escalations.map((r) => r.outboxId?.toString())).size).toBe(4); // four rows, merged when sent
  });
});
