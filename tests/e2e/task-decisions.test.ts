import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { callbackQuery, command, textMessage, user } from '../support/updates.js';

const at = (local: string) => new Date(`${local}+07:00`);

// The decisions themselves are tested in process (tests/app/task-decisions.test.ts); here, what needs the webhook.
describe('task decisions over the Telegram webhook: duplicates, forged requests, strangers, long text', () => {
  let h: Harness;
  let head: TelegramUser;
  let an: TelegramUser; // BTC-03

  const give = (title: string, assignee = 'BTC-03', deadline = '2026-12-18T17:00:00') =>
    h.give('BTC-01', assignee, { title, expectedResult: 'Báo cáo bằng văn bản gửi Ban Thường vụ', deadline: at(deadline) });

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    await h.importSample();
    head = telegramUser(h, await h.link('BTC-01', 3001));
    an = telegramUser(h, await h.link('BTC-03', 3003));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an update delivered twice has one effect', async () => {
    const task = await give('Chuẩn bị nội dung hội nghị sơ kết');
    const press = callbackQuery(user(3003), encodeAction('task.accept', task.id));
    expect(await h.post(press)).toBe(200);
    expect(await h.post(press)).toBe(200);
    await h.idle();
    const events = await h.db.db.taskEvent.count({ where: { taskId: task.id, kind: 'ACCEPTED' } });
    expect(events).toBe(1);
    expect(an.texts().filter((t) => t.includes(`Đồng chí đã nhận nhiệm vụ ${task.code}`))).toHaveLength(1);
    expect(head.texts().filter((t) => t.includes(`✅ ${task.code} đã được nhận`))).toHaveLength(1);
  });

  it('a forged webhook gets 401 and has no effect', async () => {
    const before = await h.db.db.processedUpdate.count();
    expect(await h.post(command(user(3003), '/viec'), 'wrong-secret-000000')).toBe(401);
    expect(await h.post(command(user(3003), '/viec'), '')).toBe(401);
    expect(await h.db.db.processedUpdate.count()).toBe(before);
  });

  it('an unlinked user can only link; odd text gets a clear answer', async () => {
    const stranger = telegramUser(h, 3777);
    await stranger.command('viec');
    expect(stranger.last()).toContain('chưa được liên kết');
    await stranger.command('start', 'WRONG123');
    expect(stranger.last()).toContain('Mã mời không đúng');
    await an.say('\u202Eabc\u0000 xin chào');
    expect(an.last()).toContain('/trogiup');
    await h.post(textMessage(user(3003), 'x'.repeat(5000)));
    await h.idle();
    expect(an.last()).toContain('quá dài');
  });
});
