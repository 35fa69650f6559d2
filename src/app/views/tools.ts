import { standardDayMs } from '../../domain/calendar/week-windows.js';
import { formatDurationForHumans } from '../../domain/policy/duration-text.js';
import { wall, working } from '../../domain/time/duration.js';
import type { Locale } from '../../domain/locale.js';
import { quoteBlock, quoteInline } from '../../domain/text/quote.js';
import { formatDate, formatDateTime, formatTime } from '../../domain/time/local-time.js';
import type { AppContext } from '../context.js';

/** Formatting helpers bound to the organisation's time zone and the reader's language. */
export interface ViewTools {
  locale: Locale;
  timezone: string;
  now: Date;
  dateTime(d: Date): string;
  date(d: Date): string;
  time(d: Date): string;
  /** Working-time duration in words, to the minute ("1 ngày 2 giờ làm việc"). */
  workingDuration(ms: number): string;
  /** Elapsed time in words, to the minute ("3 giờ 20 phút"). */
  wallDuration(ms: number): string;
  /**
   * Text a person typed, shown to others on one line (names, titles, subjects; inside a sentence or a list line):
   * sanitised, line breaks as spaces, at most `max` characters (default 500). Channels send plain text, never markup.
   */
  quote(text: string, max?: number): string;
  /**
   * Text a person typed after a label ("Lý do: …"): on the label's line when it is one line, else under it with
   * every line behind a quote bar, so it cannot pass for the bot's own lines. At most `max` characters (default 3000).
   */
  block(text: string, max?: number): string;
  minimal: boolean;
}

export function viewTools(app: AppContext, locale: Locale): ViewTools {
  const tz = app.policy.calendar.timezone;
  // A working day in words is the organisation's standard day (7.5 h with the default windows).
  const workingDayMs = standardDayMs(app.policy.calendar.weekWindows);
  // Duration words come from the catalogue (duration-* in locales/<locale>/calendar.ftl).
  const t = app.catalogue.translator(locale);
  return {
    locale,
    timezone: tz,
    now: app.time.now(),
    dateTime: (d) => formatDateTime(d, tz),
    date: (d) => formatDate(d, tz),
    time: (d) => formatTime(d, tz),
    workingDuration: (ms) => formatDurationForHumans(working(ms), t, { workingDayMs, smallest: 'minute' }),
    wallDuration: (ms) => formatDurationForHumans(wall(ms), t, { smallest: 'minute' }),
    quote: (text, max = 500) => quoteInline(text, max),
    block: (text, max = 3000) => quoteBlock(text, max),
    minimal: app.policy.minimalNotifications,
  };
}
