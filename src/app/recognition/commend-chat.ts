// /bieuduong [tên] (/commend): a head commends someone they oversee, step by step; "Khen" on the confirmation of a
// completed task (praise.task) asks only for the text.
import type { RouterResult } from '../ports/channel.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { mayCommend } from '../../domain/recognition/commendation.js';
import { idArg, type Action } from '../actions.js';
import { ask, persistTurn, state, textOf, type DialogFlow, type Turn } from '../interaction/dialog.js';
import { pickPerson } from '../interaction/flows/pick-person.js';
import { text, type Session } from '../interaction/session.js';
import { nameOf, personLabel } from '../views/people.js';
import { commend } from './commend.js';

const FLOW = 'commend';

async function askText(s: Session, officialId: number, taskId: number | null, code?: string): Promise<Turn> {
  const org = await s.app.org();
  const who = personLabel(s.t, org.official(OfficialId(officialId)));
  return {
    replies: [ask(s, s.t(code ? 'commend-step-text-item' : 'commend-step-text', { who, code: code ?? '' }))],
    next: state(FLOW, 'text', { officialId, taskId }),
  };
}

export async function commendCommand(s: Session, args: string): Promise<RouterResult> {
  const me = s.official;
  if (!me.isAdmin && me.role !== 'HEAD' && me.role !== 'DEPUTY') return { replies: [text(s.t('commend-not-allowed'))] };
  const initial = state(FLOW, 'who', {});
  if (args.trim()) return { replies: await persistTurn(s, await commendFlow.step(s, initial, { kind: 'text', text: args })) };
  return { replies: await persistTurn(s, { replies: [ask(s, s.t('commend-step-who'))], next: initial }) };
}

export async function handlePraiseAction(s: Session, action: Action): Promise<RouterResult | undefined> {
  if (action.verb !== 'praise.task') return undefined;
  const id = idArg(action);
  if (id === undefined) return { replies: [text(s.t('error-malformed-action'))] };
  const task = await s.app.stores.recognition.task(id);
  if (!task) return { replies: [text(s.t('task-not-found'))] };
  const org = await s.app.org();
  if (!mayCommend(org, s.officialId, OfficialId(task.assigneeId))) return { replies: [text(s.t('commend-out-of-reach'))] };
  return { replies: await persistTurn(s, await askText(s, task.assigneeId, task.id, task.code)) };
}

export const commendFlow: DialogFlow = {
  name: FLOW,
  async step(s, st, input) {
    const org = await s.app.org();
    if (st.step === 'who') {
      const candidates = org.activeOfficials().filter((o) => mayCommend(org, s.officialId, o.id));
      if (candidates.length === 0) throw new DomainError('commend-out-of-reach');
      const picked = pickPerson(s, input, candidates);
      if ('reply' in picked) return { replies: [picked.reply], next: st };
      return askText(s, picked.chosen.id, null);
    }
    const raw = textOf(input);
    if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    const officialId = OfficialId(Number(st.data.officialId));
    const taskId = st.data.taskId ? Number(st.data.taskId) : null;
    await commend(s.app, s.officialId, { officialId, text: raw, taskId });
    return { replies: [text(s.t('commend-done', { who: nameOf(org.official(officialId)) }))], next: null };
  },
};
