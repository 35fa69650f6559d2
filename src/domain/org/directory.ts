import type { OfficialId, UnitId } from '../ids.js';
import type { Official, Unit } from './types.js';

/**
 * The organisation in memory: units as a tree, officials in units. Answers who is whose superior, what lies in a
 * head's subtree, and who may assign to whom (PRODUCT.md §2–3). Pure: built from rows, never queries.
 */
export class OrgDirectory {
  private readonly units = new Map<UnitId, Unit>();
  private readonly officials = new Map<OfficialId, Official>();
  private readonly children = new Map<UnitId, UnitId[]>();
  private readonly members = new Map<UnitId, Official[]>();
  private readonly heads = new Map<UnitId, Official>();
  /** Active officials by their code in upper case: the API and the CLI name officials by code. */
  private readonly activeByCodeMap = new Map<string, Official>();

  constructor(units: readonly Unit[], officials: readonly Official[]) {
    for (const u of units) this.units.set(u.id, u);
    for (const u of units) {
      if (u.parentId !== null) {
        const list = this.children.get(u.parentId) ?? [];
        list.push(u.id);
        this.children.set(u.parentId, list);
      }
    }
    for (const o of officials) {
      this.officials.set(o.id, o);
      if (!o.active) continue;
      this.activeByCodeMap.set(o.code.toUpperCase(), o);
      const list = this.members.get(o.unitId) ?? [];
      list.push(o);
      this.members.set(o.unitId, list);
      if (o.role === 'HEAD') this.heads.set(o.unitId, o);
    }
  }

  unit(id: UnitId): Unit | undefined {
    return this.units.get(id);
  }

  official(id: OfficialId): Official | undefined {
    return this.officials.get(id);
  }

  allUnits(): Unit[] {
    return [...this.units.values()];
  }

  activeOfficials(): Official[] {
    return [...this.officials.values()].filter((o) => o.active);
  }

  /** The active official with this code, whatever its case and surrounding spaces. */
  activeByCode(code: string): Official | undefined {
    return this.activeByCodeMap.get(code.trim().toUpperCase());
  }

  headOf(unitId: UnitId): Official | undefined {
    return this.heads.get(unitId);
  }

  membersOf(unitId: UnitId): Official[] {
    return this.members.get(unitId) ?? [];
  }

  /** The explicit superior; else the head of the official's unit (if not the official); else up the tree. */
  superiorOf(officialId: OfficialId): Official | undefined {
    const o = this.officials.get(officialId);
    if (!o) return undefined;
    if (o.superiorId !== null) {
      const explicit = this.officials.get(o.superiorId);
      if (explicit?.active) return explicit;
    }
    let unit: Unit | undefined = this.units.get(o.unitId);
    while (unit) {
      const head = this.heads.get(unit.id);
      if (head && head.id !== o.id) return head;
      unit = unit.parentId === null ? undefined : this.units.get(unit.parentId);
    }
    return undefined;
  }

  /** Superiors going up: [superior, superior's superior, …], at most `limit`, stopping at a loop. */
  superiorChain(officialId: OfficialId, limit = 10): Official[] {
    const chain: Official[] = [];
    const seen = new Set<OfficialId>([officialId]);
    let current = this.superiorOf(officialId);
    while (current && chain.length < limit && !seen.has(current.id)) {
      chain.push(current);
      seen.add(current.id);
      current = this.superiorOf(current.id);
    }
    return chain;
  }

  /** The unit and every unit below it. */
  subtreeUnitIds(root: UnitId): UnitId[] {
    const out: UnitId[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (!this.units.has(id)) continue;
      out.push(id);
      for (const c of this.children.get(id) ?? []) stack.push(c);
    }
    return out;
  }

  isUnitInSubtree(unitId: UnitId, root: UnitId): boolean {
    let unit = this.units.get(unitId);
    const seen = new Set<UnitId>();
    while (unit && !seen.has(unit.id)) {
      if (unit.id === root) return true;
      seen.add(unit.id);
      unit = unit.parentId === null ? undefined : this.units.get(unit.parentId);
    }
    return false;
  }

  isSuperiorOf(superiorId: OfficialId, officialId: OfficialId): boolean {
    return this.superiorChain(officialId).some((s) => s.id === superiorId);
  }

  /** Heads and deputies lead their unit subtree. */
  leadsUnitOf(leaderId: OfficialId, officialId: OfficialId): boolean {
    const leader = this.officials.get(leaderId);
    const other = this.officials.get(officialId);
    if (!leader || !other || !leader.active) return false;
    if (leader.role !== 'HEAD' && leader.role !== 'DEPUTY') return false;
    return this.isUnitInSubtree(other.unitId, leader.unitId);
  }

  /** PRODUCT.md §3: a head or deputy to anyone in their subtree; anyone to those they are superior of; admins to anyone. */
  canAssign(assignerId: OfficialId, assigneeId: OfficialId): boolean {
    if (assignerId === assigneeId) return false;
    const assigner = this.officials.get(assignerId);
    const assignee = this.officials.get(assigneeId);
    if (!assigner?.active || !assignee?.active) return false;
    if (assigner.isAdmin) return true;
    return this.leadsUnitOf(assignerId, assigneeId) || this.isSuperiorOf(assignerId, assigneeId);
  }

  /** May `viewerId` see and act on the items of `officialId`? Oneself, a leader of their subtree, a superior, an admin. */
  oversees(viewerId: OfficialId, officialId: OfficialId): boolean {
    if (viewerId === officialId) return true;
    const viewer = this.officials.get(viewerId);
    if (!viewer?.active) return false;
    if (viewer.isAdmin) return true;
    return this.leadsUnitOf(viewerId, officialId) || this.isSuperiorOf(viewerId, officialId);
  }

  /** Everyone `assignerId` may assign to. */
  assignableBy(assignerId: OfficialId): Official[] {
    return this.activeOfficials().filter((o) => this.canAssign(assignerId, o.id));
  }
}
