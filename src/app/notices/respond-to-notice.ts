// A recipient's answer to a notice (issue 15 §2): "Đã đọc, đã nắm nội dung", optionally with a short commitment
// (cam kết), which stops their clock; or a question, which goes to the sender and changes nothing else.
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { NOTICE_COMMITMENT_RULE, NOTICE_QUESTION_RULE } from '../../domain/notice/types.js';
import { optionalText, requireText } from '../../domain/text/field.js';
import type { NoticeRecipientRecord, NoticeRecord } from '../ports/stores/notices.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { inTransaction } from '../transaction.js';
import { personLabel } from '../views/people.js';
import type { NotifyTx } from './create-notice.js';
import { nbtn } from './notice-views.js';

export interface ConfirmResult {
  notice: NoticeRecord;
  recipient: NoticeRecipientRecord;
  onTime: boolean;
}

async function openRecipient(app: AppContext, tx: Parameters<AppContext['stores']['notices']['lockRecipient']>[0], officialId: number, noticeId: number) {
  const file = await app.stores.notices.load(tx, noticeId);
  if (!file) throw new DomainError('notice-not-found');
  const r = await app.stores.notices.lockRecipient(tx, noticeId, officialId);
  if (!r) throw new DomainError('notice-not-recipient', { code: file.notice.code });
  return { notice: file.notice, r };
}

export async function confirmNotice(app: AppContext, officialId: OfficialId, noticeId: number, commitmentRaw: string | null): Promise<ConfirmResult> {
  const commitment = optionalText(commitmentRaw, NOTICE_COMMITMENT_RULE);
  return inTransaction(app, async (tx) => {
    const now = app.time.now();
    const { notice, r } = await openRecipient(app, tx, officialId, noticeId);
    if (r.confirmedAt) throw new DomainError('notice-already-confirmed', { code: notice.code, at: r.confirmedAt });
    if (notice.status !== 'OPEN') throw new DomainError('notice-closed', { code: notice.code });
    await app.stores.notices.confirm(tx, r.id, now, commitment);
    await app.stores.notices.stopConfirmClock(tx, notice.id, officialId, now, 'confirmed');
    const onTime = now.getTime() <= r.deadline.getTime();
    await app.stores.notices.audit(tx, {
      at: now,
      actorId: officialId,
      action: 'confirmed',
      noticeId: notice.id,
      data: { code: notice.code, onTime, commitment: commitment !== null },
    });
    return { notice, recipient: { ...r, confirmedAt: now, commitment }, onTime };
  });
}

/** A question to the sender: recorded, forwarded, and the recipient's clock keeps running. */
export async function askAboutNotice(app: AppContext, officialId: OfficialId, noticeId: number, textRaw: string): Promise<NoticeRecord> {
  const text = requireText(textRaw, NOTICE_QUESTION_RULE);
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const { notice } = await openRecipient(app, tx, officialId, noticeId);
    await app.stores.notices.addQuestion(tx, notice.id, officialId, text, now);
    await app.stores.notices.audit(tx, { at: now, actorId: officialId, action: 'question', noticeId: notice.id, data: { code: notice.code } });
    await notify(app, tx as NotifyTx, effects, notice.senderId, (t, v) => ({
      text: [
        t('notice-question-title', { code: notice.code }),
        t('notice-question-from', { who: personLabel(t, org.official(OfficialId(officialId))), title: v.quote(notice.title, 120) }),
        t('notice-question-text', { text: v.block(text, 1000) }),
        t('notice-question-note'),
      ].join('\n'),
      buttons: [[nbtn(t, 'btn-notice-view', 'notice.view', notice.id)]],
    }));
    return notice;
  });
}
