// Who is exemplary in a period (plan III.6, IV.3; issue 15 "Recognition"): criteria from the policy, applied to the
// same flagged items the evaluation report counts (src/domain/report/metrics.ts), so each recognition can be traced
// to the items behind it exactly like a figure. Pure: the computed report in, the exemplary officials and units out.
import type { AnswerRow, ComputedReport, TaskRow } from '../report/metrics.js';

export interface RecognitionCriteria {
  /** An official needs at least this many items (tasks received + consultations asked) in the period. */
  minItems: number;
  /** A unit needs an on-time rate of at least this (0–1) … */
  unitOnTimeRate: number;
  /** … over at least this many rated tasks (completed on time, late, or overdue now). */
  unitMinItems: number;
}

export const DEFAULT_RECOGNITION: Readonly<RecognitionCriteria> = Object.freeze({ minItems: 3, unitOnTimeRate: 0.9, unitMinItems: 5 });

export interface RecognitionItem {
  kind: 'task' | 'consultation';
  code: string;
  title: string;
}

export interface ExemplaryOfficial {
  officialId: number;
  unitId: number;
  items: RecognitionItem[];
}

export interface ExemplaryUnit {
  unitId: number;
  onTimeRate: number;
  rated: number;
  items: RecognitionItem[];
}

export interface Recognition {
  officials: ExemplaryOfficial[];
  units: ExemplaryUnit[];
}

/** A task counts for the person when it was received in the period; it is good when accepted and completed on time. */
const taskGood = (t: TaskRow) => t.flags.acceptedInTime && t.flags.completedOnTime;
/** An answer is good when given in time with a stance, and never a reply without one. */
const answerGood = (a: AnswerRow) => a.flags.answeredInTime && !a.flags.noStance;

/**
 * An official is exemplary when they had at least `minItems` items, accepted and completed every task on time,
 * answered every consultation on time with a stance, and have no confirmed signal in the period. A unit is when the
 * tasks of its own officials were on time at `unitOnTimeRate` or better over at least `unitMinItems` rated tasks.
 */
export function recognise(report: Pick<ComputedReport, 'tasks' | 'answers' | 'signals' | 'byUnit'>, c: RecognitionCriteria): Recognition {
  const byOfficial = new Map<number, { unitId: number; tasks: TaskRow[]; answers: AnswerRow[] }>();
  const entry = (officialId: number, unitId: number) => {
    let e = byOfficial.get(officialId);
    if (!e) byOfficial.set(officialId, (e = { unitId, tasks: [], answers: [] }));
    return e;
  };
  for (const t of report.tasks) if (t.flags.received) entry(t.assigneeId, t.unitId).tasks.push(t);
  for (const a of report.answers) if (a.flags.received) entry(a.officialId, a.unitId).answers.push(a);
  const signalled = new Set(report.signals.map((s) => s.officialId));

  const officials: ExemplaryOfficial[] = [];
  for (const [officialId, e] of byOfficial) {
    if (e.tasks.length + e.answers.length < c.minItems || signalled.has(officialId)) continue;
    if (!e.tasks.every(taskGood) || !e.answers.every(answerGood)) continue;
    officials.push({
      officialId,
      unitId: e.unitId,
      items: [
        ...e.tasks.map((t) => ({ kind: 'task' as const, code: t.code, title: t.title })),
        ...e.answers.map((a) => ({ kind: 'consultation' as const, code: a.code, title: a.subject })),
      ],
    });
  }

  const units: ExemplaryUnit[] = [];
  for (const [unitId, f] of report.byUnit) {
    const rated = f.completedOnTime + f.completedLate + f.overdueNow;
    if (rated < c.unitMinItems || f.onTimeRate === null || f.onTimeRate < c.unitOnTimeRate) continue;
    const items = report.tasks
      .filter((t) => t.unitId === unitId && (t.flags.completedOnTime || t.flags.completedLate || t.flags.overdueNow))
      .map((t) => ({ kind: 'task' as const, code: t.code, title: t.title }));
    units.push({ unitId, onTimeRate: f.onTimeRate, rated, items });
  }
  officials.sort((a, b) => a.unitId - b.unitId || a.officialId - b.officialId);
  units.sort((a, b) => a.unitId - b.unitId);
  return { officials, units };
}
