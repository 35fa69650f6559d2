import { describe, expect, it } from 'vitest';
import { OfficialId } from '../../src/domain/ids.js';
import { assertTransition, fromStates, statusAfterExtensionDecision } from '../../src/domain/task/task-state.js';
import type { TaskStatus } from '../../src/domain/task/types.js';

const assigner = OfficialId(1);
const assignee = OfficialId(2);
const task = (status: TaskStatus) => ({ status, assignerId: assigner, assigneeId: assignee, code: 'NV-2026-0001' });

describe('the task state table decides where a transition leads', () => {
  it('returns the target state of each transition the use cases write', () => {
    expect(assertTransition(task('ASSIGNED'), 'accept', assignee)).toBe('ACCEPTED');
    expect(assertTransition(task('ASSIGNED'), 'decline', assignee)).toBe('DECLINED');
    expect(assertTransition(task('ACCEPTED'), 'report-progress', assignee)).toBe('IN_PROGRESS');
    expect(assertTransition(task('IN_PROGRESS'), 'complete', assignee)).toBe('DONE');
    expect(assertTransition(task('DONE'), 'confirm', assigner)).toBe('CLOSED');
    expect(assertTransition(task('DONE'), 'reopen', assigner)).toBe('IN_PROGRESS');
    expect(assertTransition(task('DECLINED'), 'cancel', assigner)).toBe('CANCELLED');
    expect(assertTransition(task('DECLINED'), 'reassign', assigner)).toBe('ASSIGNED');
    expect(assertTransition(task('DECLINED'), 'insist', assigner)).toBe('ASSIGNED');
    expect(assertTransition(task('ACCEPTED'), 'request-extension', assignee)).toBe('ACCEPTED');
  });

  it('refuses the wrong person and the wrong state', () => {
    expect(() => assertTransition(task('ASSIGNED'), 'accept', assigner)).toThrow(expect.objectContaining({ key: 'task-not-yours' }));
    expect(() => assertTransition(task('ACCEPTED'), 'accept', assignee)).toThrow(expect.objectContaining({ key: 'task-wrong-state' }));
  });

  it('approving more time on a task not yet accepted accepts it; otherwise the state stays', () => {
    expect(statusAfterExtensionDecision('ASSIGNED', true)).toBe('ACCEPTED');
    expect(statusAfterExtensionDecision('ASSIGNED', false)).toBe('ASSIGNED');
    expect(statusAfterExtensionDecision('IN_PROGRESS', true)).toBe('IN_PROGRESS');
  });

  it('lists the states a transition may start from', () => {
    expect(fromStates('report-progress')).toEqual(['ACCEPTED', 'IN_PROGRESS']);
  });
});
