// What issue 15 adds to an evaluation report: the exemplary officials and units of the period (criteria from the
// policy, applied to the report's own flagged items), the commendations given, and per official the notices
// received, confirmed on time, late and never. Computed after buildReport from the same bounds and scope.
import type { AppStores } from '../ports/stores.js';
import type { NoticeRecipientFact } from '../ports/stores/notices.js';
import type { CommendationRecord } from '../ports/stores/recognition.js';
import { UnitId } from '../../domain/ids.js';
import { recipientState, type RecipientState } from '../../domain/notice/types.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { recognise, type Recognition, type RecognitionCriteria } from '../../domain/recognition/criteria.js';
import type { Report } from '../reports/build-report.js';

export interface NoticeFigures {
  received: number;
  onTime: number;
  late: number;
  /** Not confirmed and past the deadline at the report's cut-off. */
  never: number;
}

export interface NoticeRow extends NoticeRecipientFact {
  /** As of the report's cut-off. */
  state: RecipientState;
}

export interface ReportExtras {
  criteria: RecognitionCriteria;
  recognition: Recognition;
  commendations: CommendationRecord[];
  notices: { rows: NoticeRow[]; byOfficial: Map<number, NoticeFigures>; total: NoticeFigures };
}

export interface ExtrasDeps {
  stores: Pick<AppStores, 'notices' | 'recognition'>;
  org: OrgDirectory;
  criteria: RecognitionCriteria;
}

const emptyNoticeFigures = (): NoticeFigures => ({ received: 0, onTime: 0, late: 0, never: 0 });

function add(f: NoticeFigures, state: RecipientState): void {
  f.received++;
  if (state === 'confirmed') f.onTime++;
  else if (state === 'late') f.late++;
  else if (state === 'overdue') f.never++;
}

/** The unit ids a report covers, or null for the whole organisation. */
export function reportUnitIds(report: Pick<Report, 'rootUnitId'>, org: OrgDirectory): number[] | null {
  return report.rootUnitId === null ? null : org.subtreeUnitIds(UnitId(report.rootUnitId)).map(Number);
}

export async function reportExtras(deps: ExtrasDeps, report: Report): Promise<ReportExtras> {
  const units = reportUnitIds(report, deps.org);
  const { from, to, cutoff } = report.bounds;
  const [facts, commendations] = await Promise.all([deps.stores.notices.factsAddedBetween(units, from, to), deps.stores.recognition.between(units, from, to)]);
  // A confirmation after the cut-off is not known at the cut-off.
  const rows = facts.map((f) => {
    const seen = f.confirmedAt && f.confirmedAt.getTime() <= cutoff.getTime() ? f.confirmedAt : null;
    return { ...f, state: recipientState({ deadline: f.deadline, confirmedAt: seen }, cutoff) };
  });
  const byOfficial = new Map<number, NoticeFigures>();
  const total = emptyNoticeFigures();
  for (const r of rows) {
    let f = byOfficial.get(r.officialId);
    if (!f) byOfficial.set(r.officialId, (f = emptyNoticeFigures()));
    add(f, r.state);
    add(total, r.state);
  }
  return { criteria: deps.criteria, recognition: recognise(report.computed, deps.criteria), commendations, notices: { rows, byOfficial, total } };
}

/** Builds the extras and keeps them on the report, for the summary and the XLSX. */
export async function withReportExtras(deps: ExtrasDeps, report: Report): Promise<Report> {
  report.extras = await reportExtras(deps, report);
  return report;
}
