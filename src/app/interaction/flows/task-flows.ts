// The short flows a task button starts: a reason, a new date, a progress report, a result, a new assignee.
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.js';
import { OfficialId, TaskId } from '../../../domain/ids.js';
import { parseDeadline } from '../../../domain/text/deadline-parser.js';
import { fromStates } from '../../../domain/task/task-state.js';
import type { Task } from '../../../domain/task/types.js';
import { cancelTask, reassignTask } from '../../tasks/assigner-decisions.js';
import { declineTask, requestExtension } from '../../tasks/respond-to-task.js';
import { completeTask, reopenTask, reportProgress, type Evidence } from '../../tasks/work-on-task.js';
import { personLabel } from '../../views/people.js';
import { workButtons } from '../../views/task-views.js';
import { ask, defineFlow, textOf, type DialogInput, type Turn } from '../dialog.js';
import { text, type Session } from '../session.js';
import { pickPerson } from './pick-person.js';
import { buttonLabel } from '../../views/labels.js';
import { dynamicKey } from '../../../i18n/catalogue.js';

async function taskOf(s: Session, id: number | undefined): Promise<Task> {
  const task = id === undefined ? undefined : await s.app.stores.tasks.find(id);
  if (!task) throw new DomainError('task-not-found');
  return task;
}

function evidenceOf(s: Session, input: DialogInput): Evidence | undefined {
  return input.kind === 'file' ? { channel: s.channel, file: input.file } : undefined;
}

// ─── Reasons: decline, reopen, cancel ───────────────────────────────────────

const REASON_PURPOSES = ['decline', 'reopen', 'cancel'] as const;
type ReasonPurpose = (typeof REASON_PURPOSES)[number];
const ASK_REASON: Record<ReasonPurpose, string> = { decline: 'task-decline-ask-reason', reopen: 'task-reopen-ask-reason', cancel: 'task-cancel-ask-reason' };

/** What each purpose does with the reason, and the reply it gives. */
const WITH_REASON: Record<ReasonPurpose, { act: typeof declineTask; reply: 'task-declined-reply' | 'task-reopened-reply' | 'task-cancelled-reply' }> = {
  decline: { act: declineTask, reply: 'task-declined-reply' },
  reopen: { act: reopenTask, reply: 'task-reopened-reply' },
  cancel: { act: cancelTask, reply: 'task-cancelled-reply' },
};

const TASK_ID = z.number().int().positive();
const DEADLINE = z.iso.datetime();

export function startReason(s: Session, purpose: ReasonPurpose, task: Task): Turn {
  return { replies: [ask(s, s.t(dynamicKey(ASK_REASON[purpose]), { code: task.code }))], next: reasonFlow.at('reason', { purpose, taskId: task.id }) };
}

export const reasonFlow = defineFlow({
  name: 'reason',
  data: z.object({ purpose: z.enum(REASON_PURPOSES), taskId: TASK_ID }),
  steps: {
    async reason(s, { purpose, taskId }, input, { stay }) {
      const reason = textOf(input);
      if (reason === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const { act, reply } = WITH_REASON[purpose];
      const task = await act(s.app, s.officialId, TaskId(taskId), reason);
      return { replies: [text(s.t(reply, { code: task.code }))], next: null };
    },
  },
});

// ─── Extension: new date, then reason ───────────────────────────────────────

export function startExtension(s: Session, task: Task): Turn {
  return {
    replies: [ask(s, s.t('task-extend-ask-date', { code: task.code, deadline: s.v.dateTime(task.deadline) }))],
    next: extensionFlow.at('date', { taskId: task.id }),
  };
}

export const extensionFlow = defineFlow({
  name: 'extension',
  data: z.object({ taskId: TASK_ID, deadline: DEADLINE.optional() }),
  steps: {
    async date(s, d, input, { stay, at }) {
      const task = await taskOf(s, d.taskId);
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const parsed = parseDeadline(raw, { now: s.app.time.now(), calendar: await s.app.calendar(), maxYearsAhead: s.app.policy.maxDeadlineYears });
      if (!parsed.ok) throw new DomainError(parsed.error, parsed.args);
      if (parsed.deadline.getTime() <= task.deadline.getTime()) throw new DomainError('task-extend-not-later', { deadline: task.deadline });
      return { replies: [ask(s, s.t('task-extend-ask-reason'))], next: at('reason', { ...d, deadline: parsed.deadline.toISOString() }) };
    },
    async reason(s, d, input, { stay }) {
      const task = await taskOf(s, d.taskId);
      const raw = textOf(input);
      if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const newDeadline = new Date(d.deadline!);
      await requestExtension(s.app, s.officialId, task.id, newDeadline, raw);
      return { replies: [text(s.t('task-extend-reply', { code: task.code, deadline: s.v.dateTime(newDeadline) }))], next: null };
    },
  },
});

// ─── Progress report: task, percent, note (with optional evidence) ──────────

export async function startReport(s: Session, task: Task | undefined): Promise<Turn> {
  if (task) {
    return {
      replies: [ask(s, s.t('task-report-ask-percent', { code: task.code }), [[25, 50, 75].map((p) => ({ label: `${p}%`, value: String(p) }))])],
      next: reportFlow.at('percent', { taskId: task.id }),
    };
  }
  const mine = await s.app.stores.tasks.ofAssignee(s.officialId, fromStates('report-progress'), 8);
  if (mine.length === 0) return { replies: [text(s.t('task-report-none'))], next: null };
  if (mine.length === 1) return startReport(s, mine[0]);
  return {
    replies: [
      ask(
        s,
        s.t('task-report-pick'),
        mine.map((m) => [{ label: buttonLabel(`${m.code} · ${m.title}`), value: `t${m.id}` }]),
      ),
    ],
    next: reportFlow.at('pick', {}),
  };
}

export const reportFlow = defineFlow({
  name: 'report',
  data: z.object({ taskId: TASK_ID.optional(), percent: z.number().int().min(0).max(100).optional() }),
  steps: {
    async pick(s, _d, input, { stay }) {
      if (input.kind !== 'pick') return { replies: [ask(s, s.t('dialog-pick-invalid'))], next: stay };
      const task = await taskOf(s, Number(input.value.replace(/^t/, '')));
      if (task.assigneeId !== s.officialId) throw new DomainError('task-not-yours', { code: task.code });
      return startReport(s, task);
    },
    async percent(s, d, input, { stay, at }) {
      await taskOf(s, d.taskId);
      const raw = input.kind === 'pick' ? input.value : textOf(input)?.replace('%', '').trim();
      const percent = raw !== undefined && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (!(percent >= 0 && percent <= 100)) return { replies: [ask(s, s.t('report-percent-unreadable'))], next: stay };
      return { replies: [ask(s, s.t('task-report-ask-note'))], next: at('note', { ...d, percent }) };
    },
    async note(s, d, input) {
      const task = await taskOf(s, d.taskId);
      const note = textOf(input) ?? '';
      const done = await reportProgress(s.app, s.officialId, task.id, d.percent ?? 0, note, evidenceOf(s, input));
      return { replies: [text(s.t('task-report-reply', { code: done.code, percent: done.progressPercent }), workButtons(s.t, done))], next: null };
    },
  },
});

// ─── Completion: the result (with optional evidence) ────────────────────────

export function startComplete(s: Session, task: Task): Turn {
  return {
    replies: [ask(s, s.t('task-complete-ask-result', { code: task.code, result: s.v.quote(task.expectedResult, 200) }))],
    next: completeFlow.at('result', { taskId: task.id }),
  };
}

export const completeFlow = defineFlow({
  name: 'complete',
  data: z.object({ taskId: TASK_ID }),
  steps: {
    async result(s, d, input, { stay }) {
      const task = await taskOf(s, d.taskId);
      const result = textOf(input);
      if (result === undefined || result.trim() === '') return { replies: [ask(s, s.t('dialog-need-text'))], next: stay };
      const done = await completeTask(s.app, s.officialId, task.id, result, evidenceOf(s, input));
      return { replies: [text(s.t('task-completed-reply', { code: done.code }))], next: null };
    },
  },
});

// ─── Reassign after a decline ───────────────────────────────────────────────

export function startReassign(s: Session, task: Task): Turn {
  return { replies: [ask(s, s.t('task-reassign-ask', { code: task.code }))], next: reassignFlow.at('who', { taskId: task.id }) };
}

export const reassignFlow = defineFlow({
  name: 'reassign',
  data: z.object({ taskId: TASK_ID }),
  steps: {
    async who(s, d, input, { stay }) {
      const task = await taskOf(s, d.taskId);
      const org = await s.app.org();
      const candidates = org.assignableBy(s.officialId).filter((o) => o.id !== task.assigneeId);
      const picked = pickPerson(s, input, candidates);
      if ('reply' in picked) return { replies: [picked.reply], next: stay };
      const updated = await reassignTask(s.app, s.officialId, task.id, OfficialId(picked.chosen.id));
      return { replies: [text(s.t('task-reassigned-reply', { code: updated.code, who: personLabel(s.t, picked.chosen) }))], next: null };
    },
  },
});
