// `org import FILE.csv`: check the whole file, compare it with the organisation as stored (the plan), refuse a plan
// that deactivates more officials than the policy allows, then make the database match it in one transaction
// (PRODUCT.md §2, §7).
import { createHash } from 'node:crypto';
import type { OfficialId } from '../../domain/ids.js';
import { decodeUtf8 } from '../../domain/org/csv.js';
import { checkDeactivations, planOrgChanges, type DeactivationCheck, type DeactivationLimit, type OrgChanges } from '../../domain/org/import-plan.js';
import { isExcelWorkbook, validateOrgCsv, type OrgImportError, type OrgPlan, type OrgValidation } from '../../domain/org/org-import.js';
import { defaultPolicy } from '../../domain/policy/resolve-policy.js';
import type { Translate } from '../../i18n/catalogue.js';
import type { AppContext } from '../context.js';
import type { OrgImportSummary } from '../ports/stores/org.js';

export type { OrgChanges, OrgImportError, OrgImportSummary };

export interface ImportOrganisationInput {
  /** The file as read from disk (must be UTF-8), or already as text. */
  file: Uint8Array | string;
  now: Date;
  /** Who ran the import, when known (the CLI does not know). */
  actorId?: OfficialId | null;
  /** The file's name, kept in the audit entry. */
  source?: string;
  /** The policy's bound on deactivations (`orgImport`); the default policy's when not given. */
  deactivationLimit?: DeactivationLimit;
  /** The admin confirmed that this many deactivations are meant (`--allow-deactivate`). */
  allowDeactivate?: boolean;
  /** Compute the plan and write nothing (`--dry-run`). */
  dryRun?: boolean;
}

export type DeactivationRefusal = DeactivationCheck & { ok: false };

export type ImportOrganisationResult =
  /** `written` is false for a dry run; `summary` then counts what the import would do. */
  | { ok: true; summary: OrgImportSummary; changes: OrgChanges; written: boolean }
  | { ok: false; errors: OrgImportError[]; refused?: undefined }
  /** A valid file, but too many deactivations without `allowDeactivate`: nothing written. */
  | { ok: false; errors: []; refused: DeactivationRefusal; changes: OrgChanges };

function summaryOf(changes: OrgChanges): OrgImportSummary {
  return {
    unitsCreated: changes.units.added.length,
    unitsUpdated: changes.units.changed.length,
    unitsDeactivated: changes.units.deactivated.length,
    officialsCreated: changes.officials.added.length,
    officialsUpdated: changes.officials.changed.length,
    officialsDeactivated: changes.officials.deactivated.length,
  };
}

/**
 * Any error anywhere refuses the whole file and writes nothing: a half-imported organisation would send
 * escalations to the wrong people. Importing the same file again changes nothing.
 */
export async function importOrganisation({ stores }: Pick<AppContext, 'stores'>, input: ImportOrganisationInput): Promise<ImportOrganisationResult> {
  const validation = checkOrganisationFile(input.file);
  if (!validation.ok) return validation;
  const { plan, text } = validation;
  const limit = input.deactivationLimit ?? defaultPolicy().orgImport;

  return stores.transaction(
    async (tx): Promise<ImportOrganisationResult> => {
      // Under the import lock, so the plan shown is the change made.
      await stores.org.lockImport(tx);
      const planned = planOrgChanges(plan, await stores.org.snapshot(tx));
      const check = checkDeactivations(planned, limit);
      if (!check.ok && !input.allowDeactivate) return { ok: false, errors: [], refused: check, changes: planned };
      if (input.dryRun) return { ok: true, summary: summaryOf(planned), changes: planned, written: false };
      const changes = await stores.org.applyPlan(tx, plan, input.now);
      await stores.audit.append(tx, {
        at: input.now,
        actorId: input.actorId ?? null,
        action: 'org.imported',
        entity: 'organisation',
        entityId: 'org',
        data: {
          source: input.source ?? null,
          sha256: createHash('sha256').update(text).digest('hex'),
          units: plan.units.length,
          officials: plan.officials.length,
          ...changes.summary,
          // More deactivations than the policy allows, confirmed by the admin (--allow-deactivate).
          ...(check.ok ? {} : { deactivationsConfirmed: true }),
          changed: changes.codes,
        },
      });
      return { ok: true, summary: changes.summary, changes: planned, written: true };
    },
    // A large district is a few thousand rows: more than the default 5 s on a slow disk.
    { timeoutMs: 120_000, maxWaitMs: 10_000 },
  );
}

/** Decodes and validates without touching the database. */
export function checkOrganisationFile(file: Uint8Array | string): (OrgValidation & { ok: false }) | { ok: true; plan: OrgPlan; text: string } {
  // A workbook given as is (the office saved .xlsx, not CSV) would otherwise read as "not UTF-8".
  if (typeof file !== 'string' && isExcelWorkbook(file)) return { ok: false, errors: [{ line: 1, kind: 'file-is-excel', args: {} }] };
  const text = typeof file === 'string' ? file : decodeUtf8(file);
  if (text === null) return { ok: false, errors: [{ line: 1, kind: 'file-not-utf8', args: {} }] };
  const validation = validateOrgCsv(text);
  return validation.ok ? { ok: true, plan: validation.plan, text } : validation;
}

/** "Dòng 12: …" in the reader's language; every kind has a message `org-import-<kind>`. */
export function orgImportErrorMessage(t: Translate, error: OrgImportError): string {
  return t(`org-import-${error.kind}`, { line: String(error.line), ...error.args });
}
