// The province's organisations (issue 18), created through the owner client as `org create` does
// (src/db/organisations.ts createOrganisation), each with its bot token sealed by ORG_TOKEN_KEY (the same key is given
// to the bot and worker processes, which open the tokens when they list the organisations). The first organisation
// of the benchmark is the implicit 'default' one (its bot from TELEGRAM_BOT_TOKEN): it exists already.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createTokenCipher } from '../src/channels/zalo-oa/token-crypto.js';
import { keyringFromEnvironment, ORG_TOKEN_KEYS } from '../src/config/token-keyring.js';
import { createOwnerClient } from '../src/db/client.js';
import { createOrganisation } from '../src/db/organisations.js';
import { ROOT } from './common.js';
import type { OrgSpec } from './province-fill.js';

export async function multiOrgSupported(): Promise<boolean> {
  return existsSync(path.join(ROOT, 'src/db/organisations.ts')) && existsSync(path.join(ROOT, 'src/runtime/organisations-registry.ts'));
}

export async function provisionOrganisations(url: string, orgs: readonly OrgSpec[], orgKey: string): Promise<void> {
  const owner = createOwnerClient(url, { poolSize: 1 });
  try {
    const sealer = createTokenCipher(keyringFromEnvironment({ ORG_TOKEN_KEY: orgKey }, ORG_TOKEN_KEYS));
    for (const org of orgs) {
      if (org.id === 'default') continue;
      await createOrganisation(owner, { id: org.id, name: `Huyện ${org.id}`, telegramToken: org.token }, sealer);
    }
  } finally {
    await owner.$disconnect();
  }
}
