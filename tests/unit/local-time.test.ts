// The one time module: an instant read on a zone's wall clock, and the ways officials write it.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatIsoDay, formatTime, localTime, monthKey, wallClockDate, yearIn } from '../../src/domain/time/local-time.js';
import { isTimeZone, zoneNamed } from '../../src/domain/time/time-zone.js';

const HN = 'Asia/Ho_Chi_Minh';

describe('local time', () => {
  it('reads an instant on the organisation’s wall clock, across midnight and the new year', () => {
    const at = new Date('2026-12-31T17:05:09.750Z'); // 00:05:09 on 1 January 2027 in Hà Nội
    expect(localTime(at, HN)).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 5, second: 9 });
    expect(formatDate(at, HN)).toBe('01/01/2027');
    expect(formatTime(at, HN)).toBe('00:05');
    expect(formatDateTime(at, HN)).toBe('00:05 01/01/2027');
    expect(yearIn(HN, at)).toBe(2027);
    expect(yearIn('UTC', at)).toBe(2026);
    expect(monthKey(at, HN)).toBe('2027-01');
    expect(monthKey(new Date('2026-11-30T16:59:00Z'), HN)).toBe('2026-11');
  });

  it('follows a zone with daylight saving time', () => {
    // New York: UTC−5 in January, UTC−4 in July.
    expect(formatDateTime(new Date('2026-01-15T12:00:00Z'), 'America/New_York')).toBe('07:00 15/01/2026');
    expect(formatDateTime(new Date('2026-07-15T12:00:00Z'), 'America/New_York')).toBe('08:00 15/07/2026');
  });

  it('gives Excel a Date whose UTC fields are the wall clock, to whole seconds', () => {
    expect(wallClockDate(new Date('2026-12-05T10:00:30.999Z'), HN).toISOString()).toBe('2026-12-05T17:00:30.000Z');
  });

  it('writes a day of the calendar as dd/mm/yyyy', () => {
    expect(formatIsoDay('2026-12-07')).toBe('07/12/2026');
  });

  it('knows IANA zone names and builds each zone once', () => {
    expect(isTimeZone(HN)).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(zoneNamed(HN)).toBe(zoneNamed(HN));
  });
});
