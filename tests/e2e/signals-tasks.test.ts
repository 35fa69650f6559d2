// The task rules of issue 4 with the clock moved past each threshold: behaviour 1 (overdue), 2 (urgent not accepted,
// not started), 4 (decline ruled within duty, bounces), 6 (no progress report). Each raises exactly one signal with
// its evidence, and none for the person who acted in time. Head BTC-01 gives work to BTC-03 (An) and BTC-04 (Ánh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insistOnTask, reassignTask } from '../../src/app/tasks/assigner-decisions.js';
import { acceptTask, declineTask } from '../../src/app/tasks/respond-to-task.js';
import { completeTask, reportProgress } from '../../src/app/tasks/work-on-task.js';
import { OfficialId, type TaskId } from '../../src/domain/ids.js';
import type { Priority } from '../../src/domain/priority.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();

describe('signals from tasks', () => {
  let h: Harness;
  let head: OfficialId;
  let an: OfficialId;
  let anh: OfficialId;
  let anChat: TelegramUser;
  let headChat: TelegramUser;

  async function give(to: OfficialId, title: string, deadline: string, priority: Priority = 'NORMAL'): Promise<TaskId> {
    return (await h.give(head, to, { title, expectedResult: 'Báo cáo bằng văn bản gửi Ban', deadline: at(deadline), priority })).id;
  }
  async function signalsOf(taskId: number) {
    const rows = await h.db.db.signal.findMany({ where: { itemKind: 'TASK', itemId: taskId }, orderBy: { id: 'asc' } });
    return rows.map((s) => ({
      behaviour: s.behaviour,
      rule: s.rule,
      who: s.officialId === an ? 'an' : s.officialId === anh ? 'anh' : String(s.officialId),
      events: (s.evidence as { events: { kind: string }[] }).events.map((e) => e.kind),
    }));
  }
  const step = async (fn: () => Promise<unknown>) => {
    await fn();
    await h.idle();
  };

  beforeAll(async () => {
    h = await createHarness({ start: iso('2026-12-07T09:00:00') });
    await h.importSample();
    headChat = telegramUser(h, await h.link('BTC-01', 8001));
    anChat = telegramUser(h, await h.link('BTC-03', 8003));
    await h.link('BTC-04', 8004);
    head = OfficialId(await h.officialId('BTC-01'));
    an = OfficialId(await h.officialId('BTC-03'));
    anh = OfficialId(await h.officialId('BTC-04'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('behaviour 1: a task past its deadline and not done, once; not the one done in time', async () => {
    const late = await give(an, 'Tổng hợp hồ sơ đảng viên dự bị', '2026-12-08T17:00:00');
    const onTime = await give(anh, 'Thống kê đảng viên miễn sinh hoạt', '2026-12-08T17:00:00');
    await step(() => acceptTask(h.app, an, late));
    await step(() => acceptTask(h.app, anh, onTime));
    await step(() => completeTask(h.app, anh, onTime, 'Đã gửi bảng thống kê, kèm danh sách'));
    await h.setTime(iso('2026-12-09T07:29:00'));
    expect(await signalsOf(late)).toEqual([]);
    // 17:00 is closing time: the overdue clock fires at the next opening, Wednesday 07:30.
    await h.setTime(iso('2026-12-09T07:30:00'));
    expect(await signalsOf(late)).toEqual([{ behaviour: 1, rule: 'task-overdue', who: 'an', events: ['task.assigned', 'task.deadline'] }]);
    expect(await signalsOf(onTime)).toEqual([]);
    // Further levels of the ladder and a late completion add to the same signal.
    await h.setTime(iso('2026-12-10T09:00:00'));
    await step(() => completeTask(h.app, an, late, 'Đã tổng hợp xong, gửi Ban'));
    expect(await signalsOf(late)).toEqual([{ behaviour: 1, rule: 'task-overdue', who: 'an', events: ['task.assigned', 'task.deadline', 'task.completed'] }]);
  });

  it('behaviour 2: an URGENT task not accepted in its 30 minutes, then not started in its 2-hour window', async () => {
    await h.setTime(iso('2026-12-14T09:00:00'));
    const slow = await give(an, 'Báo cáo nhanh vụ việc tại xã Tân Lập', '2026-12-14T17:00:00', 'URGENT');
    const quick = await give(anh, 'Rà soát nhân sự trực Tết', '2026-12-14T17:00:00', 'URGENT');
    await h.setTime(iso('2026-12-14T09:10:00'));
    await step(() => acceptTask(h.app, anh, quick));
    await h.setTime(iso('2026-12-14T09:29:00'));
    expect(await signalsOf(slow)).toEqual([]);
    await h.setTime(iso('2026-12-14T09:30:00'));
    expect(await signalsOf(slow)).toEqual([{ behaviour: 2, rule: 'urgent-not-accepted', who: 'an', events: ['task.assigned', 'task.accept-due'] }]);
    await h.setTime(iso('2026-12-14T09:45:00'));
    await step(() => acceptTask(h.app, an, slow));
    await h.setTime(iso('2026-12-14T10:00:00'));
    await step(() => reportProgress(h.app, anh, quick, 30, 'Đã liên hệ các xã'));
    await h.setTime(iso('2026-12-14T11:44:00'));
    expect((await signalsOf(slow)).map((s) => s.rule)).toEqual(['urgent-not-accepted']);
    await h.setTime(iso('2026-12-14T11:45:00'));
    expect(await signalsOf(slow)).toEqual([
      { behaviour: 2, rule: 'urgent-not-accepted', who: 'an', events: ['task.assigned', 'task.accept-due', 'task.accepted'] },
      { behaviour: 2, rule: 'urgent-not-started', who: 'an', events: ['task.accepted', 'task.start-due'] },
    ]);
    // The window check tells nobody anything by itself.
    const start = await h.db.db.clock.findFirstOrThrow({ where: { itemId: slow, kind: 'TASK_START' } });
    expect(await h.db.db.reminder.count({ where: { clockId: start.id } })).toBe(0);
    expect(await signalsOf(quick)).toEqual([]);
  });

  it('behaviour 6: no progress report within the interval; a report in time raises nothing', async () => {
    await h.setTime(iso('2026-12-15T09:00:00'));
    const silent = await give(anh, 'Xây dựng kế hoạch bồi dưỡng cán bộ năm 2027', '2027-01-15T17:00:00');
    const reporting = await give(an, 'Rà soát quy hoạch cán bộ nhiệm kỳ 2025–2030', '2027-01-15T17:00:00');
    await step(() => acceptTask(h.app, anh, silent));
    await step(() => acceptTask(h.app, an, reporting));
    // NORMAL interval: 5 working days → Tuesday 22/12 09:00.
    await h.setTime(iso('2026-12-21T10:00:00'));
    await step(() => reportProgress(h.app, an, reporting, 40, 'Đã rà soát 4/10 đơn vị'));
    await h.setTime(iso('2026-12-22T08:59:00'));
    expect(await signalsOf(silent)).toEqual([]);
    await h.setTime(iso('2026-12-22T09:00:00'));
    expect(await signalsOf(silent)).toEqual([{ behaviour: 6, rule: 'task-progress-late', who: 'anh', events: ['task.progress-due'] }]);
    await h.setTime(iso('2026-12-22T10:00:00'));
    await step(() => reportProgress(h.app, anh, silent, 20, 'Đã có đề cương'));
    expect(await signalsOf(silent)).toEqual([{ behaviour: 6, rule: 'task-progress-late', who: 'anh', events: ['task.progress-due', 'task.reported'] }]);
    expect(await signalsOf(reporting)).toEqual([]);
  });

  it('behaviour 4: a decline the assigner rules within duty (chat buttons), and a task that bounces', async () => {
    await h.setTime(iso('2026-12-23T09:00:00'));
    const kept = await give(an, 'Chuẩn bị hồ sơ kết nạp đảng viên quý I', '2027-01-08T17:00:00');
    await anChat.press('Từ chối');
    await anChat.say('Việc này thuộc phần việc của đồng chí Ánh');
    await headChat.press('Giữ nguyên, đúng chức trách');
    expect(headChat.last()).toContain('việc từ chối được ghi nhận');
    const insisted = await signalsOf(kept);
    expect(insisted).toEqual([{ behaviour: 4, rule: 'task-insisted', who: 'an', events: ['task.declined', 'task.insisted'] }]);
    const row = await h.db.db.signal.findFirstOrThrow({ where: { itemId: kept, rule: 'task-insisted' } });
    expect((row.evidence as { events: { text?: string }[]; facts: { bounces: number } }).events[0]!.text).toBe('Việc này thuộc phần việc của đồng chí Ánh');

    // Threshold 2 (policy signals.bouncesPerTask): declined, given to someone else, declined again.
    const bouncing = await give(anh, 'Tổng hợp ý kiến góp ý dự thảo quy chế', '2027-01-08T17:00:00');
    await step(() => declineTask(h.app, anh, bouncing, 'Đang được cử đi học tập trung'));
    expect(await signalsOf(bouncing)).toEqual([]);
    await step(() => reassignTask(h.app, head, bouncing, an));
    await step(() => declineTask(h.app, an, bouncing, 'Đã có việc khác trùng thời hạn'));
    expect(await signalsOf(bouncing)).toEqual([{ behaviour: 4, rule: 'task-bounced', who: 'an', events: ['task.declined', 'task.reassigned', 'task.declined'] }]);
    // No duplicate for the same item and rule.
    await step(() => insistOnTask(h.app, head, bouncing));
    expect((await signalsOf(bouncing)).map((s) => s.rule)).toEqual(['task-bounced', 'task-insisted']);
  });
});
