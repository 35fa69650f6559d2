import type { ClockKind } from '../../domain/clocks/types.js';
import { OPEN_ON_TASK } from '../../domain/task/task-state.js';
import type { Task } from '../../domain/task/types.js';
import type { Translate } from '../../i18n/catalogue.js';
import { encodeAction } from '../actions.js';
import type { AppContext } from '../context.js';
import { peopleOf } from '../tasks/shared.js';
import { personLabel } from '../views/people.js';
import { newTaskButtons, workButtons } from '../views/task-views.js';
import type { ViewTools } from '../views/tools.js';
import type { ClockHandler, ClockSubject, FireContext } from './clock-handler.js';
import { signalsOnTaskClock } from '../signals/task-signals.js';
import { overdueEvent } from '../integration-events/record.js';

function applies(kind: ClockKind, task: Task, officialId: number): boolean {
  if (task.assigneeId !== officialId) return false;
  // The state table says which clocks may run in each state (src/domain/task/task-state.ts).
  return OPEN_ON_TASK[task.status].clocks.includes(kind);
}

function reminderText(t: Translate, v: ViewTools, task: Task, ctx: FireContext): string {
  const superior = ctx.nextRecipient ? personLabel(t, ctx.nextRecipient) : t('reminder-no-superior');
  const late = v.wallDuration(Math.max(0, v.now.getTime() - ctx.clock.dueAt.getTime()));
  const base = {
    code: task.code,
    title: v.quote(task.title),
    deadline: v.dateTime(task.deadline),
    assignedAt: v.dateTime(task.createdAt),
    dueAt: v.dateTime(ctx.clock.dueAt),
    nextAt: ctx.nextAt ? v.dateTime(ctx.nextAt) : '—',
    superior,
    late,
    percent: task.progressPercent,
    last: task.lastProgressAt ? v.dateTime(task.lastProgressAt) : '—',
  };
  switch (ctx.clock.kind) {
    case 'TASK_ACCEPT':
      return t(ctx.level === 0 ? 'reminder-accept-0' : 'reminder-accept-1', base);
    case 'TASK_PROGRESS':
      return t(ctx.level === 0 ? 'reminder-progress-0' : 'reminder-progress-1', base);
    case 'TASK_BEFORE_DEADLINE':
      return t('reminder-before-deadline', base);
    default:
      return t(ctx.level === 0 ? 'reminder-overdue-0' : 'reminder-overdue-1', base);
  }
}

function subject(app: AppContext, task: Task): ClockSubject {
  return {
    code: task.code,
    // The time ran out with the person not having acted: what it means for the behaviour signals (issue 4).
    fired: async (tx, { clock, now, effects }) => {
      await signalsOnTaskClock(app, tx, clock, task, now);
      await overdueEvent(app, tx, effects, clock, task);
    },
    render(t, v, ctx) {
      if (ctx.audience.to === 'person') {
        return { text: reminderText(t, v, task, ctx), buttons: task.status === 'ASSIGNED' ? newTaskButtons(t, task) : workButtons(t, task) };
      }
      const people = peopleOf(ctx.org, task);
      const text = [
        t('escalation-title', { code: task.code, what: t(`escalation-what-${ctx.clock.kind}`) }),
        t('escalation-body', {
          who: personLabel(t, ctx.person),
          title: v.quote(task.title),
          assigner: personLabel(t, people.assigner),
          assignedAt: v.dateTime(task.createdAt),
          deadline: v.dateTime(task.deadline),
          late: v.wallDuration(Math.max(0, v.now.getTime() - ctx.clock.dueAt.getTime())),
          dueAt: v.dateTime(ctx.clock.dueAt),
          reminders: ctx.sentSoFar,
        }),
        t('escalation-level', { level: ctx.level, depth: ctx.audience.depth }),
      ].join('\n');
      return {
        text,
        buttons: [
          [
            { label: t('btn-nudge'), action: encodeAction('task.nudge', task.id) },
            { label: t('btn-view'), action: encodeAction('task.view', task.id) },
          ],
          [{ label: t('btn-explain'), action: encodeAction('task.explain', task.id) }],
        ],
      };
    },
  };
}

export const taskClockHandler: ClockHandler = {
  kinds: ['TASK_ACCEPT', 'TASK_PROGRESS', 'TASK_BEFORE_DEADLINE', 'TASK_OVERDUE'],
  async load(tx, clock, app) {
    const task = await app.stores.tasks.find(clock.itemId, tx);
    if (!task || !applies(clock.kind, task, clock.officialId)) return null;
    return subject(app, task);
  },
  async loadMany(tx, clocks, app) {
    const tasks = new Map(
      (
        await app.stores.tasks.findMany(
          tx,
          clocks.map((c) => c.itemId),
        )
      ).map((t) => [t.id as number, t]),
    );
    const out = new Map<number, ClockSubject | null>();
    for (const clock of clocks) {
      const task = tasks.get(clock.itemId);
      out.set(clock.id, task && applies(clock.kind, task, clock.officialId) ? subject(app, task) : null);
    }
    return out;
  },
};
