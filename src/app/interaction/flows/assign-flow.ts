// /giaoviec: person → job → result → deadline → priority → confirm (PRODUCT.md §6; "5 rõ" of §1).
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.js';
import { OfficialId } from '../../../domain/ids.js';
import { PRIORITIES, type Priority } from '../../../domain/priority.js';
import { RESULT_RULE, TITLE_RULE } from '../../../domain/task/five-clear.js';
import { parseDeadline } from '../../../domain/text/deadline-parser.js';
import { requireText, type TextRule } from '../../../domain/text/field.js';
import { fold } from '../../../domain/text/normalize.js';
import { assignTask } from '../../tasks/assign-task.js';
import { nameOf, personLabel } from '../../views/people.js';
import { ask, defineFlow, textOf, type DialogInput, type Turn } from '../dialog.js';
import { text, type Session } from '../session.js';
import { pickPerson } from './pick-person.js';

const FLOW = 'assign';

const PRIORITY_WORDS: Record<string, Priority> = {
  khan: 'URGENT',
  urgent: 'URGENT',
  '1': 'URGENT',
  'hoa toc': 'URGENT',
  'uu tien': 'HIGH',
  cao: 'HIGH',
  high: 'HIGH',
  '2': 'HIGH',
  'quan trong': 'HIGH',
  thuong: 'NORMAL',
  normal: 'NORMAL',
  '3': 'NORMAL',
  'binh thuong': 'NORMAL',
};

export function readPriority(input: DialogInput): Priority | undefined {
  if (input.kind === 'pick') return (PRIORITIES as readonly string[]).includes(input.value) ? (input.value as Priority) : undefined;
  const t = textOf(input);
  return t === undefined ? undefined : PRIORITY_WORDS[fold(t)];
}

export function priorityChoices(s: Session) {
  return [PRIORITIES.map((p) => ({ label: s.t(`btn-priority-${p}`), value: p }))];
}

/** What the flow has gathered so far; each step adds one answer. */
const AssignData = z.object({
  assigneeId: z.number().int().positive().optional(),
  title: z.string().optional(),
  result: z.string().optional(),
  deadline: z.iso.datetime().optional(),
  priority: z.enum(PRIORITIES).optional(),
});
type AssignData = z.infer<typeof AssignData>;

/** Start: the first answer may come with the command (`/giaoviec nguyen van a`). */
export async function startAssign(s: Session, query: string): Promise<Turn> {
  const org = await s.app.org();
  if (org.assignableBy(s.officialId).length === 0) throw new DomainError('assign-nobody');
  const initial = assignFlow.at('who', {});
  if (query.trim()) return assignFlow.step(s, initial, { kind: 'text', text: query });
  return { replies: [ask(s, s.t('assign-step-who'))], next: initial };
}

/** The answer to a text step, checked by the rule the task itself will be checked by ("5 rõ"). */
function answerText(s: Session, input: DialogInput, rule: TextRule): string | Turn {
  const raw = textOf(input);
  if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: null };
  return requireText(raw, rule);
}

async function assigneeLabel(s: Session, d: AssignData): Promise<string> {
  return personLabel(s.t, (await s.app.org()).official(OfficialId(d.assigneeId ?? 0)));
}

const confirmChoice = (s: Session) => [[{ label: s.t('btn-assign-confirm'), value: 'yes' }]];

export const assignFlow = defineFlow({
  name: FLOW,
  data: AssignData,
  steps: {
    async who(s, d, input, { stay, at }) {
      const picked = pickPerson(s, input, (await s.app.org()).assignableBy(s.officialId));
      if ('reply' in picked) return { replies: [picked.reply], next: stay };
      const next = { ...d, assigneeId: picked.chosen.id };
      return { replies: [ask(s, s.t('assign-step-title', { who: await assigneeLabel(s, next) }))], next: at('title', next) };
    },
    async title(s, d, input, { stay, at }) {
      const title = answerText(s, input, TITLE_RULE);
      if (typeof title !== 'string') return { ...title, next: stay };
      return { replies: [ask(s, s.t('assign-step-result'))], next: at('result', { ...d, title }) };
    },
    async result(s, d, input, { stay, at }) {
      const result = answerText(s, input, RESULT_RULE);
      if (typeof result !== 'string') return { ...result, next: stay };
      return { replies: [ask(s, s.t('assign-step-deadline'))], next: at('deadline', { ...d, result }) };
    },
    async deadline(s, d, input, { stay, at }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const parsed = parseDeadline(raw, { now: s.app.time.now(), calendar: await s.app.calendar(), maxYearsAhead: s.app.policy.maxDeadlineYears });
      if (!parsed.ok) throw new DomainError(parsed.error, parsed.args);
      return { replies: [ask(s, s.t('assign-step-priority'), priorityChoices(s))], next: at('priority', { ...d, deadline: parsed.deadline.toISOString() }) };
    },
    async priority(s, d, input, { stay, at }) {
      const priority = readPriority(input);
      if (!priority) return { replies: [ask(s, s.t('priority-unreadable'), priorityChoices(s))], next: stay };
      const summary = s.t('assign-confirm', {
        who: await assigneeLabel(s, d),
        title: s.v.quote(d.title ?? ''),
        result: s.v.block(d.result ?? ''),
        deadline: s.v.dateTime(new Date(d.deadline!)),
        priority: s.t(`priority-${priority}`),
      });
      return { replies: [ask(s, summary, confirmChoice(s))], next: at('confirm', { ...d, priority }) };
    },
    async confirm(s, d, input, { stay }) {
      if (input.kind !== 'pick' || input.value !== 'yes') return { replies: [ask(s, s.t('dialog-pick-invalid'), confirmChoice(s))], next: stay };
      const r = await assignTask(s.app, s.officialId, {
        assigneeId: d.assigneeId === undefined ? null : OfficialId(d.assigneeId),
        title: d.title ?? '',
        expectedResult: d.result ?? '',
        deadline: d.deadline ? new Date(d.deadline) : null,
        priority: d.priority ?? null,
      });
      const replies = [text(s.t('task-assigned-reply', { code: r.task.code, who: await assigneeLabel(s, d), acceptBy: s.v.dateTime(r.acceptBy) }))];
      const org = await s.app.org();
      if (!r.notified) replies.push(text(s.t('task-assigned-unreachable', { name: nameOf(org.official(r.task.assigneeId)) })));
      return { replies, next: null };
    },
  },
});
