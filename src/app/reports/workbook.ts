// A new Excel workbook. exceljs (with its zip and stream libraries) is loaded when a workbook is first written, not at
// start: loaded eagerly it was ~0.7 s of the bot's CPU at every start and ~20 MB of its idle memory, for reports
// that are asked for a few times a month (issue 14, bench/start.ts).
import type ExcelJS from 'exceljs';

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
