// What must hold between items and what hangs on them, whatever happened before (issue 19.4): no extension request
// waits on a task that can no longer decide it, no clock runs on an item that is closed (or for someone who no
// longer owes anything on it), no demand for explanation is open without its clock or closed with one running.
// Read straight from the database after a run; each problem is one line naming the rows.
import type { PrismaClient } from '../../src/db/client.js';
import { OPEN_ON_TASK } from '../../src/domain/task/task-state.js';
import type { TaskStatus } from '../../src/domain/task/types.js';

export async function hangingItems(db: PrismaClient): Promise<string[]> {
  const problems: string[] = [];
  const [tasks, pending, clocks, consultations, respondents, demands, notices, noticeRecipients] = await Promise.all([
    db.task.findMany({ select: { id: true, code: true, status: true, assigneeId: true } }),
    db.extensionRequest.findMany({ where: { status: 'PENDING' }, select: { id: true, taskId: true, requesterId: true } }),
    db.clock.findMany({ where: { state: 'ACTIVE' }, select: { id: true, itemKind: true, itemId: true, kind: true, officialId: true } }),
    db.consultation.findMany({ select: { id: true, code: true, status: true } }),
    db.consultationRespondent.findMany({ select: { consultationId: true, officialId: true, stance: true } }),
    db.explanationDemand.findMany({ select: { id: true, code: true, status: true } }),
    db.notice.findMany({ select: { id: true, code: true, status: true } }),
    db.noticeRecipient.findMany({ select: { noticeId: true, officialId: true, confirmedAt: true } }),
  ]);
  const notice = new Map(notices.map((n) => [n.id, n]));
  const noticeRecipient = new Map(noticeRecipients.map((r) => [`${r.noticeId}:${r.officialId}`, r]));
  const task = new Map(tasks.map((t) => [t.id, t]));
  const consultation = new Map(consultations.map((c) => [c.id, c]));
  const respondent = new Map(respondents.map((r) => [`${r.consultationId}:${r.officialId}`, r]));
  const demand = new Map(demands.map((d) => [d.id, d]));

  const pendingPerTask = new Map<number, number>();
  for (const r of pending) {
    const t = task.get(r.taskId);
    pendingPerTask.set(r.taskId, (pendingPerTask.get(r.taskId) ?? 0) + 1);
    if (!t) problems.push(`extension request ${r.id} is PENDING on a missing task ${r.taskId}`);
    else if (!OPEN_ON_TASK[t.status as TaskStatus].extensionMayWait) problems.push(`extension request ${r.id} is PENDING on ${t.code}, which is ${t.status}`);
    else if (r.requesterId !== t.assigneeId)
      problems.push(`extension request ${r.id} on ${t.code} is PENDING from ${r.requesterId}, no longer the assignee (${t.assigneeId})`);
  }
  for (const [taskId, n] of pendingPerTask) if (n > 1) problems.push(`task ${task.get(taskId)?.code ?? taskId} has ${n} PENDING extension requests`);

  const activeExplanationClocks = new Set<number>();
  for (const c of clocks) {
    const what = `clock ${c.id} (${c.kind}, official ${c.officialId})`;
    if (c.itemKind === 'TASK') {
      const t = task.get(c.itemId);
      if (!t) problems.push(`${what} is ACTIVE on a missing task ${c.itemId}`);
      else if (!OPEN_ON_TASK[t.status as TaskStatus].clocks.includes(c.kind)) problems.push(`${what} is ACTIVE on ${t.code}, which is ${t.status}`);
      else if (c.officialId !== t.assigneeId) problems.push(`${what} is ACTIVE on ${t.code} for someone who is not its assignee (${t.assigneeId})`);
    } else if (c.itemKind === 'CONSULTATION') {
      const k = consultation.get(c.itemId);
      const r = respondent.get(`${c.itemId}:${c.officialId}`);
      if (!k) problems.push(`${what} is ACTIVE on a missing consultation ${c.itemId}`);
      else if (c.kind !== 'CONSULTATION_ANSWER') problems.push(`${what} is ACTIVE on ${k.code}, a consultation`);
      else if (k.status !== 'OPEN') problems.push(`${what} is ACTIVE on ${k.code}, which is ${k.status}`);
      else if (!r) problems.push(`${what} is ACTIVE on ${k.code} for someone not asked`);
      else if (r.stance) problems.push(`${what} is ACTIVE on ${k.code} for a respondent who answered (${r.stance})`);
    } else if (c.itemKind === 'EXPLANATION') {
      const d = demand.get(c.itemId);
      if (!d) problems.push(`${what} is ACTIVE on a missing demand ${c.itemId}`);
      else if (d.status !== 'OPEN') problems.push(`${what} is ACTIVE on ${d.code}, which is ${d.status}`);
      else activeExplanationClocks.add(d.id);
    } else if (c.itemKind === 'NOTICE') {
      const n = notice.get(c.itemId);
      const r = noticeRecipient.get(`${c.itemId}:${c.officialId}`);
      if (!n) problems.push(`${what} is ACTIVE on a missing notice ${c.itemId}`);
      else if (n.status !== 'OPEN') problems.push(`${what} is ACTIVE on ${n.code}, which is ${n.status}`);
      else if (!r) problems.push(`${what} is ACTIVE on ${n.code} for someone who did not receive it`);
      else if (r.confirmedAt) problems.push(`${what} is ACTIVE on ${n.code} for a recipient who confirmed`);
    } else {
      problems.push(`${what} is ACTIVE on a ${c.itemKind}, which has no clocks`);
    }
  }
  for (const d of demands)
    if (d.status === 'OPEN' && !activeExplanationClocks.has(d.id)) problems.push(`demand ${d.code} is OPEN with no clock running: nobody will be reminded`);
  return problems;
}
