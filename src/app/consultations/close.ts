// The asker closes with a decision (kết luận), sent to every respondent (PRODUCT.md §3). Opening a new round instead
// is askForOpinion with `previousId` (ask.ts).
import { checkDecision } from '../../domain/consultation/rules.js';
import { DomainError } from '../../domain/errors.js';
import type { OfficialId } from '../../domain/ids.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { signalsForRespondent } from '../signals/consultation-signals.js';
import { inTransaction } from '../transaction.js';
import { cbtn, stanceLabel } from '../views/consultation-views.js';
import { personLabel } from '../views/people.js';
import type { ConsultationFile } from '../ports/stores/consultations.js';
import { auditConsultation, stopAllAnswerClocks } from './shared.js';
import { consultationEvent } from '../integration-events/record.js';

export async function closeConsultation(
  app: AppContext,
  askerId: OfficialId,
  consultationId: number,
  raw: string,
): Promise<{ file: ConsultationFile; told: number }> {
  const decision = checkDecision(raw);
  const org = await app.org();
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const before = await app.stores.consultations.lock(tx, consultationId);
    const c0 = before.consultation;
    if (c0.askerId !== askerId) throw new DomainError('consult-not-asker', { code: c0.code });
    if (c0.status !== 'OPEN') throw new DomainError('consult-closed', { code: c0.code });
    const c = await app.stores.consultations.update(tx, c0.id, { status: 'CLOSED', decision, closedAt: now });
    const file: ConsultationFile = { ...before, consultation: c };
    await stopAllAnswerClocks(app, tx, c, now, 'closed');
    await auditConsultation(app, tx, now, askerId, 'closed', c, { decision });
    // Who had not answered (or answered without a stance) by a deadline already past keeps that on record.
    for (const r of file.respondents) if (!r.stance || (r.firstAnsweredAt && r.firstAnsweredAt > c.deadline)) await signalsForRespondent(app, tx, file, r, now);

    let told = 0;
    const recipients = new Map<number, (typeof file.respondents)[number]>();
    for (const r of file.respondents) {
      recipients.set(r.officialId, r);
      for (const other of [r.delegateId, r.answeredById]) if (other && !recipients.has(other)) recipients.set(other, r);
    }
    for (const [to, r] of recipients) {
      const sent = await notify(app, tx, effects, to, (t, v) => ({
        text: t('consult-closed-notice', {
          code: c.code,
          subject: v.quote(c.subject, 200),
          who: personLabel(t, org.official(askerId)),
          decision: v.block(decision, 3000),
          stance: stanceLabel(t, r.stance),
          at: v.dateTime(now),
        }),
        buttons: [[cbtn(t, 'btn-view', 'consult.view', c.id)]],
      }));
      if (sent !== null) told++;
    }
    await consultationEvent(app, tx, effects, 'consultation.closed', c, askerId, { decision });
    return { file, told };
  });
}
