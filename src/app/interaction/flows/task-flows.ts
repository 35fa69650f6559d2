// The short flows a task button starts: a reason, a new date, a progress report, a result, a new assignee.
import type { OutboundMessage } from '../../ports/channel.js';
import { findTask, listTasksOfAssignee } from '../../../db/repositories/task.repository.js';
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
import { ask, state, textOf, type DialogFlow, type DialogInput, type Turn } from '../dialog.js';
import { text, type Session } from '../session.js';
import { pickPerson } from './pick-person.js';
import { buttonLabel } from '../../views/labels.js';
import { dynamicKey } from '../../../i18n/catalogue.js';

async function taskOf(s: Session, id: unknown): Promise<Task> {
  const task = typeof id === 'number' ? await findTask(s.app.db, id) : undefined;
  if (!task) throw new DomainError('task-not-found');
  return task;
}

function evidenceOf(s: Session, input: DialogInput): Evidence | undefined {
  return input.kind === 'file' ? { channel: s.channel, file: input.file } : undefined;
}

// ─── Reasons: decline, reopen, cancel ───────────────────────────────────────

type ReasonPurpose = 'decline' | 'reopen' | 'cancel';
const ASK_REASON: Record<ReasonPurpose, string> = { decline: 'task-decline-ask-reason', reopen: 'task-reopen-ask-reason', cancel: 'task-cancel-ask-reason' };

export function startReason(s: Session, purpose: ReasonPurpose, task: Task): Turn {
  return { replies: [ask(s, s.t(dynamicKey(ASK_REASON[purpose]), { code: task.code }))], next: state('reason', 'reason', { purpose, taskId: task.id }) };
}

export const reasonFlow: DialogFlow = {
  name: 'reason',
  async step(s, st, input) {
    const { purpose, taskId } = st.data as { purpose: ReasonPurpose; taskId: number };
    const reason = textOf(input);
    if (reason === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    const id = TaskId(taskId);
    if (purpose === 'decline') {
      const task = await declineTask(s.app, s.officialId, id, reason);
      return { replies: [text(s.t('task-declined-reply', { code: task.code }))], next: null };
    }
    if (purpose === 'reopen') {
      const task = await reopenTask(s.app, s.officialId, id, reason);
      return { replies: [text(s.t('task-reopened-reply', { code: task.code }))], next: null };
    }
    const task = await cancelTask(s.app, s.officialId, id, reason);
    return { replies: [text(s.t('task-cancelled-reply', { code: task.code }))], next: null };
  },
};

// ─── Extension: new date, then reason ───────────────────────────────────────

export function startExtension(s: Session, task: Task): Turn {
  return {
    replies: [ask(s, s.t('task-extend-ask-date', { code: task.code, deadline: s.v.dateTime(task.deadline) }))],
    next: state('extension', 'date', { taskId: task.id }),
  };
}

export const extensionFlow: DialogFlow = {
  name: 'extension',
  async step(s, st, input) {
    const d = st.data as { taskId: number; deadline?: string };
    const task = await taskOf(s, d.taskId);
    const raw = textOf(input);
    if (raw === undefined) return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    if (st.step === 'date') {
      const parsed = parseDeadline(raw, { now: s.app.time.now(), calendar: await s.app.calendar(), maxYearsAhead: s.app.policy.maxDeadlineYears });
      if (!parsed.ok) throw new DomainError(parsed.error, parsed.args);
      if (parsed.deadline.getTime() <= task.deadline.getTime()) throw new DomainError('task-extend-not-later', { deadline: task.deadline });
      return { replies: [ask(s, s.t('task-extend-ask-reason'))], next: state('extension', 'reason', { ...d, deadline: parsed.deadline.toISOString() }) };
    }
    const newDeadline = new Date(d.deadline!);
    await requestExtension(s.app, s.officialId, task.id, newDeadline, raw);
    return { replies: [text(s.t('task-extend-reply', { code: task.code, deadline: s.v.dateTime(newDeadline) }))], next: null };
  },
};

// ─── Progress report: task, percent, note (with optional evidence) ──────────

export async function startReport(s: Session, task: Task | undefined): Promise<Turn> {
  if (task) {
    return {
      replies: [ask(s, s.t('task-report-ask-percent', { code: task.code }), [[25, 50, 75].map((p) => ({ label: `${p}%`, value: String(p) }))])],
      next: state('report', 'percent', { taskId: task.id }),
    };
  }
  const mine = await listTasksOfAssignee(s.app.db, s.officialId, fromStates('report-progress'), 8);
  if (mine.length === 0) return { replies: [text(s.t('task-report-none'))], next: null };
  if (mine.length === 1) return startReport(s, mine[0]);
  return {
    replies: [ask(s, s.t('task-report-pick'), mine.map((m) => [{ label: buttonLabel(`${m.code} · ${m.title}`), value: `t${m.id}` }]))],
    next: state('report', 'pick', {}),
  };
}

export const reportFlow: DialogFlow = {
  name: 'report',
  async step(s, st, input) {
    const d = st.data as { taskId?: number; percent?: number };
    if (st.step === 'pick') {
      if (input.kind !== 'pick') return { replies: [ask(s, s.t('dialog-pick-invalid'))], next: st };
      const task = await taskOf(s, Number(input.value.replace(/^t/, '')));
      if (task.assigneeId !== s.officialId) throw new DomainError('task-not-yours', { code: task.code });
      return startReport(s, task);
    }
    const task = await taskOf(s, d.taskId);
    if (st.step === 'percent') {
      const raw = input.kind === 'pick' ? input.value : textOf(input)?.replace('%', '').trim();
      const percent = raw !== undefined && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (!(percent >= 0 && percent <= 100)) return { replies: [ask(s, s.t('report-percent-unreadable'))], next: st };
      return { replies: [ask(s, s.t('task-report-ask-note'))], next: state('report', 'note', { ...d, percent }) };
    }
    const note = textOf(input) ?? '';
    const done = await reportProgress(s.app, s.officialId, task.id, d.percent ?? 0, note, evidenceOf(s, input));
    return { replies: [text(s.t('task-report-reply', { code: done.code, percent: done.progressPercent }), workButtons(s.t, done))], next: null };
  },
};

// ─── Completion: the result (with optional evidence) ────────────────────────

export function startComplete(s: Session, task: Task): Turn {
  return {
    replies: [ask(s, s.t('task-complete-ask-result', { code: task.code, result: s.v.quote(task.expectedResult, 200) }))],
    next: state('complete', 'result', { taskId: task.id }),
  };
}

export const completeFlow: DialogFlow = {
  name: 'complete',
  async step(s, st, input) {
    const task = await taskOf(s, (st.data as { taskId: number }).taskId);
    const result = textOf(input);
    if (result === undefined || result.trim() === '') return { replies: [ask(s, s.t('dialog-need-text'))], next: st };
    const done = await completeTask(s.app, s.officialId, task.id, result, evidenceOf(s, input));
    return { replies: [text(s.t('task-completed-reply', { code: done.code }))], next: null };
  },
};

// ─── Reassign after a decline ───────────────────────────────────────────────

export function startReassign(s: Session, task: Task): Turn {
  return { replies: [ask(s, s.t('task-reassign-ask', { code: task.code }))], next: state('reassign', 'who', { taskId: task.id }) };
}

export const reassignFlow: DialogFlow = {
  name: 'reassign',
  async step(s, st, input): Promise<Turn> {
    const task = await taskOf(s, (st.data as { taskId: number }).taskId);
    const org = await s.app.org();
    const candidates = org.assignableBy(s.officialId).filter((o) => o.id !== task.assigneeId);
    const picked = pickPerson(s, input, candidates);
    if ('reply' in picked) return { replies: [picked.reply as OutboundMessage], next: st };
    const updated = await reassignTask(s.app, s.officialId, task.id, OfficialId(picked.chosen.id));
    return { replies: [text(s.t('task-reassigned-reply', { code: updated.code, who: personLabel(s.t, picked.chosen) }))], next: null };
  },
};
