import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkOrganisationFile, importOrganisation, orgImportErrorMessage } from '../../app/org/import-organisation.js';
import { asLocale } from '../../domain/locale.js';
import type { OrgImportError } from '../../domain/org/org-import.js';
import type { Translate } from '../../i18n/catalogue.js';
import { parseFlags, type CliCommand, type CliContext } from '../context.js';

function printErrors(ctx: CliContext, t: Translate, errors: OrgImportError[]): void {
  ctx.err(t('org-import-rejected', { count: errors.length }));
  for (const e of errors) ctx.err(`  ${orgImportErrorMessage(t, e)}`);
}

const USAGE = 'org import FILE.csv [--dry-run] [--lang vi|en]';

export const orgImportCommand: CliCommand = {
  path: ['org', 'import'],
  usage: USAGE,
  summary: 'import units and officials from a CSV file (samples/README.md); all or nothing',
  async run(ctx, args) {
    const { flags, positional } = parseFlags(args);
    const file = positional[0];
    if (!file || positional.length > 1) {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    const t = ctx.catalogue.translator(asLocale(typeof flags.lang === 'string' ? flags.lang : 'vi'));
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (e) {
      ctx.err(`Không đọc được tệp / cannot read the file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return 1;
    }

    if (flags['dry-run']) {
      // Checks the file without opening the database: the office can fix it before the real run.
      const validation = checkOrganisationFile(bytes);
      if (!validation.ok) {
        printErrors(ctx, t, validation.errors);
        return 1;
      }
      ctx.out(t('org-import-valid', { units: validation.plan.units.length, officials: validation.plan.officials.length }));
      return 0;
    }

    const opened = await ctx.openDatabase();
    try {
      const started = performance.now();
      const result = await importOrganisation(opened.db, { file: bytes, now: ctx.clock.now(), source: path.basename(file) });
      if (!result.ok) {
        printErrors(ctx, t, result.errors);
        return 1;
      }
      const s = result.summary;
      ctx.out(t('org-import-done'));
      ctx.out(`  ${t('org-import-units', { created: s.unitsCreated, updated: s.unitsUpdated, deactivated: s.unitsDeactivated })}`);
      ctx.out(`  ${t('org-import-officials', { created: s.officialsCreated, updated: s.officialsUpdated, deactivated: s.officialsDeactivated })}`);
      if (s.unitsDeactivated + s.officialsDeactivated > 0) ctx.out(t('org-import-deactivated-note'));
      ctx.out(`  (${Math.round(performance.now() - started)} ms)`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
