// Who may commend whom (issue 15 "Recognition" §3): a head, a deputy or an admin, for someone they oversee (the one
// reach rule, src/domain/org/reach.ts), never themselves; the text is short and says something.
import { DomainError } from '../errors.js';
import type { OfficialId } from '../ids.js';
import type { OrgDirectory } from '../org/directory.js';
import { mayReach } from '../org/reach.js';
import type { TextRule } from '../text/field.js';

export const COMMENDATION_RULE: TextRule = { min: 5, max: 500, missing: 'commend-clear-text' };

export function mayCommend(org: OrgDirectory, byId: OfficialId, officialId: OfficialId): boolean {
  const by = org.official(byId);
  if (!by?.active || byId === officialId) return false;
  if (!by.isAdmin && by.role !== 'HEAD' && by.role !== 'DEPUTY') return false;
  return mayReach(org, byId, { parties: [], about: officialId });
}

export function checkCommend(org: OrgDirectory, byId: OfficialId, officialId: OfficialId): void {
  const by = org.official(byId);
  if (!by?.active || (!by.isAdmin && by.role !== 'HEAD' && by.role !== 'DEPUTY')) throw new DomainError('commend-not-allowed');
  if (byId === officialId) throw new DomainError('commend-self');
  if (!org.official(officialId)?.active || !mayCommend(org, byId, officialId)) throw new DomainError('commend-out-of-reach');
}
