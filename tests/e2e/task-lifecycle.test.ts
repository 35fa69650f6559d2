import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// The task's life is tested in process (tests/app/task-lifecycle.test.ts); here, what needs Telegram itself: a photo
// sent with a progress report reaches the assigner as a Telegram photo, by its file id, through the webhook and the
// delivery worker. Phòng Tài chính – Kế hoạch: head TCKH-01 assigns to member TCKH-03.
describe('a task on Telegram: the photo of a progress report over the webhook', () => {
  let h: Harness;
  let head: TelegramUser;
  let member: TelegramUser;

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    head = telegramUser(h, await h.link('TCKH-01', 1001));
    member = telegramUser(h, await h.link('TCKH-03', 1003));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a photo sent with a progress report is forwarded to the assigner with sendPhoto', async () => {
    const task = await h.give('TCKH-01', 'TCKH-03', {
      title: 'Tổng hợp dự toán ngân sách năm 2027',
      expectedResult: 'Bảng dự toán theo mẫu của Sở Tài chính, trình UBND huyện',
      deadline: new Date('2026-12-11T09:00:00Z'),
      priority: 'HIGH',
    });
    await acceptTask(h.app, OfficialId(await h.officialId('TCKH-03')), task.id);
    await h.idle();
    await member.command('baocao');
    await member.say('40');
    await member.photo('photo-file-1', 'Đã tổng hợp xong 3/7 phòng');
    expect(member.last()).toContain('40%');
    const photo = h.tg.callsForChat(1001).find((c) => c.method === 'sendPhoto');
    expect(photo?.params.photo).toBe('photo-file-1');
    expect(head.texts().some((t) => t.includes('📈 Báo cáo tiến độ NV-2026-0001: 40%') && t.includes('Đã tổng hợp xong 3/7 phòng'))).toBe(true);
  });
});
