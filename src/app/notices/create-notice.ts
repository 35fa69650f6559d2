// Sending a notice (issue 15 §1): recipients by subtree, units or people within the sender's reach, a title, a short
// summary, a document (PDF/DOCX) and a deadline to confirm (default from the policy, on the working calendar). Each
// recipient gets the notice with its document and the confirm buttons, and their own NOTICE_CONFIRM clock.
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { deliverableAt, ladderStepMs } from '../../domain/clocks/ladder.js';
import { checkDeadlineHorizon } from '../../domain/policy/deadline-horizon.js';
import { resolveRecipients, type NoticeScopeInput } from '../../domain/notice/recipients.js';
import { checkNoticeDocument, NOTICE_SUMMARY_RULE, NOTICE_TITLE_RULE } from '../../domain/notice/types.js';
import { requireText } from '../../domain/text/field.js';
import { sanitizeLine } from '../../domain/text/sanitize.js';
import type { ChannelName } from '../ports/channel.js';
import type { NewNotice, NoticeRecipientRecord, NoticeRecord } from '../ports/stores/notices.js';
import type { StoreTx } from '../ports/stores.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { yearIn } from '../../domain/time/local-time.js';
import { inTransaction, type Effects } from '../transaction.js';
import { fetchChatDocument } from './fetch-document.js';
import { materialiseDocument, noticeAttachment } from './notice-document.js';
import { noticeMessage } from './notice-views.js';

/** The transaction as notify() takes it: the same object the store methods take as StoreTx. */
export type NotifyTx = Parameters<typeof notify>[1];

export type NoticeDocumentInput =
  /** A file on this server (the CLI): kept in the database, sent as a document or a download link. */
  | { kind: 'file'; name: string; data: Uint8Array }
  /** A file sent in the chat that created the notice: downloaded and stored, or forwarded by reference (no file port). */
  | { kind: 'channel'; channel: ChannelName; ref: string; name: string | null; size?: number };

export interface CreateNoticeInput {
  scopes: NoticeScopeInput[];
  title: string;
  summary: string;
  /** Null: the policy's `notices.confirmWithin` from now, on the working calendar. */
  deadline: Date | null;
  document: NoticeDocumentInput | null;
}

export interface CreateNoticeResult {
  notice: NoticeRecord;
  recipients: NoticeRecipientRecord[];
  /** Recipients with no reachable chat: they are counted in the coverage all the same. */
  unreachable: OfficialId[];
}

/** When a confirmation is due by default: the policy's time from `from`, on the working calendar. */
export async function defaultConfirmDeadline(app: AppContext, from: Date = app.time.now()): Promise<Date> {
  const calendar = await app.calendar();
  return calendar.add(from, app.policy.notices.confirmWithin);
}

/** The clock of one recipient: level 0 at the deadline, then the ladder (superior told at level 2). */
export async function startConfirmClock(
  app: AppContext,
  tx: StoreTx,
  effects: Effects,
  noticeId: number,
  r: Pick<NoticeRecipientRecord, 'officialId' | 'deadline'>,
  from: Date,
): Promise<void> {
  const calendar = await app.calendar();
  const span = calendar.workingMsBetween(from, r.deadline);
  effects.schedule(
    await app.stores.notices.startConfirmClock(tx, {
      noticeId,
      officialId: r.officialId,
      dueAt: deliverableAt(r.deadline, 'NORMAL', calendar),
      stepMs: ladderStepMs(app.policy.ladder, Math.max(span, 0), 'working'),
    }),
  );
}

/**
 * The document as the notice keeps it: a file given to us is checked and stored; a file sent in the chat is downloaded
 * from its platform and stored the same way (fetch-document.ts), or forwarded by reference when its channel has no
 * file port.
 */
async function storedDocument(app: AppContext, d: NoticeDocumentInput | null): Promise<NewNotice['document']> {
  if (!d) return null;
  if (d.kind === 'file') {
    const name = sanitizeLine(d.name);
    const mime = checkNoticeDocument({ filename: name, size: d.data.byteLength, maxBytes: app.policy.notices.maxFileBytes, head: d.data.subarray(0, 1024) });
    return { kind: 'stored', name, mime, data: d.data };
  }
  const fetched = await fetchChatDocument(app, d);
  if (fetched) return { kind: 'stored', ...fetched };
  return { kind: 'channel', channel: d.channel, ref: d.ref, name: sanitizeLine(d.name ?? '') || null };
}

export async function createNotice(app: AppContext, senderId: OfficialId, input: CreateNoticeInput): Promise<CreateNoticeResult> {
  const now = app.time.now();
  const org = await app.org();
  const sender = org.official(senderId);
  if (!sender?.active) throw new DomainError('account-inactive');
  const { ids } = resolveRecipients(org, senderId, input.scopes);
  const title = requireText(input.title, NOTICE_TITLE_RULE);
  const summary = requireText(input.summary, NOTICE_SUMMARY_RULE);
  const deadline = input.deadline ?? (await defaultConfirmDeadline(app, now));
  if (deadline.getTime() <= now.getTime()) throw new DomainError('deadline-in-past');
  checkDeadlineHorizon(deadline, now, app.policy.maxDeadlineYears);
  // Downloaded (a chat's file) only once everything else is known to be right, and before the transaction opens.
  const document = await storedDocument(app, input.document);

  const result = await inTransaction(app, async (tx, effects) => {
    const notice = await app.stores.notices.create(tx, {
      year: yearIn(app.policy.calendar.timezone, now),
      title,
      summary,
      senderId,
      unitId: sender.unitId,
      confirmBy: deadline,
      createdAt: now,
      scopes: input.scopes,
      document,
    });
    const recipients = await app.stores.notices.addRecipients(
      tx,
      notice.id,
      ids.map((id) => ({ officialId: id, unitId: org.official(id)!.unitId, addedAt: now, deadline })),
    );
    await app.stores.notices.audit(tx, {
      at: now,
      actorId: senderId,
      action: 'sent',
      noticeId: notice.id,
      data: { code: notice.code, recipients: ids, deadline: deadline.toISOString(), scopes: input.scopes, document: notice.document?.name ?? null },
    });
    // The document's file is written (from the database) before the outbox rows that point to it are sent.
    if (document?.kind === 'stored') await materialiseDocument(app, notice, document.data);
    const unreachable = await sendWithDocument(app, tx, effects, notice, recipients, now);
    return { notice, recipients, unreachable };
  });
  return result;
}

/** Queues the notice with its document to each recipient and starts their clocks. */
export async function sendWithDocument(
  app: AppContext,
  tx: StoreTx,
  effects: Effects,
  notice: NoticeRecord,
  recipients: readonly NoticeRecipientRecord[],
  now: Date,
): Promise<OfficialId[]> {
  const org = await app.org();
  const attachments = new Map<string, Awaited<ReturnType<typeof noticeAttachment>>>();
  const unreachable: OfficialId[] = [];
  for (const r of recipients) {
    await startConfirmClock(app, tx, effects, notice.id, r, now);
    const locale = org.official(OfficialId(r.officialId))?.locale ?? 'vi';
    if (!attachments.has(locale))
      attachments.set(locale, await noticeAttachment(app, notice, app.catalogue.translator(locale)('notice-document-caption', { code: notice.code })));
    const attachment = attachments.get(locale);
    const sent = await notify(app, tx as NotifyTx, effects, r.officialId, (t, v) => {
      const message = noticeMessage(t, v, notice, r, org);
      return attachment ? { ...message, attachment: { ...attachment, caption: t('notice-document-caption', { code: notice.code }) } } : message;
    });
    if (sent === null) unreachable.push(OfficialId(r.officialId));
  }
  return unreachable;
}
