// Self-review (tự soi, tự sửa, plan III.7): the four levels of the annual rating of officials, who may read and
// write a form, and when the yearly round opens. The figures are evidence; the rating is always a person's choice.
import type { OfficialId } from '../ids.js';
import type { OrgDirectory } from '../org/directory.js';

/** Hoàn thành xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ, best first. */
export const RATINGS = ['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED'] as const;
export type Rating = (typeof RATINGS)[number];

export function isRating(v: string): v is Rating {
  return (RATINGS as readonly string[]).includes(v);
}

/** Only the person writes their own self-assessment. */
export function mayWriteSelfReview(actorId: OfficialId, personId: OfficialId): boolean {
  return actorId === personId;
}

/** A head comments on the forms of the people they are above (the same reach as items: OrgDirectory.oversees). */
export function mayCommentSelfReview(org: Pick<OrgDirectory, 'oversees'>, actorId: OfficialId, personId: OfficialId): boolean {
  return actorId !== personId && org.oversees(actorId, personId);
}

/** The person, or someone above them: nobody else reads a form. */
export function mayReadSelfReview(org: Pick<OrgDirectory, 'oversees'>, actorId: OfficialId, personId: OfficialId): boolean {
  return mayWriteSelfReview(actorId, personId) || mayCommentSelfReview(org, actorId, personId);
}

/**
 * The local date the yearly round opens in `year` ("12-01" → "2026-12-01"), and whether `today` (a local ISO date)
 * has reached it: the round is opened by the first daily run on or after that day.
 */
export function selfReviewOpensOn(year: number, monthDay: string): string {
  return `${year}-${monthDay}`;
}

export function selfReviewDue(today: string, monthDay: string): boolean {
  return today >= selfReviewOpensOn(Number(today.slice(0, 4)), monthDay);
}
