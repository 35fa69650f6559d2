import { askForOpinion, askForOpinionOnce } from '../../app/consultations/ask.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import type { Consultation } from '../../domain/consultation/types.js';
import { PRIORITIES, type Priority } from '../../domain/priority.js';
import { parseDeadline } from '../../domain/text/deadline-parser.js';
import { formatDateTime } from '../../domain/time/local-time.js';
import { errBothLanguages } from '../bilingual.js';
import { defineCommand } from '../define-command.js';
import { readExternalRef } from '../external-ref.js';
import { withApp } from '../with-app.js';
import { dynamicKey } from '../../i18n/catalogue.js';

const USAGE =
  'consult create --by CODE --to CODE[,CODE…] --subject TEXT --question TEXT [--deadline "dd/mm[/yyyy] [hh:mm]"] [--priority URGENT|HIGH|NORMAL] [--task NV-…] [--previous YK-…] [--ref EXTERNAL_ID]';

/** For integration with other systems: a request for opinion from a script, with the same rules as in the chat. */
export const consultCreateCommand = defineCommand({
  path: ['consult', 'create'],
  usage: USAGE,
  summary: 'ask officials for their opinion by a deadline (default by priority); --previous opens the next round; --ref makes a retry safe',
  options: {
    by: { type: 'string' },
    to: { type: 'string' },
    subject: { type: 'string' },
    question: { type: 'string' },
    deadline: { type: 'string' },
    priority: { type: 'string' },
    task: { type: 'string' },
    previous: { type: 'string' },
    ref: { type: 'string' },
  },
  async run(ctx, { values, positionals }) {
    const text = (k: keyof typeof values) => values[k] ?? '';
    const priority = (text('priority') || 'NORMAL').toUpperCase();
    const ref = readExternalRef(values.ref);
    if (positionals.length > 0 || !text('by') || !text('to') || !(PRIORITIES as readonly string[]).includes(priority) || ref === null) {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    return withApp(ctx, async (app) => {
      const t = app.catalogue.translator('vi');
      const by = await app.stores.org.officialByCode(text('by'));
      if (!by) {
        ctx.err(t('invite-official-unknown', { code: text('by') }));
        return 1;
      }
      const respondentIds: OfficialId[] = [];
      for (const code of text('to')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)) {
        const o = await app.stores.org.officialByCode(code);
        if (!o) {
          ctx.err(t('invite-official-unknown', { code }));
          return 1;
        }
        respondentIds.push(OfficialId(o.id));
      }
      let deadline: Date | null = null;
      if (text('deadline')) {
        const parsed = parseDeadline(text('deadline'), { now: app.time.now(), calendar: await app.calendar() });
        if (!parsed.ok) {
          ctx.err(t(parsed.error));
          return 1;
        }
        deadline = parsed.deadline;
      }
      const task = text('task') ? await app.stores.tasks.findByCode(text('task')) : undefined;
      if (text('task') && !task) {
        ctx.err(t('task-not-found'));
        return 1;
      }
      const previous = text('previous') ? await app.stores.consultations.findByCode(text('previous')) : undefined;
      if (text('previous') && !previous) {
        ctx.err(t('consult-not-found'));
        return 1;
      }
      const input = {
        respondentIds,
        subject: text('subject'),
        question: text('question'),
        deadline,
        priority: priority as Priority,
        taskId: task?.id ?? null,
        previousId: previous?.id ?? null,
      };
      const line = (c: Consultation, respondents: number) =>
        `${c.code}\t${formatDateTime(c.deadline, app.policy.calendar.timezone)}\t${respondents}\t${c.round}`;
      try {
        if (ref === undefined) {
          const r = await askForOpinion(app, OfficialId(by.id), input);
          ctx.out(line(r.consultation, r.respondents.length));
          return 0;
        }
        const once = await askForOpinionOnce(app, OfficialId(by.id), { ...input, externalRef: ref });
        if (once.created) {
          ctx.out(line(once.result.consultation, once.result.respondents.length));
          return 0;
        }
        const c = once.existing.consultation;
        ctx.out(line(c, once.existing.respondents.length));
        errBothLanguages(ctx, 'cli-ref-exists', { ref, code: c.code });
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.err(
            t(
              dynamicKey(e.key),
              Object.fromEntries(Object.entries(e.args).map(([k, v]) => [k, v instanceof Date ? formatDateTime(v, app.policy.calendar.timezone) : v])),
            ),
          );
          return 1;
        }
        throw e;
      }
    });
  },
});
