// The rules of the backlog review and the self-review (issue 16), pure: which tasks a review takes, which decisions
// need the head, who decides an agreed proposal, what an agreed transfer does, who reads and writes a form, and when
// the yearly round is due.
import { describe, expect, it } from 'vitest';
import { OfficialId, UnitId } from '../../src/domain/ids.js';
import { OrgDirectory } from '../../src/domain/org/directory.js';
import type { Official, Unit } from '../../src/domain/org/types.js';
import { deciderAfterHeadAgreed, needsHead, reviewWhy, transferApplies } from '../../src/domain/review/backlog.js';
import { isRating, mayCommentSelfReview, mayReadSelfReview, mayWriteSelfReview, RATINGS, selfReviewDue } from '../../src/domain/review/self-review.js';

const at = (s: string) => new Date(s);

describe('backlog review rules', () => {
  const now = at('2026-12-07T02:00:00Z');
  const staleBefore = at('2026-11-06T02:00:00Z');
  it('takes overdue tasks, and tasks open since before the threshold; nothing closed or waiting on the assigner', () => {
    expect(reviewWhy({ status: 'ACCEPTED', deadline: at('2026-12-01T10:00:00Z'), createdAt: at('2026-11-30T02:00:00Z') }, now, staleBefore)).toBe('OVERDUE');
    expect(reviewWhy({ status: 'IN_PROGRESS', deadline: at('2027-01-01T10:00:00Z'), createdAt: at('2026-11-06T02:00:00Z') }, now, staleBefore)).toBe('STALE');
    expect(reviewWhy({ status: 'ASSIGNED', deadline: at('2027-01-01T10:00:00Z'), createdAt: at('2026-11-06T02:00:01Z') }, now, staleBefore)).toBeUndefined();
    for (const status of ['DONE', 'CLOSED', 'DECLINED', 'CANCELLED'] as const)
      expect(reviewWhy({ status, deadline: at('2026-12-01T10:00:00Z'), createdAt: at('2026-01-01T00:00:00Z') }, now, staleBefore)).toBeUndefined();
  });
  it('transfer and drop are proposals; done and keep apply at once', () => {
    expect(['DONE', 'KEEP', 'TRANSFER', 'DROP'].map((d) => needsHead(d as never))).toEqual([false, false, true, true]);
  });
  it('an agreed proposal is decided by the head who assigned the task, else forwarded to its assigner', () => {
    expect(deciderAfterHeadAgreed(5, 5)).toEqual({ decider: 5, forwarded: false });
    expect(deciderAfterHeadAgreed(5, 1)).toEqual({ decider: 1, forwarded: true });
  });
  it('an agreed transfer declines a task not yet accepted, and cancels one in hand', () => {
    expect(transferApplies('ASSIGNED')).toBe('decline');
    expect(transferApplies('ACCEPTED')).toBe('cancel');
    expect(transferApplies('IN_PROGRESS')).toBe('cancel');
  });
});

describe('self-review rules', () => {
  const units: Unit[] = [
    { id: UnitId(1), code: 'HU', name: 'Huyện ủy', parentId: null, path: '/1/' } as Unit,
    { id: UnitId(2), code: 'BTC', name: 'Ban Tổ chức', parentId: UnitId(1), path: '/1/2/' } as Unit,
  ];
  const person = (id: number, unitId: number, role: Official['role']): Official =>
    ({
      id: OfficialId(id),
      code: `O${id}`,
      fullName: `O ${id}`,
      title: 't',
      unitId: UnitId(unitId),
      role,
      superiorId: null,
      active: true,
      isAdmin: false,
    }) as Official;
  const org = new OrgDirectory(units, [person(1, 1, 'HEAD'), person(2, 2, 'HEAD'), person(3, 2, 'MEMBER'), person(4, 2, 'MEMBER')]);
  it('the person writes their own form; those above them comment; a colleague does neither', () => {
    expect(mayWriteSelfReview(OfficialId(3), OfficialId(3))).toBe(true);
    expect(mayWriteSelfReview(OfficialId(2), OfficialId(3))).toBe(false);
    expect(mayCommentSelfReview(org, OfficialId(2), OfficialId(3))).toBe(true);
    expect(mayCommentSelfReview(org, OfficialId(1), OfficialId(3))).toBe(true);
    expect(mayCommentSelfReview(org, OfficialId(3), OfficialId(3))).toBe(false);
    expect(mayReadSelfReview(org, OfficialId(4), OfficialId(3))).toBe(false);
    expect(mayCommentSelfReview(org, OfficialId(3), OfficialId(2))).toBe(false);
  });
  it('four levels, and the yearly round is due from the policy day', () => {
    expect(RATINGS).toEqual(['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED']);
    expect(isRating('GOOD')).toBe(true);
    expect(isRating('good')).toBe(false);
    expect(selfReviewDue('2026-11-30', '12-01')).toBe(false);
    expect(selfReviewDue('2026-12-01', '12-01')).toBe(true);
    expect(selfReviewDue('2026-12-31', '12-01')).toBe(true);
  });
});
