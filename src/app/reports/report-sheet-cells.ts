// Cell helpers shared by the report's sheets (report-xlsx.ts, report-items-sheet.ts).
import type ExcelJS from 'exceljs';
import { wallClockDate } from '../../domain/time/local-time.js';

/** The instant as the organisation's wall-clock time, in a Date whose UTC fields hold it (Excel has no time zones). */
export function wall(at: Date | null, timezone: string): Date | null {
  return at ? wallClockDate(at, timezone) : null;
}

/** A bold, wrapped header row, frozen so it stays in sight while scrolling. */
export function headerRow(sheet: ExcelJS.Worksheet, titles: string[]): void {
  const row = sheet.addRow(titles);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'top' };
  row.height = 48;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Excel's column letters for the 1-based column `n` (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * A total over rows `first`..`last` of column `col`: a SUM formula with its value, so readers without recalculation
 * see it too. A zero total is written as a number: exceljs leaves a zero result out, and not every reader recalculates.
 */
export function sumCell(col: number, first: number, last: number, value: number | null): ExcelJS.CellValue {
  const letter = columnLetter(col);
  return value && last >= first ? { formula: `SUM(${letter}${first}:${letter}${last})`, result: value } : value;
}
