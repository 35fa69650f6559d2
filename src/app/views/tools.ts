import { standardDayMs } from '../../domain/calendar/week-windows.js';
import type { Locale } from '../../domain/locale.js';
import { formatDate, formatDateTime, formatTime, formatWorkingDuration } from '../../i18n/format.js';
import type { AppContext } from '../context.js';

/** Formatting helpers bound to the organisation's time zone and the reader's language. */
export interface ViewTools {
  locale: Locale;
  timezone: string;
  now: Date;
  dateTime(d: Date): string;
  date(d: Date): string;
  time(d: Date): string;
  /** Working-time duration in words ("1 ngày 2 giờ làm việc"). */
  workingDuration(ms: number): string;
  wallDuration(ms: number): string;
  /** Text a user typed, safe to show back to others (channels send plain text, never markup). */
  quote(text: string, max?: number): string;
  minimal: boolean;
}

export function viewTools(app: AppContext, locale: Locale): ViewTools {
  const tz = app.policy.calendar.timezone;
  // A working day in words is the organisation's standard day (7.5 h with the default windows).
  const workingDayMs = standardDayMs(app.policy.calendar.weekWindows);
  return {
    locale,
    timezone: tz,
    now: app.clock.now(),
    dateTime: (d) => formatDateTime(d, tz),
    date: (d) => formatDate(d, tz),
    time: (d) => formatTime(d, tz),
    workingDuration: (ms) => formatWorkingDuration(ms, workingDayMs, locale, 'working'),
    wallDuration: (ms) => formatWorkingDuration(ms, workingDayMs, locale, 'wall'),
    quote: (text, max = 500) => {
      // Strip control characters and bidi overrides that could disguise text; keep it short.
      const clean = text.normalize('NFC').replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '').trim();
      return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
    },
    minimal: app.policy.minimalNotifications,
  };
}
