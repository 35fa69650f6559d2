// Reads a DOCX the way the tests need it: unzipped (jszip), the body as a list of paragraphs and tables in order, with
// each paragraph's text and run properties, and the section's page size and margins. WordprocessingML of the files
// we write has no nested tables, so the elements are found by their tags.
import JSZip from 'jszip';

export interface DocxParagraph {
  kind: 'paragraph';
  text: string;
  xml: string;
}
export interface DocxTable {
  kind: 'table';
  /** Rows of cells; each cell's paragraphs' texts. */
  rows: string[][][];
  xml: string;
}
export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxFile {
  files: string[];
  document: string;
  styles: string;
  headers: string[];
  blocks: DocxBlock[];
  /** Every paragraph's text, tables included, in order. */
  lines: string[];
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

export function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');
}

function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => m[0]);
}

export async function readDocx(bytes: Buffer | Uint8Array): Promise<DocxFile> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files);
  const read = (name: string) => zip.file(name)!.async('string');
  const document = await read('word/document.xml');
  const styles = await read('word/styles.xml');
  const headers = await Promise.all(
    files
      .filter((f) => /^word\/header\d*\.xml$/.test(f))
      .sort()
      .map(read),
  );
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(document)![1]!;
  const blocks: DocxBlock[] = [];
  for (const m of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const xml = m[0];
    if (xml.startsWith('<w:tbl>')) {
      const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
        [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).map(paragraphText)),
      );
      blocks.push({ kind: 'table', rows, xml });
    } else blocks.push({ kind: 'paragraph', text: paragraphText(xml), xml });
  }
  const lines = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.flat())));
  return { files, document, styles, headers, blocks, lines };
}

/** The value of attribute `attr` on the first `<tag …>` in `xml`. */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const el = new RegExp(`<${tag}\\s[^>]*>`).exec(xml)?.[0];
  return el ? new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1] : undefined;
}

export const TWIPS_PER_MM = 1440 / 25.4;
