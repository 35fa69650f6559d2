import { describe, expect, it } from 'vitest';
import { decreeDateParts } from '../../src/app/reports/plan-report-content.js';
import { parseReportYear } from '../../src/domain/report/plan-year.js';

describe('dates of the plan report', () => {
  it('writes the date line as Nghị định 30 asks: a leading zero on days below 10 and on months 1 and 2 only', () => {
    expect(decreeDateParts('2026-12-08')).toEqual({ day: '08', month: '12', year: '2026' });
    expect(decreeDateParts('2026-01-05')).toEqual({ day: '05', month: '01', year: '2026' });
    expect(decreeDateParts('2026-02-28')).toEqual({ day: '28', month: '02', year: '2026' });
    expect(decreeDateParts('2026-03-10')).toEqual({ day: '10', month: '3', year: '2026' });
  });

  it('takes a four-digit year from 2000 to the current one', () => {
    expect(parseReportYear(' 2026 ', 2026)).toBe(2026);
    expect(parseReportYear('2000', 2026)).toBe(2000);
    for (const bad of ['1999', '2027', '26', '２０２６', '2026.0', '', 'nam']) expect(parseReportYear(bad, 2026), bad).toBeUndefined();
  });
});
