import type { AnswerFact, ExplanationFact, ReportBounds, SignalFact, TaskFact } from '../../../domain/report/metrics.js';

export type ReportScope = { kind: 'subtree'; path: string } | { kind: 'all' };

export interface SignalRow extends SignalFact {
  itemCode: string | null;
}
export interface ExplanationRow extends ExplanationFact {
  itemCode: string | null;
}

export interface ReportFactRows {
  tasks: TaskFact[];
  answers: AnswerFact[];
  signals: SignalRow[];
  explanations: ExplanationRow[];
}

/** The items behind evaluation reports. */
export interface ReportStore {
  /** The tasks, answers, signals and demands of a scope in the period, in four set-based queries. */
  facts(scope: ReportScope, bounds: ReportBounds): Promise<ReportFactRows>;
  /** The materialised path of a unit ("/1/4/"); undefined when there is no such unit. */
  unitPath(unitId: number): Promise<string | undefined>;
}
