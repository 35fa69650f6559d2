// What each consultation button does, /ykien, and /xinykien. Buttons that need text start a flow; the others act.
import type { ActionButton, RouterResult } from '../../ports/channel.js';
import { consultationAccess } from '../../../domain/consultation/rules.js';
import type { Respondent } from '../../../domain/consultation/types.js';
import { DomainError } from '../../../domain/errors.js';
import { OfficialId } from '../../../domain/ids.js';
import { mayDemandExplanation } from '../../../domain/signals/explanation.js';
import type { Action } from '../../actions.js';
import { encodeAction, idArg } from '../../actions.js';
import { answerConsultation, nudgeRespondents, rowFor } from '../../consultations/answer.js';
import { loadConsultationOrFail } from '../../consultations/shared.js';
import type { ConsultationFile } from '../../ports/stores/consultations.js';
import { askedBlock, consultationCard, parseConsultArg, waitingLine } from '../../views/consultation-views.js';
import { nameOf, personLabel } from '../../views/people.js';
import { flowReply } from '../dialog.js';
import type { VerbHandler, FeatureActions } from '../action-table.js';
import { answeredReply, startClarify, startClose, startDelegate, startReply, startRound, startStanceText } from '../flows/consult-flows.js';
import { startDemand } from '../flows/explain-flows.js';
import type { Session } from '../session.js';
import { buttonLabel } from '../../views/labels.js';

function argOf(action: Action): { consultationId: number; officialId?: number } {
  const parsed = parseConsultArg(action.arg);
  if (!parsed) throw new DomainError('consult-not-found');
  return parsed;
}

/** Refuses anyone who is neither asker, respondent, a deputy answering for a head, nor above one of them. */
export async function assertConsultationVisible(s: Session, file: ConsultationFile) {
  const access = consultationAccess(await s.app.org(), s.officialId, file.consultation, file.respondents);
  if (!access) throw new DomainError('consult-not-visible');
  return access;
}

function lapsed(file: ConsultationFile, r: Respondent, now: Date): boolean {
  const deadline = file.consultation.deadline.getTime();
  return (!r.stance && deadline < now.getTime()) || (r.firstAnsweredAt !== null && r.firstAnsweredAt.getTime() > deadline);
}

export async function consultationView(s: Session, file: ConsultationFile): Promise<RouterResult> {
  await assertConsultationVisible(s, file);
  const org = await s.app.org();
  const c = file.consultation;
  const now = s.app.time.now();
  let ownRow: Respondent | undefined;
  try {
    ownRow = rowFor(org, file, s.officialId).row;
  } catch {
    ownRow = undefined;
  }
  const explainable = file.respondents.filter((r) => lapsed(file, r, now) && mayDemandExplanation(org, s.officialId, r.officialId));
  const demands = await s.app.stores.explanations.ofItem('CONSULTATION', c.id);
  const card = consultationCard(s.t, s.v, c, file.respondents, file.entries, org, {
    viewerId: s.officialId,
    ownRow,
    explainable,
    links: await s.app.stores.consultations.links(c),
    demands,
  });
  return { replies: [card] };
}

/** Disagree, amend, or ask a question first: each needs text, typed by the respondent (or the deputy answering). */
function startsTextAnswer(kind: 'DISAGREE' | 'AGREE_WITH_AMENDMENTS' | 'clarify'): VerbHandler {
  return async (s, action) => {
    const { consultationId, officialId } = argOf(action);
    const file = await loadConsultationOrFail(s.app, consultationId);
    const c = file.consultation;
    const { row } = rowFor(await s.app.org(), file, s.officialId, officialId);
    if (c.status !== 'OPEN') throw new DomainError('consult-closed', { code: c.code });
    const forId = row.officialId === s.officialId ? undefined : row.officialId;
    if (kind === 'clarify') {
      if (row.clarificationAskedAt) throw new DomainError('consult-clarify-used', { code: c.code });
      return flowReply(s, startClarify(s, c.code, c.id, forId));
    }
    return flowReply(s, startStanceText(s, c.code, c.id, kind, forId));
  };
}

/** The asker's own consultation, still open: the reply to a question and the decision start from it. */
async function openOwnConsultation(s: Session, action: Action) {
  const { consultationId, officialId } = argOf(action);
  const file = await loadConsultationOrFail(s.app, consultationId);
  const c = file.consultation;
  if (c.askerId !== s.officialId) throw new DomainError('consult-not-asker', { code: c.code });
  if (c.status !== 'OPEN') throw new DomainError('consult-closed', { code: c.code });
  return { file, officialId };
}

export const CONSULT_ACTIONS = {
  'list.consults': async (s, action) => ({ replies: [await opinionsList(s, idArg(action) ?? 1)] }),
  'consult.view': async (s, action) => consultationView(s, await loadConsultationOrFail(s.app, argOf(action).consultationId)),
  'consult.agree': async (s, action) => {
    const { consultationId, officialId } = argOf(action);
    const r = await answerConsultation(s.app, s.officialId, consultationId, 'AGREE', null, officialId);
    return { replies: await answeredReply(s, r) };
  },
  'consult.disagree': startsTextAnswer('DISAGREE'),
  'consult.amend': startsTextAnswer('AGREE_WITH_AMENDMENTS'),
  'consult.clarify': startsTextAnswer('clarify'),
  'consult.reply': async (s, action) => {
    const { file, officialId } = await openOwnConsultation(s, action);
    const c = file.consultation;
    const row = file.respondents.find((r) => r.officialId === officialId);
    const question = [...file.entries].reverse().find((e) => e.kind === 'CLARIFICATION_QUESTION' && e.respondentId === row?.id);
    if (!row || !question) throw new DomainError('consult-no-question', { code: c.code });
    const org = await s.app.org();
    return flowReply(s, startReply(s, c.code, personLabel(s.t, org.official(question.authorId)), c.id, row.officialId));
  },
  'consult.close': async (s, action) => {
    const c = (await openOwnConsultation(s, action)).file.consultation;
    return flowReply(s, startClose(s, c.code, c.id));
  },
  'consult.round': async (s, action) => flowReply(s, startRound(s, argOf(action).consultationId)),
  'consult.delegate': async (s, action) => flowReply(s, startDelegate(s, argOf(action).consultationId)),
  'consult.nudge': async (s, action) => {
    const { consultationId, officialId } = argOf(action);
    const r = await nudgeRespondents(s.app, s.officialId, consultationId, officialId);
    const org = await s.app.org();
    return {
      replies: [
        { text: s.t('consult-nudged-reply', { code: r.file.consultation.code, names: r.nudged.map((id) => personLabel(s.t, org.official(id))).join('; ') }) },
      ],
    };
  },
  'consult.explain': async (s, action) => {
    const { consultationId, officialId } = argOf(action);
    const file = await loadConsultationOrFail(s.app, consultationId);
    await assertConsultationVisible(s, file);
    const org = await s.app.org();
    let personId = officialId;
    if (personId === undefined) {
      const now = s.app.time.now();
      const candidates = file.respondents.filter((r) => lapsed(file, r, now) && mayDemandExplanation(org, s.officialId, r.officialId));
      if (candidates.length !== 1) throw new DomainError('consult-explain-pick', { code: file.consultation.code });
      personId = candidates[0]!.officialId;
    }
    return flowReply(
      s,
      startDemand(
        s,
        { kind: 'CONSULTATION', consultationId, officialId: personId },
        `${file.consultation.code} · ${nameOf(org.official(OfficialId(personId)))}`,
      ),
    );
  },
} satisfies FeatureActions;

export const OPINIONS_PAGE = 5;

/** /ykien: what waits for my answer (own, or a head's handed to me), then what I asked that is still open. */
export async function opinionsList(s: Session, page: number): Promise<{ text: string; buttons?: ActionButton[][] }> {
  const org = await s.app.org();
  const waiting = await s.app.stores.consultations.waitingFor(s.officialId);
  const asked = await s.app.stores.consultations.openAskedBy(s.officialId);
  const items: ({ kind: 'waiting'; w: (typeof waiting)[number] } | { kind: 'asked'; a: (typeof asked)[number] })[] = [
    ...waiting.map((w) => ({ kind: 'waiting' as const, w })),
    ...asked.map((a) => ({ kind: 'asked' as const, a })),
  ];
  if (items.length === 0) return { text: s.t('consult-list-empty') };
  const pages = Math.max(1, Math.ceil(items.length / OPINIONS_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const slice = items.slice((current - 1) * OPINIONS_PAGE, current * OPINIONS_PAGE);
  const lines: string[] = [];
  const buttons: ActionButton[][] = [];
  const waitingHere = slice.filter((i) => i.kind === 'waiting');
  const askedHere = slice.filter((i) => i.kind === 'asked');
  if (waitingHere.length > 0) {
    lines.push(s.t('consult-list-waiting-title', { total: waiting.length }));
    for (const i of waitingHere) {
      if (i.kind !== 'waiting') continue;
      lines.push(waitingLine(s.t, s.v, i.w.consultation, i.w, s.officialId, org));
      buttons.push([
        { label: buttonLabel(`${i.w.consultation.code} · ${i.w.consultation.subject}`), action: encodeAction('consult.view', i.w.consultation.id) },
      ]);
    }
  }
  if (askedHere.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(s.t('consult-list-asked-title', { total: asked.length }));
    for (const i of askedHere) {
      if (i.kind !== 'asked') continue;
      lines.push(askedBlock(s.t, s.v, i.a.c, i.a.respondents, org));
      buttons.push([{ label: buttonLabel(`${i.a.c.code} · ${i.a.c.subject}`), action: encodeAction('consult.view', i.a.c.id) }]);
    }
  }
  if (pages > 1) lines.push(s.t('tasks-list-page', { page: current, pages }));
  const nav: ActionButton[] = [];
  if (current > 1) nav.push({ label: s.t('btn-prev'), action: encodeAction('list.consults', current - 1) });
  if (current < pages) nav.push({ label: s.t('btn-next'), action: encodeAction('list.consults', current + 1) });
  if (nav.length > 0) buttons.push(nav);
  return { text: lines.join('\n'), buttons };
}
