// The dialogs of demands for explanation: the superior's question (or the standard one), the person's answer.
import { z } from 'zod';
import { EXPLANATION_LIMITS } from '../../../domain/signals/explanation.js';
import { requireText } from '../../../domain/text/field.js';
import { answerExplanation, demandExplanation, previewDemand, type DemandTarget } from '../../explanations/demand.js';
import { OfficialId } from '../../../domain/ids.js';
import { personLabel } from '../../views/people.js';
import { ask, defineFlow, textOf, type Turn } from '../dialog.js';
import { text, type Session } from '../session.js';

/** Checks first (a refusal comes before any typing), then asks what to explain. */
export async function startDemand(s: Session, target: DemandTarget, about: string): Promise<Turn> {
  const who = await previewDemand(s.app, s.officialId, target);
  const org = await s.app.org();
  return {
    replies: [
      ask(s, s.t('explain-demand-ask', { about, who: personLabel(s.t, org.official(who)) }), [[{ label: s.t('btn-explain-default'), value: 'default' }]]),
    ],
    next: demandFlow.at('question', { target }),
  };
}

const ID = z.number().int().positive();

/** What the demand is about: the same union as DemandTarget, checked when the dialog's row is read back. */
const DemandTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('TASK'), taskId: ID }),
  z.object({ kind: z.literal('CONSULTATION'), consultationId: ID, officialId: ID }),
  z.object({ kind: z.literal('SIGNAL'), signalId: ID }),
]) satisfies z.ZodType<DemandTarget>;

export const demandFlow = defineFlow({
  name: 'explain-demand',
  data: z.object({ target: DemandTargetSchema }),
  steps: {
    async question(s, d, input, { stay }) {
      let question: string | null = null;
      if (!(input.kind === 'pick' && input.value === 'default')) {
        const raw = textOf(input);
        if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
        question = requireText(raw, { min: 3, max: EXPLANATION_LIMITS.question, missing: 'reason-required' });
      }
      const demand = await demandExplanation(s.app, s.officialId, d.target, question);
      const org = await s.app.org();
      const who = personLabel(s.t, org.official(OfficialId(demand.officialId)));
      return { replies: [text(s.t('explain-demanded-reply', { code: demand.code, who, deadline: s.v.dateTime(demand.deadline) }))], next: null };
    },
  },
});

export function startAnswer(s: Session, code: string, demandId: number): Turn {
  return { replies: [ask(s, s.t('explain-answer-ask', { code }))], next: answerFlow.at('text', { id: demandId }) };
}

export const answerFlow = defineFlow({
  name: 'explain-answer',
  data: z.object({ id: ID }),
  steps: {
    async text(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const demand = await answerExplanation(s.app, s.officialId, d.id, raw);
      return { replies: [text(s.t('explain-answered-reply', { code: demand.code }))], next: null };
    },
  },
});
