// Who reviews a signal (PRODUCT.md §1: "shown to the person's head, who confirms or dismisses it"): a superior of the
// person, the head of a unit above them, or an admin; never the person. The same people may record the behaviours
// nothing in the data shows (3, 7, 9, 11).
import type { OfficialId } from '../ids.js';
import type { OrgDirectory } from '../org/directory.js';

export function mayReviewSignal(org: OrgDirectory, viewerId: OfficialId, personId: OfficialId): boolean {
  if (viewerId === personId) return false;
  const viewer = org.official(viewerId);
  if (!viewer?.active) return false;
  if (viewer.isAdmin) return true;
  if (org.isSuperiorOf(viewerId, personId)) return true;
  return viewer.role === 'HEAD' && org.leadsUnitOf(viewerId, personId);
}

/** Everyone whose signals `viewerId` reviews. */
export function reviewablePeople(org: OrgDirectory, viewerId: OfficialId) {
  return org.activeOfficials().filter((o) => mayReviewSignal(org, viewerId, o.id));
}

export const SIGNAL_LIMITS = { reason: 1000, explanation: 2000, note: 1000 } as const;
