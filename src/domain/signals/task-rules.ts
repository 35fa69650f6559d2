// Detection rules on tasks (behaviours 1, 2, 4, 6). Pure: the facts of one task and its events in, at most one
// signal out. Each rule is asked at the moment its clock runs out and again when the person acts late, so a lapse
// is found even when a worker was down at the time; the store merges both into one signal.
import type { OfficialId } from '../ids.js';
import type { Task, TaskStatus } from '../task/types.js';
import { draft, type EvidenceEvent, type SignalDraft } from './types.js';

export type TaskFacts = Pick<
  Task,
  'id' | 'code' | 'assigneeId' | 'assignerId' | 'priority' | 'status' | 'deadline' | 'createdAt' | 'acceptedAt' | 'startedAt' | 'completedAt' | 'bounceCount'
>;

export interface TaskEventFact {
  id: number;
  kind: 'DECLINED' | 'REASSIGNED' | 'INSISTED' | 'PROGRESS_REPORTED' | 'COMPLETED' | 'ACCEPTED' | string;
  at: Date;
  actorId: number | null;
  reason?: string | null;
}

const WORKING: readonly TaskStatus[] = ['ACCEPTED', 'IN_PROGRESS'];
const OWED: readonly TaskStatus[] = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'];

const lateMinutes = (due: Date, at: Date) => Math.max(0, Math.round((at.getTime() - due.getTime()) / 60_000));

/** Behaviour 1: past the deadline and not done, or done only after it. */
export function taskOverdue(task: TaskFacts, now: Date): SignalDraft | null {
  if (now.getTime() < task.deadline.getTime()) return null;
  const events: EvidenceEvent[] = [
    { kind: 'task.assigned', at: task.createdAt, actorId: task.assignerId },
    { kind: 'task.deadline', at: task.deadline },
  ];
  if (OWED.includes(task.status)) {
    return draft('task-overdue', { officialId: task.assigneeId, itemKind: 'TASK', itemId: task.id, at: now, evidence: events, facts: { code: task.code } });
  }
  if (task.completedAt && task.completedAt.getTime() > task.deadline.getTime()) {
    events.push({ kind: 'task.completed', at: task.completedAt, actorId: task.assigneeId });
    return draft('task-overdue', {
      officialId: task.assigneeId,
      itemKind: 'TASK',
      itemId: task.id,
      at: now,
      evidence: events,
      facts: { code: task.code, lateMinutes: lateMinutes(task.deadline, task.completedAt) },
    });
  }
  return null;
}

/** Behaviour 2: an URGENT task still not accepted when its time to accept ran out, or accepted only after it. */
export function urgentNotAccepted(task: TaskFacts, acceptDueAt: Date, now: Date): SignalDraft | null {
  if (task.priority !== 'URGENT') return null;
  const events: EvidenceEvent[] = [
    { kind: 'task.assigned', at: task.createdAt, actorId: task.assignerId },
    { kind: 'task.accept-due', at: acceptDueAt },
  ];
  const base = { officialId: task.assigneeId, itemKind: 'TASK' as const, itemId: task.id, at: now };
  if (task.status === 'ASSIGNED' && now.getTime() >= acceptDueAt.getTime()) {
    return draft('urgent-not-accepted', { ...base, evidence: events, facts: { code: task.code } });
  }
  if (task.acceptedAt && task.acceptedAt.getTime() > acceptDueAt.getTime()) {
    events.push({ kind: 'task.accepted', at: task.acceptedAt, actorId: task.assigneeId });
    return draft('urgent-not-accepted', { ...base, evidence: events, facts: { code: task.code, lateMinutes: lateMinutes(acceptDueAt, task.acceptedAt) } });
  }
  return null;
}

/** Behaviour 2: an URGENT task accepted but not started (first progress report) within its start window. */
export function urgentNotStarted(task: TaskFacts, startDueAt: Date, now: Date): SignalDraft | null {
  if (task.priority !== 'URGENT' || !task.acceptedAt) return null;
  const events: EvidenceEvent[] = [
    { kind: 'task.accepted', at: task.acceptedAt, actorId: task.assigneeId },
    { kind: 'task.start-due', at: startDueAt },
  ];
  const base = { officialId: task.assigneeId, itemKind: 'TASK' as const, itemId: task.id, at: now };
  if (!task.startedAt && WORKING.includes(task.status) && now.getTime() >= startDueAt.getTime()) {
    return draft('urgent-not-started', { ...base, evidence: events, facts: { code: task.code } });
  }
  if (task.startedAt && task.startedAt.getTime() > startDueAt.getTime()) {
    events.push({ kind: 'task.reported', at: task.startedAt, actorId: task.assigneeId });
    return draft('urgent-not-started', { ...base, evidence: events, facts: { code: task.code, lateMinutes: lateMinutes(startDueAt, task.startedAt) } });
  }
  return null;
}

/**
 * Behaviour 6: an accepted task with no progress report by the end of its reporting interval (`reportAt` null, the
 * interval ran out), or a report that came after it.
 */
export function progressLate(task: TaskFacts, intervalDueAt: Date, reportAt: Date | null, now: Date, reportEventId?: number): SignalDraft | null {
  const events: EvidenceEvent[] = [{ kind: 'task.progress-due', at: intervalDueAt }];
  const base = { officialId: task.assigneeId, itemKind: 'TASK' as const, itemId: task.id, at: now };
  if (reportAt === null) {
    if (!WORKING.includes(task.status) || now.getTime() < intervalDueAt.getTime()) return null;
    return draft('task-progress-late', { ...base, evidence: events, facts: { code: task.code } });
  }
  if (reportAt.getTime() <= intervalDueAt.getTime()) return null;
  events.push({
    kind: 'task.reported',
    at: reportAt,
    actorId: task.assigneeId,
    ...(reportEventId ? { ref: { table: 'task_event' as const, id: reportEventId } } : {}),
  });
  return draft('task-progress-late', { ...base, evidence: events, facts: { code: task.code } });
}

const asEvidence = (e: TaskEventFact): EvidenceEvent => ({
  kind: e.kind === 'DECLINED' ? 'task.declined' : e.kind === 'REASSIGNED' ? 'task.reassigned' : 'task.insisted',
  at: e.at,
  ref: { table: 'task_event', id: e.id },
  ...(e.actorId === null ? {} : { actorId: e.actorId }),
  ...(e.reason ? { text: e.reason } : {}),
});

/** Behaviour 4: the person declined and the assigner ruled the work within their duty ("giữ nguyên"). */
export function declineInsisted(task: TaskFacts, decline: TaskEventFact, insist: TaskEventFact): SignalDraft | null {
  if (decline.kind !== 'DECLINED' || insist.kind !== 'INSISTED' || decline.actorId === null) return null;
  if (insist.at.getTime() < decline.at.getTime()) return null;
  return draft('task-insisted', {
    officialId: decline.actorId as OfficialId,
    itemKind: 'TASK',
    itemId: task.id,
    at: insist.at,
    evidence: [asEvidence(decline), asEvidence(insist)],
    facts: { code: task.code, bounces: task.bounceCount },
  });
}

/**
 * Behaviour 4, the count: a decline that brings the task's declines and transfers to the threshold. It is raised on
 * the person whose decline did it; every bounce of the task is in the evidence for the head to weigh.
 */
export function bounced(task: TaskFacts, bounces: readonly TaskEventFact[], threshold: number, decline: TaskEventFact): SignalDraft | null {
  if (decline.kind !== 'DECLINED' || decline.actorId === null || task.bounceCount < threshold) return null;
  const events = bounces.filter((b) => b.kind === 'DECLINED' || b.kind === 'REASSIGNED').map(asEvidence);
  return draft('task-bounced', {
    officialId: decline.actorId as OfficialId,
    itemKind: 'TASK',
    itemId: task.id,
    at: decline.at,
    evidence: events,
    facts: { code: task.code, bounces: task.bounceCount, threshold },
  });
}
