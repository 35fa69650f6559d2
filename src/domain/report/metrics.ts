// Evaluation figures (PRODUCT.md §5) from the items behind them. Every figure is a count of items with a flag, or a
// median over items, so the "items" sheet of the XLSX lets anyone recount it. Pure: facts in, rows out.

/** A task as the report sees it (loaded with its accept clock and the time it reached its current assignee). */
export interface TaskFact {
  id: number;
  code: string;
  title: string;
  priority: string;
  status: string;
  assigneeId: number;
  assignerId: number;
  /** The assignee's unit (the task's unit). */
  unitId: number;
  /** Created, or reassigned to the current assignee. */
  receivedAt: Date;
  /** When the time to accept ran out for the current assignee. */
  acceptDueAt: Date | null;
  acceptedAt: Date | null;
  deadline: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
}

/** One respondent of one consultation. */
export interface AnswerFact {
  /** The respondent row. */
  id: number;
  consultationId: number;
  code: string;
  subject: string;
  status: string;
  officialId: number;
  unitId: number;
  askerId: number;
  askedAt: Date;
  deadline: Date;
  closedAt: Date | null;
  /** First answer with a stance, or null. */
  answeredAt: Date | null;
  stance: string | null;
  /** Replied at least once without a stance ("đã nhận", "sẽ xem xét"). */
  noStanceReply: boolean;
}

export interface SignalFact {
  id: number;
  behaviour: number;
  rule: string;
  officialId: number;
  unitId: number;
  itemKind: string | null;
  itemId: number | null;
  raisedAt: Date;
}

export interface ExplanationFact {
  id: number;
  code: string;
  officialId: number;
  unitId: number;
  itemKind: string;
  itemId: number;
  createdAt: Date;
  status: string;
}

/** The period as instants: [from, to), and the cut-off for "overdue now" (the end of the period, or now if earlier). */
export interface ReportBounds {
  from: Date;
  to: Date;
  cutoff: Date;
}

export type WorkingMs = (from: Date, to: Date) => number;

// === Flags per item

export interface TaskFlags {
  received: boolean;
  acceptedInTime: boolean;
  /** Working ms from receipt to acceptance (received in the period and accepted). */
  acceptMs: number | null;
  completedOnTime: boolean;
  completedLate: boolean;
  overdueNow: boolean;
  /** Cancelled by the assigner: counted nowhere, listed so the reader sees why. */
  cancelled: boolean;
}

export interface AnswerFlags {
  received: boolean;
  answeredInTime: boolean;
  answeredLate: boolean;
  unansweredOverdue: boolean;
  answerMs: number | null;
  noStance: boolean;
}

const within = (at: Date | null, b: ReportBounds): at is Date => at !== null && at.getTime() >= b.from.getTime() && at.getTime() < b.to.getTime();
const before = (at: Date | null, limit: Date) => at !== null && at.getTime() <= limit.getTime();

export function taskFlags(t: TaskFact, b: ReportBounds, workingMs: WorkingMs): TaskFlags {
  const cancelled = t.cancelledAt !== null && t.cancelledAt.getTime() <= b.cutoff.getTime();
  if (cancelled) return { received: false, acceptedInTime: false, acceptMs: null, completedOnTime: false, completedLate: false, overdueNow: false, cancelled };
  const received = within(t.receivedAt, b);
  const acceptedInTime = received && t.acceptedAt !== null && t.acceptDueAt !== null && before(t.acceptedAt, t.acceptDueAt);
  const acceptMs = received && t.acceptedAt !== null ? workingMs(t.receivedAt, t.acceptedAt) : null;
  const completedInPeriod = within(t.completedAt, b);
  const completedOnTime = completedInPeriod && before(t.completedAt, t.deadline);
  const completedLate = completedInPeriod && !completedOnTime;
  const openAtCutoff = t.receivedAt.getTime() < b.cutoff.getTime() && (t.completedAt === null || t.completedAt.getTime() > b.cutoff.getTime());
  // A declined task waits for its assigner's decision: the assignee is not counted late for it meanwhile.
  const overdueNow = openAtCutoff && t.status !== 'DECLINED' && t.deadline.getTime() < b.cutoff.getTime();
  return { received, acceptedInTime, acceptMs, completedOnTime, completedLate, overdueNow, cancelled };
}

export function answerFlags(a: AnswerFact, b: ReportBounds, workingMs: WorkingMs): AnswerFlags {
  const received = within(a.askedAt, b);
  if (!received) return { received, answeredInTime: false, answeredLate: false, unansweredOverdue: false, answerMs: null, noStance: false };
  const answered = a.answeredAt !== null;
  const answeredInTime = answered && before(a.answeredAt, a.deadline);
  const answeredLate = answered && !answeredInTime;
  // Unanswered past the deadline, while the question was still open (a decision or a new round ends it).
  const endsAt = a.closedAt && a.closedAt.getTime() < b.cutoff.getTime() ? a.closedAt : b.cutoff;
  const unansweredOverdue = !answered && a.deadline.getTime() < endsAt.getTime();
  return {
    received,
    answeredInTime,
    answeredLate,
    unansweredOverdue,
    answerMs: answered ? workingMs(a.askedAt, a.answeredAt!) : null,
    noStance: a.noStanceReply,
  };
}

// === Figures

export const BEHAVIOURS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;

export interface Figures {
  tasksReceived: number;
  acceptedInTime: number;
  completedOnTime: number;
  completedLate: number;
  overdueNow: number;
  acceptMedianMs: number | null;
  consultationsReceived: number;
  answeredInTime: number;
  answeredLate: number;
  unansweredOverdue: number;
  answerMedianMs: number | null;
  answersWithoutStance: number;
  /** Confirmed signals by behaviour 1–11 (index 0 unused). */
  signals: number[];
  signalsTotal: number;
  explanations: number;
  /** Completed on time ÷ (on time + late + overdue now); null when there is nothing to rate. */
  onTimeRate: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Accumulates items into figures. */
export class FiguresBuilder {
  private readonly acceptMs: number[] = [];
  private readonly answerMs: number[] = [];
  readonly f: Omit<Figures, 'acceptMedianMs' | 'answerMedianMs' | 'onTimeRate'> = {
    tasksReceived: 0,
    acceptedInTime: 0,
    completedOnTime: 0,
    completedLate: 0,
    overdueNow: 0,
    consultationsReceived: 0,
    answeredInTime: 0,
    answeredLate: 0,
    unansweredOverdue: 0,
    answersWithoutStance: 0,
    signals: new Array<number>(12).fill(0),
    signalsTotal: 0,
    explanations: 0,
  };

  task(x: TaskFlags): void {
    const f = this.f;
    if (x.received) f.tasksReceived++;
    if (x.acceptedInTime) f.acceptedInTime++;
    if (x.acceptMs !== null) this.acceptMs.push(x.acceptMs);
    if (x.completedOnTime) f.completedOnTime++;
    if (x.completedLate) f.completedLate++;
    if (x.overdueNow) f.overdueNow++;
  }

  answer(x: AnswerFlags): void {
    const f = this.f;
    if (!x.received) return;
    f.consultationsReceived++;
    if (x.answeredInTime) f.answeredInTime++;
    if (x.answeredLate) f.answeredLate++;
    if (x.unansweredOverdue) f.unansweredOverdue++;
    if (x.noStance) f.answersWithoutStance++;
    if (x.answerMs !== null) this.answerMs.push(x.answerMs);
  }

  signal(s: SignalFact): void {
    if (s.behaviour >= 1 && s.behaviour <= 11) this.f.signals[s.behaviour]!++;
    this.f.signalsTotal++;
  }

  explanation(): void {
    this.f.explanations++;
  }

  build(): Figures {
    const f = this.f;
    const rated = f.completedOnTime + f.completedLate + f.overdueNow;
    return {
      ...f,
      signals: [...f.signals],
      acceptMedianMs: median(this.acceptMs),
      answerMedianMs: median(this.answerMs),
      onTimeRate: rated === 0 ? null : f.completedOnTime / rated,
    };
  }
}

// === The report

export interface TaskRow extends TaskFact {
  flags: TaskFlags;
}
export interface AnswerRow extends AnswerFact {
  flags: AnswerFlags;
}

export interface ReportFacts {
  tasks: TaskFact[];
  answers: AnswerFact[];
  signals: SignalFact[];
  explanations: ExplanationFact[];
}

export interface ComputedReport {
  tasks: TaskRow[];
  answers: AnswerRow[];
  signals: SignalFact[];
  explanations: ExplanationFact[];
  byOfficial: Map<number, Figures>;
  byUnit: Map<number, Figures>;
  total: Figures;
}

/** Flags every item and adds it up per official, per unit (the item's own unit) and in total. */
export function computeReport(facts: ReportFacts, bounds: ReportBounds, workingMs: WorkingMs): ComputedReport {
  const officials = new Map<number, FiguresBuilder>();
  const units = new Map<number, FiguresBuilder>();
  const total = new FiguresBuilder();
  const of = (map: Map<number, FiguresBuilder>, id: number) => {
    let b = map.get(id);
    if (!b) map.set(id, (b = new FiguresBuilder()));
    return b;
  };

  const tasks = facts.tasks.map((t) => ({ ...t, flags: taskFlags(t, bounds, workingMs) }));
  for (const t of tasks) for (const b of [of(officials, t.assigneeId), of(units, t.unitId), total]) b.task(t.flags);
  const answers = facts.answers.map((a) => ({ ...a, flags: answerFlags(a, bounds, workingMs) }));
  for (const a of answers) for (const b of [of(officials, a.officialId), of(units, a.unitId), total]) b.answer(a.flags);
  for (const s of facts.signals) for (const b of [of(officials, s.officialId), of(units, s.unitId), total]) b.signal(s);
  for (const e of facts.explanations) for (const b of [of(officials, e.officialId), of(units, e.unitId), total]) b.explanation();

  const built = (map: Map<number, FiguresBuilder>) => new Map([...map].map(([id, b]) => [id, b.build()]));
  return { tasks, answers, signals: facts.signals, explanations: facts.explanations, byOfficial: built(officials), byUnit: built(units), total: total.build() };
}

/** Figures of several units together (a unit with everything below it), from their items. */
export function combine(report: ComputedReport, unitIds: ReadonlySet<number>): Figures {
  const b = new FiguresBuilder();
  for (const t of report.tasks) if (unitIds.has(t.unitId)) b.task(t.flags);
  for (const a of report.answers) if (unitIds.has(a.unitId)) b.answer(a.flags);
  for (const s of report.signals) if (unitIds.has(s.unitId)) b.signal(s);
  for (const e of report.explanations) if (unitIds.has(e.unitId)) b.explanation();
  return b.build();
}

export function emptyFigures(): Figures {
  return new FiguresBuilder().build();
}
