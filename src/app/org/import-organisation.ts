// `org import FILE.csv`: check the whole file, then make the database match it in one transaction (PRODUCT.md §2, §7).
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../../db/client.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { applyOrgPlan, type OrgImportSummary } from '../../db/repositories/org.repository.js';
import type { OfficialId } from '../../domain/ids.js';
import { decodeUtf8 } from '../../domain/org/csv.js';
import { validateOrgCsv, type OrgImportError, type OrgPlan, type OrgValidation } from '../../domain/org/org-import.js';
import type { Translate } from '../../i18n/catalogue.js';

export type { OrgImportError, OrgImportSummary };

export interface ImportOrganisationInput {
  /** The file as read from disk (must be UTF-8), or already as text. */
  file: Uint8Array | string;
  now: Date;
  /** Who ran the import, when known (the CLI does not know). */
  actorId?: OfficialId | null;
  /** The file's name, kept in the audit entry. */
  source?: string;
}

export type ImportOrganisationResult = { ok: true; summary: OrgImportSummary } | { ok: false; errors: OrgImportError[] };

/**
 * Any error anywhere refuses the whole file and writes nothing: a half-imported organisation would send
 * escalations to the wrong people. Importing the same file again changes nothing.
 */
export async function importOrganisation(db: PrismaClient, input: ImportOrganisationInput): Promise<ImportOrganisationResult> {
  const validation = checkOrganisationFile(input.file);
  if (!validation.ok) return validation;
  const { plan, text } = validation;

  const summary = await db.$transaction(
    async (tx) => {
      const changes = await applyOrgPlan(tx, plan, input.now);
      await appendAudit(tx, {
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
          changed: changes.codes,
        },
      });
      return changes.summary;
    },
    // A large district is a few thousand rows: more than the default 5 s on a slow disk.
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { ok: true, summary };
}

/** Decodes and validates without touching the database (`org import --dry-run`). */
export function checkOrganisationFile(file: Uint8Array | string): (OrgValidation & { ok: false }) | { ok: true; plan: OrgPlan; text: string } {
  const text = typeof file === 'string' ? file : decodeUtf8(file);
  if (text === null) return { ok: false, errors: [{ line: 1, kind: 'file-not-utf8', args: {} }] };
  const validation = validateOrgCsv(text);
  return validation.ok ? { ok: true, plan: validation.plan, text } : validation;
}

/** "Dòng 12: …" in the reader's language; every kind has a message `org-import-<kind>`. */
export function orgImportErrorMessage(t: Translate, error: OrgImportError): string {
  return t(`org-import-${error.kind}`, { line: String(error.line), ...error.args });
}
