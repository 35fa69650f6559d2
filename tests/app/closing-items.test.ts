// Closing an item closes what hangs on it (issue 19.4): an extension request waiting when its task is cancelled,
// completed or closed is voided; the silent start clock of an URGENT task stops when the task is done; a task
// cancelled after a decline keeps declinedAt (intended: see OPEN_ON_TASK in src/domain/task/task-state.ts). In
// process (tests/support/app-fixture.ts): each scenario on its own copy, and all of them together on one, after which
// nothing may hang.
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { cancelTask, insistOnTask, reassignTask } from '../../src/app/tasks/assigner-decisions.js';
import { acceptTask, declineTask, decideExtension, requestExtension } from '../../src/app/tasks/respond-to-task.js';
import { completeTask, confirmTask, reopenTask } from '../../src/app/tasks/work-on-task.js';
import { OfficialId, TaskId } from '../../src/domain/ids.js';
import { hangingItems } from '../fuzz/invariants.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`);

const give = async (fx: AppFixture, title: string, priority: 'NORMAL' | 'URGENT' = 'NORMAL') =>
  TaskId((await fx.give('BTC-01', 'BTC-03', { title, deadline: at('2026-12-18T17:00:00'), priority })).id);
const ask = async (fx: AppFixture, taskId: TaskId) =>
  requestExtension(fx.app, OfficialId(await fx.officialId('BTC-03')), taskId, at('2026-12-23T17:00:00'), 'Chờ số liệu của các xã');
const requests = async (fx: AppFixture, taskId: number) => (await fx.db.extensionRequest.findMany({ where: { taskId } })).map((r) => r.status);
const activeClocks = async (fx: AppFixture, taskId: number) =>
  (await fx.db.clock.findMany({ where: { itemKind: 'TASK', itemId: taskId, state: 'ACTIVE' } })).map((c) => c.kind);

async function cast(fx: AppFixture) {
  return {
    head: await fx.person('BTC-01'),
    headId: OfficialId(await fx.officialId('BTC-01')),
    anId: OfficialId(await fx.officialId('BTC-03')),
    anhId: OfficialId(await fx.officialId('BTC-04')),
  };
}

// Each scenario with its checks, so the last test can run them all on one district.
async function cancelled(fx: AppFixture): Promise<void> {
  const { head, headId, anId } = await cast(fx);
  const id = await give(fx, 'Rà soát hồ sơ đảng viên chuyển sinh hoạt');
  await acceptTask(fx.app, anId, id);
  const { requestId } = await ask(fx, id);
  await cancelTask(fx.app, headId, id, 'Không còn cần thiết');
  expect(await requests(fx, id)).toEqual(['VOIDED']);
  expect(await activeClocks(fx, id)).toEqual([]);
  // The assigner's old buttons say why, and /viec no longer lists it as waiting for a decision.
  await head.pressData(encodeAction('ext.approve', requestId));
  expect(head.last()).toContain('không còn hiệu lực');
  await head.say('/viec');
  expect(head.last()).not.toContain('Rà soát hồ sơ đảng viên chuyển sinh hoạt');
}

async function completed(fx: AppFixture): Promise<void> {
  const { headId, anId } = await cast(fx);
  const id = await give(fx, 'Tổng hợp báo cáo sơ kết công tác cán bộ');
  await acceptTask(fx.app, anId, id);
  const { requestId } = await ask(fx, id);
  await completeTask(fx.app, anId, id, 'Đã gửi báo cáo sơ kết');
  expect(await requests(fx, id)).toEqual(['VOIDED']);
  await reopenTask(fx.app, headId, id, 'Bổ sung số liệu quý IV');
  await expect(decideExtension(fx.app, headId, requestId, true)).rejects.toMatchObject({ key: 'task-extend-voided' });
  await completeTask(fx.app, anId, id, 'Đã bổ sung số liệu');
  await confirmTask(fx.app, headId, id);
  expect(await requests(fx, id)).toEqual(['VOIDED']);
  expect(await activeClocks(fx, id)).toEqual([]);
}

async function declined(fx: AppFixture): Promise<void> {
  const { headId, anId, anhId } = await cast(fx);
  const id = await give(fx, 'Chuẩn bị hồ sơ hội nghị cán bộ chủ chốt');
  await ask(fx, id); // before acceptance
  await declineTask(fx.app, anId, id, 'Đồng chí Ánh phụ trách hội nghị');
  expect(await requests(fx, id)).toEqual(['VOIDED']);
  await reassignTask(fx.app, headId, id, anhId);
  expect(await fx.db.extensionRequest.count({ where: { taskId: id, status: 'PENDING' } })).toBe(0);
  expect(await activeClocks(fx, id)).toEqual(['TASK_ACCEPT']);
}

async function urgentDone(fx: AppFixture): Promise<void> {
  const { headId, anId } = await cast(fx);
  const id = await give(fx, 'Báo cáo nhanh tình hình bão lũ', 'URGENT');
  await acceptTask(fx.app, anId, id);
  expect(await activeClocks(fx, id)).toContain('TASK_START');
  await completeTask(fx.app, anId, id, 'Đã gửi báo cáo nhanh');
  expect(await activeClocks(fx, id)).toEqual([]);
  await confirmTask(fx.app, headId, id);
  expect(await activeClocks(fx, id)).toEqual([]);
}

async function cancelledAfterDecline(fx: AppFixture): Promise<void> {
  const { headId, anId } = await cast(fx);
  const id = await give(fx, 'Thẩm định đề án vị trí việc làm');
  await declineTask(fx.app, anId, id, 'Không thuộc lĩnh vực phụ trách');
  await cancelTask(fx.app, headId, id, 'Chuyển Phòng Nội vụ');
  const row = await fx.db.task.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe('CANCELLED');
  expect(row.declinedAt).not.toBeNull();
  const again = await give(fx, 'Thẩm định đề án vị trí việc làm (lần 2)');
  await declineTask(fx.app, anId, again, 'Không thuộc lĩnh vực phụ trách');
  await insistOnTask(fx.app, headId, again);
  expect((await fx.db.task.findUniqueOrThrow({ where: { id: again } })).declinedAt).toBeNull();
}

describe('closing an item closes what hangs on it', () => {
  test("a waiting extension request is voided when the task is cancelled, and leaves the assigner's list", ({ fx }) => cancelled(fx));

  test('… when the task is completed, and stays voided once it is confirmed (CLOSED) or reopened', ({ fx }) => completed(fx));

  test('… when the task is declined: the next assignee does not inherit it', ({ fx }) => declined(fx));

  test('the silent start clock of an URGENT task stops when it is completed and closed', ({ fx }) => urgentDone(fx));

  test('a task cancelled after a decline keeps declinedAt (the decline stands); insisting or reassigning clears it', ({ fx }) => cancelledAfterDecline(fx));

  test('nothing hangs anywhere after all of the above', async ({ fx }) => {
    await cancelled(fx);
    await completed(fx);
    await declined(fx);
    await urgentDone(fx);
    await cancelledAfterDecline(fx);
    await fx.advance(30 * 86_400_000);
    expect(await hangingItems(fx.db)).toEqual([]);
  });
});
