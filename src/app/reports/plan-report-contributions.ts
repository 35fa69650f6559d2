// Which features write a part of the plan report's section I beyond the evaluation figures (plan-report-model.ts,
// PlanReportContributions). Notices with their coverage and exemplary units and officials (issue 15) plug in here:
// `notices: (input) => …` and `recognition: (input) => …`, each reading its own store for input.report's period and
// unit subtree. Until then the document leaves those parts to the office as marked placeholders.
import type { AppStores } from '../ports/stores.js';
import type { PlanReportContributions } from './plan-report-model.js';

export function planReportContributions(_stores: AppStores): PlanReportContributions {
  return {};
}
