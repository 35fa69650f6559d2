// After a transition, leave the task as its new state allows (OPEN_ON_TASK in domain/task/task-state.ts): in the
// transition's own transaction, stop every clock that no longer applies (also any of a previous assignee) and void
// the extension requests that can no longer be decided. Nothing is left waiting on a task nobody can act on.
import { clocksToStop, OPEN_ON_TASK } from '../../domain/task/task-state.js';
import type { Task } from '../../domain/task/types.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import { auditTask } from './shared.js';

export interface Settled {
  stoppedClocks: number;
  voidedRequests: number[];
}

export async function settleTask(app: AppContext, tx: StoreTx, task: Task, at: Date, actorId: number | null, reason: string): Promise<Settled> {
  const { clocks, tasks } = app.stores;
  const kinds = clocksToStop(task.status);
  let stoppedClocks = kinds.length > 0 ? await clocks.stop(tx, 'TASK', task.id, at, reason, kinds) : 0;
  stoppedClocks += await clocks.stopOthers(tx, 'TASK', task.id, task.assigneeId, at, reason);

  // A request waits only while the person who asked is still the assignee and the task still runs.
  const voidedRequests = await tasks.voidPendingExtensions(tx, task, at, OPEN_ON_TASK[task.status].extensionMayWait);
  if (voidedRequests.length > 0) await auditTask(app, tx, at, actorId, 'extension-voided', task, { requestIds: voidedRequests, reason });
  return { stoppedClocks, voidedRequests };
}
