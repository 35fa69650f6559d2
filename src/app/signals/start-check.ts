// Behaviour 2, "not started": an URGENT task accepted must show its first progress report within the policy's
// start window (signals.urgentStartWindow). A silent clock (TASK_START) checks it once: it tells nobody — the
// overdue and progress ladders do the reminding — and only records the signal when the window passed unstarted.
import { urgentNotStarted } from '../../domain/signals/task-rules.js';
import type { Task } from '../../domain/task/types.js';
import type { ClockHandler } from '../clocks/clock-handler.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { Effects } from '../transaction.js';
import { raiseSignals } from './raise.js';

/** After acceptance of an URGENT task not yet started; a deadline before the window end leaves it to the overdue rule. */
export async function startUrgentStartCheck(app: AppContext, tx: StoreTx, effects: Effects, task: Task, from: Date): Promise<void> {
  if (task.priority !== 'URGENT' || task.startedAt) return;
  const calendar = await app.calendar();
  const dueAt = calendar.add(from, app.policy.signals.urgentStartWindow);
  if (dueAt.getTime() >= task.deadline.getTime()) return;
  effects.schedule(
    await app.stores.clocks.start(tx, {
      itemKind: 'TASK',
      itemId: task.id,
      kind: 'TASK_START',
      officialId: task.assigneeId,
      priority: task.priority,
      dueAt,
      stepMs: 1000,
    }),
  );
}

/** When the window ends: the signal if the task is still unstarted; the clock then stops (load answers null). */
export function urgentStartHandler(app: AppContext): ClockHandler {
  return {
    kinds: ['TASK_START'],
    async load(tx, clock) {
      const task = await app.stores.tasks.find(clock.itemId, tx);
      if (task && task.assigneeId === clock.officialId) await raiseSignals(app, tx, [urgentNotStarted(task, clock.dueAt, app.time.now())]);
      return null;
    },
  };
}

/** The end of the start window of the task's current acceptance, if one was set (fired or not). */
export async function startDueOf(app: AppContext, tx: StoreTx, task: Task): Promise<Date | undefined> {
  const clock = await app.stores.clocks.find(tx, 'TASK', task.id, 'TASK_START', task.assigneeId);
  return clock?.dueAt;
}
