// Vietnam's wall clock by arithmetic (UTC+7 since 13/06/1975, issue 14) must read exactly as Intl reads it, for
// every instant: checked here against a formatter of the test's own for many instants on both sides of the change,
// and the shortcut must really skip Intl (it was 3 % of the reminder engine's CPU).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime, localTime } from '../../src/domain/time/local-time.js';
import { createTimeZone } from '../../src/domain/time/time-zone.js';

const ZONE = 'Asia/Ho_Chi_Minh';
const CHANGE = Date.UTC(1975, 5, 12, 16);

/** The reading of `ms` in `zone` as Intl gives it, independent of the code under test. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function intlReading(zone: string, ms: number) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const parts = format.formatToParts(ms);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

/** A small seeded generator: the same instants every run, so a failure can be replayed. */
function* instants(from: number, to: number, count: number, seed: number) {
  let x = seed;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    const y = (Math.imul(x ^ (x >>> 13), 2_654_435_761) >>> 0) / 2 ** 32;
    yield Math.floor(from + y * (to - from));
  }
}

describe('the fixed UTC+7 of Asia/Ho_Chi_Minh', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads every instant as Intl does, before and after the 1975 change, to the second', () => {
    const formatter = new Intl.DateTimeFormat('en-US', { timeZone: ZONE });
    expect(formatter.resolvedOptions().timeZone).toMatch(/Ho_Chi_Minh|Saigon/);
    const edges = [
      CHANGE - 3_600_000,
      CHANGE - 1000,
      CHANGE - 1,
      CHANGE,
      CHANGE + 1,
      CHANGE + 999,
      Date.UTC(2026, 11, 31, 16, 59, 59, 999),
      Date.UTC(2026, 11, 31, 17),
    ];
    const sample = [
      ...edges,
      ...instants(Date.UTC(1970, 0, 1), Date.UTC(2100, 0, 1), 20_000, 7),
      ...instants(CHANGE - 86_400_000 * 30, CHANGE + 86_400_000 * 30, 2_000, 11),
    ];
    for (const ms of sample) {
      const at = new Date(ms);
      expect(localTime(at, ZONE), at.toISOString()).toEqual(intlReading(ZONE, ms - (((ms % 1000) + 1000) % 1000)));
    }
  });

  it('formats dates and times as officials read them, identical to Intl', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    for (const ms of instants(Date.UTC(2000, 0, 1), Date.UTC(2060, 0, 1), 5_000, 3)) {
      const r = intlReading(ZONE, ms - (ms % 1000));
      const at = new Date(ms);
      expect(formatDateTime(at, ZONE)).toBe(`${two(r.hour)}:${two(r.minute)} ${two(r.day)}/${two(r.month)}/${r.year}`);
      expect(formatDate(at, ZONE)).toBe(`${two(r.day)}/${two(r.month)}/${r.year}`);
    }
  });

  it('maps local readings back to the instant they came from', () => {
    const zone = createTimeZone(ZONE);
    for (const ms of instants(CHANGE, Date.UTC(2100, 0, 1), 5_000, 5)) {
      const whole = ms - (ms % 1000);
      const r = intlReading(ZONE, whole);
      expect(zone.localToUtc(Date.UTC(r.year, r.month - 1, r.day, r.hour, r.minute, r.second))).toBe(whole);
    }
  });

  it('does not ask Intl for instants after the change, and still does for instants before it and for other zones', () => {
    const zone = createTimeZone(ZONE);
    const berlin = createTimeZone('Europe/Berlin');
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    zone.offsetAt(Date.UTC(2026, 11, 8, 0, 30));
    zone.localToUtc(Date.UTC(2026, 11, 8, 7, 30));
    expect(spy).not.toHaveBeenCalled();
    expect(zone.offsetAt(Date.UTC(1970, 0, 1))).toBe(8 * 3_600_000);
    expect(spy).toHaveBeenCalled();
    // A zone with summer time keeps going through Intl: +1 in winter, +2 in summer.
    expect(berlin.offsetAt(Date.UTC(2026, 0, 15))).toBe(3_600_000);
    expect(berlin.offsetAt(Date.UTC(2026, 6, 15))).toBe(7_200_000);
  });
});
