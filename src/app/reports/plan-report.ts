// The plan's implementation report for one unit and one year (IV.1), as DOCX bytes: the evaluation report of the
// unit's subtree for the year (buildReport, the XLSX's one source of figures), its content (plan-report-content.ts)
// and the file (plan-report-docx.ts). Used by /baocaokh and by `npm run cli -- report plan`.
import type { IsoDate } from '../../domain/calendar/types.js';
import { yearPeriod } from '../../domain/report/period.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { AppStores } from '../ports/stores.js';
import { buildReport, type Report, type ReportDeps } from './build-report.js';
import { planReportContent } from './plan-report-content.js';
import { planReportContributions } from './plan-report-contributions.js';
import { planReportBuffer } from './plan-report-docx.js';
import type { PlanDocument } from './plan-report-model.js';

export interface PlanReportDeps extends ReportDeps {
  stores: AppStores;
  catalogue: Catalogue;
}

export interface PlanReportRequest {
  year: number;
  unitId: number;
  /** The place name of the date line (the CLI's --place); blank for the clerk without it. */
  place?: string;
}

export interface PlanReport {
  report: Report;
  document: PlanDocument;
  bytes: Buffer;
}

export async function buildPlanReport(deps: PlanReportDeps, request: PlanReportRequest): Promise<PlanReport> {
  const report = await buildReport(deps, yearPeriod(request.year), request.unitId);
  // An administrative document in Vietnamese, whatever language its requester reads the chat in.
  const t = deps.catalogue.translator('vi');
  const issuedOn: IsoDate = deps.calendar.localDate(deps.now);
  const document = await planReportContent(
    { report, org: deps.org, t },
    { issuedOn, ...(request.place ? { place: request.place } : {}), contributions: planReportContributions(deps.stores) },
  );
  return { report, document, bytes: await planReportBuffer(document) };
}
