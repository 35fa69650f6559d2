// The dialogs of consultations: /xinykien step by step, a stance's reason, a clarifying question and its reply,
// the decision, a new round, a hand-over to a deputy, and which consultation a free text belongs to.
import { z } from 'zod';
import { CONSULT_LIMITS, deputiesOf, QUESTION_RULE, SUBJECT_RULE } from '../../../domain/consultation/rules.js';
import { DomainError } from '../../../domain/errors.js';
import { OfficialId } from '../../../domain/ids.js';
import { mayReach, taskParties } from '../../../domain/org/reach.js';
import { PRIORITIES, type Priority } from '../../../domain/priority.js';
import { parseDeadline } from '../../../domain/text/deadline-parser.js';
import { requireText, type TextRule } from '../../../domain/text/field.js';
import { parseItemCode } from '../../../domain/task/types.js';
import { answerConsultation, askClarification, delegateAnswer, recordFreeText, replyClarification } from '../../consultations/answer.js';
import { askForOpinion, defaultAnswerDeadline, type AskResult } from '../../consultations/ask.js';
import { closeConsultation } from '../../consultations/close.js';
import { loadConsultationOrFail } from '../../consultations/shared.js';
import { stanceButtons, stanceLabel } from '../../views/consultation-views.js';
import { nameOf, personLabel } from '../../views/people.js';
import { ask, defineFlow, textOf, type DialogInput, type Turn } from '../dialog.js';
import { text, type Session } from '../session.js';
import { priorityChoices, readPriority } from './assign-flow.js';
import { pickPerson } from './pick-person.js';
import { buttonLabel } from '../../views/labels.js';
import { dynamicKey } from '../../../i18n/catalogue.js';

const ASK = 'consult-ask';

const ID = z.number().int().positive();

/** What /xinykien has gathered so far; the link (a task, or the consultation this is a new round of) is optional. */
const AskData = z.object({
  ids: z.array(ID),
  subject: z.string().optional(),
  question: z.string().optional(),
  priority: z.enum(PRIORITIES).optional(),
  deadline: z.iso.datetime().optional(),
  taskId: ID.optional(),
  previousId: ID.optional(),
  link: z.string().optional(),
});
type AskData = z.infer<typeof AskData>;

/** The answer to a text step, checked by the rule the consultation itself will be checked by. */
function needText(input: DialogInput, rule: TextRule): string | undefined {
  const raw = textOf(input);
  return raw === undefined ? undefined : requireText(raw, rule);
}

async function names(s: Session, ids: readonly number[]): Promise<string> {
  const org = await s.app.org();
  return ids.map((id) => nameOf(org.official(OfficialId(id)))).join(', ');
}

async function deadlineStep(s: Session, priority: Priority, key = 'consult-step-deadline'): Promise<ReturnType<typeof ask>> {
  const def = s.v.dateTime(await defaultAnswerDeadline(s.app, priority));
  return ask(s, s.t(dynamicKey(key), { deadline: def }), [[{ label: s.t('btn-default-deadline', { deadline: def }), value: 'default' }]]);
}

async function readDeadline(s: Session, input: DialogInput, priority: Priority): Promise<Date | undefined> {
  if (input.kind === 'pick' && input.value === 'default') return defaultAnswerDeadline(s.app, priority);
  const raw = textOf(input);
  if (raw === undefined) return undefined;
  const parsed = parseDeadline(raw, { now: s.app.time.now(), calendar: await s.app.calendar(), maxYearsAhead: s.app.policy.maxDeadlineYears });
  if (!parsed.ok) throw new DomainError(parsed.error, parsed.args);
  return parsed.deadline;
}

function sentReplies(s: Session, r: AskResult, org: Awaited<ReturnType<Session['app']['org']>>): Turn['replies'] {
  const replies = [
    text(s.t('consult-asked-reply', { code: r.consultation.code, count: r.respondents.length, deadline: s.v.dateTime(r.consultation.deadline) })),
  ];
  if (r.unreachable.length > 0) replies.push(text(s.t('consult-asked-unreachable', { names: r.unreachable.map((id) => nameOf(org.official(id))).join(', ') })));
  return replies;
}

/** /xinykien [name]: the first answer may come with the command. */
export async function startAsk(s: Session, query: string): Promise<Turn> {
  const initial = askFlow.at('who', { ids: [] });
  if (query.trim()) return askFlow.step(s, initial, { kind: 'text', text: query });
  return { replies: [ask(s, s.t('consult-step-who'))], next: initial };
}

type Org = Awaited<ReturnType<Session['app']['org']>>;
type AskLink = Pick<AskData, 'taskId' | 'previousId' | 'link'>;

/** The optional link typed at the 'link' step: a task code, or the code of a consultation of one's own; null: unreadable. */
async function readLink(s: Session, org: Org, input: DialogInput): Promise<AskLink | null> {
  if ((input.kind === 'pick' && input.value === 'skip') || input.kind === 'skip') return {};
  const raw = textOf(input)?.trim() ?? '';
  const code = parseItemCode(raw);
  if (!code || code.prefix === 'GT') return null;
  if (code.prefix === 'NV') {
    const task = await s.app.stores.tasks.findByCode(`NV-${code.year}-${String(code.seq).padStart(4, '0')}`);
    if (!task) throw new DomainError('task-not-found');
    if (!mayReach(org, s.officialId, taskParties(task))) throw new DomainError('task-not-visible');
    return { taskId: task.id, link: task.code };
  }
  const prev = await s.app.stores.consultations.findByCode(raw);
  if (!prev) throw new DomainError('consult-not-found');
  if (prev.askerId !== s.officialId) throw new DomainError('consult-not-asker', { code: prev.code });
  return { previousId: prev.id, link: s.t('consult-link-round', { code: prev.code, round: prev.round + 1 }) };
}

const skipChoice = (s: Session) => [[{ label: s.t('btn-skip'), value: 'skip' }]];
const sendChoice = (s: Session) => [[{ label: s.t('btn-send-consult'), value: 'yes' }]];

export const askFlow = defineFlow({
  name: ASK,
  data: AskData,
  steps: {
    async who(s, d, input, { stay, at }) {
      const done = [{ label: s.t('btn-done'), value: 'done' }];
      if (input.kind === 'pick' && input.value === 'done') {
        if (d.ids.length === 0) return { replies: [ask(s, s.t('consult-step-who'))], next: stay };
        return { replies: [ask(s, s.t('consult-step-subject'))], next: at('subject', { ...d }) };
      }
      const org = await s.app.org();
      const candidates = org.activeOfficials().filter((o) => o.id !== s.officialId && !d.ids.includes(o.id));
      const picked = pickPerson(s, input, candidates);
      if ('reply' in picked) {
        return { replies: [d.ids.length > 0 ? withDone(s, picked.reply) : picked.reply], next: stay };
      }
      if (d.ids.length >= CONSULT_LIMITS.respondents) throw new DomainError('consult-too-many', { max: CONSULT_LIMITS.respondents });
      const ids = [...d.ids, picked.chosen.id];
      return { replies: [ask(s, s.t('consult-who-added', { names: await names(s, ids) }), [done])], next: at('who', { ...d, ids }) };
    },
    async subject(s, d, input, { stay, at }) {
      const subject = needText(input, SUBJECT_RULE);
      if (subject === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      return { replies: [ask(s, s.t('consult-step-question'))], next: at('question', { ...d, subject }) };
    },
    async question(s, d, input, { stay, at }) {
      const question = needText(input, QUESTION_RULE);
      if (question === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      return { replies: [ask(s, s.t('consult-step-priority'), priorityChoices(s))], next: at('priority', { ...d, question }) };
    },
    async priority(s, d, input, { stay, at }) {
      const priority = readPriority(input);
      if (!priority) return { replies: [ask(s, s.t('priority-unreadable'), priorityChoices(s))], next: stay };
      return { replies: [await deadlineStep(s, priority)], next: at('deadline', { ...d, priority }) };
    },
    async deadline(s, d, input, { stay, at }) {
      const deadline = await readDeadline(s, input, d.priority ?? 'NORMAL');
      if (!deadline) return { replies: [await deadlineStep(s, d.priority ?? 'NORMAL')], next: stay };
      if (deadline.getTime() <= s.app.time.now().getTime()) throw new DomainError('deadline-in-past');
      return { replies: [ask(s, s.t('consult-step-link'), skipChoice(s))], next: at('link', { ...d, deadline: deadline.toISOString() }) };
    },
    async link(s, d, input, { stay, at }) {
      const linked = await readLink(s, await s.app.org(), input);
      if (!linked) return { replies: [ask(s, s.t('consult-link-unreadable'), skipChoice(s))], next: stay };
      const { taskId: _t, previousId: _p, link: _l, ...rest } = d;
      const next: AskData = { ...rest, ...linked };
      const lines = [
        s.t('consult-confirm', {
          names: await names(s, d.ids),
          subject: s.v.quote(d.subject ?? ''),
          question: s.v.block(d.question ?? '', 1000),
          deadline: s.v.dateTime(new Date(d.deadline!)),
          priority: s.t(`priority-${d.priority ?? 'NORMAL'}`),
        }),
      ];
      if (next.link) lines.push(s.t('consult-confirm-link', { link: next.link }));
      return { replies: [ask(s, lines.join('\n'), sendChoice(s))], next: at('confirm', next) };
    },
    async confirm(s, d, input, { stay }) {
      if (input.kind !== 'pick' || input.value !== 'yes') return { replies: [ask(s, s.t('dialog-pick-invalid'), sendChoice(s))], next: stay };
      const r = await askForOpinion(s.app, s.officialId, {
        respondentIds: d.ids.map(OfficialId),
        subject: d.subject ?? '',
        question: d.question ?? '',
        deadline: d.deadline ? new Date(d.deadline) : null,
        priority: d.priority ?? null,
        taskId: d.taskId ?? null,
        previousId: d.previousId ?? null,
      });
      return { replies: sentReplies(s, r, await s.app.org()), next: null };
    },
  },
});

/** A "Xong" button above the search answer once someone is chosen. */
function withDone(s: Session, reply: ReturnType<typeof ask>): ReturnType<typeof ask> {
  const cancel = reply.buttons?.at(-1) ?? [];
  const choices = (reply.buttons ?? []).slice(0, -1);
  const done = ask(s, reply.text, [[{ label: s.t('btn-done'), value: 'done' }]]).buttons![0]!;
  return { text: reply.text, buttons: [...choices, done, cancel] };
}

// ─── New round: the same matter, respondents and priority; a new question and deadline ─────────────

const ROUND = 'consult-round';

export async function startRound(s: Session, consultationId: number): Promise<Turn> {
  const file = await loadConsultationOrFail(s.app, consultationId);
  const c = file.consultation;
  if (c.askerId !== s.officialId) throw new DomainError('consult-not-asker', { code: c.code });
  const next = await s.app.stores.consultations.nextRoundOf(undefined, c.id);
  if (next) throw new DomainError('consult-round-exists', { code: c.code, next: next.code });
  if (c.status === 'SUPERSEDED') throw new DomainError('consult-closed', { code: c.code });
  const who = await names(
    s,
    file.respondents.map((r) => r.officialId),
  );
  return {
    replies: [ask(s, s.t('consult-round-ask', { round: c.round + 1, subject: s.v.quote(c.subject, 200), code: c.code, names: who }))],
    next: roundFlow.at('question', { id: c.id }),
  };
}

export const roundFlow = defineFlow({
  name: ROUND,
  data: z.object({ id: ID, question: z.string().optional() }),
  steps: {
    async question(s, d, input, { stay, at }) {
      const c = (await loadConsultationOrFail(s.app, d.id)).consultation;
      const question = needText(input, QUESTION_RULE);
      if (question === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      return { replies: [await deadlineStep(s, c.priority, 'consult-round-deadline')], next: at('deadline', { ...d, question }) };
    },
    async deadline(s, d, input, { stay }) {
      const file = await loadConsultationOrFail(s.app, d.id);
      const c = file.consultation;
      const deadline = await readDeadline(s, input, c.priority);
      if (!deadline) return { replies: [await deadlineStep(s, c.priority, 'consult-round-deadline')], next: stay };
      const r = await askForOpinion(s.app, s.officialId, {
        respondentIds: file.respondents.map((x) => x.officialId),
        subject: c.subject,
        question: d.question ?? '',
        deadline,
        priority: c.priority,
        taskId: c.taskId,
        previousId: c.id,
      });
      return { replies: sentReplies(s, r, await s.app.org()), next: null };
    },
  },
});

// ─── A stance that needs text, a clarifying question, the asker's reply, the decision ──────────────

/** The stances that need a reason typed after the button. */
const TEXT_STANCES = ['DISAGREE', 'AGREE_WITH_AMENDMENTS'] as const;
type TextStance = (typeof TEXT_STANCES)[number];
const STANCE_ASK: Record<TextStance, 'consult-ask-disagree' | 'consult-ask-amend'> = {
  DISAGREE: 'consult-ask-disagree',
  AGREE_WITH_AMENDMENTS: 'consult-ask-amend',
};

export function startStanceText(s: Session, code: string, consultationId: number, stance: TextStance, forId?: number): Turn {
  return { replies: [ask(s, s.t(STANCE_ASK[stance], { code }))], next: stanceFlow.at('text', { id: consultationId, stance, ...(forId ? { forId } : {}) }) };
}

export async function answeredReply(s: Session, r: Awaited<ReturnType<typeof answerConsultation>>): Promise<Turn['replies']> {
  const c = r.file.consultation;
  const org = await s.app.org();
  const stance = stanceLabel(s.t, r.respondent.stance);
  if (r.role === 'deputy')
    return [text(s.t('consult-answer-reply-deputy', { code: c.code, stance, head: personLabel(s.t, org.official(r.respondent.officialId)) }))];
  return [text(s.t(r.previous ? 'consult-answer-changed-reply' : 'consult-answer-reply', { code: c.code, stance }))];
}

export const stanceFlow = defineFlow({
  name: 'consult-stance',
  data: z.object({ id: ID, stance: z.enum(TEXT_STANCES), forId: ID.optional() }),
  steps: {
    async text(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const r = await answerConsultation(s.app, s.officialId, d.id, d.stance, raw, d.forId);
      return { replies: await answeredReply(s, r), next: null };
    },
  },
});

export function startClarify(s: Session, code: string, consultationId: number, forId?: number): Turn {
  return { replies: [ask(s, s.t('consult-clarify-ask', { code }))], next: clarifyFlow.at('text', { id: consultationId, ...(forId ? { forId } : {}) }) };
}

export const clarifyFlow = defineFlow({
  name: 'consult-clarify',
  data: z.object({ id: ID, forId: ID.optional() }),
  steps: {
    async text(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const r = await askClarification(s.app, s.officialId, d.id, raw, d.forId);
      return {
        replies: [text(s.t('consult-clarify-reply', { code: r.file.consultation.code, deadline: s.v.dateTime(r.file.consultation.deadline) }))],
        next: null,
      };
    },
  },
});

export function startReply(s: Session, code: string, who: string, consultationId: number, officialId: number): Turn {
  return { replies: [ask(s, s.t('consult-reply-ask', { code, who }))], next: replyFlow.at('text', { id: consultationId, oid: officialId }) };
}

export const replyFlow = defineFlow({
  name: 'consult-reply',
  data: z.object({ id: ID, oid: ID }),
  steps: {
    async text(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const r = await replyClarification(s.app, s.officialId, d.id, d.oid, raw);
      const org = await s.app.org();
      return { replies: [text(s.t('consult-reply-sent', { who: personLabel(s.t, org.official(r.to)), code: r.file.consultation.code }))], next: null };
    },
  },
});

export function startClose(s: Session, code: string, consultationId: number): Turn {
  return { replies: [ask(s, s.t('consult-close-ask', { code }))], next: closeFlow.at('text', { id: consultationId }) };
}

export const closeFlow = defineFlow({
  name: 'consult-close',
  data: z.object({ id: ID }),
  steps: {
    async text(s, d, input, { stay }) {
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const r = await closeConsultation(s.app, s.officialId, d.id, raw);
      return { replies: [text(s.t('consult-closed-reply', { code: r.file.consultation.code, count: r.file.respondents.length }))], next: null };
    },
  },
});

// ─── A head hands the answer to a deputy ───────────────────────────────────────────────────────────

export async function startDelegate(s: Session, consultationId: number): Promise<Turn> {
  const file = await loadConsultationOrFail(s.app, consultationId);
  const c = file.consultation;
  const own = file.respondents.find((r) => r.officialId === s.officialId);
  if (!own) throw new DomainError('consult-not-respondent', { code: c.code });
  if (c.status !== 'OPEN') throw new DomainError('consult-closed', { code: c.code });
  if (own.stance) throw new DomainError('consult-already-answered', { code: c.code });
  const deputies = deputiesOf(await s.app.org(), s.officialId);
  if (deputies.length === 0) throw new DomainError('consult-delegate-none');
  return {
    replies: [
      ask(
        s,
        s.t('consult-delegate-pick', { code: c.code }),
        deputies.map((o) => [{ label: buttonLabel(personLabel(s.t, o)), value: `o${o.id}` }]),
      ),
    ],
    next: delegateFlow.at('who', { id: c.id }),
  };
}

export const delegateFlow = defineFlow({
  name: 'consult-delegate',
  data: z.object({ id: ID }),
  steps: {
    async who(s, d, input, { stay }) {
      const picked = pickPerson(s, input, deputiesOf(await s.app.org(), s.officialId));
      if ('reply' in picked) return { replies: [picked.reply], next: stay };
      const r = await delegateAnswer(s.app, s.officialId, d.id, OfficialId(picked.chosen.id));
      return { replies: [text(s.t('consult-delegated-reply', { code: r.file.consultation.code, who: personLabel(s.t, picked.chosen) }))], next: null };
    },
  },
});

// ─── Text without a stance when several consultations wait for this person ────────────────────────

export const freeTextFlow = defineFlow({
  name: 'consult-free',
  data: z.object({ text: z.string() }),
  steps: {
    async pick(s, d, input, { stay }) {
      if (input.kind !== 'pick' || !/^c\d{1,9}$/.test(input.value)) return { replies: [ask(s, s.t('dialog-pick-invalid'))], next: stay };
      const r = await recordFreeText(s.app, s.officialId, Number(input.value.slice(1)), d.text);
      return { replies: [freeTextReply(s, r.file.consultation.code, r.file.consultation.id, r.respondent, r.file.consultation.deadline)], next: null };
    },
  },
});

export function freeTextReply(s: Session, code: string, consultationId: number, r: Parameters<typeof stanceButtons>[2], deadline: Date) {
  return text(s.t('consult-free-text-reply', { code, deadline: s.v.dateTime(deadline) }), stanceButtons(s.t, consultationId, r, { clarify: false }));
}
