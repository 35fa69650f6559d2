import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotice } from '../../src/app/notices/create-notice.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// One message per person per wave (issue 15 §3): a notice to confirm by Friday 17:00 and a task to accept given on
// Friday at 11:00 both run out at closing time; on Monday at 07:30 the person gets one message with both.
const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();

describe('a notice reminder merged with a task reminder', () => {
  let h: Harness;
  let member: TelegramUser;

  beforeAll(async () => {
    h = await createHarness({ start: iso('2026-12-11T11:00:00'), waveWindowMs: 1000 });
    await h.importSample();
    telegramUser(h, await h.link('TCKH-01', 4101));
    member = telegramUser(h, await h.link('TCKH-03', 4103));
    const headId = OfficialId(await h.officialId('TCKH-01'));
    const memberId = OfficialId(await h.officialId('TCKH-03'));
    await assignTask(h.app, headId, {
      assigneeId: memberId,
      title: 'Báo cáo thu ngân sách tháng 12',
      expectedResult: 'Văn bản báo cáo gửi Phòng',
      deadline: at('2026-12-31T17:00:00'),
      priority: 'NORMAL',
    });
    await createNotice(h.app, headId, {
      scopes: [{ kind: 'person', officialId: memberId }],
      title: 'Kế hoạch thực hiện Chỉ thị 56-CT/TW',
      summary: 'Quán triệt đến từng cán bộ, công chức trong phòng.',
      deadline: at('2026-12-11T17:00:00'),
      document: null,
    });
    await h.idle();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('both clocks run out at the Monday opening, and the person gets ONE message with both items', async () => {
    const clocks = await h.db.db.clock.findMany({ orderBy: { id: 'asc' } });
    expect(clocks.map((c) => [c.kind, c.dueAt.toISOString()])).toEqual([
      ['TASK_ACCEPT', iso('2026-12-14T07:30:00')],
      ['NOTICE_CONFIRM', iso('2026-12-14T07:30:00')],
    ]);
    const before = member.texts().length;
    await h.setTime(iso('2026-12-14T07:30:00'));
    const wave = member.since(before);
    expect(wave).toHaveLength(1);
    expect(wave[0]).toContain('⏰ Nhắc: NV-2026-0001 chưa được nhận việc');
    expect(wave[0]).toContain('⏰ Nhắc: QT-2026-0001 chưa xác nhận đã đọc');
    await member.press('QT-2026-0001 · Đã đọc, đã nắm nội dung');
    expect(await h.db.db.noticeRecipient.count({ where: { confirmedAt: { not: null } } })).toBe(1);
    expect((await h.db.db.task.findFirstOrThrow()).status).toBe('ASSIGNED');
  });
});
