// The dialogs of signals: a head's reason to confirm or dismiss, the person's explanation, and recording by hand
// one of the behaviours the data cannot show (3, 7, 9, 11).
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.js';
import { OfficialId } from '../../../domain/ids.js';
import { reviewablePeople } from '../../../domain/signals/review.js';
import { MANUAL_BEHAVIOURS } from '../../../domain/signals/types.js';
import { parseItemCode } from '../../../domain/task/types.js';
import { explainSignal, recordManualSignal, reviewSignal } from '../../signals/review.js';
import { personLabel } from '../../views/people.js';
import { ask, defineFlow, textOf, type Turn } from '../dialog.js';
import { text, type Session } from '../session.js';
import { pickPerson } from './pick-person.js';
import { buttonLabel } from '../../views/labels.js';

export function startReview(s: Session, signalId: number, decision: 'CONFIRMED' | 'DISMISSED'): Turn {
  return {
    replies: [ask(s, s.t(decision === 'CONFIRMED' ? 'signal-confirm-ask' : 'signal-dismiss-ask'))],
    next: reviewFlow.at('reason', { id: signalId, decision }),
  };
}

const ID = z.number().int().positive();

export const reviewFlow = defineFlow({
  name: 'signal-review',
  data: z.object({ id: ID, decision: z.enum(['CONFIRMED', 'DISMISSED']) }),
  steps: {
    async reason(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const signal = await reviewSignal(s.app, s.officialId, d.id, d.decision, raw);
      const org = await s.app.org();
      const who = personLabel(s.t, org.official(OfficialId(signal.officialId)));
      return { replies: [text(s.t(d.decision === 'CONFIRMED' ? 'signal-confirmed-reply' : 'signal-dismissed-reply', { who }))], next: null };
    },
  },
});

export function startSignalExplain(s: Session, signalId: number): Turn {
  return { replies: [ask(s, s.t('signal-explain-ask'))], next: signalExplainFlow.at('text', { id: signalId }) };
}

export const signalExplainFlow = defineFlow({
  name: 'signal-explain',
  data: z.object({ id: ID }),
  steps: {
    async text(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      await explainSignal(s.app, s.officialId, d.id, raw);
      return { replies: [text(s.t('signal-explained-reply'))], next: null };
    },
  },
});

const RECORD = 'signal-record';

export async function startRecord(s: Session): Promise<Turn> {
  if (reviewablePeople(await s.app.org(), s.officialId).length === 0) throw new DomainError('signals-not-head');
  return { replies: [ask(s, s.t('signal-record-who'))], next: recordFlow.at('who', {}) };
}

function behaviourChoices(s: Session) {
  return MANUAL_BEHAVIOURS.map((b) => [{ label: buttonLabel(`(${b}) ${s.t(`behaviour-short-${b}`)}`), value: `b${b}` }]);
}

const ItemRef = z.object({ kind: z.enum(['TASK', 'CONSULTATION']), id: ID });
type ItemRef = z.infer<typeof ItemRef>;

/** The item a manual signal is about, typed as its code; undefined: unreadable. */
async function readItem(s: Session, raw: string): Promise<ItemRef | undefined> {
  const code = parseItemCode(raw);
  if (code?.prefix === 'NV') {
    const task = await s.app.stores.tasks.findByCode(`NV-${code.year}-${String(code.seq).padStart(4, '0')}`);
    if (!task) throw new DomainError('task-not-found');
    return { kind: 'TASK', id: task.id };
  }
  if (code?.prefix === 'YK') {
    const c = await s.app.stores.consultations.findByCode(raw);
    if (!c) throw new DomainError('consult-not-found');
    return { kind: 'CONSULTATION', id: c.id };
  }
  return undefined;
}

export const recordFlow = defineFlow({
  name: RECORD,
  data: z.object({ personId: ID.optional(), behaviour: z.number().int().optional(), item: ItemRef.nullable().optional() }),
  steps: {
    async who(s, _d, input, { stay, at }) {
      const picked = pickPerson(s, input, reviewablePeople(await s.app.org(), s.officialId));
      if ('reply' in picked) return { replies: [picked.reply], next: stay };
      return {
        replies: [ask(s, s.t('signal-record-behaviour', { who: personLabel(s.t, picked.chosen) }), behaviourChoices(s))],
        next: at('behaviour', { personId: picked.chosen.id }),
      };
    },
    async behaviour(s, d, input, { stay, at }) {
      const b = input.kind === 'pick' && /^b\d{1,2}$/.test(input.value) ? Number(input.value.slice(1)) : NaN;
      if (!(MANUAL_BEHAVIOURS as readonly number[]).includes(b)) return { replies: [ask(s, s.t('dialog-pick-invalid'), behaviourChoices(s))], next: stay };
      return { replies: [ask(s, s.t('signal-record-item'), [[{ label: s.t('btn-skip'), value: 'skip' }]])], next: at('item', { ...d, behaviour: b }) };
    },
    async item(s, d, input, { stay, at }) {
      let item: ItemRef | null = null;
      if (!(input.kind === 'pick' && input.value === 'skip')) {
        const found = await readItem(s, textOf(input)?.trim() ?? '');
        if (!found) return { replies: [ask(s, s.t('consult-link-unreadable'), [[{ label: s.t('btn-skip'), value: 'skip' }]])], next: stay };
        item = found;
      }
      return { replies: [ask(s, s.t('signal-record-note'))], next: at('note', { ...d, item }) };
    },
    async note(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const signal = await recordManualSignal(s.app, s.officialId, {
        personId: OfficialId(d.personId ?? 0),
        behaviour: d.behaviour ?? 0,
        note: raw,
        item: d.item ?? undefined,
      });
      const org = await s.app.org();
      return {
        replies: [text(s.t('signal-recorded-reply', { behaviour: signal.behaviour, who: personLabel(s.t, org.official(OfficialId(signal.officialId))) }))],
        next: null,
      };
    },
  },
});
