import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkOrganisationFile, importOrganisation, orgImportErrorMessage, type OrgChanges, type OrgImportSummary } from '../../app/org/import-organisation.js';
import { loadConfiguredPolicy } from '../../config/policy-file.js';
import { asLocale } from '../../domain/locale.js';
import type { OrgImportError } from '../../domain/org/org-import.js';
import { type Translate, dynamicKey } from '../../i18n/catalogue.js';
import type { CliContext } from '../context.js';
import { defineCommand } from '../define-command.js';
import { createStores } from '../../db/stores.js';

/** Added and changed lines shown before "… and N more"; every deactivation is always listed. */
const SHOWN_PER_KIND = 20;

function printErrors(ctx: CliContext, t: Translate, errors: OrgImportError[]): void {
  ctx.err(t('org-import-rejected', { count: errors.length }));
  for (const e of errors) {
    ctx.err(`  ${orgImportErrorMessage(t, e)}`);
    // A workbook is the newcomer's mistake: say it in the other language too, whatever --lang was.
    if (e.kind === 'file-is-excel') ctx.err(`  ${orgImportErrorMessage(ctx.catalogue.translator(t.locale === 'vi' ? 'en' : 'vi'), e)}`);
  }
}

function printSummary(ctx: CliContext, t: Translate, s: OrgImportSummary): void {
  ctx.out(`  ${t('org-import-units', { created: s.unitsCreated, updated: s.unitsUpdated, deactivated: s.unitsDeactivated })}`);
  ctx.out(`  ${t('org-import-officials', { created: s.officialsCreated, updated: s.officialsUpdated, deactivated: s.officialsDeactivated })}`);
}

/** One line per unit and official that the import adds, changes or deactivates, with names. */
function planLines(t: Translate, changes: OrgChanges): string[] {
  const fields = (list: string[]) => list.map((f) => t(dynamicKey(`org-import-field-${f}`))).join(', ');
  const capped = (lines: string[]) =>
    lines.length <= SHOWN_PER_KIND ? lines : [...lines.slice(0, SHOWN_PER_KIND), t('org-import-plan-more', { count: lines.length - SHOWN_PER_KIND })];
  const { units, officials } = changes;
  return [
    ...capped(units.added.map((u) => t('org-import-plan-unit-added', { code: u.code, name: u.name }))),
    ...capped(units.changed.map((u) => t('org-import-plan-unit-changed', { code: u.code, name: u.name, fields: fields(u.fields) }))),
    ...units.deactivated.map((u) => t('org-import-plan-unit-deactivated', { code: u.code, name: u.name })),
    ...capped(officials.added.map((o) => t('org-import-plan-official-added', { code: o.code, name: o.fullName, unit: o.unitCode }))),
    ...capped(
      officials.changed.map((o) => t('org-import-plan-official-changed', { code: o.code, name: o.fullName, unit: o.unitCode, fields: fields(o.fields) })),
    ),
    ...officials.deactivated.map((o) => t('org-import-plan-official-deactivated', { code: o.code, name: o.fullName, unit: o.unitCode })),
  ];
}

const USAGE = 'org import FILE.csv [--dry-run] [--allow-deactivate] [--lang vi|en]';

export const orgImportCommand = defineCommand({
  path: ['org', 'import'],
  usage: USAGE,
  summary: 'import units and officials from a CSV file (samples/README.md); shows the plan; all or nothing',
  options: { 'dry-run': { type: 'boolean' }, 'allow-deactivate': { type: 'boolean' }, lang: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    const t = ctx.catalogue.translator(asLocale(values.lang ?? 'vi'));
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      ctx.err(`Không đọc được tệp / cannot read the file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return 1;
    }
    // A wrong file or a broken POLICY_FILE stops the command before it touches the database.
    const validation = checkOrganisationFile(bytes);
    if (!validation.ok) {
      printErrors(ctx, t, validation.errors);
      return 1;
    }
    const policy = loadConfiguredPolicy(ctx.config);
    const dryRun = values['dry-run'] === true;

    const opened = await ctx.openDatabase();
    try {
      const started = performance.now();
      const result = await importOrganisation(
        { stores: createStores(opened.db) },
        {
          file: bytes,
          now: ctx.time.now(),
          source: path.basename(file),
          deactivationLimit: policy.orgImport,
          allowDeactivate: values['allow-deactivate'] === true,
          dryRun,
        },
      );
      if (!result.ok && result.refused) {
        for (const line of planLines(t, result.changes)) ctx.out(`  ${line}`);
        const r = result.refused;
        ctx.err(
          t('org-import-refused', {
            count: r.count,
            active: r.activeBefore,
            percent: r.percent,
            maxOfficials: r.limit.maxOfficials,
            maxPercent: r.limit.maxPercent,
          }),
        );
        ctx.err(t('org-import-refused-hint'));
        return 1;
      }
      if (!result.ok) {
        printErrors(ctx, t, result.errors);
        return 1;
      }
      const s = result.summary;
      if (dryRun) ctx.out(t('org-import-valid', result.changes.inFile));
      else ctx.out(t('org-import-done'));
      printSummary(ctx, t, s);
      for (const line of planLines(t, result.changes)) ctx.out(`  ${line}`);
      if (!dryRun && s.unitsDeactivated + s.officialsDeactivated > 0) ctx.out(t('org-import-deactivated-note'));
      if (!dryRun) ctx.out(`  (${Math.round(performance.now() - started)} ms)`);
      return 0;
    } finally {
      await opened.close();
    }
  },
});
