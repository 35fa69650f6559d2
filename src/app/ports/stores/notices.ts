import type { ClockRecord } from '../../../domain/clocks/types.js';
import type { NoticeScopeInput } from '../../../domain/notice/recipients.js';
import type { ChannelName } from '../../../domain/org/types.js';
import type { StoreTx } from '../stores.js';

/** The document of a notice: kept on this server (bytes in the database), or a file already on a chat platform. */
export type NoticeDocument =
  | { kind: 'stored'; name: string; mime: string; size: number; sha256: string }
  | { kind: 'channel'; channel: ChannelName; ref: string; name: string | null };

export interface NoticeRecord {
  id: number;
  code: string;
  title: string;
  summary: string;
  senderId: number;
  unitId: number;
  status: 'OPEN' | 'CLOSED';
  confirmBy: Date;
  createdAt: Date;
  closedAt: Date | null;
  document: NoticeDocument | null;
}

export interface NoticeRecipientRecord {
  id: number;
  noticeId: number;
  officialId: number;
  unitId: number;
  addedAt: Date;
  deadline: Date;
  confirmedAt: Date | null;
  commitment: string | null;
}

export interface NoticeFile {
  notice: NoticeRecord;
  recipients: NoticeRecipientRecord[];
  questions: number;
}

export interface NewNotice {
  year: number;
  title: string;
  summary: string;
  senderId: number;
  unitId: number;
  confirmBy: Date;
  createdAt: Date;
  scopes: readonly NoticeScopeInput[];
  document:
    | { kind: 'stored'; name: string; mime: string; data: Uint8Array }
    | { kind: 'channel'; channel: ChannelName; ref: string; name: string | null }
    | null;
}

export interface NewRecipient {
  officialId: number;
  unitId: number;
  addedAt: Date;
  deadline: Date;
}

/** One recipient row with its notice's code and title: coverage in digests, figures in reports. */
export interface NoticeRecipientFact extends NoticeRecipientRecord {
  code: string;
  title: string;
  senderId: number;
  status: 'OPEN' | 'CLOSED';
}

/** Notices (tables notice, notice_scope, notice_recipient, notice_question) and their confirmation clocks. */
export interface NoticeStore {
  /** Takes the next QT-<year> number and stores the notice with its scopes. */
  create(tx: StoreTx, n: NewNotice): Promise<NoticeRecord>;
  /** Adds recipients not there yet; returns the rows added. */
  addRecipients(tx: StoreTx, noticeId: number, rows: readonly NewRecipient[]): Promise<NoticeRecipientRecord[]>;
  load(tx: StoreTx | null, noticeId: number): Promise<NoticeFile | undefined>;
  idByCode(code: string): Promise<number | undefined>;
  /** The recipient's row, locked for the rest of the transaction. */
  lockRecipient(tx: StoreTx, noticeId: number, officialId: number): Promise<NoticeRecipientRecord | undefined>;
  confirm(tx: StoreTx, recipientId: number, at: Date, commitment: string | null): Promise<void>;
  addQuestion(tx: StoreTx, noticeId: number, officialId: number, text: string, at: Date): Promise<void>;
  /** The sender's notices, newest first, with their recipients. */
  sentBy(senderId: number, limit: number): Promise<NoticeFile[]>;
  /** Open notices still waiting for this person's confirmation. */
  waitingFor(officialId: number): Promise<NoticeFile[]>;
  /** Every open notice with how its recipients were chosen. */
  openWithScopes(): Promise<{ notice: NoticeRecord; scopes: NoticeScopeInput[]; recipients: Set<number> }[]>;
  /** The stored document's bytes. */
  documentData(noticeId: number): Promise<Uint8Array | undefined>;
  /** Recipient rows of open notices in these units (coverage for a digest). */
  openFactsInUnits(unitIds: readonly number[]): Promise<NoticeRecipientFact[]>;
  /** Recipient rows added in [from, to), in these units or everywhere (null). */
  factsAddedBetween(unitIds: readonly number[] | null, from: Date, to: Date): Promise<NoticeRecipientFact[]>;
  startConfirmClock(tx: StoreTx, c: { noticeId: number; officialId: number; dueAt: Date; stepMs: number }): Promise<ClockRecord>;
  stopConfirmClock(tx: StoreTx, noticeId: number, officialId: number, at: Date, reason: string): Promise<void>;
  audit(tx: StoreTx, e: { at: Date; actorId: number | null; action: string; noticeId: number; data: Record<string, unknown> }): Promise<void>;
}
