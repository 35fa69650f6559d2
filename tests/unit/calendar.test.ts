import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import type { CalendarConfig } from '../../src/domain/calendar/types.js';
import { createWorkingCalendar, DEFAULT_WEEK_WINDOWS } from '../../src/domain/calendar/working-calendar.js';
import { lunarToSolarDays } from '../../src/domain/calendar/lunar.js';
import { formatIsoDate } from '../../src/domain/calendar/civil.js';
import { HOUR_MS, MINUTE_MS, wall, working } from '../../src/domain/time/duration.js';

const config = (over: Partial<CalendarConfig> = {}): CalendarConfig => ({
  timezone: 'Asia/Ho_Chi_Minh',
  weekWindows: DEFAULT_WEEK_WINDOWS.map((d) => [...d]),
  extraHolidays: [],
  extraWorkdays: [],
  ...over,
});
const cal = createWorkingCalendar(config());
/** A local wall-clock time in Hà Nội. */
const vn = (local: string): Date => new Date(`${local}+07:00`);
const iso = (d: Date): string => d.toISOString();
const offDays = (year: number) =>
  cal
    .exceptionsIn(year)
    .filter((d) => !d.working)
    .map((d) => d.date);

describe('Vietnamese public holidays', () => {
  it('computes lunar dates: Tết 2026 = 17/02, Tết 2027 = 06/02, Giỗ Tổ 2026 = 26/04', () => {
    expect(formatIsoDate(lunarToSolarDays(1, 1, 2026)!)).toBe('2026-02-17');
    expect(formatIsoDate(lunarToSolarDays(1, 1, 2027)!)).toBe('2027-02-06');
    expect(formatIsoDate(lunarToSolarDays(10, 3, 2026)!)).toBe('2026-04-26');
    // Years where the Vietnamese calendar (UTC+7) differs from the Chinese one (UTC+8).
    expect(formatIsoDate(lunarToSolarDays(1, 1, 1985)!)).toBe('1985-01-21');
    expect(formatIsoDate(lunarToSolarDays(1, 1, 2007)!)).toBe('2007-02-17');
    expect(formatIsoDate(lunarToSolarDays(1, 1, 2030)!)).toBe('2030-02-02');
  });

  it('agrees with the date-holidays Vietnamese data on Tết and Giỗ Tổ (every third year, 1970–2049)', () => {
    // The library is slow (~60 ms a year), hence the sample. It is off by one day for Giỗ Tổ 2050 (leap 3rd month).
    const hd = new Holidays('VN');
    for (let y = 1970; y < 2050; y += 3) {
      const list = hd.getHolidays(y);
      const tet = list.find((h) => h.rule === 'vietnamese 1-0-1')!.date.slice(0, 10);
      const hung = list.find((h) => h.rule === 'vietnamese 3-0-10')!.date.slice(0, 10);
      expect([y, formatIsoDate(lunarToSolarDays(1, 1, y)!), formatIsoDate(lunarToSolarDays(10, 3, y)!)]).toEqual([y, tet, hung]);
    }
  });

  it('gives Tết 2026 five days: the last day of the lunar year and the first four of the new one', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(cal.isWorkingDay(d)).toBe(false);
      expect(cal.holidayName(d)).toBe('calendar-day-lunar-new-year');
    }
    expect(cal.isWorkingDay('2026-02-13')).toBe(true);
    expect(cal.isWorkingDay('2026-02-23')).toBe(true);
    expect(cal.holidayName('2026-02-23')).toBeUndefined();
  });

  it('makes up the Saturday and Sunday of Tết 2027 on the next working days (art. 111)', () => {
    expect(['2027-02-05', '2027-02-08', '2027-02-09'].every((d) => cal.dayInfo(d).reason === 'lunar-new-year')).toBe(true);
    expect(cal.dayInfo('2027-02-06')).toMatchObject({ working: false, reason: 'lunar-new-year', weekday: 6 });
    expect(cal.dayInfo('2027-02-10')).toMatchObject({ working: false, reason: 'compensation', compensates: { date: '2027-02-06', holiday: 'lunar-new-year' } });
    expect(cal.dayInfo('2027-02-11')).toMatchObject({ working: false, reason: 'compensation', compensates: { date: '2027-02-07', holiday: 'lunar-new-year' } });
    expect(cal.holidayName('2027-02-10')).toBe('calendar-day-compensation');
    expect(cal.isWorkingDay('2027-02-12')).toBe(true);
  });

  it('compensates Giỗ Tổ 2026 (a Sunday) on Monday 27/04', () => {
    expect(cal.dayInfo('2026-04-26')).toMatchObject({ working: false, reason: 'hung-kings', weekday: 0 });
    expect(cal.dayInfo('2026-04-27')).toMatchObject({ working: false, reason: 'compensation', compensates: { date: '2026-04-26', holiday: 'hung-kings' } });
    expect(cal.isWorkingDay('2026-04-28')).toBe(true);
  });

  it('keeps 30/4 and 1/5, compensating 1/5/2027 (a Saturday) on Monday 3/5', () => {
    expect(cal.holidayName('2026-04-30')).toBe('calendar-day-victory-day');
    expect(cal.holidayName('2026-05-01')).toBe('calendar-day-labour-day');
    expect(cal.dayInfo('2027-05-03')).toMatchObject({ reason: 'compensation', compensates: { date: '2027-05-01', holiday: 'labour-day' } });
  });

  it('joins to 2/9 the adjacent day that makes a long weekend, else 1/9', () => {
    const national = (y: number) => offDays(y).filter((d) => d.slice(5, 7) === '09');
    expect(national(2024)).toEqual(['2024-09-02', '2024-09-03']); // Monday → Tuesday
    expect(national(2025)).toEqual(['2025-09-01', '2025-09-02']); // Tuesday → Monday
    expect(national(2026)).toEqual(['2026-09-01', '2026-09-02']); // Wednesday → the day before
    expect(national(2027)).toEqual(['2027-09-02', '2027-09-03']); // Thursday → Friday
    expect(national(2023)).toEqual(['2023-09-01', '2023-09-04']); // Saturday → Friday, compensated Monday
    expect(cal.dayInfo('2023-09-04').compensates).toEqual({ date: '2023-09-02', holiday: 'national-day' });
    const after = createWorkingCalendar(config({ nationalDayExtra: 'after' }));
    expect(after.isWorkingDay('2026-09-01')).toBe(true);
    expect(after.holidayName('2026-09-03')).toBe('calendar-day-national-day');
  });

  it('lists every non-working weekday of 2026 with its reason', () => {
    expect(cal.exceptionsIn(2026).map((d) => `${d.date} ${d.reason}`)).toEqual([
      '2026-01-01 new-year',
      '2026-02-16 lunar-new-year',
      '2026-02-17 lunar-new-year',
      '2026-02-18 lunar-new-year',
      '2026-02-19 lunar-new-year',
      '2026-02-20 lunar-new-year',
      '2026-04-27 compensation',
      '2026-04-30 victory-day',
      '2026-05-01 labour-day',
      '2026-09-01 national-day',
      '2026-09-02 national-day',
    ]);
  });

  it('moves Tết with tetDaysBefore', () => {
    const two = createWorkingCalendar(config({ tetDaysBefore: 2 }));
    expect(two.isWorkingDay('2026-02-13')).toBe(true); // Friday; the 2 days before Tết are Sun 15 and Mon 16
    expect(two.holidayName('2026-02-15')).toBe('calendar-day-lunar-new-year');
    expect(two.dayInfo('2026-02-20')).toMatchObject({ working: false, reason: 'compensation', compensates: { date: '2026-02-15' } });
    expect(two.isWorkingDay('2026-02-23')).toBe(true);
  });
});

describe("the admin's adjustments", () => {
  const adjusted = createWorkingCalendar(config({ extraHolidays: ['2026-02-13', '2026-01-02'], extraWorkdays: ['2026-02-28', '2026-02-20'] }));

  it('makes a Saturday a working day with the standard windows', () => {
    expect(adjusted.dayInfo('2026-02-28')).toMatchObject({ working: true, reason: 'extra-workday', weekday: 6 });
    expect(adjusted.isWorkingTime(vn('2026-02-28T08:00'))).toBe(true);
    expect(adjusted.isWorkingTime(vn('2026-02-28T12:00'))).toBe(false);
    expect(adjusted.holidayName('2026-02-28')).toBeUndefined();
    expect(cal.isWorkingDay('2026-02-28')).toBe(false);
  });

  it('adds a day off and can turn a statutory holiday into a working day', () => {
    expect(adjusted.isWorkingDay('2026-02-13')).toBe(false);
    expect(adjusted.holidayName('2026-02-13')).toBe('calendar-day-extra-holiday');
    expect(adjusted.isWorkingDay('2026-02-20')).toBe(true);
  });

  it('lists a working weekend day among the exceptions', () => {
    const list = adjusted.exceptionsIn(2026);
    expect(list.find((d) => d.date === '2026-02-28')).toMatchObject({ working: true, reason: 'extra-workday' });
    expect(list.find((d) => d.date === '2026-01-02')).toMatchObject({ working: false, reason: 'extra-holiday' });
  });

  it('counts working time on a make-up Saturday', () => {
    // Friday 27/02 16:00 + 2 h: 1 h on Friday, 1 h on the make-up Saturday.
    expect(iso(adjusted.add(vn('2026-02-27T16:00'), working(2 * HOUR_MS)))).toBe(iso(vn('2026-02-28T08:30')));
  });
});

describe('working time', () => {
  it('knows inside from outside a window (windows are half-open)', () => {
    expect(cal.isWorkingTime(vn('2026-03-12T07:30'))).toBe(true);
    expect(cal.isWorkingTime(vn('2026-03-12T09:00'))).toBe(true);
    expect(cal.isWorkingTime(vn('2026-03-12T11:30'))).toBe(false);
    expect(cal.isWorkingTime(vn('2026-03-12T12:00'))).toBe(false);
    expect(cal.isWorkingTime(vn('2026-03-12T16:59'))).toBe(true);
    expect(cal.isWorkingTime(vn('2026-03-12T17:00'))).toBe(false);
    expect(cal.isWorkingTime(vn('2026-03-12T06:00'))).toBe(false);
    expect(cal.isWorkingTime(vn('2026-03-14T09:00'))).toBe(false); // Saturday
    expect(cal.isWorkingTime(vn('2026-02-17T09:00'))).toBe(false); // Tết
    expect(cal.isWorkingDay(vn('2026-03-14T09:00'))).toBe(false);
    expect(cal.isWorkingDay(vn('2026-03-13T23:30'))).toBe(true);
  });

  it('skips the lunch break: Thursday 11:00 + 1 working h = 14:00', () => {
    expect(iso(cal.add(vn('2026-03-12T11:00'), working(HOUR_MS)))).toBe(iso(vn('2026-03-12T14:00')));
  });

  it('skips the weekend: Friday 16:00 + 2 working h = Monday 08:30', () => {
    expect(iso(cal.add(vn('2026-03-13T16:00'), working(2 * HOUR_MS)))).toBe(iso(vn('2026-03-16T08:30')));
  });

  it('skips Tết: Friday 13/02/2026 16:00 + 2 working h = Monday 23/02 08:30', () => {
    expect(iso(cal.add(vn('2026-02-13T16:00'), working(2 * HOUR_MS)))).toBe(iso(vn('2026-02-23T08:30')));
  });

  it('starts counting at the next opening and stops at a window end', () => {
    expect(iso(cal.add(vn('2026-03-14T10:00'), working(HOUR_MS)))).toBe(iso(vn('2026-03-16T08:30')));
    expect(iso(cal.add(vn('2026-03-13T16:00'), working(HOUR_MS)))).toBe(iso(vn('2026-03-13T17:00')));
    expect(iso(cal.add(vn('2026-03-12T12:15'), working(30 * MINUTE_MS)))).toBe(iso(vn('2026-03-12T14:00')));
  });

  it('takes a working "1d" as one standard day of 7.5 h', () => {
    expect(cal.workingDayMs).toBe(7.5 * HOUR_MS);
    expect(iso(cal.add(vn('2026-03-16T10:00'), working(cal.workingDayMs)))).toBe(iso(vn('2026-03-17T10:00')));
    expect(iso(cal.add(vn('2026-03-13T10:00'), working(5 * cal.workingDayMs)))).toBe(iso(vn('2026-03-20T10:00')));
  });

  it('crosses the year and New Year holiday', () => {
    // Thu 31/12/2026 16:00 + 2 h: 1 h on Thursday, Friday 1/1 is a holiday, 1 h on Monday 4/1.
    expect(iso(cal.add(vn('2026-12-31T16:00'), working(2 * HOUR_MS)))).toBe(iso(vn('2027-01-04T08:30')));
    expect(cal.workingMsBetween(vn('2026-12-31T16:00'), vn('2027-01-04T08:30'))).toBe(2 * HOUR_MS);
  });

  it('lets wall durations ignore the calendar', () => {
    expect(iso(cal.add(vn('2026-03-14T10:00'), wall(30 * MINUTE_MS)))).toBe(iso(vn('2026-03-14T10:30')));
    expect(iso(cal.add(vn('2026-02-17T23:00'), wall(2 * HOUR_MS)))).toBe(iso(vn('2026-02-18T01:00')));
    expect(iso(cal.subtract(vn('2026-03-16T08:00'), wall(HOUR_MS)))).toBe(iso(vn('2026-03-16T07:00')));
  });

  it('subtracts working time, landing on the later opening between windows', () => {
    expect(iso(cal.subtract(vn('2026-03-16T08:30'), working(HOUR_MS)))).toBe(iso(vn('2026-03-16T07:30')));
    expect(iso(cal.subtract(vn('2026-03-16T07:30'), working(3.5 * HOUR_MS)))).toBe(iso(vn('2026-03-13T13:30')));
    expect(iso(cal.subtract(vn('2026-03-16T07:30'), working(4 * HOUR_MS)))).toBe(iso(vn('2026-03-13T11:00')));
    expect(iso(cal.subtract(vn('2026-03-12T14:00'), working(HOUR_MS)))).toBe(iso(vn('2026-03-12T11:00')));
    // Across Tết: Monday 23/02 08:30 − 2 h = Friday 13/02 16:00.
    expect(iso(cal.subtract(vn('2026-02-23T08:30'), working(2 * HOUR_MS)))).toBe(iso(vn('2026-02-13T16:00')));
    expect(iso(cal.subtract(vn('2027-01-04T08:30'), working(2 * HOUR_MS)))).toBe(iso(vn('2026-12-31T16:00')));
  });

  it('measures working time across a weekend and across Tết', () => {
    expect(cal.workingMsBetween(vn('2026-03-13T16:00'), vn('2026-03-16T08:30'))).toBe(2 * HOUR_MS);
    expect(cal.workingMsBetween(vn('2026-02-13T07:30'), vn('2026-02-23T17:00'))).toBe(2 * 7.5 * HOUR_MS);
    expect(cal.workingMsBetween(vn('2026-03-12T11:00'), vn('2026-03-12T14:00'))).toBe(HOUR_MS);
    expect(cal.workingMsBetween(vn('2026-03-16T08:30'), vn('2026-03-13T16:00'))).toBe(0);
    expect(cal.workingMsBetween(vn('2026-03-14T08:00'), vn('2026-03-15T20:00'))).toBe(0);
  });

  it('keeps add, subtract and workingMsBetween consistent over many random cases', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const base = vn('2025-01-01T00:00').getTime();
    for (let i = 0; i < 2000; i++) {
      const from = new Date(base + Math.floor(rnd() * 3 * 365 * 24) * 15 * MINUTE_MS);
      const ms = Math.floor(rnd() * 20 * 7.5 * 4) * 15 * MINUTE_MS + 1000;
      const to = cal.add(from, working(ms));
      expect(cal.workingMsBetween(from, to)).toBe(ms);
      expect(cal.isWorkingTime(new Date(to.getTime() - 1))).toBe(true);
      const back = cal.subtract(to, working(ms));
      expect(cal.workingMsBetween(back, to)).toBe(ms);
      expect(back.getTime()).toBeGreaterThanOrEqual(from.getTime());
      expect(cal.add(back, working(ms)).getTime()).toBe(to.getTime());
    }
  });

  it('finds the next opening', () => {
    expect(iso(cal.nextOpening(vn('2026-03-12T09:15')))).toBe(iso(vn('2026-03-12T09:15')));
    expect(iso(cal.nextOpening(vn('2026-03-12T12:00')))).toBe(iso(vn('2026-03-12T13:30')));
    expect(iso(cal.nextOpening(vn('2026-03-13T17:00')))).toBe(iso(vn('2026-03-16T07:30')));
    expect(iso(cal.nextOpening(vn('2026-02-14T02:00')))).toBe(iso(vn('2026-02-23T07:30')));
    expect(iso(cal.nextOpening(vn('2026-12-31T18:00')))).toBe(iso(vn('2027-01-04T07:30')));
  });
});

describe('dates and time zones', () => {
  it('gives local dates, instants, windows and the closing time of a day', () => {
    expect(cal.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(cal.localDate(new Date('2026-03-12T17:30:00Z'))).toBe('2026-03-13');
    expect(iso(cal.instantOf('2026-03-13', '09:15'))).toBe('2026-03-13T02:15:00.000Z');
    expect(cal.windowsOn('2026-03-13').map((w) => [iso(w.start), iso(w.end)])).toEqual([
      [iso(vn('2026-03-13T07:30')), iso(vn('2026-03-13T11:30'))],
      [iso(vn('2026-03-13T13:30')), iso(vn('2026-03-13T17:00'))],
    ]);
    expect(cal.windowsOn('2026-03-14')).toEqual([]);
    expect(iso(cal.closingTime('2026-03-13'))).toBe(iso(vn('2026-03-13T17:00')));
    expect(iso(cal.closingTime('2026-03-14'))).toBe(iso(vn('2026-03-14T17:00'))); // a day off still closes at 17:00
  });

  it('works in a zone with daylight saving time', () => {
    const paris = createWorkingCalendar(
      config({ timezone: 'Europe/Paris', weekWindows: [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '17:00' }]), []] }),
    );
    expect(paris.workingDayMs).toBe(8 * HOUR_MS);
    // Clocks go forward on Sunday 29/03/2026: Friday 16:00 CET + 2 h = Monday 10:00 CEST.
    expect(iso(paris.add(new Date('2026-03-27T15:00:00Z'), working(2 * HOUR_MS)))).toBe('2026-03-30T08:00:00.000Z');
    expect(paris.workingMsBetween(new Date('2026-03-27T15:00:00Z'), new Date('2026-03-30T08:00:00Z'))).toBe(2 * HOUR_MS);
    expect(iso(paris.instantOf('2026-10-26', '09:00'))).toBe('2026-10-26T08:00:00.000Z');
    expect(paris.localDate(new Date('2026-03-29T22:30:00Z'))).toBe('2026-03-30');
  });

  it('refuses a configuration that cannot work', () => {
    expect(() => createWorkingCalendar(config({ timezone: 'Mars/Olympus' }))).toThrow(RangeError);
    expect(() => createWorkingCalendar(config({ weekWindows: [[], [{ start: '17:00', end: '07:30' }], [], [], [], [], []] }))).toThrow(/ends/);
    expect(() => createWorkingCalendar(config({ weekWindows: [[], [], [], [], [], [], []] }))).toThrow(/no working window/);
    expect(() => createWorkingCalendar(config({ extraHolidays: ['2026-02-30'] }))).toThrow(/extraHolidays/);
    expect(() => cal.dayInfo('13/02/2026')).toThrow(RangeError);
    expect(() => cal.add(new Date(NaN), working(HOUR_MS))).toThrow(RangeError);
  });

  it('adds years of working time as fast as half an hour (per-year tables, no minute stepping)', () => {
    // Throughput is a benchmark's business; here the shape of the cost is checked against itself: adding up to four
    // years of working time must cost about what adding half an hour costs. Stepping minute by minute would make the
    // long additions hundreds of thousands of times slower, far outside any noise a busy machine adds.
    const from = vn('2026-01-05T08:00').getTime();
    const timeOf = (span: (i: number) => number) => {
      let best = Infinity;
      for (let round = 0; round < 5; round++) {
        const started = performance.now();
        for (let i = 0; i < 20_000; i++) cal.add(new Date(from + (i % 5000) * 7 * MINUTE_MS), working(span(i)));
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    const short = timeOf(() => 30 * MINUTE_MS);
    const long = timeOf((i) => ((i % 1000) + 1) * 8 * HOUR_MS);
    expect(cal.add(new Date(from), working(1000 * 8 * HOUR_MS)).getTime()).toBeGreaterThan(from);
    expect(long / Math.max(short, 0.001)).toBeLessThan(100);
  });
});
