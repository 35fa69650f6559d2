// Typed item commands (`/nhan NV-2026-0001`, `/duyetgiahan NV-…`) resolved against the database through the store
// ports, and the command printed beside a numbered choice: in process (tests/support/app-fixture.ts), no HTTP or Redis.
// Until now only the Zalo e2e files reached these paths.
import { describe, expect } from 'vitest';
import { decodeAction, encodeAction } from '../../src/app/actions.js';
import { commandForAction, resolveItemCommand } from '../../src/app/interaction/item-commands.js';
import { OfficialId, TaskId } from '../../src/domain/ids.js';
import { requestExtension } from '../../src/app/tasks/respond-to-task.js';
import { test } from '../support/app-fixture.js';

const deadline = new Date('2026-12-11T09:00:00Z');

describe('item commands', () => {
  test('a code names its item, any case; an unknown code and a code of the wrong kind are told apart', async ({ fx }) => {
    const task = await fx.give('TCKH-01', 'TCKH-03', { title: 'Tổng hợp dự toán', deadline });
    const { stores } = fx.app;
    expect(await resolveItemCommand(stores, 'nhan', ` ${task.code.toLowerCase()}  kèm ghi chú `, 'vi')).toEqual({
      ok: true,
      action: encodeAction('task.accept', task.id),
      rest: 'kèm ghi chú',
    });
    expect(await resolveItemCommand(stores, 'accept', 'NV-2026-9999', 'en')).toEqual({
      ok: false,
      error: 'item-command-unknown',
      args: { code: 'NV-2026-9999' },
    });
    expect(await resolveItemCommand(stores, 'nhan', 'YK-2026-0001', 'vi')).toMatchObject({ ok: false, error: 'item-command-usage' });
    expect(await resolveItemCommand(stores, 'khongco', task.code, 'vi')).toBeUndefined();
    // /baocao alone is the report flow, not a usage error.
    expect(await resolveItemCommand(stores, 'baocao', '', 'vi')).toBeUndefined();
  });

  test('approving more time names the task; the action carries the pending request, and nothing pending is said so', async ({ fx }) => {
    // A task before it, so the request's id and the task's id differ.
    await fx.give('TCKH-01', 'TCKH-03', { title: 'Rà soát hồ sơ', deadline });
    const task = await fx.give('TCKH-01', 'TCKH-03', { title: 'Báo cáo quý', deadline });
    const { stores } = fx.app;
    expect(await resolveItemCommand(stores, 'duyetgiahan', task.code, 'vi')).toMatchObject({ ok: false, error: 'item-command-nothing' });

    const member = OfficialId(await fx.officialId('TCKH-03'));
    const { requestId } = await requestExtension(fx.app, member, TaskId(task.id), new Date('2026-12-18T09:00:00Z'), 'Chờ số liệu của xã');
    const approve = await resolveItemCommand(stores, 'duyetgiahan', task.code, 'vi');
    expect(requestId).not.toBe(task.id);
    expect(approve).toEqual({ ok: true, action: encodeAction('ext.approve', requestId), rest: '' });
    expect(decodeAction(encodeAction('ext.approve', requestId))?.verb).toBe('ext.approve');

    // Printed beside a numbered choice: the request's action leads back to the task's code.
    expect(await commandForAction(stores, encodeAction('ext.approve', requestId), 'vi')).toBe(`/duyetgiahan ${task.code}`);
    expect(await commandForAction(stores, encodeAction('task.accept', task.id), 'en')).toBe(`/accept ${task.code}`);
    expect(await commandForAction(stores, encodeAction('ext.approve', 987654), 'vi')).toBeUndefined();
  });
});
