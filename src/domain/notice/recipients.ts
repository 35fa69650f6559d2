// Who a notice reaches (issue 15 §1): the sender's subtree, chosen units (with or without their subtree) or named
// people, always within the sender's reach (src/domain/org/reach.ts: those they oversee). Only heads, deputies and
// admins send notices. Pure: the directory in, the recipients (or a DomainError) out.
import { DomainError } from '../errors.js';
import { OfficialId, UnitId } from '../ids.js';
import type { OrgDirectory } from '../org/directory.js';
import { mayReach } from '../org/reach.js';
import type { Official } from '../org/types.js';

export type NoticeScopeInput = { kind: 'unit'; unitId: number; subtree: boolean } | { kind: 'person'; officialId: number };

export function maySendNotice(o: Pick<Official, 'role' | 'isAdmin' | 'active'> | undefined): boolean {
  return !!o?.active && (o.isAdmin || o.role === 'HEAD' || o.role === 'DEPUTY');
}

/** The active officials a scope names (the sender never receives their own notice). */
export function officialsInScope(org: OrgDirectory, scope: NoticeScopeInput): Official[] {
  if (scope.kind === 'person') {
    const o = org.official(OfficialId(scope.officialId));
    return o?.active ? [o] : [];
  }
  const units = scope.subtree ? org.subtreeUnitIds(UnitId(scope.unitId)) : [UnitId(scope.unitId)];
  return units.flatMap((u) => org.membersOf(u)).filter((o) => o.active);
}

/** Is this official someone the sender may reach with a notice? */
export function inNoticeReach(org: OrgDirectory, senderId: OfficialId, officialId: OfficialId): boolean {
  return senderId !== officialId && mayReach(org, senderId, { parties: [], about: officialId });
}

export interface ResolvedRecipients {
  ids: OfficialId[];
}

/**
 * Every recipient of the scopes, once each. Anyone named outside the sender's reach refuses the whole notice (a
 * notice that silently skipped people would show a false coverage); none left is refused too.
 */
export function resolveRecipients(org: OrgDirectory, senderId: OfficialId, scopes: readonly NoticeScopeInput[]): ResolvedRecipients {
  const sender = org.official(senderId);
  if (!maySendNotice(sender)) throw new DomainError('notice-not-allowed');
  const ids = new Set<OfficialId>();
  const outside: string[] = [];
  for (const scope of scopes) {
    if (scope.kind === 'unit' && !org.unit(UnitId(scope.unitId))) throw new DomainError('notice-unit-unknown');
    for (const o of officialsInScope(org, scope)) {
      if (o.id === senderId) continue;
      if (!inNoticeReach(org, senderId, o.id)) outside.push(o.fullName);
      else ids.add(o.id);
    }
  }
  if (outside.length > 0) throw new DomainError('notice-out-of-reach', { names: [...new Set(outside)].slice(0, 10).join(', '), count: new Set(outside).size });
  if (ids.size === 0) throw new DomainError('notice-no-recipients');
  return { ids: [...ids] };
}
