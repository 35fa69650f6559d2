// Backlog review (rà soát, plan III.5): which open tasks a head's review takes in, what an owner may decide on each,
// and which decisions are only proposals the head (or the task's assigner) must agree to. Pure.
import type { TaskStatus } from '../task/types.js';

/** The task states an owner still owes work in: the only ones a review asks about. */
export const REVIEWABLE_STATUSES: readonly TaskStatus[] = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'];

export type ReviewWhy = 'OVERDUE' | 'STALE';

/**
 * Why a task belongs in a review started at `now`: past its deadline, or open since before `staleBefore` (the
 * policy's threshold counted back in working time); undefined when neither, or when it is not open for its owner.
 */
export function reviewWhy(task: { status: TaskStatus; deadline: Date; createdAt: Date }, now: Date, staleBefore: Date): ReviewWhy | undefined {
  if (!REVIEWABLE_STATUSES.includes(task.status)) return undefined;
  if (task.deadline.getTime() < now.getTime()) return 'OVERDUE';
  if (task.createdAt.getTime() <= staleBefore.getTime()) return 'STALE';
  return undefined;
}

export const REVIEW_DECISIONS = ['DONE', 'KEEP', 'TRANSFER', 'DROP'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Done (with the result) and keep (a new date, asked of the assigner as an extension) apply at once; transfer and drop are proposals. */
export function needsHead(decision: ReviewDecision): boolean {
  return decision === 'TRANSFER' || decision === 'DROP';
}

export type ReviewOutcome = 'PENDING_OWNER' | 'PENDING_HEAD' | 'APPLIED' | 'REFUSED';

/**
 * Who decides a proposal after the head agreed: the head when they assigned the task (within their authority), else
 * the task's assigner, to whom the head's agreement is forwarded ("báo cáo, đề xuất những nội dung không thuộc thẩm
 * quyền"). Only the assigner may cancel a task or take back a declined one (the task state machine).
 */
export function deciderAfterHeadAgreed(headId: number, assignerId: number): { decider: number; forwarded: boolean } {
  return headId === assignerId ? { decider: headId, forwarded: false } : { decider: assignerId, forwarded: true };
}

/**
 * What an agreed transfer does to the task, by its state: before acceptance the owner's decline (the assigner then
 * reassigns it, the existing decline/transfer path); once accepted, the state machine has no way to hand it over,
 * so the assigner cancels it with the reason and assigns the work anew.
 */
export function transferApplies(status: TaskStatus): 'decline' | 'cancel' {
  return status === 'ASSIGNED' ? 'decline' : 'cancel';
}
