// A quán triệt notice (plan III.1, IV.2, IV.5; issue 15): a document every recipient confirms having read ("Đã đọc,
// đã nắm nội dung"), code QT-<year>-<seq>. The rules on its fields and its document live here; who receives it in
// recipients.ts.
import { DomainError } from '../errors.js';
import type { TextRule } from '../text/field.js';

export const NOTICE_LIMITS = { title: 200, summary: 1500, commitment: 500, question: 1000 } as const;

export const NOTICE_TITLE_RULE: TextRule = { min: 3, max: NOTICE_LIMITS.title, missing: 'notice-clear-title', oneLine: true };
export const NOTICE_SUMMARY_RULE: TextRule = { min: 3, max: NOTICE_LIMITS.summary, missing: 'notice-clear-summary' };
export const NOTICE_QUESTION_RULE: TextRule = { min: 3, max: NOTICE_LIMITS.question, missing: 'notice-clear-question' };
export const NOTICE_COMMITMENT_RULE = { max: NOTICE_LIMITS.commitment } as const;

export function formatNoticeCode(year: number, seq: number): string {
  return `QT-${year}-${String(seq).padStart(4, '0')}`;
}

/** "qt-2026-1" → "QT-2026-0001"; anything else → undefined. */
export function parseNoticeCode(text: string): string | undefined {
  const m = /^QT-(\d{4})-(\d{1,7})$/i.exec(text.trim());
  return m ? formatNoticeCode(Number(m[1]), Number(m[2])) : undefined;
}

/** The documents a notice carries: the forms administrative documents come in. */
export const NOTICE_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
};

export interface NoticeDocumentCheck {
  filename: string;
  size: number;
  /** The smallest file limit of the platforms the notice goes out on (bytes). */
  maxBytes: number;
  /** The file's first bytes, when we have them: the content must be what the name says. */
  head?: Uint8Array;
}

const bytesOf = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const ZIP = bytesOf('PK\x03\x04');
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = bytesOf('%PDF-');

const startsWith = (head: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => head[at + i] === b);

/**
 * Whether the first bytes are a file of this type: DOCX is a ZIP package, DOC an OLE compound file, and a PDF has
 * "%PDF-" within its first 1,024 bytes (readers accept a few bytes before it, so we do too).
 */
export function looksLike(ext: string, head: Uint8Array): boolean {
  if (ext === 'docx') return startsWith(head, ZIP);
  if (ext === 'doc') return startsWith(head, OLE);
  if (ext === 'pdf') {
    for (let at = 0; at + PDF.length <= Math.min(head.length, 1024); at++) if (startsWith(head, PDF, at)) return true;
    return false;
  }
  return false;
}

/** The document's MIME type, or a DomainError: not PDF/DOCX (by name, or by content when given), empty, or over the limit. */
export function checkNoticeDocument(d: NoticeDocumentCheck): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(d.filename)?.[1]?.toLowerCase() ?? '';
  const mime = NOTICE_DOCUMENT_TYPES[ext];
  if (!mime) throw new DomainError('notice-file-type', { file: d.filename });
  if (d.size <= 0) throw new DomainError('notice-file-empty', { file: d.filename });
  if (d.size > d.maxBytes) {
    throw new DomainError('notice-file-too-large', { file: d.filename, size: megabytes(d.size), max: megabytes(d.maxBytes) });
  }
  if (d.head && !looksLike(ext, d.head)) throw new DomainError('notice-file-content', { file: d.filename, type: ext.toUpperCase() });
  return mime;
}

/** "20,5" style one-decimal megabytes, for messages. */
export function megabytes(bytes: number): string {
  return (Math.round((bytes / 1_048_576) * 10) / 10).toString();
}

/** Where one recipient stands. */
export type RecipientState = 'confirmed' | 'late' | 'pending' | 'overdue';

export function recipientState(r: { deadline: Date; confirmedAt: Date | null }, now: Date): RecipientState {
  if (r.confirmedAt) return r.confirmedAt.getTime() <= r.deadline.getTime() ? 'confirmed' : 'late';
  return now.getTime() > r.deadline.getTime() ? 'overdue' : 'pending';
}
