// An evaluation report (PRODUCT.md §5): a period and a unit subtree → figures per official, per unit and in total,
// with every item behind them. Used by /danhgia for heads and by `npm run cli -- report` for the admin.
import type { WorkingCalendar } from '../../domain/calendar/types.js';
import { deliverableAt } from '../../domain/clocks/ladder.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Official, Unit } from '../../domain/org/types.js';
import type { Policy } from '../../domain/policy/types.js';
import type { Priority } from '../../domain/priority.js';
import { combine, computeReport, type ComputedReport, type Figures, type ReportBounds } from '../../domain/report/metrics.js';
import { nextDay, type Period } from '../../domain/report/period.js';
import type { AppStores } from '../ports/stores.js';
import type { ExplanationRow, ReportScope, SignalRow } from '../ports/stores/reports.js';
import type { ReportExtras } from '../recognition/report-extras.js';

export interface ReportDeps {
  stores: Pick<AppStores, 'reports'>;
  calendar: WorkingCalendar;
  org: OrgDirectory;
  policy: Pick<Policy, 'clocks'>;
  now: Date;
}

export interface ReportUnit extends Unit {
  /** 0 for the root(s) of the report. */
  depth: number;
}

export interface Report {
  period: Period;
  bounds: ReportBounds;
  generatedAt: Date;
  /** The subtree's root, or null for the whole organisation. */
  rootUnitId: number | null;
  /** Units in tree order (parents before children). */
  units: ReportUnit[];
  /** Officials of the units in scope (and anyone else with items in it), in unit order, heads first. */
  officials: Official[];
  computed: ComputedReport & { signals: SignalRow[]; explanations: ExplanationRow[] };
  /** A unit together with everything below it. */
  rolledUp(unitId: number): Figures;
  timezone: string;
  /** Recognition, commendations and notices (issue 15), when the caller added them (withReportExtras). */
  extras?: ReportExtras;
}

const ROLE_RANK = { HEAD: 0, DEPUTY: 1, MEMBER: 2 } as const;

/** Units in tree order: depth-first, children by code. */
function treeOrder(org: OrgDirectory, roots: number[]): ReportUnit[] {
  const children = new Map<number, Unit[]>();
  for (const u of org.allUnits()) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u);
    children.set(u.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const out: ReportUnit[] = [];
  const visit = (u: Unit, depth: number) => {
    out.push({ ...u, depth });
    for (const c of children.get(u.id) ?? []) visit(c, depth + 1);
  };
  for (const id of roots) {
    const u = org.unit(UnitId(id));
    if (u) visit(u, 0);
  }
  return out;
}

export async function buildReport(deps: ReportDeps, period: Period, rootUnitId: number | null): Promise<Report> {
  const { stores, calendar, org, now } = deps;
  const from = calendar.instantOf(period.from, '00:00');
  const to = calendar.instantOf(nextDay(period.to), '00:00');
  const bounds: ReportBounds = { from, to, cutoff: new Date(Math.min(now.getTime(), to.getTime())) };

  let scope: ReportScope = { kind: 'all' };
  if (rootUnitId !== null) {
    const path = await stores.reports.unitPath(rootUnitId);
    if (path === undefined) throw new RangeError(`unit ${rootUnitId} does not exist`);
    scope = { kind: 'subtree', path };
  }
  const rows = await stores.reports.facts(scope, bounds);

  // A task whose accept clock is gone (older data) gets the time to accept the policy gives it now.
  for (const t of rows.tasks) {
    if (t.acceptDueAt === null) {
      const priority = t.priority as Priority;
      t.acceptDueAt = deliverableAt(calendar.add(t.receivedAt, deps.policy.clocks[priority].accept), priority, calendar);
    }
  }
  const computed = computeReport(rows, bounds, (a, b) => calendar.workingMsBetween(a, b));

  const roots =
    rootUnitId !== null
      ? [rootUnitId]
      : org
          .allUnits()
          .filter((u) => u.parentId === null)
          .sort((a, b) => a.code.localeCompare(b.code))
          .map((u) => u.id);
  const units = treeOrder(org, roots);
  const unitOrder = new Map(units.map((u, i) => [u.id as number, i]));
  const people = new Map<number, Official>();
  for (const o of org.activeOfficials()) if (unitOrder.has(o.unitId)) people.set(o.id, o);
  for (const id of computed.byOfficial.keys()) {
    const o = org.official(OfficialId(id));
    if (o) people.set(id, o);
  }
  const officials = [...people.values()].sort(
    (a, b) => (unitOrder.get(a.unitId) ?? 1e9) - (unitOrder.get(b.unitId) ?? 1e9) || ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.code.localeCompare(b.code),
  );

  const rolledUp = (unitId: number) => combine(computed, new Set(org.subtreeUnitIds(UnitId(unitId)).map(Number)));
  return {
    period,
    bounds,
    generatedAt: now,
    rootUnitId,
    units,
    officials,
    computed: computed as Report['computed'],
    rolledUp,
    timezone: calendar.timezone,
  };
}
