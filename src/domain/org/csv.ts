// RFC 4180 CSV, as spreadsheets write it: quoted fields with commas, doubled quotes and line breaks inside, CRLF or
// LF line ends, a UTF-8 byte order mark in front. Excel with Vietnamese regional settings separates with ";",
// so the separator is taken from the header line unless given.

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts, as a spreadsheet user counts it. */
  line: number;
  fields: string[];
}

export type CsvSyntaxErrorKind = 'unterminated-quote' | 'text-after-quote';

export interface CsvSyntaxError {
  line: number;
  kind: CsvSyntaxErrorKind;
}

export interface CsvParseResult {
  records: CsvRecord[];
  errors: CsvSyntaxError[];
  delimiter: CsvDelimiter;
}

/** The bytes as UTF-8 text, or null when they are not UTF-8 (Excel's legacy "CSV" saves in Windows-1258). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The separator that occurs most often outside quotes on the first line; "," when there is none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.keys(counts) as CsvDelimiter[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}

export function parseCsv(input: string, options: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const errors: CsvSyntaxError[] = [];

  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  /** Anything seen since the record began: a character, a separator or a quote. An empty line is no record. */
  let recordStarted = false;
  /** The current field began with a quote. */
  let fieldQuoted = false;
  let inQuotes = false;
  /** A closing quote was seen: only a separator or a line end should follow. */
  let afterQuote = false;
  let quoteOpenedOn = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    fieldQuoted = false;
    afterQuote = false;
  };
  const endRecord = () => {
    endField();
    if (recordStarted) records.push({ line: recordLine, fields });
    fields = [];
    recordStarted = false;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    recordStarted = true;
    if (ch === delimiter) {
      endField();
    } else if (ch === '"' && field === '' && !fieldQuoted) {
      inQuotes = true;
      fieldQuoted = true;
      quoteOpenedOn = line;
    } else if (afterQuote && (ch === ' ' || ch === '\t')) {
      // White space after a closing quote is layout, not content.
    } else {
      if (afterQuote) {
        // `"abc"def`: keep the text, say where it is, and let the caller refuse the file.
        if (!errors.some((e) => e.line === line && e.kind === 'text-after-quote')) errors.push({ line, kind: 'text-after-quote' });
        afterQuote = false;
      }
      // A quote inside an unquoted field is kept as it is, as spreadsheets do.
      field += ch;
    }
  }
  if (inQuotes) errors.push({ line: quoteOpenedOn, kind: 'unterminated-quote' });
  endRecord();
  return { records, errors, delimiter };
}
