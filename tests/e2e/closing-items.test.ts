// Closing an item closes what hangs on it (issue 19.4): an extension request waiting when its task is cancelled,
// completed or closed is voided; the silent start clock of an URGENT task stops when the task is done; a task
// cancelled after a decline keeps declinedAt (intended: see OPEN_ON_TASK in src/domain/task/task-state.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelTask, insistOnTask, reassignTask } from '../../src/app/tasks/assigner-decisions.js';
import { acceptTask, declineTask, decideExtension, requestExtension } from '../../src/app/tasks/respond-to-task.js';
import { completeTask, confirmTask, reopenTask } from '../../src/app/tasks/work-on-task.js';
import { encodeAction } from '../../src/app/actions.js';
import { OfficialId, TaskId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { hangingItems } from '../fuzz/invariants.js';

const at = (local: string) => new Date(`${local}+07:00`);

describe('closing an item closes what hangs on it', () => {
  let h: Harness;
  let head: TelegramUser;
  let headId: OfficialId;
  let anId: OfficialId;
  let anhId: OfficialId;

  const give = async (title: string, priority: 'NORMAL' | 'URGENT' = 'NORMAL') =>
    TaskId((await h.give('BTC-01', 'BTC-03', { title, deadline: at('2026-12-18T17:00:00'), priority })).id);
  const ask = (taskId: TaskId) => requestExtension(h.app, anId, taskId, at('2026-12-23T17:00:00'), 'Chờ số liệu của các xã');
  const requests = async (taskId: number) => (await h.db.db.extensionRequest.findMany({ where: { taskId } })).map((r) => r.status);
  const activeClocks = async (taskId: number) => (await h.db.db.clock.findMany({ where: { itemKind: 'TASK', itemId: taskId, state: 'ACTIVE' } })).map((c) => c.kind);

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    await h.importSample();
    head = telegramUser(h, await h.link('BTC-01', 8001));
    await h.link('BTC-03', 8003);
    headId = OfficialId(await h.officialId('BTC-01'));
    anId = OfficialId(await h.officialId('BTC-03'));
    anhId = OfficialId(await h.officialId('BTC-04'));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a waiting extension request is voided when the task is cancelled, and leaves the assigner\'s list', async () => {
    const id = await give('Rà soát hồ sơ đảng viên chuyển sinh hoạt');
    await acceptTask(h.app, anId, id);
    const { requestId } = await ask(id);
    await cancelTask(h.app, headId, id, 'Không còn cần thiết');
    expect(await requests(id)).toEqual(['VOIDED']);
    expect(await activeClocks(id)).toEqual([]);
    // The assigner's old buttons say why, and /viec no longer lists it as waiting for a decision.
    await head.pressData(encodeAction('ext.approve', requestId));
    expect(head.last()).toContain('không còn hiệu lực');
    await head.command('/viec');
    expect(head.last()).not.toContain('Rà soát hồ sơ đảng viên chuyển sinh hoạt');
  });

  it('… when the task is completed, and stays voided once it is confirmed (CLOSED) or reopened', async () => {
    const id = await give('Tổng hợp báo cáo sơ kết công tác cán bộ');
    await acceptTask(h.app, anId, id);
    const { requestId } = await ask(id);
    await completeTask(h.app, anId, id, 'Đã gửi báo cáo sơ kết');
    expect(await requests(id)).toEqual(['VOIDED']);
    await reopenTask(h.app, headId, id, 'Bổ sung số liệu quý IV');
    await expect(decideExtension(h.app, headId, requestId, true)).rejects.toMatchObject({ key: 'task-extend-voided' });
    await completeTask(h.app, anId, id, 'Đã bổ sung số liệu');
    await confirmTask(h.app, headId, id);
    expect(await requests(id)).toEqual(['VOIDED']);
    expect(await activeClocks(id)).toEqual([]);
  });

  it('… when the task is declined: the next assignee does not inherit it', async () => {
    const id = await give('Chuẩn bị hồ sơ hội nghị cán bộ chủ chốt');
    await ask(id); // before acceptance
    await declineTask(h.app, anId, id, 'Đồng chí Ánh phụ trách hội nghị');
    expect(await requests(id)).toEqual(['VOIDED']);
    await reassignTask(h.app, headId, id, anhId);
    expect(await h.db.db.extensionRequest.count({ where: { taskId: id, status: 'PENDING' } })).toBe(0);
    expect(await activeClocks(id)).toEqual(['TASK_ACCEPT']);
  });

  it('the silent start clock of an URGENT task stops when it is completed and closed', async () => {
    const id = await give('Báo cáo nhanh tình hình bão lũ', 'URGENT');
    await acceptTask(h.app, anId, id);
    expect(await activeClocks(id)).toContain('TASK_START');
    await completeTask(h.app, anId, id, 'Đã gửi báo cáo nhanh');
    expect(await activeClocks(id)).toEqual([]);
    await confirmTask(h.app, headId, id);
    expect(await activeClocks(id)).toEqual([]);
  });

  it('a task cancelled after a decline keeps declinedAt (the decline stands); insisting or reassigning clears it', async () => {
    const id = await give('Thẩm định đề án vị trí việc làm');
    await declineTask(h.app, anId, id, 'Không thuộc lĩnh vực phụ trách');
    await cancelTask(h.app, headId, id, 'Chuyển Phòng Nội vụ');
    const row = await h.db.db.task.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('CANCELLED');
    expect(row.declinedAt).not.toBeNull();
    const again = await give('Thẩm định đề án vị trí việc làm (lần 2)');
    await declineTask(h.app, anId, again, 'Không thuộc lĩnh vực phụ trách');
    await insistOnTask(h.app, headId, again);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: again } })).declinedAt).toBeNull();
  });

  it('nothing hangs anywhere after all of the above', async () => {
    await h.advance(30 * 86_400_000);
    expect(await hangingItems(h.db.db)).toEqual([]);
  });
});
