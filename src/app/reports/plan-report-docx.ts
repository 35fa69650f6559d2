// The plan report's content as a DOCX (the `docx` package), in the presentation rules of Nghị định 30/2020/NĐ-CP,
// Phụ lục I: A4 portrait, margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; the national title
// (12 pt bold, upper case) and motto (14 pt bold, underlined) on the right, the issuing body (13 pt, bold, a short line
// under it) and the number on the left; the place and date in italics; the document type and its subject in 14 pt
// bold, centred; body text 14 pt justified with a 1 cm first-line indent; page numbers centred in the header from
// page 2; "Nơi nhận" 12 pt bold italic with its list in 11 pt; the signer's authority and name 14 pt bold.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type IBordersOptions,
  type ITableCellBorders,
} from 'docx';
import { formatPlanCell } from './plan-report-content.js';
import type { PlanBlock, PlanDocument, PlanTable } from './plan-report-model.js';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Page and margins in millimetres (A4; the decree allows top/bottom 20–25, left 30–35, right 15–20). */
export const PAGE_MM = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15, header: 10 } as const;
export const FONT = 'Times New Roman';
/** Body text size in points (the decree allows 13–14). */
export const BODY_PT = 14;

const half = (pt: number) => pt * 2;
const TEXT_WIDTH = convertMillimetersToTwip(PAGE_MM.width - PAGE_MM.left - PAGE_MM.right);
const INDENT = convertMillimetersToTwip(10);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS: ITableCellBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE };
const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const SPACING = { before: 120, after: 0, line: 276, lineRule: LineRuleType.AUTO } as const;

function run(text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean; highlight?: boolean } = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: half(o.size ?? BODY_PT),
    ...(o.bold ? { bold: true } : {}),
    ...(o.italics ? { italics: true } : {}),
    ...(o.underline ? { underline: {} } : {}),
    ...(o.highlight ? { highlight: HighlightColor.YELLOW } : {}),
  });
}

function centred(text: string, o: Parameters<typeof run>[1] = {}, spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0 }, children: [run(text, o)] });
}

/** A short centred rule under a title: an empty paragraph with a bottom border, `width` twips wide inside `within`. */
function rule(within: number, width: number): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  const border: IBordersOptions = { bottom: SINGLE };
  return new Paragraph({
    border,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

function borderless(columns: number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        children: cells.map((children, i) => new TableCell({ width: { size: columns[i]!, type: WidthType.DXA }, borders: NO_BORDERS, children })),
      }),
    ],
  });
}

function titleBlock(doc: PlanDocument): Table {
  const left = convertMillimetersToTwip(62);
  const right = TEXT_WIDTH - left;
  const t = doc.title;
  const issuerSide = [
    ...(t.superior ? [centred(t.superior, { size: 13 })] : []),
    centred(t.issuer, { size: 13, bold: true }),
    rule(left, convertMillimetersToTwip(22)),
    centred(t.number, { size: 13 }, { before: 120 }),
  ];
  const nationSide = [
    centred(t.nation, { size: 12, bold: true }),
    centred(t.motto, { size: 14, bold: true, underline: true }),
    centred(t.placeDate, { size: 14, italics: true }, { before: 240 }),
  ];
  return borderless([left, right], [issuerSide, nationSide]);
}

function tableBlock(table: PlanTable): Paragraph | Table {
  const size = table.fontSize ?? 12;
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
  const cell = (text: string, width: number, o: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number }) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 57, right: 57, top: 20, bottom: 20 },
      children: [
        new Paragraph({
          alignment: o.align ?? AlignmentType.CENTER,
          indent: o.indent ? { left: o.indent } : undefined,
          children: [run(text, { size, bold: o.bold })],
        }),
      ],
    });
  const head = new TableRow({ tableHeader: true, children: table.head.map((h, i) => cell(h, widths[i]!, { bold: true })) });
  const rows = table.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((c, i) =>
          i === 1
            ? cell(formatPlanCell(c), widths[i]!, { bold: r.total, align: AlignmentType.LEFT, indent: (r.depth ?? 0) * 170 })
            : cell(formatPlanCell(c), widths[i]!, { bold: r.total }),
        ),
      }),
  );
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [head, ...rows] });
}

function block(b: PlanBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT },
          spacing: SPACING,
          keepNext: true,
          children: [run(b.text, { bold: true })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: SPACING, children: [run(b.text)] })];
    case 'placeholder':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT },
          spacing: SPACING,
          children: [run(b.text, { italics: true, highlight: true })],
        }),
      ];
    case 'table':
      return [
        centred(b.table.caption, { bold: true, size: 13 }, { before: 160, after: 80 }),
        tableBlock(b.table),
        new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
      ];
  }
}

function signatureBlock(doc: PlanDocument): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const recipients = [
    new Paragraph({ children: [run(doc.recipientsLabel, { size: 12, bold: true, italics: true })] }),
    ...doc.recipients.map((r) => new Paragraph({ children: [run(r, { size: 11 })] })),
  ];
  const signer = [
    // The authority ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "KT. …") depends on who signs: marked for the office.
    centred(doc.signer.authority, { size: 14, bold: true, highlight: true }),
    ...[0, 1, 2, 3].map(() => new Paragraph({ children: [] })),
    ...(doc.signer.name ? [centred(doc.signer.name, { size: 14, bold: true })] : []),
  ];
  return borderless([left, TEXT_WIDTH - left], [recipients, signer]);
}

export function planReportDocx(doc: PlanDocument): Document {
  return new Document({
    creator: 'dondoc',
    title: `${doc.kind} ${doc.subject}`,
    styles: { default: { document: { run: { font: FONT, size: half(BODY_PT) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(PAGE_MM.width), height: convertMillimetersToTwip(PAGE_MM.height) },
            margin: {
              top: convertMillimetersToTwip(PAGE_MM.top),
              bottom: convertMillimetersToTwip(PAGE_MM.bottom),
              left: convertMillimetersToTwip(PAGE_MM.left),
              right: convertMillimetersToTwip(PAGE_MM.right),
              header: convertMillimetersToTwip(PAGE_MM.header),
            },
          },
        },
        headers: {
          // Page numbers from page 2, centred in the top margin; the first page carries the draft mark instead.
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(BODY_PT) })] }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(doc.title.draftMark, { size: 12, bold: true })] })] }),
        },
        children: [
          titleBlock(doc),
          centred(doc.kind, { bold: true, size: 14 }, { before: 360 }),
          centred(doc.subject, { bold: true, size: 14 }),
          rule(TEXT_WIDTH, convertMillimetersToTwip(35)),
          ...doc.body.flatMap(block),
          new Paragraph({ spacing: { before: 120 }, children: [] }),
          signatureBlock(doc),
        ],
      },
    ],
  });
}

export async function planReportBuffer(doc: PlanDocument): Promise<Buffer> {
  return Packer.toBuffer(planReportDocx(doc));
}
