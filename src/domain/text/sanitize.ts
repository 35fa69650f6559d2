// The one sanitiser for every text a person gives us: typed in a chat, a file's caption, the text after an item
// command, a cell of the organisation file, a CLI argument. It runs before any rule looks at the text (issues 9.7,
// 19.1), so that what is stored, counted and shown is what the reader will see:
//
// - no control characters but line feed and tab (PostgreSQL text cannot hold NUL; the rest draw nothing or move the
//   cursor), CR LF, CR and the Unicode line/paragraph separators become one line feed;
// - no bidirectional controls (a right-to-left override shows "nA" as "An" and lets text pose as something else);
// - no invisible characters (zero-width space, joiners, word joiner, BOM, soft hyphen, fillers, tags: every
//   Default_Ignorable_Code_Point), except where a visible sequence needs one: a zero-width joiner inside an emoji
//   sequence (👩‍💻), a joiner or non-joiner between letters of a script that shapes with them (Arabic, the Indic
//   scripts, Khmer, Myanmar …; Unicode §23.2 — Vietnamese never does), one variation selector after the character it
//   modifies (❤️), the tag letters of a subdivision flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿);
// - at most 8 combining marks on one character (Vietnamese needs 2 before composition; "Zalgo" text stacks dozens to
//   draw over the neighbouring lines);
// - a lone half of a surrogate pair (left by a cut in UTF-16 units) dropped;
// - NFC (the same name typed on any keyboard is the same text), trailing blanks of each line and blank lines at the
//   ends removed, runs of blank lines kept to one.
//
// A field that is empty after this counts as missing (src/domain/text/field.ts).

const LINE_BREAKS = /\r\n?|[\u000B\u000C\u0085\u2028\u2029]/g;
/** C0 and C1 controls except tab and line feed, and the noncharacters of the BMP. */
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Blank characters \s does not know: the braille pattern blank looks like a space and is used as one to hide text. */
const EXTRA_BLANKS = /\u2800/g;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI_MODIFIER = /\p{Emoji_Modifier}/u;
const VARIATION_SELECTOR = /^[\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
const SPACE_OR_CONTROL = /^[\s\p{Cc}]$/u;
const TAG_LETTER = /^[\u{E0020}-\u{E007E}]$/u;
const CANCEL_TAG = '\u{E007F}';
const BLACK_FLAG = '\u{1F3F4}';
/** Longest tag run of a subdivision flag we keep (ISO 3166-2 codes: "gbsct" is 5). */
const MAX_TAGS = 8;
const ZWJ = '\u200D';
const ZWNJ = '\u200C';
/** Scripts whose shaping uses ZWJ/ZWNJ (cursive joining, conjuncts, half forms). */
const JOINING_SCRIPT =
  /^[\p{sc=Arabic}\p{sc=Syriac}\p{sc=Nko}\p{sc=Mongolian}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Gurmukhi}\p{sc=Gujarati}\p{sc=Oriya}\p{sc=Tamil}\p{sc=Telugu}\p{sc=Kannada}\p{sc=Malayalam}\p{sc=Sinhala}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}\p{sc=Thaana}]$/u;
/** The most combining marks kept on one character. */
export const MAX_MARKS = 8;
const MARK_PILE = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

/**
 * One line that every step below leaves as it is: printable ASCII, Latin-1 without its controls, no-break space and
 * soft hyphen (an invisible), Latin Extended A/B, spacing modifiers and Latin Extended Additional (every precomposed
 * Vietnamese letter), single spaces between words. None of these is a control, a mark, an invisible or white space
 * other than the space, and none changes under NFC (none decomposes to a singleton or composes with its neighbours),
 * so the text is its own result: titles, names and codes on every list line skip the work (issue 14, /viec's profile).
 */
const PLAIN = '\\x21-\\x7E\\u00A1-\\u00AC\\u00AE-\\u02FF\\u1E00-\\u1EFF';
const PLAIN_LINE = new RegExp(`^[${PLAIN}]+(?: [${PLAIN}]+)*$`);

/** Does the emoji sequence being built end in a pictograph (with its skin tone or presentation selector)? */
function endsInEmoji(kept: readonly string[]): boolean {
  let k = kept.length - 1;
  while (k >= 0 && (EMOJI_MODIFIER.test(kept[k]!) || kept[k] === '\uFE0F')) k--;
  return k >= 0 && PICTOGRAPHIC.test(kept[k]!);
}

const joins = (c: string | undefined): boolean => c !== undefined && JOINING_SCRIPT.test(c);

/** Drops the default-ignorable code points no visible sequence needs. */
function dropInvisible(text: string): string {
  if (!IGNORABLE.test(text)) return text;
  const cps = Array.from(text);
  const kept: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    if (!IGNORABLE.test(c)) {
      kept.push(c);
      continue;
    }
    const prev = kept.at(-1);
    const next = cps[i + 1];
    if (c === ZWJ) {
      if ((endsInEmoji(kept) && next !== undefined && PICTOGRAPHIC.test(next)) || (joins(prev) && joins(next))) kept.push(c);
    } else if (c === ZWNJ) {
      if (joins(prev) && joins(next)) kept.push(c);
    } else if (VARIATION_SELECTOR.test(c)) {
      // One selector on a visible character; a run of them after one base is how data is smuggled invisibly.
      if (prev !== undefined && !SPACE_OR_CONTROL.test(prev) && !IGNORABLE.test(prev)) kept.push(c);
    } else if (TAG_LETTER.test(c) && prev === BLACK_FLAG) {
      let j = i;
      while (j < cps.length && j - i < MAX_TAGS && TAG_LETTER.test(cps[j]!)) j++;
      if (cps[j] === CANCEL_TAG) {
        kept.push(...cps.slice(i, j + 1));
        i = j;
      }
    }
    // Everything else (bidi controls, zero-width space, word joiner, BOM, soft hyphen, fillers …) goes.
  }
  return kept.join('');
}

/**
 * A text as stored and shown, line breaks kept: the steps above. Idempotent: cleaning clean text changes nothing.
 */
export function sanitizeText(raw: string): string {
  if (PLAIN_LINE.test(raw)) return raw;
  let text = raw.replace(LONE_SURROGATE, '').replace(LINE_BREAKS, '\n').replace(CONTROLS, '').replace(EXTRA_BLANKS, ' ');
  text = dropInvisible(text).normalize('NFC').replace(MARK_PILE, '$1').normalize('NFC');
  const lines = text.split('\n').map((l) => l.replace(/\s+$/u, ''));
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out.at(-1) === '')) continue; // blank lines at the start, or a second one
    out.push(line);
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n').replace(/^\s+/u, '');
}

/** A one-line field (a name, a title, a subject, a code): sanitised, every run of white space one space. */
export function sanitizeLine(raw: string): string {
  return sanitizeText(raw).replace(/\s+/gu, ' ').trim();
}

/** Does the text show anything at all (not only spaces, marks or format characters)? */
export function hasVisibleText(text: string): boolean {
  return /[^\s\p{M}\p{Cc}\p{Cf}\u2800]/u.test(text);
}
