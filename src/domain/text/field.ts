// The rules every text field a person fills in shares: sanitised first (src/domain/text/sanitize.ts), then counted in
// characters as people see them (graphemes). A field that shows nothing after sanitising counts as missing, so a
// title made of zero-width characters is refused as "not clear on the job", not stored as an invisible line.
import { DomainError } from '../errors.js';
import { graphemeCount } from './graphemes.js';
import { hasVisibleText, sanitizeLine, sanitizeText } from './sanitize.js';

export interface TextRule {
  /** The fewest characters that say something (a reason of "x" does not). */
  min: number;
  max: number;
  /** The message key when the field is missing or shorter than `min`. */
  missing: string;
  /** Names, titles, subjects: one line, runs of white space as one space. */
  oneLine?: boolean;
}

function clean(raw: string | null | undefined, oneLine: boolean | undefined): string {
  return (oneLine ? sanitizeLine : sanitizeText)(raw ?? '');
}

/** The field as stored, or a DomainError: `rule.missing` when empty or too short, `error-text-too-long` when long. */
export function requireText(raw: string | null | undefined, rule: TextRule): string {
  const text = clean(raw, rule.oneLine);
  const length = graphemeCount(text);
  if (!hasVisibleText(text) || length < rule.min) throw new DomainError(rule.missing);
  if (length > rule.max) throw new DomainError('error-text-too-long', { max: rule.max });
  return text;
}

/** An optional field: null when it shows nothing, else as stored; `error-text-too-long` when long. */
export function optionalText(raw: string | null | undefined, rule: { max: number; oneLine?: boolean }): string | null {
  const text = clean(raw, rule.oneLine);
  if (!hasVisibleText(text)) return null;
  if (graphemeCount(text) > rule.max) throw new DomainError('error-text-too-long', { max: rule.max });
  return text;
}
