import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, DEFAULT_WEEK_WINDOWS } from '../../src/domain/calendar/working-calendar.js';
import { parseDeadline } from '../../src/domain/text/deadline-parser.js';

const calendar = createWorkingCalendar({
  timezone: 'Asia/Ho_Chi_Minh',
  weekWindows: DEFAULT_WEEK_WINDOWS.map((d) => [...d]),
  extraHolidays: [],
  extraWorkdays: [],
});
/** Wednesday 11/03/2026 10:00 in Hà Nội. */
const now = new Date('2026-03-11T10:00:00+07:00');
const vn = (local: string): string => new Date(`${local}+07:00`).toISOString();
const read = (input: string, at = now): string => {
  const r = parseDeadline(input, { now: at, calendar });
  return r.ok ? r.deadline.toISOString() : r.error;
};

describe('parseDeadline', () => {
  it.each([
    ['05/12', '2026-12-05T17:00'],
    ['5/12', '2026-12-05T17:00'],
    ['05/12/2026', '2026-12-05T17:00'],
    ['5-12-2026', '2026-12-05T17:00'],
    ['05.12.2026', '2026-12-05T17:00'],
    ['05/12/26', '2026-12-05T17:00'],
    ['05/12 14:30', '2026-12-05T14:30'],
    ['05/12/2026 9:00', '2026-12-05T09:00'],
    ['14:30 05/12', '2026-12-05T14:30'],
    ['2026-12-05', '2026-12-05T17:00'],
    ['2026-12-05 09:15', '2026-12-05T09:15'],
    ['ngày 05/12', '2026-12-05T17:00'],
    ['hạn 05/12 lúc 16h', '2026-12-05T16:00'],
    ['01/03', '2027-03-01T17:00'], // already passed this year → next year
    ['11/03', '2026-03-11T17:00'], // today
    ['hôm nay', '2026-03-11T17:00'],
    ['Hôm nay 15:00', '2026-03-11T15:00'],
    ['today', '2026-03-11T17:00'],
    ['mai', '2026-03-12T17:00'],
    ['ngày mai', '2026-03-12T17:00'],
    ['ngay mai', '2026-03-12T17:00'],
    ['NGÀY MAI 9h30', '2026-03-12T09:30'],
    ['9h30 mai', '2026-03-12T09:30'],
    ['tomorrow 10:00', '2026-03-12T10:00'],
    ['tomorrow at 2pm', '2026-03-12T14:00'],
    ['2 giờ chiều mai', '2026-03-12T14:00'],
    ['ngày kia', '2026-03-13T17:00'],
    ['thứ 6', '2026-03-13T17:00'],
    ['thu 6', '2026-03-13T17:00'],
    ['Thứ Sáu', '2026-03-13T17:00'],
    ['thứ sáu'.normalize('NFD'), '2026-03-13T17:00'],
    ['t6', '2026-03-13T17:00'],
    ['friday', '2026-03-13T17:00'],
    ['14h thứ 6', '2026-03-13T14:00'],
    ['thứ 2', '2026-03-16T17:00'],
    ['thứ hai', '2026-03-16T17:00'],
    ['monday 8:00', '2026-03-16T08:00'],
    ['thứ 4', '2026-03-18T17:00'], // today is Wednesday: the next one
    ['thứ 7', '2026-03-14T17:00'], // a day off still closes at 17:00
    ['thứ bảy', '2026-03-14T17:00'],
    ['chủ nhật', '2026-03-15T17:00'],
    ['CN', '2026-03-15T17:00'],
    ['thứ 2 tuần sau', '2026-03-16T17:00'],
    ['thứ 6 tuần sau', '2026-03-20T17:00'],
    ['tuần sau', '2026-03-20T17:00'],
    ['17:00', '2026-03-11T17:00'],
  ])('reads %j', (input, local) => {
    expect(read(input)).toBe(vn(local));
  });

  it('is due at the end of the last working window of a short day', () => {
    const saturdayMorning = createWorkingCalendar({
      timezone: 'Asia/Ho_Chi_Minh',
      weekWindows: [[], ...DEFAULT_WEEK_WINDOWS.slice(1, 6).map((d) => [...d]), [{ start: '07:30', end: '11:30' }]],
      extraHolidays: [],
      extraWorkdays: [],
    });
    const r = parseDeadline('thứ 7', { now, calendar: saturdayMorning });
    expect(r.ok && r.deadline.toISOString()).toBe(vn('2026-03-14T11:30'));
  });

  it('refuses a deadline in the past', () => {
    expect(read('10/03/2026')).toBe('deadline-in-past');
    expect(read('hôm nay 08:00')).toBe('deadline-in-past');
    expect(read('09:59')).toBe('deadline-in-past');
    expect(read('2025-12-01')).toBe('deadline-in-past');
    expect(read('hôm nay', new Date('2026-03-11T18:00:00+07:00'))).toBe('deadline-in-past');
  });

  it.each([
    '',
    '   ',
    'abc',
    'sớm nhất có thể',
    '32/12',
    '31/02/2026',
    '12/13',
    '25:00 mai',
    '10:75',
    'thứ 8',
    't9',
    'mai mai',
    '2026-02-30',
    '13pm mai',
    '5/12/1800',
  ])('refuses %j as unreadable', (input) => {
    expect(read(input)).toBe('deadline-unreadable');
  });
});

describe('deadlines far ahead (issue 19.3)', () => {
  const ahead = (input: string, years = 5, at = now) => {
    const r = parseDeadline(input, { now: at, calendar, maxYearsAhead: years });
    return r.ok ? r.deadline.toISOString() : r.error;
  };

  it.each(['31/12/2399', '2399-12-31', '01/01/2400', '31/12/9999', '12/03/2031 10:01', '05/12/99'])('refuses %j as too far ahead (5 years)', (input) => {
    expect(ahead(input)).toBe('deadline-too-far');
  });

  it('says how far a deadline may be, and accepts up to that moment', () => {
    const r = parseDeadline('31/12/2399', { now, calendar, maxYearsAhead: 5 });
    expect(r).toEqual({ ok: false, error: 'deadline-too-far', args: { years: 5, latest: new Date('2031-03-11T10:00:00+07:00') } });
    expect(ahead('11/03/2031 10:00')).toBe(vn('2031-03-11T10:00'));
    expect(ahead('10/03/2031')).toBe(vn('2031-03-10T17:00'));
    expect(ahead('11/03/2031')).toBe('deadline-too-far'); // 17:00 is after 10:00 five years on
    expect(ahead('31/12/2030', 1)).toBe('deadline-too-far');
  });

  it('reads 29/02 only in leap years, and a 29/02 "now" bounds to 01/03', () => {
    expect(ahead('29/02/2027')).toBe('deadline-unreadable');
    expect(ahead('29/02/2028')).toBe(vn('2028-02-29T17:00'));
    const leapDay = new Date('2028-02-29T09:00:00+07:00');
    expect(ahead('28/02/2033 17:00', 5, leapDay)).toBe(vn('2033-02-28T17:00'));
    expect(ahead('01/03/2033 08:00', 5, leapDay)).toBe(vn('2033-03-01T08:00'));
    expect(ahead('01/03/2033 17:00', 5, leapDay)).toBe('deadline-too-far');
  });

  it('still answers past and unreadable dates first', () => {
    expect(ahead('01/01/1900')).toBe('deadline-in-past');
    expect(ahead('31/02/2399')).toBe('deadline-unreadable');
    expect(ahead('5/12/1800')).toBe('deadline-unreadable');
  });
});
