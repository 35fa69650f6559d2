// Offsets of an IANA time zone through Intl, so any zone works (DST included) without a hard-coded UTC+7. The one
// place that asks Intl about time zones: the working calendar builds its per-year tables with it (its hot paths never
// call Intl), and local-time.ts reads an instant on the organisation's wall clock through it.
//
// Zones whose offset has not changed for decades (Vietnam: UTC+7 since 13/06/1975) answer by arithmetic after their
// last change: `formatToParts` cost about 3 % of the reminder engine's CPU (issue 14), one call per date shown.

export interface TimeZone {
  readonly name: string;
  /** Milliseconds to add to a UTC instant to get the local wall-clock reading. */
  offsetAt(utcMs: number): number;
  /** The UTC instant of a local wall-clock reading (`localMs` = local time as if it were UTC). */
  localToUtc(localMs: number, hint?: number): number;
}

/**
 * Zones with one fixed offset since an instant (tzdata: `Asia/Ho_Chi_Minh 7:00 - +07 1975 Jun 13`, from 00:00 local
 * time at +08). Instants before it still go through Intl. Checked against Intl when the zone is made (a tzdata that
 * disagrees turns the shortcut off) and, for many instants, by tests/unit/time-zone-fixed.test.ts.
 */
const FIXED_SINCE: Readonly<Record<string, { sinceUtcMs: number; offsetMs: number }>> = {
  'Asia/Ho_Chi_Minh': { sinceUtcMs: Date.UTC(1975, 5, 12, 16), offsetMs: 7 * 3_600_000 },
  'Asia/Saigon': { sinceUtcMs: Date.UTC(1975, 5, 12, 16), offsetMs: 7 * 3_600_000 },
  UTC: { sinceUtcMs: Number.NEGATIVE_INFINITY, offsetMs: 0 },
  'Etc/UTC': { sinceUtcMs: Number.NEGATIVE_INFINITY, offsetMs: 0 },
};

export function createTimeZone(name: string): TimeZone {
  const viaIntl = createIntlTimeZone(name);
  const fixed = FIXED_SINCE[name];
  if (!fixed || !agreesWithIntl(viaIntl, fixed)) return viaIntl;
  const { sinceUtcMs, offsetMs } = fixed;
  const offsetAt = (utcMs: number) => (utcMs >= sinceUtcMs ? offsetMs : viaIntl.offsetAt(utcMs));
  // A local reading at or after the change's local time (+ the new offset) maps back by the same arithmetic.
  const localToUtc = (localMs: number, hint?: number) => (localMs - offsetMs >= sinceUtcMs ? localMs - offsetMs : viaIntl.localToUtc(localMs, hint));
  return { name, offsetAt, localToUtc };
}

/** The fixed offset holds, per this runtime's tzdata, at the change, a day after it and at a few later instants. */
function agreesWithIntl(zone: TimeZone, fixed: { sinceUtcMs: number; offsetMs: number }): boolean {
  const first = Number.isFinite(fixed.sinceUtcMs) ? fixed.sinceUtcMs : 0;
  return [first, first + 86_400_000, Date.UTC(2000, 0, 1), Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1), Date.UTC(2099, 11, 31)].every(
    (t) => zone.offsetAt(t) === fixed.offsetMs,
  );
}

function createIntlTimeZone(name: string): TimeZone {
  // Throws RangeError for an unknown zone: the caller's configuration is wrong and must be told at once.
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });

  function offsetAt(utcMs: number): number {
    const whole = utcMs - (((utcMs % 1000) + 1000) % 1000);
    let y = 0,
      mo = 0,
      d = 0,
      h = 0,
      mi = 0,
      s = 0;
    for (const p of format.formatToParts(whole)) {
      switch (p.type) {
        case 'year':
          y = Number(p.value);
          break;
        case 'month':
          mo = Number(p.value);
          break;
        case 'day':
          d = Number(p.value);
          break;
        case 'hour':
          h = Number(p.value);
          break;
        case 'minute':
          mi = Number(p.value);
          break;
        case 'second':
          s = Number(p.value);
          break;
        default:
          break;
      }
    }
    const local = Date.UTC(y, mo - 1, d, h, mi, s);
    // Date.UTC maps years 0–99 to 1900–1999; irrelevant for a working calendar but keep it exact.
    const fixed = y < 100 ? new Date(local).setUTCFullYear(y) : local;
    return fixed - whole;
  }

  function localToUtc(localMs: number, hint?: number): number {
    // Two passes: the offset at the guessed instant decides; in a DST gap the later offset wins.
    const first = hint ?? offsetAt(localMs);
    const guess = localMs - first;
    const second = offsetAt(guess);
    return second === first ? guess : localMs - second;
  }

  return { name, offsetAt, localToUtc };
}

const zones = new Map<string, TimeZone>();

/** The zone of that name, built once (an Intl formatter is costly to make); throws RangeError for an unknown zone. */
export function zoneNamed(name: string): TimeZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = createTimeZone(name);
    zones.set(name, zone);
  }
  return zone;
}

/** True for a name Intl knows as an IANA time zone ("Asia/Ho_Chi_Minh"). */
export function isTimeZone(name: string): boolean {
  try {
    zoneNamed(name);
    return true;
  } catch {
    return false;
  }
}
