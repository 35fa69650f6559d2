import { describe, expect, it } from 'vitest';
import {
  type DurationTranslate,
  formatDurationForHumans,
  InvalidDurationError,
  parseDuration,
  readDuration,
  toWireDuration,
} from '../../src/domain/policy/duration-text.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, wall, working } from '../../src/domain/time/duration.js';
import { Catalogue, dynamicKey } from '../../src/i18n/catalogue.js';

const DAY = 7.5 * HOUR_MS;

describe('parseDuration', () => {
  it.each([
    ['30m', working(30 * MINUTE_MS)],
    ['4h', working(4 * HOUR_MS)],
    ['2d', working(2 * DAY)],
    ['45s', working(45_000)],
    ['1h30m', working(90 * MINUTE_MS)],
    ['1h 30m', working(90 * MINUTE_MS)],
    ['1.5h', working(90 * MINUTE_MS)],
    ['1h30', working(90 * MINUTE_MS)],
    ['2g15 wall', wall(135 * MINUTE_MS)],
    ['250ms', working(250)],
    ['30m wall', wall(30 * MINUTE_MS)],
    ['2d wall', wall(2 * DAY_MS)],
    ['2d working', working(2 * DAY)],
    ['  4H  WALL ', wall(4 * HOUR_MS)],
    ['3 days', working(3 * DAY)],
    ['10 minutes', working(10 * MINUTE_MS)],
    ['4 giờ', working(4 * HOUR_MS)],
    ['4 gio', working(4 * HOUR_MS)],
    ['2 ngày', working(2 * DAY)],
    ['30 phút', working(30 * MINUTE_MS)],
    ['45 giây', working(45_000)],
    ['1 giờ 30 phút liên tục', wall(90 * MINUTE_MS)],
    ['2 ngày làm việc', working(2 * DAY)],
    ['4 giờ'.normalize('NFD'), working(4 * HOUR_MS)],
  ])('reads %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it('uses the calendar day length for a working day and 24 h for a wall day', () => {
    expect(parseDuration('1d', { workingDayMs: 8 * HOUR_MS })).toEqual(working(8 * HOUR_MS));
    expect(parseDuration('1d wall', { workingDayMs: 8 * HOUR_MS })).toEqual(wall(DAY_MS));
  });

  it.each(['', '4x', '30', 'wall', '-4h', 'h4', '4 hours later', '1h75', '30m15', '0m', '0s wall'])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(InvalidDurationError);
    expect(readDuration(text).ok).toBe(false);
  });

  it('explains what to write', () => {
    expect(() => parseDuration('4x')).toThrow('"4x" is not a duration (use 30m, 4h, 2d, add "wall" for clock time)');
    expect(readDuration('0m')).toEqual({ ok: false, problem: 'zero' });
  });
});

describe('toWireDuration', () => {
  it('writes what parseDuration reads back', () => {
    for (const d of [working(90 * MINUTE_MS), wall(30 * MINUTE_MS), working(2 * DAY), wall(7 * DAY_MS), working(DAY + 15 * MINUTE_MS + 500), wall(45_000)]) {
      expect(parseDuration(toWireDuration(d))).toEqual(d);
    }
    expect(toWireDuration(working(90 * MINUTE_MS))).toBe('1h30m');
    expect(toWireDuration(working(5 * DAY))).toBe('5d');
    expect(toWireDuration(wall(30 * MINUTE_MS))).toBe('30m wall');
    expect(toWireDuration(working(8 * HOUR_MS), { workingDayMs: 8 * HOUR_MS })).toBe('1d');
  });
});

describe('formatDurationForHumans', () => {
  const catalogue = Catalogue.load();
  // The domain's translate takes any string (the domain cannot know the generated MessageKey type).
  const vi: DurationTranslate = (key, args) => catalogue.t('vi', dynamicKey(key), args);
  const en: DurationTranslate = (key, args) => catalogue.t('en', dynamicKey(key), args);

  it('names the two largest units with catalogue words', () => {
    expect(formatDurationForHumans(working(4 * HOUR_MS), vi)).toBe('4 giờ làm việc');
    expect(formatDurationForHumans(wall(30 * MINUTE_MS), vi)).toBe('30 phút');
    expect(formatDurationForHumans(working(DAY + 2 * HOUR_MS), vi)).toBe('1 ngày 2 giờ làm việc');
    expect(formatDurationForHumans(wall(90 * MINUTE_MS), en)).toBe('1 hour 30 minutes');
    expect(formatDurationForHumans(working(3 * DAY), en)).toBe('3 days of working time');
    expect(formatDurationForHumans(wall(1_000), en)).toBe('1 second');
  });

  it('to the minute (how late something is), in both languages', () => {
    const late = { smallest: 'minute' } as const;
    // Under half a minute is "under 1 minute"; from half a minute it rounds up to one.
    expect(formatDurationForHumans(wall(20_000), vi, late)).toBe('dưới 1 phút');
    expect(formatDurationForHumans(wall(20_000), en, late)).toBe('under 1 minute');
    expect(formatDurationForHumans(wall(40_000), vi, late)).toBe('1 phút');
    expect(formatDurationForHumans(wall(40_000), en, late)).toBe('1 minute');
    // 2 h 59 min 45 s rounds to 3 h, never "2 giờ 60 phút".
    expect(formatDurationForHumans(wall(3 * HOUR_MS - 15_000), vi, late)).toBe('3 giờ');
    expect(formatDurationForHumans(wall(3 * HOUR_MS - 15_000), en, late)).toBe('3 hours');
    expect(formatDurationForHumans(wall(DAY_MS + 30 * MINUTE_MS + 5_000), vi, late)).toBe('1 ngày 30 phút');
    expect(formatDurationForHumans(wall(2 * DAY_MS + 3 * HOUR_MS + 7 * MINUTE_MS), en, late)).toBe('2 days 3 hours');
    expect(formatDurationForHumans(working(2 * DAY), vi, late)).toBe('2 ngày làm việc');
    expect(formatDurationForHumans(working(2 * DAY), en, late)).toBe('2 days of working time');
    expect(formatDurationForHumans(working(10_000), vi, late)).toBe('dưới 1 phút làm việc');
    expect(formatDurationForHumans(working(10_000), en, late)).toBe('under 1 minute of working time');
    // A working day is the organisation's: 8 h with longer windows.
    expect(formatDurationForHumans(working(8 * HOUR_MS + 90 * MINUTE_MS), vi, { ...late, workingDayMs: 8 * HOUR_MS })).toBe('1 ngày 1 giờ làm việc');
  });
});
