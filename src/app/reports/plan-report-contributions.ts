// Which features write a part of the plan report's section I beyond the evaluation figures (plan-report-model.ts,
// PlanReportContributions): notices with their coverage (I.5) and exemplary units and officials with the commendations
// (I.6), issue 15's, from the report extras the XLSX's "Quán triệt" and "Ghi nhận" sheets show. A slot whose feature
// has nothing for the year is left to the office as a marked placeholder.
import type { RecognitionCriteria } from '../../domain/recognition/criteria.js';
import { noticesSection, recognitionSection } from '../recognition/plan-report-sections.js';
import type { AppStores } from '../ports/stores.js';
import type { PlanReportContributions } from './plan-report-model.js';

export function planReportContributions(stores: AppStores, criteria: RecognitionCriteria): PlanReportContributions {
  const deps = { stores, criteria };
  return { notices: noticesSection(deps), recognition: recognitionSection(deps) };
}
