// After a transition, leave the task as its new state allows (OPEN_ON_TASK in domain/task/task-state.ts): in the
// transition's own transaction, stop every clock that no longer applies (also any of a previous assignee) and void
// the extension requests that can no longer be decided. Nothing is left waiting on a task nobody can act on.
import type { Tx } from '../../db/client.js';
import { stopClocks } from '../../db/repositories/clock.repository.js';
import { clocksToStop, OPEN_ON_TASK } from '../../domain/task/task-state.js';
import type { Task } from '../../domain/task/types.js';
import { auditTask } from './shared.js';

export interface Settled {
  stoppedClocks: number;
  voidedRequests: number[];
}

export async function settleTask(tx: Tx, task: Task, at: Date, actorId: number | null, reason: string): Promise<Settled> {
  const kinds = clocksToStop(task.status);
  let stoppedClocks = kinds.length > 0 ? await stopClocks(tx, 'TASK', task.id, at, reason, kinds) : 0;
  const others = await tx.clock.updateMany({
    where: { itemKind: 'TASK', itemId: task.id, state: 'ACTIVE', officialId: { not: task.assigneeId } },
    data: { state: 'STOPPED', stoppedAt: at, stopReason: reason },
  });
  stoppedClocks += others.count;

  // A request waits only while the person who asked is still the assignee and the task still runs.
  const lapsed = await tx.extensionRequest.findMany({
    where: { taskId: task.id, status: 'PENDING', ...(OPEN_ON_TASK[task.status].extensionMayWait ? { requesterId: { not: task.assigneeId } } : {}) },
    select: { id: true },
  });
  const voidedRequests = lapsed.map((r) => r.id);
  if (voidedRequests.length > 0) {
    await tx.extensionRequest.updateMany({ where: { id: { in: voidedRequests }, status: 'PENDING' }, data: { status: 'VOIDED', decidedAt: at } });
    await auditTask(tx, at, actorId, 'extension-voided', task, { requestIds: voidedRequests, reason });
  }
  return { stoppedClocks, voidedRequests };
}
