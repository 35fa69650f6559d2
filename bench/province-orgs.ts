// The province's organisations (issue 18): created through the owner client, as `org create` does, with their bot
// tokens sealed by ORG_TOKEN_KEY. Until this build has organisations (src/db/organisations.ts), the benchmark runs
// the implicit 'default' organisation alone.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './common.js';
import type { OrgSpec } from './province-fill.js';

export async function multiOrgSupported(): Promise<boolean> {
  return existsSync(path.join(ROOT, 'src/db/organisations.ts'));
}

export async function provisionOrganisations(_url: string, _orgs: readonly OrgSpec[], _orgKey: string): Promise<void> {
  throw new Error('organisations are not in this build yet');
}
