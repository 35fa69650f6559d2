// Lengths and cuts as people see text: in grapheme clusters (UAX #29, through Intl.Segmenter). An emoji, a letter
// with its combining marks ("e" + two marks typed on a decomposing keyboard) or a ZWJ family is one character, is
// counted once against a limit and is never cut in half. Platforms count their own limits in UTF-16 units (Telegram's
// 4096 after entity parsing, Zalo's 2000): `prefixWithinUnits` and `splitText` respect both at once.

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/**
 * Text in which every UTF-16 unit is a whole grapheme: printable ASCII, line feed and tab, Latin-1, Latin Extended
 * A/B, spacing modifiers and Latin Extended Additional (every precomposed Vietnamese letter). Nearly all Vietnamese
 * text takes this fast path; anything else (marks, emoji, CR LF, other scripts) goes through the segmenter.
 */
const ONE_UNIT_GRAPHEMES = /^[\n\t\x20-\x7E\u00A0-\u02FF\u1E00-\u1EFF]*$/;

/** The grapheme clusters of `text`, in order. */
export function graphemes(text: string): string[] {
  if (ONE_UNIT_GRAPHEMES.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Runs of characters outside the one-unit set: only these (with a neighbour each side) need the segmenter. */
const COMPLEX_RUN = /[^\n\t\x20-\x7E\u00A0-\u02FF\u1E00-\u1EFF]+/g;

function segmentCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/**
 * How many characters a person sees. Between two characters of the one-unit set there is always a boundary (none of
 * them extends, joins or prepends), so only the other runs, each with the character before and after it (a mark
 * joins the letter before it), go through the segmenter: a long Vietnamese text with one emoji stays cheap.
 */
export function graphemeCount(text: string): number {
  // One UTF-16 unit is one grapheme whatever it is: truncate counts its "…" on every call (a /viec page: per button).
  if (text.length <= 1 || ONE_UNIT_GRAPHEMES.test(text)) return text.length;
  let count = 0;
  let from = 0; // the region to segment: [from, to)
  let to = 0;
  for (const m of text.matchAll(COMPLEX_RUN)) {
    const a = Math.max(0, m.index - 1);
    const b = Math.min(text.length, m.index + m[0].length + 1);
    if (a < to) {
      to = b; // at most one simple character between two runs: one region
      continue;
    }
    count += segmentCount(text.slice(from, to)) + (a - to);
    from = a;
    to = b;
  }
  return count + segmentCount(text.slice(from, to)) + (text.length - to);
}

/** The first `max` characters (graphemes), or the whole text. */
export function takeGraphemes(text: string, max: number): string {
  if (max <= 0) return '';
  if (ONE_UNIT_GRAPHEMES.test(text)) return text.slice(0, max);
  let n = 0;
  for (const { index } of segmenter.segment(text)) {
    if (n === max) return text.slice(0, index);
    n++;
  }
  return text;
}

/** At most `max` characters; a text cut short ends with `ellipsis` (counted in `max`). */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  if (graphemeCount(text) <= max) return text;
  const room = Math.max(0, max - graphemeCount(ellipsis));
  return `${takeGraphemes(text, room).trimEnd()}${ellipsis}`;
}

/**
 * The longest start of `text` made of whole graphemes and at most `maxUnits` UTF-16 units (a platform's limit).
 * A single grapheme longer than the whole budget (dozens of stacked marks, which the sanitiser never lets through)
 * is cut between code points, never between the halves of a surrogate pair.
 */
export function prefixWithinUnits(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  if (ONE_UNIT_GRAPHEMES.test(text)) return text.slice(0, Math.max(0, maxUnits));
  let end = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > maxUnits) break;
    end = index + segment.length;
  }
  if (end > 0) return text.slice(0, end);
  for (const ch of text) {
    if (end + ch.length > maxUnits) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/**
 * One overlong line as pieces of at most `maxUnits` units: cut after the last space of a piece when that keeps at
 * least half of it, else at a grapheme boundary. The space at a cut is dropped (a message does not start with one).
 */
function cutLine(line: string, maxUnits: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > maxUnits) {
    let head = prefixWithinUnits(rest, maxUnits);
    if (head.length === 0) head = String.fromCodePoint(rest.codePointAt(0)!); // a budget below 2 units: never stall
    const space = head.lastIndexOf(' ');
    if (space >= head.length / 2) head = head.slice(0, space);
    out.push(head);
    rest = rest.slice(head.length).replace(/^ +/, '');
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Splits text into parts of at most `maxUnits` UTF-16 units, at line ends where it can, else between words, else
 * between graphemes: no part exceeds the platform's limit and no character is cut in half.
 */
export function splitText(text: string, maxUnits: number): string[] {
  if (text.length <= maxUnits) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= maxUnits) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    const pieces = cutLine(line, maxUnits);
    current = pieces.pop() ?? '';
    parts.push(...pieces);
  }
  if (current) parts.push(current);
  return parts;
}
