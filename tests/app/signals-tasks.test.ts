// The task rules of issue 4 with the clock moved past each threshold: behaviour 1 (overdue), 2 (urgent not accepted,
// not started), 4 (decline ruled within duty, bounces), 6 (no progress report). Each raises exactly one signal with
// its evidence, and none for the person who acted in time. Head BTC-01 gives work to BTC-03 (An) and BTC-04 (Ánh).
// In process (tests/support/app-fixture.ts), each test on its own copy of the sample district.
import { describe, expect } from 'vitest';
import { insistOnTask, reassignTask } from '../../src/app/tasks/assigner-decisions.js';
import { acceptTask, declineTask } from '../../src/app/tasks/respond-to-task.js';
import { completeTask, reportProgress } from '../../src/app/tasks/work-on-task.js';
import { OfficialId, type TaskId } from '../../src/domain/ids.js';
import type { Priority } from '../../src/domain/priority.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();

async function setup(fx: AppFixture) {
  const head = OfficialId(await fx.officialId('BTC-01'));
  const an = OfficialId(await fx.officialId('BTC-03'));
  const anh = OfficialId(await fx.officialId('BTC-04'));
  const codes = new Map<OfficialId, string>([
    [an, 'BTC-03'],
    [anh, 'BTC-04'],
  ]);
  return {
    head,
    an,
    anh,
    headChat: await fx.person('BTC-01'),
    anChat: await fx.person('BTC-03'),
    async give(to: OfficialId, title: string, deadline: string, priority: Priority = 'NORMAL'): Promise<TaskId> {
      return (await fx.give('BTC-01', codes.get(to)!, { title, expectedResult: 'Báo cáo bằng văn bản gửi Ban', deadline: at(deadline), priority })).id;
    },
    async signalsOf(taskId: number) {
      const rows = await fx.db.signal.findMany({ where: { itemKind: 'TASK', itemId: taskId }, orderBy: { id: 'asc' } });
      return rows.map((s) => ({
        behaviour: s.behaviour,
        rule: s.rule,
        who: s.officialId === an ? 'an' : s.officialId === anh ? 'anh' : String(s.officialId),
        events: (s.evidence as { events: { kind: string }[] }).events.map((e) => e.kind),
      }));
    },
    /** A use case, then what it queued delivered (the e2e's idle). */
    async step(fn: () => Promise<unknown>) {
      await fn();
      await fx.deliver();
    },
  };
}

describe('signals from tasks', () => {
  test('behaviour 1: a task past its deadline and not done, once; not the one done in time', async ({ fx }) => {
    const { an, anh, give, signalsOf, step } = await setup(fx);
    const late = await give(an, 'Tổng hợp hồ sơ đảng viên dự bị', '2026-12-08T17:00:00');
    const onTime = await give(anh, 'Thống kê đảng viên miễn sinh hoạt', '2026-12-08T17:00:00');
    await step(() => acceptTask(fx.app, an, late));
    await step(() => acceptTask(fx.app, anh, onTime));
    await step(() => completeTask(fx.app, anh, onTime, 'Đã gửi bảng thống kê, kèm danh sách'));
    await fx.setTime(iso('2026-12-09T07:29:00'));
    expect(await signalsOf(late)).toEqual([]);
    // 17:00 is closing time: the overdue clock fires at the next opening, Wednesday 07:30.
    await fx.setTime(iso('2026-12-09T07:30:00'));
    expect(await signalsOf(late)).toEqual([{ behaviour: 1, rule: 'task-overdue', who: 'an', events: ['task.assigned', 'task.deadline'] }]);
    expect(await signalsOf(onTime)).toEqual([]);
    // Further levels of the ladder and a late completion add to the same signal.
    await fx.setTime(iso('2026-12-10T09:00:00'));
    await step(() => completeTask(fx.app, an, late, 'Đã tổng hợp xong, gửi Ban'));
    expect(await signalsOf(late)).toEqual([{ behaviour: 1, rule: 'task-overdue', who: 'an', events: ['task.assigned', 'task.deadline', 'task.completed'] }]);
  });

  test('behaviour 2: an URGENT task not accepted in its 30 minutes, then not started in its 2-hour window', async ({ fx }) => {
    const { an, anh, give, signalsOf, step } = await setup(fx);
    await fx.setTime(iso('2026-12-14T09:00:00'));
    const slow = await give(an, 'Báo cáo nhanh vụ việc tại xã Tân Lập', '2026-12-14T17:00:00', 'URGENT');
    const quick = await give(anh, 'Rà soát nhân sự trực Tết', '2026-12-14T17:00:00', 'URGENT');
    await fx.setTime(iso('2026-12-14T09:10:00'));
    await step(() => acceptTask(fx.app, anh, quick));
    await fx.setTime(iso('2026-12-14T09:29:00'));
    expect(await signalsOf(slow)).toEqual([]);
    await fx.setTime(iso('2026-12-14T09:30:00'));
    expect(await signalsOf(slow)).toEqual([{ behaviour: 2, rule: 'urgent-not-accepted', who: 'an', events: ['task.assigned', 'task.accept-due'] }]);
    await fx.setTime(iso('2026-12-14T09:45:00'));
    await step(() => acceptTask(fx.app, an, slow));
    await fx.setTime(iso('2026-12-14T10:00:00'));
    await step(() => reportProgress(fx.app, anh, quick, 30, 'Đã liên hệ các xã'));
    await fx.setTime(iso('2026-12-14T11:44:00'));
    expect((await signalsOf(slow)).map((s) => s.rule)).toEqual(['urgent-not-accepted']);
    await fx.setTime(iso('2026-12-14T11:45:00'));
    expect(await signalsOf(slow)).toEqual([
      { behaviour: 2, rule: 'urgent-not-accepted', who: 'an', events: ['task.assigned', 'task.accept-due', 'task.accepted'] },
      { behaviour: 2, rule: 'urgent-not-started', who: 'an', events: ['task.accepted', 'task.start-due'] },
    ]);
    // The window check tells nobody anything by itself.
    const start = await fx.db.clock.findFirstOrThrow({ where: { itemId: slow, kind: 'TASK_START' } });
    expect(await fx.db.reminder.count({ where: { clockId: start.id } })).toBe(0);
    expect(await signalsOf(quick)).toEqual([]);
  });

  test('behaviour 6: no progress report within the interval; a report in time raises nothing', async ({ fx }) => {
    const { an, anh, give, signalsOf, step } = await setup(fx);
    await fx.setTime(iso('2026-12-15T09:00:00'));
    const silent = await give(anh, 'Xây dựng kế hoạch bồi dưỡng cán bộ năm 2027', '2027-01-15T17:00:00');
    const reporting = await give(an, 'Rà soát quy hoạch cán bộ nhiệm kỳ 2025–2030', '2027-01-15T17:00:00');
    await step(() => acceptTask(fx.app, anh, silent));
    await step(() => acceptTask(fx.app, an, reporting));
    // NORMAL interval: 5 working days → Tuesday 22/12 09:00.
    await fx.setTime(iso('2026-12-21T10:00:00'));
    await step(() => reportProgress(fx.app, an, reporting, 40, 'Đã rà soát 4/10 đơn vị'));
    await fx.setTime(iso('2026-12-22T08:59:00'));
    expect(await signalsOf(silent)).toEqual([]);
    await fx.setTime(iso('2026-12-22T09:00:00'));
    expect(await signalsOf(silent)).toEqual([{ behaviour: 6, rule: 'task-progress-late', who: 'anh', events: ['task.progress-due'] }]);
    await fx.setTime(iso('2026-12-22T10:00:00'));
    await step(() => reportProgress(fx.app, anh, silent, 20, 'Đã có đề cương'));
    expect(await signalsOf(silent)).toEqual([{ behaviour: 6, rule: 'task-progress-late', who: 'anh', events: ['task.progress-due', 'task.reported'] }]);
    expect(await signalsOf(reporting)).toEqual([]);
  });

  test('behaviour 4: a decline the assigner rules within duty (chat buttons), and a task that bounces', async ({ fx }) => {
    const { head, an, anh, headChat, anChat, give, signalsOf, step } = await setup(fx);
    await fx.setTime(iso('2026-12-23T09:00:00'));
    const kept = await give(an, 'Chuẩn bị hồ sơ kết nạp đảng viên quý I', '2027-01-08T17:00:00');
    await anChat.press('Từ chối');
    await anChat.say('Việc này thuộc phần việc của đồng chí Ánh');
    await headChat.press('Giữ nguyên, đúng chức trách');
    expect(headChat.last()).toContain('việc từ chối được ghi nhận');
    const insisted = await signalsOf(kept);
    expect(insisted).toEqual([{ behaviour: 4, rule: 'task-insisted', who: 'an', events: ['task.declined', 'task.insisted'] }]);
    const row = await fx.db.signal.findFirstOrThrow({ where: { itemId: kept, rule: 'task-insisted' } });
    expect((row.evidence as { events: { text?: string }[]; facts: { bounces: number } }).events[0]!.text).toBe('Việc này thuộc phần việc của đồng chí Ánh');

    // Threshold 2 (policy signals.bouncesPerTask): declined, given to someone else, declined again.
    const bouncing = await give(anh, 'Tổng hợp ý kiến góp ý dự thảo quy chế', '2027-01-08T17:00:00');
    await step(() => declineTask(fx.app, anh, bouncing, 'Đang được cử đi học tập trung'));
    expect(await signalsOf(bouncing)).toEqual([]);
    await step(() => reassignTask(fx.app, head, bouncing, an));
    await step(() => declineTask(fx.app, an, bouncing, 'Đã có việc khác trùng thời hạn'));
    expect(await signalsOf(bouncing)).toEqual([
      { behaviour: 4, rule: 'task-bounced', who: 'an', events: ['task.declined', 'task.reassigned', 'task.declined'] },
    ]);
    // No duplicate for the same item and rule.
    await step(() => insistOnTask(fx.app, head, bouncing));
    expect((await signalsOf(bouncing)).map((s) => s.rule)).toEqual(['task-bounced', 'task-insisted']);
  });
});
