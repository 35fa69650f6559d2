// Answering (PRODUCT.md §3, issue 4 §2): a stance (changeable until the asker closes), text without a stance
// (recorded, shown to the asker, the clock keeps running), one clarifying question per respondent, the asker's reply
// to it, a head handing the answer to a deputy, and a nudge.
import { answerRole, checkClarification, checkFreeText, checkStance, deputiesOf } from '../../domain/consultation/rules.js';
import type { Entry, Respondent, Stance } from '../../domain/consultation/types.js';
import { DomainError } from '../../domain/errors.js';
import type { OfficialId } from '../../domain/ids.js';
import type { OrgDirectory } from '../../domain/org/directory.js';
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { signalsForRespondent, signalsOnDeputyAnswer } from '../signals/consultation-signals.js';
import { inTransaction } from '../transaction.js';
import { cbtn, consultArg, questionMessage, stanceButtons, stanceLabel, tally } from '../views/consultation-views.js';
import { personLabel } from '../views/people.js';
import type { ConsultationFile } from '../ports/stores/consultations.js';
import { auditConsultation, stopAnswerClock } from './shared.js';
import { consultationEvent } from '../integration-events/record.js';

/**
 * The row the actor answers: their own; or the one named (`forOfficialId`, a head they answer for); or the one
 * head's row a deputy may answer. Refused when the actor may answer none.
 */
export function rowFor(org: OrgDirectory, file: ConsultationFile, actorId: OfficialId, forOfficialId?: number): { row: Respondent; role: 'self' | 'deputy' } {
  const code = file.consultation.code;
  if (forOfficialId !== undefined && forOfficialId !== actorId) {
    const row = file.respondents.find((r) => r.officialId === forOfficialId);
    const role = row ? answerRole(org, actorId, row) : undefined;
    if (!row || !role) throw new DomainError('consult-not-respondent', { code });
    return { row, role };
  }
  const own = file.respondents.find((r) => r.officialId === actorId);
  if (own) return { row: own, role: 'self' };
  const forHeads = file.respondents.filter((r) => answerRole(org, actorId, r) === 'deputy');
  const row = forHeads.find((r) => r.delegateId === actorId) ?? forHeads[0];
  if (!row) throw new DomainError('consult-not-respondent', { code });
  return { row, role: 'deputy' };
}

function assertOpen(file: ConsultationFile): void {
  if (file.consultation.status !== 'OPEN') throw new DomainError('consult-closed', { code: file.consultation.code });
}

export interface AnswerResult {
  file: ConsultationFile;
  respondent: Respondent;
  role: 'self' | 'deputy';
  previous: Stance | null;
}

export async function answerConsultation(
  app: AppContext,
  actorId: OfficialId,
  consultationId: number,
  stance: Stance,
  text: string | null,
  forOfficialId?: number,
): Promise<AnswerResult> {
  const value = checkStance(stance, text);
  const org = await app.org();
  const { consultations } = app.stores;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const file = await consultations.lock(tx, consultationId);
    const { row, role } = rowFor(org, file, actorId, forOfficialId);
    assertOpen(file);
    const c = file.consultation;
    const respondent = await consultations.updateRespondent(tx, row.id, {
      stance,
      stanceText: value,
      answeredAt: now,
      firstAnsweredAt: row.firstAnsweredAt ?? now,
      answeredById: role === 'deputy' ? actorId : null,
    });
    const entry = await consultations.addEntry(tx, {
      consultationId: c.id,
      respondentId: row.id,
      authorId: actorId,
      kind: 'ANSWER',
      stance,
      text: value,
      at: now,
    });
    await stopAnswerClock(app, tx, c, row, now, 'answered');
    await auditConsultation(app, tx, now, actorId, row.stance ? 'stance-changed' : 'answered', c, {
      respondent: row.officialId,
      stance,
      ...(role === 'deputy' ? { onBehalfOf: row.officialId } : {}),
    });
    const after: ConsultationFile = {
      ...file,
      respondents: file.respondents.map((r) => (r.id === row.id ? respondent : r)),
      entries: [...file.entries, entry],
    };
    await signalsForRespondent(app, tx, after, respondent, now);
    if (role === 'deputy') await signalsOnDeputyAnswer(app, tx, after, respondent, entry);

    const count = tally(after.respondents);
    const who = (t: Parameters<typeof personLabel>[0]) => personLabel(t, org.official(actorId));
    await notify(app, tx, effects, c.askerId, (t, v) => {
      const lines = [
        row.stance
          ? t('consult-answer-changed-notice', { code: c.code, who: who(t), stance: stanceLabel(t, stance), previous: stanceLabel(t, row.stance) })
          : t('consult-answer-notice', { code: c.code, who: who(t), stance: stanceLabel(t, stance) }),
      ];
      if (role === 'deputy') lines.push(t('consult-answer-by-deputy', { head: personLabel(t, org.official(row.officialId)) }));
      lines.push(t('consult-line-subject', { subject: v.quote(c.subject, 200) }));
      if (value) lines.push(t('consult-answer-text', { text: v.block(value, 2000) }));
      lines.push(t('consult-tally', count));
      const buttons = [[cbtn(t, 'btn-view', 'consult.view', c.id)]];
      if (count.answered === count.total) {
        lines.push(t('consult-all-answered'));
        buttons.unshift([cbtn(t, 'btn-close-consult', 'consult.close', c.id), cbtn(t, 'btn-new-round', 'consult.round', c.id)]);
      }
      return { text: lines.join('\n'), buttons };
    });
    if (role === 'deputy') {
      await notify(app, tx, effects, row.officialId, (t) => ({
        text: t('consult-answered-for-you', { code: c.code, who: who(t), stance: stanceLabel(t, stance) }),
        buttons: [[cbtn(t, 'btn-view', 'consult.view', c.id)]],
      }));
    }
    await consultationEvent(app, tx, effects, 'consultation.answered', c, actorId, { respondentId: row.officialId, stance, text: value });
    return { file: after, respondent, role, previous: row.stance };
  });
}

/**
 * "Đã nhận", "sẽ xem xét", any text without a stance: recorded and shown to the asker; it does not answer, the
 * clock keeps running. After the deadline it is behaviour 5 at once (before it, only if no stance comes in time).
 */
export async function recordFreeText(
  app: AppContext,
  actorId: OfficialId,
  consultationId: number,
  raw: string,
): Promise<{ file: ConsultationFile; respondent: Respondent }> {
  const text = checkFreeText(raw);
  const org = await app.org();
  const { consultations } = app.stores;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const file = await consultations.lock(tx, consultationId);
    const { row } = rowFor(org, file, actorId);
    assertOpen(file);
    const c = file.consultation;
    const respondent = await consultations.updateRespondent(tx, row.id, { lastFreeTextAt: now });
    const entry = await consultations.addEntry(tx, { consultationId: c.id, respondentId: row.id, authorId: actorId, kind: 'FREE_TEXT', text, at: now });
    await auditConsultation(app, tx, now, actorId, 'free-text', c, { respondent: row.officialId });
    if (!respondent.stance) await signalsForRespondent(app, tx, { ...file, entries: [...file.entries, entry] }, respondent, now);
    await notify(app, tx, effects, c.askerId, (t, v) => ({
      text: t(respondent.stance ? 'consult-comment-notice' : 'consult-free-text-notice', {
        code: c.code,
        who: personLabel(t, org.official(actorId)),
        text: v.block(text, 2000),
        deadline: v.dateTime(c.deadline),
      }),
      buttons: [[cbtn(t, 'btn-view', 'consult.view', c.id)]],
    }));
    return { file: { ...file, entries: [...file.entries, entry] }, respondent };
  });
}

/** One clarifying question per respondent, to the asker; the clock does not stop. */
export async function askClarification(
  app: AppContext,
  actorId: OfficialId,
  consultationId: number,
  raw: string,
  forOfficialId?: number,
): Promise<{ file: ConsultationFile; entry: Entry }> {
  const text = checkClarification(raw);
  const org = await app.org();
  const { consultations } = app.stores;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const file = await consultations.lock(tx, consultationId);
    const { row } = rowFor(org, file, actorId, forOfficialId);
    assertOpen(file);
    const c = file.consultation;
    if (row.clarificationAskedAt) throw new DomainError('consult-clarify-used', { code: c.code });
    await consultations.updateRespondent(tx, row.id, { clarificationAskedAt: now });
    const entry = await consultations.addEntry(tx, {
      consultationId: c.id,
      respondentId: row.id,
      authorId: actorId,
      kind: 'CLARIFICATION_QUESTION',
      text,
      at: now,
    });
    await auditConsultation(app, tx, now, actorId, 'clarification-asked', c, { respondent: row.officialId });
    await notify(app, tx, effects, c.askerId, (t, v) => ({
      text: t('consult-clarify-notice', {
        code: c.code,
        who: personLabel(t, org.official(actorId)),
        text: v.block(text, 1000),
        subject: v.quote(c.subject, 200),
      }),
      buttons: [[cbtn(t, 'btn-reply-clarify', 'consult.reply', consultArg(c.id, row.officialId))]],
    }));
    return { file, entry };
  });
}

/** The asker answers a clarifying question; the respondent gets it with the stance buttons again. */
export async function replyClarification(
  app: AppContext,
  actorId: OfficialId,
  consultationId: number,
  respondentOfficialId: number,
  raw: string,
): Promise<{ file: ConsultationFile; to: OfficialId }> {
  const text = checkClarification(raw);
  const org = await app.org();
  const { consultations } = app.stores;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const file = await consultations.lock(tx, consultationId);
    const c = file.consultation;
    if (c.askerId !== actorId) throw new DomainError('consult-not-asker', { code: c.code });
    assertOpen(file);
    const row = file.respondents.find((r) => r.officialId === respondentOfficialId);
    const question = [...file.entries].reverse().find((e) => e.kind === 'CLARIFICATION_QUESTION' && e.respondentId === row?.id);
    if (!row || !question) throw new DomainError('consult-no-question', { code: c.code });
    await consultations.addEntry(tx, { consultationId: c.id, respondentId: row.id, authorId: actorId, kind: 'CLARIFICATION_REPLY', text, at: now });
    await auditConsultation(app, tx, now, actorId, 'clarification-replied', c, { respondent: row.officialId });
    const to = question.authorId;
    await notify(app, tx, effects, to, (t, v) => ({
      text: t('consult-reply-notice', {
        code: c.code,
        who: personLabel(t, org.official(actorId)),
        question: v.block(question.text ?? '', 500),
        text: v.block(text, 1000),
        deadline: v.dateTime(c.deadline),
      }),
      buttons: row.stance
        ? [[cbtn(t, 'btn-view', 'consult.view', c.id)]]
        : stanceButtons(t, c.id, { clarificationAskedAt: now }, to === row.officialId ? {} : { forOfficialId: row.officialId }),
    }));
    return { file, to };
  });
}

/**
 * A head hands the answer to a deputy of their unit. Allowed — the plan's behaviour 10 is about heads who do it, so
 * when the deputy answers, the head's signal is raised with the hand-over as evidence. The head's clock runs on.
 */
export async function delegateAnswer(
  app: AppContext,
  headId: OfficialId,
  consultationId: number,
  deputyId: OfficialId,
): Promise<{ file: ConsultationFile; respondent: Respondent }> {
  const org = await app.org();
  const { consultations } = app.stores;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const file = await consultations.lock(tx, consultationId);
    const c = file.consultation;
    const row = file.respondents.find((r) => r.officialId === headId);
    if (!row) throw new DomainError('consult-not-respondent', { code: c.code });
    assertOpen(file);
    if (row.stance) throw new DomainError('consult-already-answered', { code: c.code });
    if (!deputiesOf(org, headId).some((d) => d.id === deputyId)) throw new DomainError('consult-delegate-not-deputy');
    const respondent = await consultations.updateRespondent(tx, row.id, { delegateId: deputyId, delegatedAt: now });
    await consultations.addEntry(tx, { consultationId: c.id, respondentId: row.id, authorId: headId, kind: 'DELEGATED', text: null, at: now });
    await auditConsultation(app, tx, now, headId, 'delegated', c, { to: deputyId });
    const links = await consultations.links(c, tx);
    await notify(app, tx, effects, deputyId, (t, v) => questionMessage(t, v, c, respondent, org, links, { forHead: true }));
    return { file, respondent };
  });
}

/** "Nhắc lại": the asker, or a superior of the respondent, reminds those who have not answered. */
export async function nudgeRespondents(
  app: AppContext,
  actorId: OfficialId,
  consultationId: number,
  officialId?: number,
): Promise<{ file: ConsultationFile; nudged: OfficialId[] }> {
  const org = await app.org();
  const { consultations } = app.stores;
  return inTransaction(app, async (tx, effects) => {
    const now = app.time.now();
    const file = await consultations.lock(tx, consultationId);
    const c = file.consultation;
    assertOpen(file);
    const may = (r: Respondent) => r.officialId !== actorId && (c.askerId === actorId || org.oversees(actorId, r.officialId));
    const waiting = file.respondents.filter((r) => !r.stance && (officialId === undefined || r.officialId === officialId));
    const targets = waiting.filter(may);
    if (waiting.length === 0) throw new DomainError('consult-nobody-waiting', { code: c.code });
    if (targets.length === 0) throw new DomainError('consult-not-visible');
    for (const r of targets) {
      await auditConsultation(app, tx, now, actorId, 'nudged', c, { respondent: r.officialId });
      await notify(app, tx, effects, r.officialId, (t, v) => ({
        text: t('consult-nudged-notice', {
          code: c.code,
          who: personLabel(t, org.official(actorId)),
          subject: v.quote(c.subject, 200),
          deadline: v.dateTime(c.deadline),
        }),
        buttons: stanceButtons(t, c.id, r),
      }));
    }
    return { file, nudged: targets.map((r) => r.officialId) };
  });
}
