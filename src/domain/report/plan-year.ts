// The year of the plan's implementation report (IV.1, yearly): four digits, from 2000 to the current year (a year that
// has not begun has nothing to report).
export const FIRST_REPORT_YEAR = 2000;

export function parseReportYear(text: string, thisYear: number): number | undefined {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return undefined;
  const year = Number(t);
  return year >= FIRST_REPORT_YEAR && year <= thisYear ? year : undefined;
}
