import type { OfficialId, TaskId, UnitId } from '../ids.js';
import type { Priority } from '../priority.js';

export const TASK_STATUSES = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'CLOSED', 'DECLINED', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Code `NV-<year>-<seq>`, e.g. NV-2026-0142. */
export type TaskCode = string;

export interface Task {
  id: TaskId;
  code: TaskCode;
  title: string;
  description: string | null;
  expectedResult: string;
  priority: Priority;
  status: TaskStatus;
  deadline: Date;
  originalDeadline: Date;
  assignerId: OfficialId;
  assigneeId: OfficialId;
  unitId: UnitId;
  sourceDocRef: string | null;
  acceptedAt: Date | null;
  startedAt: Date | null;
  lastProgressAt: Date | null;
  progressPercent: number;
  completedAt: Date | null;
  resultNote: string | null;
  closedAt: Date | null;
  declinedAt: Date | null;
  cancelledAt: Date | null;
  reopenCount: number;
  bounceCount: number;
  createdAt: Date;
}

/** The states in which the assignee still owes work. */
export const OPEN_FOR_ASSIGNEE: readonly TaskStatus[] = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'];
/** The states in which the task is not finished one way or another. */
export const OPEN_STATUSES: readonly TaskStatus[] = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'DECLINED'];

export function formatTaskCode(year: number, seq: number): TaskCode {
  return `NV-${year}-${String(seq).padStart(4, '0')}`;
}

export function parseItemCode(text: string): { prefix: 'NV' | 'YK' | 'GT'; year: number; seq: number } | undefined {
  const m = /^(NV|YK|GT)-(\d{4})-(\d{1,7})$/i.exec(text.trim());
  if (!m) return undefined;
  return { prefix: m[1]!.toUpperCase() as 'NV' | 'YK' | 'GT', year: Number(m[2]), seq: Number(m[3]) };
}
