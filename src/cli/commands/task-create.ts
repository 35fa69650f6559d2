import { assignTask } from '../../app/tasks/assign-task.js';
import { findOfficialByCode } from '../../db/repositories/org.repository.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import { PRIORITIES, type Priority } from '../../domain/priority.js';
import { parseDeadline } from '../../domain/text/deadline-parser.js';
import { formatDateTime } from '../../i18n/format.js';
import { parseFlags, type CliCommand } from '../context.js';
import { withApp } from '../with-app.js';

const USAGE = 'task create --by CODE --to CODE --title TEXT --result TEXT --deadline "dd/mm[/yyyy] [hh:mm]" [--priority URGENT|HIGH|NORMAL] [--doc REF]';

/** For integration with other systems: a task from a script, with the same rules as in the chat. */
export const taskCreateCommand: CliCommand = {
  path: ['task', 'create'],
  usage: USAGE,
  summary: 'assign a task from a script (same "5 rõ" and reach rules as in the chat)',
  async run(ctx, args) {
    const { flags } = parseFlags(args);
    const text = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : '');
    const priority = (text('priority') || 'NORMAL').toUpperCase();
    if (!text('by') || !text('to') || !text('deadline') || !(PRIORITIES as readonly string[]).includes(priority)) {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    return withApp(ctx, async (app) => {
      const t = app.catalogue.translator('vi');
      const [by, to] = await Promise.all([findOfficialByCode(app.db, text('by')), findOfficialByCode(app.db, text('to'))]);
      if (!by || !to) {
        ctx.err(t('invite-official-unknown', { code: !by ? text('by') : text('to') }));
        return 1;
      }
      const deadline = parseDeadline(text('deadline'), { now: app.clock.now(), calendar: await app.calendar() });
      if (!deadline.ok) {
        ctx.err(t(deadline.error));
        return 1;
      }
      try {
        const r = await assignTask(app, OfficialId(by.id), {
          assigneeId: OfficialId(to.id),
          title: text('title'),
          expectedResult: text('result'),
          deadline: deadline.deadline,
          priority: priority as Priority,
          sourceDocRef: text('doc') || null,
        });
        ctx.out(`${r.task.code}\t${to.fullName}\t${formatDateTime(r.task.deadline, app.policy.calendar.timezone)}`);
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.err(t(e.key, Object.fromEntries(Object.entries(e.args).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]))));
          return 1;
        }
        throw e;
      }
    });
  },
};
