// A person's figures for a self-review: the evaluation report's own computation (buildReport over the person's unit,
// the same flags and the same sums as /danhgia and `report`), with the items behind each figure, plus what other
// features register (extra-figures.ts). One source of numbers: nothing is counted here.
import { OfficialId, UnitId } from '../../domain/ids.js';
import { emptyFigures, type Figures } from '../../domain/report/metrics.js';
import type { Period } from '../../domain/report/period.js';
import type { AppContext } from '../context.js';
import { buildReport, type Report } from '../reports/build-report.js';
import type { SignalRow } from '../reports/report-facts.js';
import { extraFigures, type ExtraFigure } from './extra-figures.js';

export interface PersonItems {
  onTime: string[];
  late: string[];
  overdue: string[];
  answeredWithStance: string[];
  noStance: string[];
  unanswered: string[];
  signals: { id: number; behaviour: number; itemCode: string | null; explanation: string | null }[];
  explanations: string[];
}

export interface PersonFigures {
  figures: Figures;
  items: PersonItems;
  extras: [string, ExtraFigure][];
}

/** The evaluation report of a unit subtree for the period (one computation for every person in it). */
export async function unitReport(app: AppContext, period: Period, unitId: number): Promise<Report> {
  return buildReport({ db: app.db, calendar: await app.calendar(), org: await app.org(), policy: app.policy, now: app.time.now() }, period, unitId);
}

/** One person's figures and items, read off a report that covers their unit. */
export async function personFigures(app: AppContext, report: Report, officialId: number): Promise<PersonFigures> {
  const c = report.computed;
  const figures = c.byOfficial.get(officialId) ?? emptyFigures();
  const tasks = c.tasks.filter((t) => t.assigneeId === officialId);
  const answers = c.answers.filter((a) => a.officialId === officialId && a.flags.received);
  const signals = (c.signals as SignalRow[]).filter((s) => s.officialId === officialId);
  const explained = await app.stores.selfReview.signalExplanations(signals.map((s) => s.id));
  const extras = await extraFigures(app, report, [officialId]);
  return {
    figures,
    items: {
      onTime: tasks.filter((t) => t.flags.completedOnTime).map((t) => t.code),
      late: tasks.filter((t) => t.flags.completedLate).map((t) => t.code),
      overdue: tasks.filter((t) => t.flags.overdueNow).map((t) => t.code),
      answeredWithStance: answers.filter((a) => a.answeredAt !== null).map((a) => a.code),
      noStance: answers.filter((a) => a.flags.noStance).map((a) => a.code),
      unanswered: answers.filter((a) => a.flags.unansweredOverdue).map((a) => a.code),
      signals: signals.map((s) => ({ id: s.id, behaviour: s.behaviour, itemCode: s.itemCode, explanation: explained.get(s.id)?.text ?? null })),
      explanations: c.explanations.filter((e) => e.officialId === officialId).map((e) => e.code),
    },
    extras: extras.get(officialId) ?? [],
  };
}

/** The figures of one official over the period (their unit's report). */
export async function figuresOf(app: AppContext, period: Period, officialId: number): Promise<PersonFigures> {
  const person = (await app.org()).official(OfficialId(officialId));
  if (!person) throw new RangeError(`official ${officialId} does not exist`);
  return personFigures(app, await unitReport(app, period, UnitId(person.unitId)), officialId);
}
