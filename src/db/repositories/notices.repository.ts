// Notices (quán triệt, issue 15) behind the application's NoticeStore (src/app/ports/stores/notices.ts).
import { createHash } from 'node:crypto';
import type {
  NewNotice,
  NewRecipient,
  NoticeFile,
  NoticeRecipientFact,
  NoticeRecipientRecord,
  NoticeRecord,
  NoticeStore,
} from '../../app/ports/stores/notices.js';
import type { StoreTx } from '../../app/ports/stores.js';
import { formatNoticeCode } from '../../domain/notice/types.js';
import type { NoticeScopeInput } from '../../domain/notice/recipients.js';
import type { PrismaClient, Tx } from '../client.js';
import type { Notice as NoticeRow, NoticeRecipient as RecipientRow, NoticeScope as ScopeRow } from '../generated/client.js';
import { appendAudit } from './audit.repository.js';
import { startClock, stopClocks } from './clock.repository.js';
import { nextSequence } from './sequence.repository.js';

const asTx = (tx: StoreTx): Tx => tx as unknown as Tx;

/** Every column but the document's bytes. */
const NOTICE_COLUMNS = {
  id: true,
  code: true,
  title: true,
  summary: true,
  senderId: true,
  unitId: true,
  status: true,
  confirmBy: true,
  createdAt: true,
  closedAt: true,
  documentName: true,
  documentMime: true,
  documentSize: true,
  documentSha256: true,
  documentChannel: true,
  documentRef: true,
} as const;

type NoticeHead = Omit<NoticeRow, 'documentData' | 'year' | 'seq' | 'orgId'>;

export function toNotice(row: NoticeHead): NoticeRecord {
  const document: NoticeRecord['document'] =
    row.documentSha256 && row.documentName && row.documentMime
      ? { kind: 'stored', name: row.documentName, mime: row.documentMime, size: row.documentSize ?? 0, sha256: row.documentSha256 }
      : row.documentChannel && row.documentRef
        ? { kind: 'channel', channel: row.documentChannel, ref: row.documentRef, name: row.documentName }
        : null;
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    summary: row.summary,
    senderId: row.senderId,
    unitId: row.unitId,
    status: row.status,
    confirmBy: row.confirmBy,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    document,
  };
}

const toRecipient = (r: RecipientRow): NoticeRecipientRecord => ({ ...r });

function toScope(s: ScopeRow): NoticeScopeInput | undefined {
  if (s.officialId !== null) return { kind: 'person', officialId: s.officialId };
  if (s.unitId !== null) return { kind: 'unit', unitId: s.unitId, subtree: s.subtree };
  return undefined;
}

async function createNotice(tx: Tx, n: NewNotice): Promise<NoticeRecord> {
  const seq = await nextSequence(tx, `QT-${n.year}`);
  const d = n.document;
  const row = await tx.notice.create({
    data: {
      code: formatNoticeCode(n.year, seq),
      year: n.year,
      seq,
      title: n.title,
      summary: n.summary,
      senderId: n.senderId,
      unitId: n.unitId,
      confirmBy: n.confirmBy,
      createdAt: n.createdAt,
      ...(d?.kind === 'stored'
        ? {
            documentName: d.name,
            documentMime: d.mime,
            documentSize: d.data.byteLength,
            documentSha256: createHash('sha256').update(d.data).digest('hex'),
            documentData: Buffer.from(d.data),
          }
        : d?.kind === 'channel'
          ? { documentChannel: d.channel, documentRef: d.ref, documentName: d.name }
          : {}),
      scopes: { create: n.scopes.map((s) => (s.kind === 'person' ? { officialId: s.officialId } : { unitId: s.unitId, subtree: s.subtree })) },
    },
    select: NOTICE_COLUMNS,
  });
  return toNotice(row);
}

async function loadFiles(
  db: PrismaClient | Tx,
  where: Parameters<PrismaClient['notice']['findMany']>[0] extends infer A ? (A extends { where?: infer W } ? W : never) : never,
  take?: number,
): Promise<NoticeFile[]> {
  const rows = await db.notice.findMany({
    where,
    select: { ...NOTICE_COLUMNS, recipients: { orderBy: { id: 'asc' } }, _count: { select: { questions: true } } },
    orderBy: { id: 'desc' },
    ...(take ? { take } : {}),
  });
  return rows.map((r) => ({ notice: toNotice(r), recipients: r.recipients.map(toRecipient), questions: r._count.questions }));
}

async function facts(db: PrismaClient, where: Record<string, unknown>): Promise<NoticeRecipientFact[]> {
  const rows = await db.noticeRecipient.findMany({
    where,
    include: { notice: { select: { code: true, title: true, senderId: true, status: true } } },
    orderBy: [{ noticeId: 'asc' }, { id: 'asc' }],
  });
  return rows.map(({ notice, ...r }) => ({ ...r, code: notice.code, title: notice.title, senderId: notice.senderId, status: notice.status }));
}

export function noticeStore(db: PrismaClient): NoticeStore {
  return {
    create: (tx, n) => createNotice(asTx(tx), n),
    async addRecipients(tx, noticeId, rows: readonly NewRecipient[]) {
      if (rows.length === 0) return [];
      const t = asTx(tx);
      const before = new Set((await t.noticeRecipient.findMany({ where: { noticeId }, select: { officialId: true } })).map((r) => r.officialId));
      const fresh = rows.filter((r) => !before.has(r.officialId));
      await t.noticeRecipient.createMany({ data: fresh.map((r) => ({ noticeId, ...r })), skipDuplicates: true });
      const added = await t.noticeRecipient.findMany({ where: { noticeId, officialId: { in: fresh.map((r) => r.officialId) } }, orderBy: { id: 'asc' } });
      return added.map(toRecipient);
    },
    async load(tx, noticeId) {
      return (await loadFiles(tx ? asTx(tx) : db, { id: noticeId }))[0];
    },
    async idByCode(code) {
      return (await db.notice.findFirst({ where: { code }, select: { id: true } }))?.id;
    },
    async lockRecipient(tx, noticeId, officialId) {
      const rows = await asTx(tx).$queryRaw<RecipientRow[]>`
        SELECT * FROM notice_recipient WHERE "noticeId" = ${noticeId} AND "officialId" = ${officialId} FOR UPDATE`;
      return rows[0] ? toRecipient(rows[0]) : undefined;
    },
    async confirm(tx, recipientId, at, commitment) {
      await asTx(tx).noticeRecipient.update({ where: { id: recipientId }, data: { confirmedAt: at, commitment } });
    },
    async addQuestion(tx, noticeId, officialId, text, at) {
      await asTx(tx).noticeQuestion.create({ data: { noticeId, officialId, text, at } });
    },
    sentBy: (senderId, limit) => loadFiles(db, { senderId }, limit),
    waitingFor: (officialId) => loadFiles(db, { status: 'OPEN', recipients: { some: { officialId, confirmedAt: null } } }),
    async openWithScopes() {
      const rows = await db.notice.findMany({
        where: { status: 'OPEN' },
        select: { ...NOTICE_COLUMNS, scopes: true, recipients: { select: { officialId: true } } },
        orderBy: { id: 'asc' },
      });
      return rows.map((r) => ({
        notice: toNotice(r),
        scopes: r.scopes.map(toScope).filter((s): s is NoticeScopeInput => s !== undefined),
        recipients: new Set(r.recipients.map((x) => x.officialId)),
      }));
    },
    async documentData(noticeId) {
      const row = await db.notice.findUnique({ where: { id: noticeId }, select: { documentData: true } });
      return row?.documentData ? new Uint8Array(row.documentData) : undefined;
    },
    openFactsInUnits: (unitIds) => facts(db, { unitId: { in: [...unitIds] }, notice: { status: 'OPEN' } }),
    factsAddedBetween: (unitIds, from, to) => facts(db, { ...(unitIds ? { unitId: { in: [...unitIds] } } : {}), addedAt: { gte: from, lt: to } }),
    startConfirmClock: (tx, c) =>
      startClock(asTx(tx), {
        itemKind: 'NOTICE',
        itemId: c.noticeId,
        kind: 'NOTICE_CONFIRM',
        officialId: c.officialId,
        priority: 'NORMAL',
        dueAt: c.dueAt,
        stepMs: c.stepMs,
      }),
    async stopConfirmClock(tx, noticeId, officialId, at, reason) {
      await stopClocks(asTx(tx), 'NOTICE', noticeId, at, reason, ['NOTICE_CONFIRM'], officialId);
    },
    audit: (tx, e) =>
      appendAudit(asTx(tx), { at: e.at, actorId: e.actorId, action: `notice.${e.action}`, entity: 'notice', entityId: e.noticeId, data: e.data }),
  };
}
