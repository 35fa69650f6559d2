// The bounds of a replay as an operator writes them: an instant with its offset (2026-12-07T09:00:00+07:00, …Z), or a
// wall-clock reading in the organisation's zone (2026-12-07 09:00, 07/12/2026 09:00), or a day alone (07/12/2026:
// as --from its first instant, as --to the end of it, so "--from 07/12/2026 --to 07/12/2026" is that whole day).
import { parseLocalDate } from '../report/period.js';
import { zoneNamed } from '../time/time-zone.js';

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/i;

export function parseReplayBound(text: string, o: { timezone: string; end: boolean; thisYear: number }): Date | undefined {
  const t = text.trim();
  if (WITH_OFFSET.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = /^(\S+?)(?:[ T](\d{1,2}):(\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const day = parseLocalDate(m[1]!, o.thisYear);
  if (!day) return undefined;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  const hasTime = m[2] !== undefined;
  const hour = hasTime ? Number(m[2]) : 0;
  const minute = hasTime ? Number(m[3]) : 0;
  if (hour > 23 || minute > 59) return undefined;
  // A day alone as the end: up to the next day's first instant.
  const local = Date.UTC(y, mo - 1, d + (!hasTime && o.end ? 1 : 0), hour, minute);
  return new Date(zoneNamed(o.timezone).localToUtc(local));
}
