// Offsets of an IANA time zone through Intl, so any zone works (DST included) without a hard-coded UTC+7. The one
// place that asks Intl about time zones: the working calendar builds its per-year tables with it (its hot paths never
// call Intl), and local-time.ts reads an instant on the organisation's wall clock through it.

export interface TimeZone {
  readonly name: string;
  /** Milliseconds to add to a UTC instant to get the local wall-clock reading. */
  offsetAt(utcMs: number): number;
  /** The UTC instant of a local wall-clock reading (`localMs` = local time as if it were UTC). */
  localToUtc(localMs: number, hint?: number): number;
}

export function createTimeZone(name: string): TimeZone {
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
