// Rolls the per-unit facts up over one head's subtree. The same code serves one /tonghop (facts of one subtree) and
// the morning run (facts of the whole organisation, indexed once, then rolled up for every head in memory).
import type { WorkingCalendar } from '../calendar/types.js';
import { OfficialId, UnitId } from '../ids.js';
import type { OrgDirectory } from '../org/directory.js';
import type { DigestFacts, DigestInstants, DigestWindow, Digest, OldestItem, OverdueTask, PendingSignals, ReachIssue, TaskCounts } from './types.js';
import { emptyTaskCounts } from './types.js';

export interface DigestRecipient {
  id: number;
  unitId: number;
}

/** The facts indexed by unit, so a subtree's share is found by walking its units, never by scanning all rows. */
export class DigestFactsIndex {
  private readonly signals = new Map<number, PendingSignals[]>();
  private readonly reach = new Map<number, ReachIssue[]>();
  private readonly overdue = new Map<number, OverdueTask[]>();

  constructor(readonly facts: DigestFacts) {
    const push = <T>(map: Map<number, T[]>, key: number, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const s of facts.signals) push(this.signals, s.unitId, s);
    for (const r of facts.reach) push(this.reach, r.unitId, r);
    for (const o of facts.overdue) push(this.overdue, o.unitId, o);
  }

  tasksOf(unitId: number): TaskCounts | undefined {
    return this.facts.tasks.get(unitId);
  }
  consultationsOf(unitId: number): number {
    return this.facts.consultationsOverdue.get(unitId) ?? 0;
  }
  remindersOf(unitId: number) {
    return this.facts.reminders.get(unitId);
  }
  signalsOf(unitId: number): readonly PendingSignals[] {
    return this.signals.get(unitId) ?? [];
  }
  reachOf(unitId: number): readonly ReachIssue[] {
    return this.reach.get(unitId) ?? [];
  }
  overdueOf(unitId: number): readonly OverdueTask[] {
    return this.overdue.get(unitId) ?? [];
  }
}

function addCounts(into: TaskCounts, c: TaskCounts): void {
  into.grey += c.grey;
  into.blue += c.blue;
  into.dueSoon += c.dueSoon;
  into.red += c.red;
  into.redShort += c.redShort;
  into.redMedium += c.redMedium;
  into.redLong += c.redLong;
}

/** Oldest deadline first; ties by id so every run lists the same items. */
function byAge(a: OverdueTask, b: OverdueTask): number {
  return a.deadline.getTime() - b.deadline.getTime() || a.id - b.id;
}

export interface RollupContext {
  org: Pick<OrgDirectory, 'subtreeUnitIds' | 'superiorOf'>;
  calendar: Pick<WorkingCalendar, 'workingMsBetween'>;
  instants: Pick<DigestInstants, 'now'>;
  window: DigestWindow;
  /** How many of the oldest overdue tasks to list. */
  oldest: number;
}

/** One recipient's digest: everything in their unit's subtree. */
export function rollupDigest(index: DigestFactsIndex, recipient: DigestRecipient, ctx: RollupContext): Digest {
  const units = ctx.org.subtreeUnitIds(UnitId(recipient.unitId));
  const tasks = emptyTaskCounts();
  const reminders = { reminders: 0, escalations: 0 };
  let consultationsOverdue = 0;
  let signalsPending = 0;
  let signalsForRecipient = 0;
  const unreachable: ReachIssue[] = [];
  let unlinked = 0;
  let candidates: OverdueTask[] = [];

  for (const unitId of units) {
    const c = index.tasksOf(unitId);
    if (c) addCounts(tasks, c);
    consultationsOverdue += index.consultationsOf(unitId);
    const r = index.remindersOf(unitId);
    if (r) {
      reminders.reminders += r.reminders;
      reminders.escalations += r.escalations;
    }
    for (const s of index.signalsOf(unitId)) {
      signalsPending += s.count;
      if (ctx.org.superiorOf(OfficialId(s.officialId))?.id === recipient.id) signalsForRecipient += s.count;
    }
    for (const p of index.reachOf(unitId)) {
      if (p.linked) unreachable.push(p);
      else unlinked++;
    }
    const overdue = index.overdueOf(unitId);
    if (overdue.length > 0) candidates = candidates.concat(overdue);
  }

  const now = ctx.instants.now;
  const oldest: OldestItem[] = candidates
    .sort(byAge)
    .slice(0, ctx.oldest)
    .map((o) => ({ ...o, overdueMs: ctx.calendar.workingMsBetween(o.deadline, now) }));
  unreachable.sort((a, b) => (a.since?.getTime() ?? 0) - (b.since?.getTime() ?? 0) || a.officialId - b.officialId);

  return {
    recipientId: recipient.id,
    rootUnitId: recipient.unitId,
    subunits: units.length - 1,
    window: ctx.window,
    tasks,
    consultationsOverdue,
    reminders,
    signalsPending,
    signalsForRecipient,
    unreachable,
    unlinked,
    oldest,
  };
}
