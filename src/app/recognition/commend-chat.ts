// /bieuduong [tên] (/commend): a head commends someone they oversee, step by step; "Khen" on the confirmation of a
// completed task (praise.task) asks only for the text.
import type { RouterResult } from '../ports/channel.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { mayCommend } from '../../domain/recognition/commendation.js';
import { z } from 'zod';
import { idArg } from '../actions.js';
import type { FeatureActions } from '../interaction/action-table.js';
import { ask, defineFlow, flowReply, textOf, type Turn } from '../interaction/dialog.js';
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
    next: commendFlow.at('text', { officialId, taskId }),
  };
}

export async function commendCommand(s: Session, args: string): Promise<RouterResult> {
  const me = s.official;
  if (!me.isAdmin && me.role !== 'HEAD' && me.role !== 'DEPUTY') return { replies: [text(s.t('commend-not-allowed'))] };
  const initial = commendFlow.at('who', {});
  if (args.trim()) return flowReply(s, commendFlow.step(s, initial, { kind: 'text', text: args }));
  return flowReply(s, { replies: [ask(s, s.t('commend-step-who'))], next: initial });
}

/** "Khen" on a completed task: only the text is asked, the task named with the commendation. */
export const PRAISE_ACTIONS = {
  'praise.task': async (s, action) => {
    const id = idArg(action);
    if (id === undefined) return { replies: [text(s.t('error-malformed-action'))] };
    const task = await s.app.stores.recognition.task(id);
    if (!task) return { replies: [text(s.t('task-not-found'))] };
    const org = await s.app.org();
    if (!mayCommend(org, s.officialId, OfficialId(task.assigneeId))) return { replies: [text(s.t('commend-out-of-reach'))] };
    return flowReply(s, askText(s, task.assigneeId, task.id, task.code));
  },
} satisfies FeatureActions;

const ID = z.number().int().positive();

export const commendFlow = defineFlow({
  name: FLOW,
  /** Whom to commend, once chosen, and the task it is for (none from /bieuduong). */
  data: z.object({ officialId: ID.optional(), taskId: ID.nullable().optional() }),
  steps: {
    async who(s, _d, input, { stay }) {
      const org = await s.app.org();
      const candidates = org.activeOfficials().filter((o) => mayCommend(org, s.officialId, o.id));
      if (candidates.length === 0) throw new DomainError('commend-out-of-reach');
      const picked = pickPerson(s, input, candidates);
      if ('reply' in picked) return { replies: [picked.reply], next: stay };
      return askText(s, picked.chosen.id, null);
    },
    async text(s, d, input, { stay }) {
      const org = await s.app.org();
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const officialId = OfficialId(d.officialId ?? 0);
      await commend(s.app, s.officialId, { officialId, text: raw, taskId: d.taskId ?? null });
      return { replies: [text(s.t('commend-done', { who: nameOf(org.official(officialId)) }))], next: null };
    },
  },
});
