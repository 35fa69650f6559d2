// Demands for explanation (yêu cầu giải trình, PRODUCT.md §3): code `GT-<year>-<seq>`, and who may demand one.
import type { OfficialId } from '../ids.js';
import type { OrgDirectory } from '../org/directory.js';

export function formatExplanationCode(year: number, seq: number): string {
  return `GT-${year}-${String(seq).padStart(4, '0')}`;
}

export const EXPLANATION_LIMITS = { question: 1000, answer: 3000 } as const;

/**
 * A superior demands it: someone who leads the person's unit subtree or is their superior, or an admin; for a task,
 * also its assigner (who had the authority to give it). Never the person themself.
 */
export function mayDemandExplanation(org: OrgDirectory, requesterId: OfficialId, personId: OfficialId, options: { assignerId?: OfficialId } = {}): boolean {
  if (requesterId === personId) return false;
  if (options.assignerId === requesterId) return true;
  return org.oversees(requesterId, personId);
}
