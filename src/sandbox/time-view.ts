// The time bar's data: the sandbox's "now" on the organisation's working calendar (the day, whether the office is
// open, the holiday's name on a day off) and where each move would land, in the page's language.
import type { Locale } from '../domain/locale.js';
import { type Catalogue, dynamicKey } from '../i18n/catalogue.js';
import { formatDate, formatTime } from '../domain/time/local-time.js';
import type { SandboxTime } from './ports.js';
import { moveTarget, TIME_MOVES, type TimeMove } from './time-moves.js';

/** Sent to every open page while time moves, so all of them show it. */
export type TimeEvent = { moving: true; from: string; to: string } | { moving: false; now: string };

export interface TimeMoveView {
  move: TimeMove;
  target: string;
  label: string;
}

export interface TimeView {
  now: string;
  /** The organisation's time zone, for the page's own clock faces. */
  timezone: string;
  /** "Thứ Hai, 07/12/2026" */
  day: string;
  /** "09:00" */
  time: string;
  /** Inside a working window of a working day. */
  working: boolean;
  /** Why the office is closed now, in words ("Cuối tuần", the holiday's name, "Ngoài giờ làm việc"); null when open. */
  closed: string | null;
  moves: TimeMoveView[];
}

export async function describeTime(time: SandboxTime, catalogue: Catalogue, locale: Locale): Promise<TimeView> {
  const calendar = await time.calendar();
  const now = time.now();
  const tz = calendar.timezone;
  const t = (key: string, args?: Record<string, string>) => catalogue.t(locale, dynamicKey(key), args);
  const date = calendar.localDate(now);
  const info = calendar.dayInfo(date);
  const day = `${t(`sandbox-weekday-${info.weekday}`)}, ${formatDate(now, tz)}`;
  const working = calendar.isWorkingTime(now);
  let closed: string | null = null;
  if (!working) {
    const holiday = calendar.holidayName(date);
    // A compensation day's name needs the holiday it makes up for; "day off" says enough on the time bar.
    if (info.working) closed = t('sandbox-time-after-hours');
    else if (info.reason === 'weekend') closed = t('sandbox-time-weekend');
    else closed = holiday && !holiday.endsWith('compensation') ? t(holiday) : t('sandbox-time-day-off');
  }
  const moves = TIME_MOVES.map((move) => {
    const target = moveTarget(calendar, now, move, time.digestTime);
    const when = `${formatTime(target, tz)} ${t(`sandbox-weekday-${calendar.dayInfo(calendar.localDate(target)).weekday}`)} ${formatDate(target, tz).slice(0, 5)}`;
    return { move, target: target.toISOString(), label: t(`sandbox-move-${move}`, { when }) };
  });
  return { now: now.toISOString(), timezone: tz, day, time: formatTime(now, tz), working, closed, moves };
}
