import type { OfficialId, TaskId } from '../../../domain/ids.js';
import type { ChannelName } from '../../../domain/org/types.js';
import type { TaskEventFact } from '../../../domain/signals/task-rules.js';
import type { Task } from '../../../domain/task/types.js';
import type { StoreTx } from '../stores.js';

/** A new task row as the assigner stated it (status and the later times take their defaults). */
export type NewTaskRow = Pick<
  Task,
  | 'code'
  | 'title'
  | 'description'
  | 'expectedResult'
  | 'priority'
  | 'deadline'
  | 'originalDeadline'
  | 'assignerId'
  | 'assigneeId'
  | 'unitId'
  | 'sourceDocRef'
  | 'createdAt'
> & { year: number; seq: number; externalRef: string | null };

/** Columns a transition changes; the two counters may be bumped instead of set. */
export type TaskPatch = Partial<Omit<Task, 'id' | 'code' | 'bounceCount' | 'reopenCount'>> & {
  bounceCount?: number | { increment: number };
  reopenCount?: number | { increment: number };
};

export type TaskEventKind =
  | 'CREATED'
  | 'ACCEPTED'
  | 'DECLINED'
  | 'EXTENSION_REQUESTED'
  | 'EXTENSION_APPROVED'
  | 'EXTENSION_REFUSED'
  | 'PROGRESS_REPORTED'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'REOPENED'
  | 'CANCELLED'
  | 'REASSIGNED'
  | 'INSISTED'
  | 'NUDGED';

/** A row of the task's history (table task_event). */
export interface TaskEventInput {
  kind: TaskEventKind;
  actorId?: number | null;
  at: Date;
  reason?: string | null;
  note?: string | null;
  percent?: number | null;
  newDeadline?: Date | null;
  attachmentKind?: string | null;
  attachmentRef?: string | null;
  attachmentChannel?: ChannelName | null;
  data?: Record<string, unknown>;
}

export type ExtensionStatus = 'PENDING' | 'APPROVED' | 'REFUSED' | 'VOIDED';

export interface ExtensionRequest {
  id: number;
  taskId: number;
  requesterId: number;
  newDeadline: Date;
  reason: string;
  status: ExtensionStatus;
  decidedById: number | null;
  decidedAt: Date | null;
  createdAt: Date;
}

/** Tasks, their history and the requests for more time (tables task, task_event, extension_request). */
export interface TaskStore {
  create(tx: StoreTx, row: NewTaskRow): Promise<Task>;
  /** Locks the row until the transaction ends and reads it in the same query (a press reads its task once). */
  lock(tx: StoreTx, id: TaskId | number): Promise<Task | undefined>;
  /** Reads a task; joins the transaction when one is given. */
  find(id: number, tx?: StoreTx): Promise<Task | undefined>;
  findMany(tx: StoreTx, ids: readonly number[]): Promise<Task[]>;
  findByExternalRef(externalRef: string): Promise<Task | undefined>;
  /** By code, any case ("nv-2026-0001" is NV-2026-0001). */
  findByCode(code: string): Promise<Task | undefined>;
  /** The assignee's tasks in these states, soonest deadline first. */
  ofAssignee(assigneeId: number, statuses: readonly Task['status'][], limit: number): Promise<Task[]>;
  /** The note of the latest progress report that had one. */
  latestProgressNote(taskId: number): Promise<string | undefined>;
  /** The id of the task's pending request for more time, if any (outside a transaction: for a typed command). */
  pendingExtensionId(taskId: number): Promise<number | undefined>;
  /** The task a request for more time belongs to. */
  taskOfExtension(extensionId: number): Promise<number | undefined>;
  /** Tasks where the person owes something now (to do as assignee, to decide as assigner), soonest deadline first. */
  needingAction(officialId: number, page: { offset: number; limit: number }): Promise<{ tasks: Task[]; total: number }>;
  update(tx: StoreTx, id: number, patch: TaskPatch): Promise<Task>;
  addEvent(tx: StoreTx, taskId: number, event: TaskEventInput): Promise<number>;
  /** The declines, reassignments and insistences, oldest first (behaviour 4). */
  bounceEvents(tx: StoreTx, taskId: number): Promise<TaskEventFact[]>;
  pendingExtension(tx: StoreTx, taskId: number): Promise<ExtensionRequest | null>;
  findExtension(tx: StoreTx, id: number): Promise<ExtensionRequest | null>;
  createExtension(tx: StoreTx, data: { taskId: number; requesterId: number; newDeadline: Date; reason: string; createdAt: Date }): Promise<ExtensionRequest>;
  /** Marks a pending request decided; false when someone decided it first. */
  claimExtensionDecision(tx: StoreTx, id: number, status: 'APPROVED' | 'REFUSED', decidedById: OfficialId | number, decidedAt: Date): Promise<boolean>;
  /**
   * Voids the task's pending requests that can no longer be decided: every one, or (`keepAssignee`) all but the
   * current assignee's. Returns the ids voided.
   */
  voidPendingExtensions(tx: StoreTx, task: Pick<Task, 'id' | 'assigneeId'>, at: Date, keepAssignee: boolean): Promise<number[]>;
}
