// The plan's implementation report (IV.1) as content, before any file format: the title block of an administrative
// document (Nghị định 30/2020/NĐ-CP), headings, paragraphs, tables and the placeholders the office writes. Built by
// plan-report-content.ts, written as DOCX by plan-report-docx.ts; tests read the content and the file against it.
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { Report } from './build-report.js';

/** A table cell: text, or a number (shown with the document's decimal comma), or null for "no figure". */
export type PlanCell = string | number | null;

export interface PlanTable {
  /** "Bảng 1. …", above the table. */
  caption: string;
  head: string[];
  /** Relative widths, one per column. */
  widths: number[];
  rows: { cells: PlanCell[]; depth?: number; total?: boolean }[];
  /** Smaller type for wide tables (points). */
  fontSize?: number;
}

export type PlanBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string }
  /** Text the office writes or checks before signing: shown marked (italic, highlighted, in brackets). */
  | { kind: 'placeholder'; text: string }
  | { kind: 'table'; table: PlanTable };

export interface PlanTitleBlock {
  /** The issuing body's superior, when it has one that belongs on the document (upper case). */
  superior: string | null;
  /** The issuing body (upper case). */
  issuer: string;
  /** "Số:      /BC-UBND": the number left blank for the clerk. */
  number: string;
  nation: string;
  motto: string;
  /** "……, ngày 08 tháng 12 năm 2026". */
  placeDate: string;
  /** "DỰ THẢO". */
  draftMark: string;
}

export interface PlanDocument {
  title: PlanTitleBlock;
  /** "BÁO CÁO". */
  kind: string;
  /** "Kết quả thực hiện Kế hoạch …". */
  subject: string;
  body: PlanBlock[];
  recipientsLabel: string;
  recipients: string[];
  signer: { authority: string; name: string | null };
}

/** What a contribution (notices, recognition: issue 15) is given to write its part of section I. */
export interface PlanReportInput {
  report: Report;
  org: OrgDirectory;
  t: Translate;
}

/**
 * The seam for figures kept by other features. Each slot is a numbered part of section I; a feature that has figures
 * for it returns its blocks (paragraphs and tables, computed from its own store for `report.period` and the report's
 * unit subtree), or null when it holds nothing for the period. A slot without a contribution is left to the office as
 * a marked placeholder. Wire contributions in plan-report-contributions.ts.
 */
export type PlanReportSlot = 'notices' | 'recognition';
export type PlanReportContribution = (input: PlanReportInput) => Promise<PlanBlock[] | null>;
export type PlanReportContributions = Partial<Record<PlanReportSlot, PlanReportContribution>>;
