// `api-key create|list|revoke`: the keys other systems call /api/v1 with (issue 17 §2). The secret is printed once,
// on a line of its own (for a script to capture); only its SHA-256 is stored.
import { createApiKey, listApiKeys, revokeApiKey } from '../../app/integration/api-keys.js';
import { API_SCOPES, parseScopes } from '../../app/integration/scopes.js';
import { DomainError } from '../../domain/errors.js';
import { UnitId } from '../../domain/ids.js';
import { asLocale } from '../../domain/locale.js';
import { dynamicKey } from '../../i18n/catalogue.js';
import { errBothLanguages } from '../bilingual.js';
import { defineCommand } from '../define-command.js';
import { withApp } from '../with-app.js';

const CREATE_USAGE = `api-key create --name NAME --unit UNIT_CODE --scopes SCOPE[,SCOPE…] [--rate CALLS_PER_MINUTE] [--lang vi|en]   (scopes: ${API_SCOPES.join(', ')})`;

export const apiKeyCreateCommand = defineCommand({
  path: ['api-key', 'create'],
  usage: CREATE_USAGE,
  summary: 'create a key for the integration API (/api/v1), acting within a unit subtree; the key is shown once',
  options: { name: { type: 'string' }, unit: { type: 'string' }, scopes: { type: 'string' }, rate: { type: 'string' }, lang: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    const rate = values.rate === undefined ? 120 : Number(values.rate);
    if (positionals.length > 0 || !values.name || !values.unit || !values.scopes || !Number.isInteger(rate) || rate < 1 || rate > 100_000) {
      ctx.err(`usage: npm run cli -- ${CREATE_USAGE}`);
      return 2;
    }
    const scopes = parseScopes(values.scopes);
    if (!scopes.ok) {
      errBothLanguages(ctx, 'api-key-bad-scopes', { unknown: scopes.unknown.join(', ') || '—', known: API_SCOPES.join(', ') });
      return 2;
    }
    const t = ctx.catalogue.translator(asLocale(values.lang ?? 'vi'));
    return withApp(ctx, async (app) => {
      try {
        const { key, secret } = await createApiKey(app, { name: values.name!, unitCode: values.unit!, scopes: scopes.scopes, ratePerMinute: rate });
        const unit = (await app.org()).unit(UnitId(key.unitId));
        ctx.out(t('api-key-created', { name: key.name, unit: unit?.code ?? '', scopes: key.scopes.join(', ') }));
        ctx.out(secret);
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.err(t(dynamicKey(e.key), e.args));
          return 1;
        }
        throw e;
      }
    });
  },
});

export const apiKeyListCommand = defineCommand({
  path: ['api-key', 'list'],
  usage: 'api-key list [--lang vi|en]',
  summary: 'the API keys: name, first characters, unit, scopes, calls per minute, created, last used, revoked',
  options: { lang: { type: 'string' } },
  async run(ctx, { values }) {
    const t = ctx.catalogue.translator(asLocale(values.lang ?? 'vi'));
    return withApp(ctx, async (app) => {
      const keys = await listApiKeys(app);
      if (keys.length === 0) ctx.out(t('api-key-none'));
      const org = await app.org();
      const iso = (d: Date | null) => (d ? d.toISOString() : '-');
      for (const k of keys) {
        const unit = org.unit(UnitId(k.unitId))?.code ?? String(k.unitId);
        ctx.out(
          [
            k.name,
            `${k.prefix}…`,
            unit,
            k.scopes.join(','),
            String(k.ratePerMinute),
            iso(k.createdAt),
            iso(k.lastUsedAt),
            k.revokedAt ? `revoked ${iso(k.revokedAt)}` : 'active',
          ].join('\t'),
        );
      }
      return 0;
    });
  },
});

export const apiKeyRevokeCommand = defineCommand({
  path: ['api-key', 'revoke'],
  usage: 'api-key revoke NAME [--lang vi|en]',
  summary: 'revoke an API key: every call with it is refused (401) from now on',
  options: { lang: { type: 'string' } },
  async run(ctx, { values, positionals }) {
    if (positionals.length !== 1) {
      ctx.err('usage: npm run cli -- api-key revoke NAME [--lang vi|en]');
      return 2;
    }
    const t = ctx.catalogue.translator(asLocale(values.lang ?? 'vi'));
    return withApp(ctx, async (app) => {
      try {
        await revokeApiKey(app, positionals[0]!);
        ctx.out(t('api-key-revoked', { name: positionals[0]! }));
        return 0;
      } catch (e) {
        if (e instanceof DomainError) {
          ctx.err(t(dynamicKey(e.key), e.args));
          return 1;
        }
        throw e;
      }
    });
  },
});
