import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createNotice, type NoticeDocumentInput } from '../../app/notices/create-notice.js';
import { DomainError } from '../../domain/errors.js';
import { OfficialId } from '../../domain/ids.js';
import type { NoticeScopeInput } from '../../domain/notice/recipients.js';
import { parseDeadline } from '../../domain/text/deadline-parser.js';
import { dynamicKey } from '../../i18n/catalogue.js';
import { formatDateTime } from '../../domain/time/local-time.js';
import { defineCommand } from '../define-command.js';
import { withApp } from '../with-app.js';

const USAGE =
  'notice create --by CODE --title TEXT --summary TEXT (--subtree | --units CODE[,CODE…] | --to CODE[,CODE…]) [--file FILE.pdf|.docx] [--deadline "dd/mm[/yyyy] [hh:mm]"]';

/** A quán triệt notice from a script or the office: the same rules as /quantriet, with a document from disk. */
export const noticeCreateCommand = defineCommand({
  path: ['notice', 'create'],
  usage: USAGE,
  summary: 'send a quán triệt notice (QT-…) with a PDF/DOCX document; each recipient confirms "Đã đọc, đã nắm nội dung"',
  options: {
    by: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    subtree: { type: 'boolean' },
    units: { type: 'string' },
    to: { type: 'string' },
    file: { type: 'string' },
    deadline: { type: 'string' },
  },
  async run(ctx, { values, positionals }) {
    const list = (v: string | undefined) =>
      (v ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
    if (positionals.length > 0 || !values.by || (!values.subtree && !values.units && !values.to)) {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    let document: NoticeDocumentInput | null = null;
    if (values.file) {
      try {
        document = { kind: 'file', name: path.basename(values.file), data: new Uint8Array(await readFile(values.file)) };
      } catch (e) {
        ctx.err(`Không đọc được tệp / cannot read the file ${values.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
        return 1;
      }
    }
    return withApp(ctx, async (app) => {
      const t = app.catalogue.translator('vi');
      const tz = app.policy.calendar.timezone;
      const org = await app.org();
      const byCode = (code: string) => org.activeByCode(code);
      const by = byCode(values.by!);
      if (!by) {
        ctx.err(t('invite-official-unknown', { code: values.by! }));
        return 1;
      }
      const scopes: NoticeScopeInput[] = [];
      if (values.subtree) scopes.push({ kind: 'unit', unitId: by.unitId, subtree: true });
      for (const code of list(values.units)) {
        const unit = org.allUnits().find((u) => u.code.toLowerCase() === code.toLowerCase());
        if (!unit) {
          ctx.err(`${t('notice-unit-unknown')} (${code})`);
          return 1;
        }
        scopes.push({ kind: 'unit', unitId: unit.id, subtree: true });
      }
      for (const code of list(values.to)) {
        const o = byCode(code);
        if (!o) {
          ctx.err(t('invite-official-unknown', { code }));
          return 1;
        }
        scopes.push({ kind: 'person', officialId: o.id });
      }
      let deadline: Date | null = null;
      if (values.deadline) {
        const parsed = parseDeadline(values.deadline, { now: app.time.now(), calendar: await app.calendar() });
        if (!parsed.ok) {
          ctx.err(t(parsed.error));
          return 1;
        }
        deadline = parsed.deadline;
      }
      try {
        const r = await createNotice(app, OfficialId(by.id), { scopes, title: values.title ?? '', summary: values.summary ?? '', deadline, document });
        ctx.out(`${r.notice.code}\t${formatDateTime(r.notice.confirmBy, tz)}\t${r.recipients.length}\t${r.unreachable.length}`);
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.err(t(dynamicKey(e.key), Object.fromEntries(Object.entries(e.args).map(([k, v]) => [k, v instanceof Date ? formatDateTime(v, tz) : v]))));
          return 1;
        }
        throw e;
      }
    });
  },
});
