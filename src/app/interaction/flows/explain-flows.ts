// The dialogs of demands for explanation: the superior's question (or the standard one), the person's answer.
import { EXPLANATION_LIMITS } from '../../../domain/signals/explanation.js';
import { requireText } from '../../../domain/text/field.js';
import { answerExplanation, demandExplanation, previewDemand, type DemandTarget } from '../../explanations/demand.js';
import { personLabel } from '../../views/people.js';
import { ask, state, textOf, type DialogFlow, type Turn } from '../dialog.js';
import { text, type Session } from '../session.js';

/** Checks first (a refusal comes before any typing), then asks what to explain. */
export async function startDemand(s: Session, target: DemandTarget, about: string): Promise<Turn> {
  const who = await previewDemand(s.app, s.officialId, target);
  const org = await s.app.org();
  return {
    replies: [ask(s, s.t('explain-demand-ask', { about, who: personLabel(s.t, org.official(who)) }), [[{ label: s.t('btn-explain-default'), value: 'default' }]])],
    next: state('explain-demand', 'question', { target: target as unknown as Record<string, unknown> }),
  };
}

export const demandFlow: DialogFlow = {
  name: 'explain-demand',
  async step(s, st, input) {
    const d = st.data as { target: DemandTarget };
    let question: string | null = null;
    if (!(input.kind === 'pick' && input.value === 'default')) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
      question = requireText(raw, { min: 3, max: EXPLANATION_LIMITS.question, missing: 'reason-required' });
    }
    const demand = await demandExplanation(s.app, s.officialId, d.target, question);
    const org = await s.app.org();
    return {
      replies: [text(s.t('explain-demanded-reply', { code: demand.code, who: personLabel(s.t, org.official(demand.officialId as never)), deadline: s.v.dateTime(demand.deadline) }))],
      next: null,
    };
  },
};

export function startAnswer(s: Session, code: string, demandId: number): Turn {
  return { replies: [ask(s, s.t('explain-answer-ask', { code }))], next: state('explain-answer', 'text', { id: demandId }) };
}

export const answerFlow: DialogFlow = {
  name: 'explain-answer',
  async step(s, st, input) {
    const d = st.data as { id: number };
    const raw = textOf(input);
    if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    const demand = await answerExplanation(s.app, s.officialId, d.id, raw);
    return { replies: [text(s.t('explain-answered-reply', { code: demand.code }))], next: null };
  },
};
