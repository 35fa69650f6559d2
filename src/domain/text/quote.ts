// Text a person typed, as it appears in a message the bot sends to someone else. It must not pass for the bot's own
// lines: a decline reason cannot open a fake "📌 Nhiệm vụ mới …" block in the head's message.
//
// - Inline (names, titles, subjects, anything inside a sentence or a list line): always one line.
// - Block (reasons, notes, questions, answers, decisions, after a label such as "Lý do:"): a single line stays on
//   the label's line; a text of several lines goes under the label with every line behind a quote bar, so no line
//   of it starts where the bot's lines start.
import { truncate } from './graphemes.js';
import { sanitizeLine, sanitizeText } from './sanitize.js';

/** What starts every line of a quoted text of several lines. */
export const QUOTE_PREFIX = '  ┃ ';

/** One line, at most `max` characters (cut ones end with "…"). */
export function quoteInline(text: string, max: number): string {
  return truncate(sanitizeLine(text), max);
}

/** A possibly multi-line text after a label: inline when it is one line, else each line quoted under the label. */
export function quoteBlock(text: string, max: number): string {
  const clean = truncate(sanitizeText(text), max);
  if (!clean.includes('\n')) return clean;
  return `\n${clean
    .split('\n')
    .map((line) => `${QUOTE_PREFIX}${line}`.trimEnd())
    .join('\n')}`;
}
