// What an organisation file would change, compared with the organisation as it is: who is added, who changes (and
// in what), who is deactivated. Shown before every import and by --dry-run; a file that would deactivate more
// officials than the policy allows (a file holding one unit only, say) is refused unless the admin confirms.
import type { OrgPlan } from './org-import.js';
import type { Role } from './types.js';

/** The organisation as stored, by code (inactive rows included: a file may bring them back). */
export interface OrgSnapshot {
  units: { code: string; name: string; parentCode: string | null; active: boolean }[];
  officials: {
    code: string;
    fullName: string;
    title: string;
    role: Role;
    unitCode: string;
    superiorCode: string | null;
    phone: string | null;
    isAdmin: boolean;
    active: boolean;
  }[];
}

export type UnitField = 'name' | 'position' | 'reactivated';
export type OfficialField = 'fullName' | 'title' | 'role' | 'unit' | 'superior' | 'phone' | 'isAdmin' | 'reactivated';

export interface UnitChangeLine {
  code: string;
  name: string;
}
export interface OfficialChangeLine {
  code: string;
  fullName: string;
  unitCode: string;
}

export interface OrgChanges {
  units: { added: UnitChangeLine[]; changed: (UnitChangeLine & { fields: UnitField[] })[]; deactivated: UnitChangeLine[] };
  officials: { added: OfficialChangeLine[]; changed: (OfficialChangeLine & { fields: OfficialField[] })[]; deactivated: OfficialChangeLine[] };
  /** Active officials before the import: the base of the deactivation share. */
  activeOfficialsBefore: number;
  /** What the file holds. */
  inFile: { units: number; officials: number };
}

/** Ancestor codes from the root down; a unit that moves, or whose ancestor moves, gets another path. */
function chains(parentOf: Map<string, string | null>): Map<string, string> {
  const memo = new Map<string, string>();
  const chain = (code: string, seen: Set<string>): string => {
    const known = memo.get(code);
    if (known !== undefined) return known;
    const parent = parentOf.get(code) ?? null;
    // A loop cannot come from a validated file; stored data is a tree too, but never loop forever on it.
    const value = parent === null || seen.has(parent) ? `/${code}` : `${chain(parent, new Set(seen).add(code))}/${code}`;
    memo.set(code, value);
    return value;
  };
  for (const code of parentOf.keys()) chain(code, new Set());
  return memo;
}

/** Pure: the plan of a validated file against the stored organisation, in file order. */
export function planOrgChanges(plan: OrgPlan, current: OrgSnapshot): OrgChanges {
  const units = new Map(current.units.map((u) => [u.code, u]));
  const plannedChains = chains(new Map(plan.units.map((u) => [u.code, u.parentCode])));
  const currentChains = chains(new Map(current.units.map((u) => [u.code, u.parentCode])));
  const changes: OrgChanges = {
    units: { added: [], changed: [], deactivated: [] },
    officials: { added: [], changed: [], deactivated: [] },
    activeOfficialsBefore: current.officials.filter((o) => o.active).length,
    inFile: { units: plan.units.length, officials: plan.officials.length },
  };

  const plannedUnits = new Set<string>();
  for (const u of plan.units) {
    plannedUnits.add(u.code);
    const row = units.get(u.code);
    if (!row) {
      changes.units.added.push({ code: u.code, name: u.name });
      continue;
    }
    const fields: UnitField[] = [];
    if (row.name !== u.name) fields.push('name');
    if (currentChains.get(u.code) !== plannedChains.get(u.code)) fields.push('position');
    if (!row.active) fields.push('reactivated');
    if (fields.length > 0) changes.units.changed.push({ code: u.code, name: u.name, fields });
  }
  for (const u of current.units) if (u.active && !plannedUnits.has(u.code)) changes.units.deactivated.push({ code: u.code, name: u.name });

  const officials = new Map(current.officials.map((o) => [o.code, o]));
  const plannedOfficials = new Set<string>();
  for (const o of plan.officials) {
    plannedOfficials.add(o.code);
    const line = { code: o.code, fullName: o.fullName, unitCode: o.unitCode };
    const row = officials.get(o.code);
    if (!row) {
      changes.officials.added.push(line);
      continue;
    }
    const fields: OfficialField[] = [];
    if (row.fullName !== o.fullName) fields.push('fullName');
    if (row.title !== o.title) fields.push('title');
    if (row.role !== o.role) fields.push('role');
    if (row.unitCode !== o.unitCode) fields.push('unit');
    if (row.superiorCode !== o.superiorCode) fields.push('superior');
    if (row.phone !== o.phone) fields.push('phone');
    if (row.isAdmin !== o.isAdmin) fields.push('isAdmin');
    if (!row.active) fields.push('reactivated');
    if (fields.length > 0) changes.officials.changed.push({ ...line, fields });
  }
  for (const o of current.officials) {
    if (o.active && !plannedOfficials.has(o.code)) changes.officials.deactivated.push({ code: o.code, fullName: o.fullName, unitCode: o.unitCode });
  }
  return changes;
}

/** The policy's bound on deactivations in one import (policy `orgImport`). */
export interface DeactivationLimit {
  /** More than this many officials deactivated at once is refused … */
  maxOfficials: number;
  /** … and so is more than this percentage of the active officials. */
  maxPercent: number;
}

export type DeactivationCheck = { ok: true } | { ok: false; count: number; activeBefore: number; percent: number; limit: DeactivationLimit };

/**
 * Either bound refuses: 6 of 500 officials is more than 5, 3 of 20 is more than 10 %. A large organisation is
 * protected by the count, a small one by the share; `--allow-deactivate` confirms a real reorganisation.
 */
export function checkDeactivations(changes: OrgChanges, limit: DeactivationLimit): DeactivationCheck {
  const count = changes.officials.deactivated.length;
  const activeBefore = changes.activeOfficialsBefore;
  const percent = activeBefore === 0 ? 0 : (count * 100) / activeBefore;
  if (count > limit.maxOfficials || percent > limit.maxPercent) return { ok: false, count, activeBefore, percent, limit };
  return { ok: true };
}
