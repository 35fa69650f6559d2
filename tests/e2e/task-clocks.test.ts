import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptTask, decideExtension, requestExtension } from '../../src/app/tasks/respond-to-task.js';
import { clockJobId } from '../../src/domain/clocks/types.js';
import { OfficialId, type TaskId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// The clocks themselves are tested in process (tests/app/task-clocks.test.ts); here, what needs Redis: a level's
// delayed job waits in BullMQ, and when it runs after an extension moved the clock on, it completes and sends nothing.
// Times are Hà Nội (UTC+7). Head TCKH-01 gives a HIGH task to member TCKH-03.
const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();

describe('a stale delayed clock job in Redis (HIGH task, approved extension)', () => {
  let h: Harness;
  let head: TelegramUser;
  let headId: OfficialId;
  let memberId: OfficialId;
  let taskId: TaskId;

  beforeAll(async () => {
    h = await createHarness({ start: iso('2026-12-07T09:00:00') });
    await h.importSample();
    head = telegramUser(h, await h.link('TCKH-01', 3001));
    telegramUser(h, await h.link('TCKH-03', 3003));
    headId = OfficialId(await h.officialId('TCKH-01'));
    memberId = OfficialId(await h.officialId('TCKH-03'));
    taskId = (
      await h.give(headId, memberId, {
        title: 'Báo cáo giải ngân vốn đầu tư công quý IV',
        expectedResult: 'Báo cáo bằng văn bản gửi Phòng',
        deadline: at('2026-12-09T16:00:00'),
        priority: 'HIGH',
      })
    ).id;
    await acceptTask(h.app, memberId, taskId);
    await h.idle();
    // The harness fires what is due at each stop: walk the ladder level by level to the overdue reminder's level 2.
    for (const t of ['2026-12-09T10:00:00', '2026-12-09T16:00:00', '2026-12-10T16:00:00', '2026-12-11T10:00:00']) await h.setTime(iso(t));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the old generation’s job, promoted after the extension, completes and sends nothing', async () => {
    const old = (await h.db.db.clock.findFirstOrThrow({ where: { itemId: taskId, kind: 'TASK_OVERDUE' } }))!;
    expect([old.generation, old.level]).toEqual([0, 2]);
    // Level 2 is due within the horizon: its delayed job is in Redis now.
    const staleJobId = clockJobId({ id: old.id, generation: 0, level: 2, cycle: 0 });
    expect(await (await h.queues.clocks.getJob(staleJobId))?.getState()).toBe('delayed');

    const { requestId } = await requestExtension(h.app, memberId, taskId, at('2026-12-15T16:00:00'), 'Chờ số liệu của Kho bạc');
    await h.idle();
    await decideExtension(h.app, headId, requestId, true);
    await h.idle();
    const moved = (await h.db.db.clock.findFirstOrThrow({ where: { itemId: taskId, kind: 'TASK_OVERDUE' } }))!;
    expect([moved.generation, moved.level, moved.dueAt.toISOString()]).toEqual([1, 0, iso('2026-12-15T16:00:00')]);

    // The old job runs anyway (as if its delay ran out): it finds the clock moved on and sends nothing.
    const headBefore = head.texts().length;
    const job = (await h.queues.clocks.getJob(staleJobId))!;
    await job.promote();
    await h.idle();
    expect(await h.queues.clocks.getJob(staleJobId)).toBeUndefined(); // it ran and completed
    await h.setTime(iso('2026-12-11T16:30:00'));
    expect(head.since(headBefore).filter((t) => t.includes('⚠️'))).toEqual([]);
    expect(await h.db.db.reminder.count({ where: { clockId: old.id, generation: 0, level: 2 } })).toBe(0);
  });
});
