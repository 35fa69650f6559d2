// `org create <id> --name …`: a new organisation (tenant) in this deployment (README "A province"). Written through the
// owner's client; the running bot's refresh loop starts its bots without a restart. Then `org import FILE --org <id>`.
import { readFile } from 'node:fs/promises';
import { createTokenCipher } from '../../channels/zalo-oa/token-crypto.js';
import { loadPolicyFile } from '../../config/policy-file.js';
import { createOwnerClient } from '../../db/client.js';
import { createOrganisation, OrganisationError } from '../../db/organisations.js';
import { PolicyError } from '../../domain/policy/policy-error.js';
import { errBothLanguages } from '../bilingual.js';
import { defineCommand } from '../define-command.js';

const USAGE = 'org create <id> --name NAME [--telegram-token TOKEN] [--zalo-token TOKEN] [--policy FILE]';

export const orgCreateCommand = defineCommand({
  path: ['org', 'create'],
  usage: USAGE,
  summary: 'add an organisation (a district or department with its own bots, policy and data); then org import --org',
  options: { name: { type: 'string' }, 'telegram-token': { type: 'string' }, 'zalo-token': { type: 'string' }, policy: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const id = positionals[0];
    if (!id || positionals.length > 1 || !values.name?.trim()) {
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    let policyText: string | undefined;
    if (values.policy !== undefined) {
      // Checked now, so a broken file never reaches the organisation's bots.
      try {
        loadPolicyFile(values.policy, ctx.config.timezone);
        policyText = await readFile(values.policy, 'utf8');
      } catch (e) {
        if (!(e instanceof PolicyError)) throw e;
        ctx.err(e.message);
        return 1;
      }
    }
    const opened = await ctx.openDatabase();
    try {
      if (opened.embedded) {
        errBothLanguages(ctx, 'cli-org-create-embedded');
        return 1;
      }
      const owner = createOwnerClient(opened.url);
      try {
        const keyring = ctx.config.orgKeyring;
        const org = await createOrganisation(
          owner,
          { id, name: values.name.trim(), telegramToken: values['telegram-token'], zaloToken: values['zalo-token'], policyText },
          keyring ? createTokenCipher(keyring) : undefined,
        );
        errBothLanguages(ctx, 'cli-org-created', { org: org.id, name: org.name });
        ctx.out(org.id);
        return 0;
      } catch (e) {
        if (!(e instanceof OrganisationError)) throw e;
        errBothLanguages(ctx, `cli-org-${e.reason}`, { org: e.orgId });
        return e.reason === 'bad-id' ? 2 : 1;
      } finally {
        await owner.$disconnect();
      }
    } finally {
      await opened.close();
    }
  },
});
