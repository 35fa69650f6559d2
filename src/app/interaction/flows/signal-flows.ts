// The dialogs of signals: a head's reason to confirm or dismiss, the person's explanation, and recording by hand
// one of the behaviours the data cannot show (3, 7, 9, 11).
import { findTaskByCode } from '../../../db/repositories/task.repository.js';
import { DomainError } from '../../../domain/errors.js';
import { OfficialId } from '../../../domain/ids.js';
import { reviewablePeople } from '../../../domain/signals/review.js';
import { MANUAL_BEHAVIOURS } from '../../../domain/signals/types.js';
import { parseItemCode } from '../../../domain/task/types.js';
import { findConsultationByCode } from '../../../db/repositories/consultation.repository.js';
import { explainSignal, recordManualSignal, reviewSignal } from '../../signals/review.js';
import { personLabel } from '../../views/people.js';
import { ask, state, textOf, type DialogFlow, type Turn } from '../dialog.js';
import { text, type Session } from '../session.js';
import { pickPerson } from './pick-person.js';
import { buttonLabel } from '../../views/labels.js';

export function startReview(s: Session, signalId: number, decision: 'CONFIRMED' | 'DISMISSED'): Turn {
  return {
    replies: [ask(s, s.t(decision === 'CONFIRMED' ? 'signal-confirm-ask' : 'signal-dismiss-ask'))],
    next: state('signal-review', 'reason', { id: signalId, decision }),
  };
}

export const reviewFlow: DialogFlow = {
  name: 'signal-review',
  async step(s, st, input) {
    const d = st.data as { id: number; decision: 'CONFIRMED' | 'DISMISSED' };
    const raw = textOf(input);
    if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    const signal = await reviewSignal(s.app, s.officialId, d.id, d.decision, raw);
    const org = await s.app.org();
    const who = personLabel(s.t, org.official(OfficialId(signal.officialId)));
    return { replies: [text(s.t(d.decision === 'CONFIRMED' ? 'signal-confirmed-reply' : 'signal-dismissed-reply', { who }))], next: null };
  },
};

export function startSignalExplain(s: Session, signalId: number): Turn {
  return { replies: [ask(s, s.t('signal-explain-ask'))], next: state('signal-explain', 'text', { id: signalId }) };
}

export const signalExplainFlow: DialogFlow = {
  name: 'signal-explain',
  async step(s, st, input) {
    const raw = textOf(input);
    if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    await explainSignal(s.app, s.officialId, (st.data as { id: number }).id, raw);
    return { replies: [text(s.t('signal-explained-reply'))], next: null };
  },
};

const RECORD = 'signal-record';

export async function startRecord(s: Session): Promise<Turn> {
  if (reviewablePeople(await s.app.org(), s.officialId).length === 0) throw new DomainError('signals-not-head');
  return { replies: [ask(s, s.t('signal-record-who'))], next: state(RECORD, 'who', {}) };
}

function behaviourChoices(s: Session) {
  return MANUAL_BEHAVIOURS.map((b) => [{ label: buttonLabel(`(${b}) ${s.t(`behaviour-short-${b}`)}`), value: `b${b}` }]);
}

export const recordFlow: DialogFlow = {
  name: RECORD,
  async step(s, st, input) {
    const d = st.data as { personId?: number; behaviour?: number; item?: { kind: 'TASK' | 'CONSULTATION'; id: number } | null };
    const org = await s.app.org();
    switch (st.step) {
      case 'who': {
        const picked = pickPerson(s, input, reviewablePeople(org, s.officialId));
        if ('reply' in picked) return { replies: [picked.reply], next: st };
        return { replies: [ask(s, s.t('signal-record-behaviour', { who: personLabel(s.t, picked.chosen) }), behaviourChoices(s))], next: state(RECORD, 'behaviour', { personId: picked.chosen.id }) };
      }
      case 'behaviour': {
        const b = input.kind === 'pick' && /^b\d{1,2}$/.test(input.value) ? Number(input.value.slice(1)) : NaN;
        if (!(MANUAL_BEHAVIOURS as readonly number[]).includes(b)) return { replies: [ask(s, s.t('dialog-pick-invalid'), behaviourChoices(s))], next: st };
        return { replies: [ask(s, s.t('signal-record-item'), [[{ label: s.t('btn-skip'), value: 'skip' }]])], next: state(RECORD, 'item', { ...d, behaviour: b }) };
      }
      case 'item': {
        let item: { kind: 'TASK' | 'CONSULTATION'; id: number } | null = null;
        if (!(input.kind === 'pick' && input.value === 'skip')) {
          const raw = textOf(input)?.trim() ?? '';
          const code = parseItemCode(raw);
          if (code?.prefix === 'NV') {
            const task = await findTaskByCode(s.app.db, `NV-${code.year}-${String(code.seq).padStart(4, '0')}`);
            if (!task) throw new DomainError('task-not-found');
            item = { kind: 'TASK', id: task.id };
          } else if (code?.prefix === 'YK') {
            const c = await findConsultationByCode(s.app.db, raw);
            if (!c) throw new DomainError('consult-not-found');
            item = { kind: 'CONSULTATION', id: c.id };
          } else {
            return { replies: [ask(s, s.t('consult-link-unreadable'), [[{ label: s.t('btn-skip'), value: 'skip' }]])], next: st };
          }
        }
        return { replies: [ask(s, s.t('signal-record-note'))], next: state(RECORD, 'note', { ...d, item }) };
      }
      case 'note': {
        const raw = textOf(input);
        if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
        const signal = await recordManualSignal(s.app, s.officialId, { personId: OfficialId(d.personId ?? 0), behaviour: d.behaviour ?? 0, note: raw, item: d.item ?? undefined });
        return { replies: [text(s.t('signal-recorded-reply', { behaviour: signal.behaviour, who: personLabel(s.t, org.official(OfficialId(signal.officialId))) }))], next: null };
      }
      default:
        return { replies: [text(s.t('dialog-expired'))], next: null };
    }
  },
};
