import { assignTaskOnce, assignTask } from '../../app/tasks/assign-task.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { PRIORITIES, type Priority } from '../../domain/priority.js';
import { parseDeadline } from '../../domain/text/deadline-parser.js';
import { formatDateTime } from '../../domain/time/local-time.js';
import { errBothLanguages } from '../bilingual.js';
import { defineCommand } from '../define-command.js';
import { readExternalRef } from '../external-ref.js';
import { withApp } from '../with-app.js';
import { dynamicKey } from '../../i18n/catalogue.js';

const USAGE =
  'task create --by CODE --to CODE --title TEXT --result TEXT --deadline "dd/mm[/yyyy] [hh:mm]" [--priority URGENT|HIGH|NORMAL] [--doc REF] [--ref EXTERNAL_ID]';

/**
 * For integration with other systems: a task from a script, with the same rules as in the chat. With --ref the call
 * is idempotent: a second call with the same id prints the first task's line and creates nothing.
 */
export const taskCreateCommand = defineCommand({
  path: ['task', 'create'],
  usage: USAGE,
  summary: 'assign a task from a script (same "5 rõ" and reach rules as in the chat); --ref makes a retry safe',
  options: {
    by: { type: 'string' },
    to: { type: 'string' },
    title: { type: 'string' },
    result: { type: 'string' },
    deadline: { type: 'string' },
    priority: { type: 'string' },
    doc: { type: 'string' },
    ref: { type: 'string' },
  },
  async run(ctx, { values, positionals }) {
    const text = (k: keyof typeof values) => values[k] ?? '';
    const priority = (text('priority') || 'NORMAL').toUpperCase();
    const ref = readExternalRef(values.ref);
    if (positionals.length > 0 || !text('by') || !text('to') || !text('deadline') || !(PRIORITIES as readonly string[]).includes(priority) || ref === null) {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    return withApp(ctx, async (app) => {
      const t = app.catalogue.translator('vi');
      const zone = app.policy.calendar.timezone;
      const [by, to] = await Promise.all([app.stores.org.officialByCode(text('by')), app.stores.org.officialByCode(text('to'))]);
      if (!by || !to) {
        ctx.err(t('invite-official-unknown', { code: !by ? text('by') : text('to') }));
        return 1;
      }
      const deadline = parseDeadline(text('deadline'), { now: app.time.now(), calendar: await app.calendar() });
      if (!deadline.ok) {
        ctx.err(t(deadline.error));
        return 1;
      }
      const input = {
        assigneeId: OfficialId(to.id),
        title: text('title'),
        expectedResult: text('result'),
        deadline: deadline.deadline,
        priority: priority as Priority,
        sourceDocRef: text('doc') || null,
      };
      try {
        if (ref === undefined) {
          const r = await assignTask(app, OfficialId(by.id), input);
          ctx.out(`${r.task.code}\t${to.fullName}\t${formatDateTime(r.task.deadline, zone)}`);
          return 0;
        }
        const once = await assignTaskOnce(app, OfficialId(by.id), { ...input, externalRef: ref });
        if (once.created) {
          ctx.out(`${once.result.task.code}\t${to.fullName}\t${formatDateTime(once.result.task.deadline, zone)}`);
          return 0;
        }
        const task = once.task;
        const assignee = (await app.org()).official(task.assigneeId);
        ctx.out(`${task.code}\t${assignee?.fullName ?? ''}\t${formatDateTime(task.deadline, zone)}`);
        errBothLanguages(ctx, 'cli-ref-exists', { ref, code: task.code });
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.err(t(dynamicKey(e.key), Object.fromEntries(Object.entries(e.args).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]))));
          return 1;
        }
        throw e;
      }
    });
  },
});
