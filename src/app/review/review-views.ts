// The review as people read it: the owner's card for one item, the head's card for a proposal, the head's progress
// summary and the detail (one line per item with its decision).
import type { ActionButton, OutboundMessage } from '../ports/channel.js';
import type { ReviewItemView, ReviewRow } from '../ports/stores/review.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import { dynamicKey, type Translate } from '../../i18n/catalogue.js';
import { personLabel, unitNameOf } from '../views/people.js';
import { btn } from '../views/task-views.js';
import type { ViewTools } from '../views/tools.js';

export function ownerButtons(t: Translate, itemId: number): ActionButton[][] {
  return [
    [btn(t, 'btn-review-done', 'review.done', itemId), btn(t, 'btn-review-keep', 'review.keep', itemId)],
    [btn(t, 'btn-review-transfer', 'review.transfer', itemId), btn(t, 'btn-review-drop', 'review.drop', itemId)],
  ];
}

export function deciderButtons(t: Translate, itemId: number): ActionButton[][] {
  return [[btn(t, 'btn-review-agree', 'review.agree', itemId), btn(t, 'btn-review-refuse', 'review.refuse', itemId)]];
}

interface TaskLine {
  code: string;
  title: string;
  createdAt: Date;
  deadline: Date;
  status: string;
}

/** "NV-2026-0003 "…" · giao 01/10/2026 · hạn 20/11/2026 (quá hạn) · Đang thực hiện" */
export function taskLine(t: Translate, v: ViewTools, task: TaskLine): string {
  const overdue = task.deadline.getTime() < v.now.getTime();
  return t('review-task-line', {
    code: task.code,
    title: v.quote(task.title, 160),
    given: v.date(task.createdAt),
    deadline: v.dateTime(task.deadline),
    overdue: overdue ? 'yes' : 'no',
    status: t(dynamicKey(`status-${task.status}`)),
  });
}

/** The owner's card: what the item is, who reviews, by when, and the four decisions. */
export function ownerCard(
  t: Translate,
  v: ViewTools,
  org: OrgDirectory,
  x: { reviewCode: string; headId: number; itemId: number; task: TaskLine },
  decideBy?: Date,
): OutboundMessage {
  return {
    text: [
      t('review-item-title', { review: x.reviewCode, code: x.task.code }),
      taskLine(t, v, x.task),
      decideBy
        ? t('review-item-ask', { head: personLabel(t, org.official(OfficialId(x.headId))), by: v.dateTime(decideBy) })
        : t('review-item-ask-now', { head: personLabel(t, org.official(OfficialId(x.headId))) }),
    ].join('\n'),
    buttons: ownerButtons(t, x.itemId),
  };
}

/** A proposal (transfer, drop) for the head, or forwarded by the head to the task's assigner. */
export function proposalCard(t: Translate, v: ViewTools, org: OrgDirectory, item: ReviewItemView, forwardedBy?: number): OutboundMessage {
  return {
    text: [
      t('review-proposal-title', { review: item.reviewCode, code: item.task.code, decision: item.decision ?? 'DROP' }),
      taskLine(t, v, item.task),
      t('review-proposal-body', { who: personLabel(t, org.official(OfficialId(item.ownerId))), reason: v.block(item.note ?? '—') }),
      ...(forwardedBy ? [t('review-proposal-forwarded', { head: personLabel(t, org.official(OfficialId(forwardedBy))) })] : []),
      t('review-proposal-ask'),
    ].join('\n'),
    buttons: deciderButtons(t, item.id),
  };
}

/** Where an item stands, as one short phrase. A task closed outside the review while still pending counts as settled. */
export function itemState(item: ReviewItemView): 'PENDING_OWNER' | 'PENDING_HEAD' | 'APPLIED' | 'REFUSED' | 'SETTLED' {
  const open = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'].includes(item.task.status) && item.task.assigneeId === item.ownerId;
  if (item.outcome === 'PENDING_OWNER' && !open) return 'SETTLED';
  return item.outcome;
}

export interface ReviewCounts {
  total: number;
  pendingOwner: number;
  pendingHead: number;
  decided: number;
  byDecision: Record<'DONE' | 'KEEP' | 'TRANSFER' | 'DROP', number>;
  refused: number;
  settled: number;
  overdue: number;
  stale: number;
}

export function countItems(items: readonly ReviewItemView[]): ReviewCounts {
  const c: ReviewCounts = {
    total: items.length,
    pendingOwner: 0,
    pendingHead: 0,
    decided: 0,
    byDecision: { DONE: 0, KEEP: 0, TRANSFER: 0, DROP: 0 },
    refused: 0,
    settled: 0,
    overdue: 0,
    stale: 0,
  };
  for (const i of items) {
    const s = itemState(i);
    if (i.why === 'OVERDUE') c.overdue++;
    else c.stale++;
    if (s === 'PENDING_OWNER') c.pendingOwner++;
    else if (s === 'SETTLED') c.settled++;
    else c.decided++;
    if (s === 'PENDING_HEAD') c.pendingHead++;
    if (s === 'REFUSED') c.refused++;
    if (i.decision && s !== 'SETTLED') c.byDecision[i.decision]++;
  }
  return c;
}

/** The head's view of progress: counts, and the buttons for the detail, the file and closing. */
export function reviewSummary(t: Translate, v: ViewTools, org: OrgDirectory, review: ReviewRow, items: readonly ReviewItemView[]): OutboundMessage {
  const c = countItems(items);
  const buttons: ActionButton[][] = [[btn(t, 'btn-review-detail', 'review.detail', review.id), btn(t, 'btn-review-xlsx', 'review.xlsx', review.id)]];
  if (!review.closedAt) buttons.push([btn(t, 'btn-review-close', 'review.close', review.id)]);
  return {
    text: t('review-summary', {
      code: review.code,
      unit: unitNameOf(org.unit(UnitId(review.unitId))),
      started: v.dateTime(review.startedAt),
      stale: v.workingDuration(Number(review.staleAfter)),
      closed: review.closedAt ? v.dateTime(review.closedAt) : 'no',
      total: c.total,
      overdue: c.overdue,
      staleCount: c.stale,
      decided: c.decided,
      pendingOwner: c.pendingOwner,
      pendingHead: c.pendingHead,
      done: c.byDecision.DONE,
      keep: c.byDecision.KEEP,
      transfer: c.byDecision.TRANSFER,
      drop: c.byDecision.DROP,
      refused: c.refused,
      settled: c.settled,
    }),
    buttons,
  };
}

/** One line per item: the task, its owner, the decision and where it stands. */
export function detailLine(t: Translate, v: ViewTools, org: OrgDirectory, item: ReviewItemView): string {
  const state = itemState(item);
  const decision = item.decision && state !== 'SETTLED' ? t('review-decision-label', { decision: item.decision }) : '';
  const extra = item.decision === 'KEEP' && item.newDeadline ? t('review-detail-new-date', { date: v.dateTime(item.newDeadline) }) : '';
  return t('review-detail-line', {
    code: item.task.code,
    title: v.quote(item.task.title, 80),
    who: personLabel(t, org.official(OfficialId(item.ownerId))),
    why: item.why,
    decision,
    proposal: item.decision === 'TRANSFER' || item.decision === 'DROP' ? 'yes' : 'no',
    extra,
    note: item.note ? t('review-detail-note', { note: v.quote(item.note, 160) }) : '',
    state,
    headNote: item.headNote ? t('review-detail-head-note', { note: v.quote(item.headNote, 160) }) : '',
  });
}

export function reviewDetail(t: Translate, v: ViewTools, org: OrgDirectory, review: ReviewRow, items: readonly ReviewItemView[]): OutboundMessage {
  return { text: [t('review-detail-title', { code: review.code, total: items.length }), ...items.map((i) => detailLine(t, v, org, i))].join('\n') };
}
