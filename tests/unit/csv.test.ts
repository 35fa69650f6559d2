import { describe, expect, it } from 'vitest';
import { decodeUtf8, detectDelimiter, parseCsv } from '../../src/domain/org/csv.js';

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain fields and records with their line numbers', () => {
    const r = parseCsv('a,b,c\n1,2,3\n');
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
    expect(r.errors).toEqual([]);
  });

  it('handles quotes, commas and doubled quotes inside quotes', () => {
    expect(fields('"Phó Chủ tịch, phụ trách kinh tế","say ""hi""",x')).toEqual([['Phó Chủ tịch, phụ trách kinh tế', 'say "hi"', 'x']]);
  });

  it('keeps line breaks inside quotes and counts physical lines for the next record', () => {
    const r = parseCsv('h1,h2\r\n"two\r\nlines",x\r\nnext,y\r\n');
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 4]);
    expect(r.records[1]!.fields).toEqual(['two\r\nlines', 'x']);
  });

  it('accepts CRLF, LF and lone CR, a UTF-8 BOM, blank lines and no final newline', () => {
    expect(fields('\uFEFFa,b\r\n\r\nc,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(parseCsv('\uFEFFa,b\n\nc,d').records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(fields('a,,c,\n,,,\n')).toEqual([
      ['a', '', 'c', ''],
      ['', '', '', ''],
    ]);
    expect(fields('""\n')).toEqual([['']]);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const r = parseCsv('a,b\n1,"never closed\n2,3\n');
    expect(r.errors).toEqual([{ line: 2, kind: 'unterminated-quote' }]);
  });

  it('reports text after a closing quote but tolerates spaces', () => {
    expect(parseCsv('a,b\n"x"y,z\n').errors).toEqual([{ line: 2, kind: 'text-after-quote' }]);
    expect(parseCsv('"x"  ,z\n')).toMatchObject({ errors: [], records: [{ fields: ['x', 'z'] }] });
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(fields('5" screen,x')).toEqual([['5" screen', 'x']]);
  });

  it('takes ";" as the separator when the header uses it (Excel with Vietnamese settings)', () => {
    expect(detectDelimiter('unit_code;unit_name;"a,b"\n1,2,3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
    expect(fields('a;b\n"x;y";z')).toEqual([
      ['a', 'b'],
      ['x;y', 'z'],
    ]);
  });
});

describe('decodeUtf8', () => {
  it('decodes UTF-8 and refuses Windows-1258 bytes', () => {
    expect(decodeUtf8(new TextEncoder().encode('Huyện ủy'))).toBe('Huyện ủy');
    expect(decodeUtf8(Uint8Array.from([0x48, 0x75, 0x79, 0xea, 0xf2, 0x6e]))).toBeNull();
  });
});
