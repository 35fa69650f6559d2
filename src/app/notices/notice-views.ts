// Notices as officials read them: the notice to a recipient (with its document and the confirm buttons), the
// sender's coverage (confirmed / not yet, by unit, with names) and the one-line summaries of lists and digests.
import type { ActionButton, OutboundMessage } from '../ports/channel.js';
import type { NoticeFile, NoticeRecipientRecord, NoticeRecord } from '../ports/stores/notices.js';
import { OfficialId, UnitId } from '../../domain/ids.js';
import { recipientState } from '../../domain/notice/types.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import { dynamicKey, type Translate } from '../../i18n/catalogue.js';
import { encodeAction, type Verb } from '../actions.js';
import { buttonLabel } from '../views/labels.js';
import { nameOf, personLabel, unitNameOf } from '../views/people.js';
import type { ViewTools } from '../views/tools.js';

export function nbtn(t: Translate, key: string, verb: Verb, arg: string | number, args?: Record<string, string>): ActionButton {
  return { label: buttonLabel(t(dynamicKey(key), args)), action: encodeAction(verb, arg) };
}

/** What a recipient can do: confirm, confirm with a commitment, ask the sender. */
export function confirmButtons(t: Translate, noticeId: number): ActionButton[][] {
  return [
    [nbtn(t, 'btn-notice-confirm', 'notice.confirm', noticeId)],
    [nbtn(t, 'btn-notice-commit', 'notice.commit', noticeId), nbtn(t, 'btn-notice-ask', 'notice.ask', noticeId)],
  ];
}

function documentLine(t: Translate, n: NoticeRecord): string | undefined {
  const d = n.document;
  if (!d) return undefined;
  return t('notice-line-document', { file: d.name ?? t('notice-document-unnamed') });
}

/** The notice as its recipient first reads it. */
export function noticeMessage(t: Translate, v: ViewTools, n: NoticeRecord, r: Pick<NoticeRecipientRecord, 'deadline'>, org: OrgDirectory): OutboundMessage {
  const lines = [
    t('notice-new-title', { code: n.code }),
    t('notice-line-sender', { who: personLabel(t, org.official(OfficialId(n.senderId))) }),
    t('notice-line-title', { title: v.quote(n.title, 200) }),
    t('notice-line-summary', { summary: v.block(n.summary, 1500) }),
  ];
  const doc = documentLine(t, n);
  if (doc) lines.push(doc);
  lines.push(t('notice-new-ask', { deadline: v.dateTime(r.deadline) }));
  return { text: lines.join('\n'), buttons: confirmButtons(t, n.id) };
}

export interface Coverage {
  total: number;
  confirmed: number;
  late: number;
  waiting: NoticeRecipientRecord[];
}

export function coverageOf(recipients: readonly NoticeRecipientRecord[]): Coverage {
  const confirmed = recipients.filter((r) => r.confirmedAt !== null);
  return {
    total: recipients.length,
    confirmed: confirmed.length,
    late: confirmed.filter((r) => r.confirmedAt!.getTime() > r.deadline.getTime()).length,
    waiting: recipients.filter((r) => r.confirmedAt === null),
  };
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** Up to `max` names, then "and N others". */
export function namesUpTo(t: Translate, org: OrgDirectory, ids: readonly number[], max = 5): string {
  const names = ids.slice(0, max).map((id) => nameOf(org.official(OfficialId(id))));
  return ids.length > max ? t('notice-names-more', { names: names.join(', '), count: ids.length - max }) : names.join(', ');
}

/** One line of a list: code, title, coverage, deadline. */
export function noticeLine(t: Translate, v: ViewTools, f: NoticeFile, recipients: readonly NoticeRecipientRecord[] = f.recipients): string {
  const c = coverageOf(recipients);
  return t('notice-list-line', {
    code: f.notice.code,
    title: v.quote(f.notice.title, 80),
    confirmed: c.confirmed,
    total: c.total,
    percent: percent(c.confirmed, c.total),
    deadline: v.dateTime(f.notice.confirmBy),
    status: t(dynamicKey(`notice-status-${f.notice.status}`)),
  });
}

/** The sender's view of one notice: the head, then each unit with who confirmed and who not yet. */
export function coverageMessage(
  t: Translate,
  v: ViewTools,
  f: NoticeFile,
  org: OrgDirectory,
  recipients: readonly NoticeRecipientRecord[],
  now: Date,
): OutboundMessage {
  const n = f.notice;
  const c = coverageOf(recipients);
  const lines = [
    t('notice-detail-title', { code: n.code, title: v.quote(n.title, 200) }),
    t('notice-line-sender', { who: personLabel(t, org.official(OfficialId(n.senderId))) }),
    t('notice-detail-coverage', {
      confirmed: c.confirmed,
      total: c.total,
      percent: percent(c.confirmed, c.total),
      late: c.late,
      deadline: v.dateTime(n.confirmBy),
    }),
  ];
  const doc = documentLine(t, n);
  if (doc) lines.push(doc);
  const byUnit = new Map<number, NoticeRecipientRecord[]>();
  for (const r of recipients) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  for (const [unitId, rows] of byUnit) {
    const uc = coverageOf(rows);
    lines.push('', t('notice-detail-unit', { unit: unitNameOf(org.unit(UnitId(unitId))), confirmed: uc.confirmed, total: uc.total }));
    for (const r of rows) {
      const state = recipientState(r, now);
      lines.push(
        t(dynamicKey(`notice-detail-person-${state}`), {
          name: nameOf(org.official(OfficialId(r.officialId))),
          at: r.confirmedAt ? v.dateTime(r.confirmedAt) : '',
          deadline: v.dateTime(r.deadline),
        }),
      );
      if (r.commitment) lines.push(t('notice-detail-commitment', { text: v.quote(r.commitment, 300) }));
    }
  }
  if (f.questions > 0) lines.push('', t('notice-detail-questions', { count: f.questions }));
  return { text: lines.join('\n') };
}
