import { describe, expect, it } from 'vitest';
import { ConfigError, createConfig } from '../../src/config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const OA = {
  ZALO_OA_APP_ID: '1234567890123456789',
  ZALO_OA_APP_SECRET: 'app-secret',
  ZALO_OA_SECRET_KEY: 'oa-secret',
  ZALO_OA_ID: '3881328087880864500',
  ZALO_OA_TOKEN_KEY: KEY,
};

const problemsOf = (env: Record<string, string>): string => {
  try {
    createConfig(env);
    return '';
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.join('\n');
  }
};

describe('Zalo OA configuration', () => {
  it('is off without ZALO_OA_APP_ID and on with the four companions, with the defaults', () => {
    expect(createConfig({}).zaloOa).toBeUndefined();
    const c = createConfig(OA).zaloOa!;
    expect(c).toMatchObject({
      appId: OA.ZALO_OA_APP_ID,
      oaId: OA.ZALO_OA_ID,
      apiRoot: 'https://openapi.zalo.me',
      oauthRoot: 'https://oauth.zaloapp.com',
      webhookPath: '/zalo-oa/webhook',
    });
    expect(c.keyring.keys.get('1')).toHaveLength(32);
  });

  it('names each missing companion, a bad key and the outside-window variable that moved to the policy file', () => {
    const missing = problemsOf({ ZALO_OA_APP_ID: OA.ZALO_OA_APP_ID });
    for (const v of ['ZALO_OA_APP_SECRET', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ID', 'ZALO_OA_TOKEN_KEY'])
      expect(missing).toContain(`${v} is required when ZALO_OA_APP_ID is set`);
    expect(problemsOf({ ...OA, ZALO_OA_TOKEN_KEY: 'short' })).toContain('ZALO_OA_TOKEN_KEY must be 32 random bytes');
    expect(problemsOf({ ...OA, ZALO_OA_OUTSIDE_WINDOW: 'template' })).toContain('ZALO_OA_OUTSIDE_WINDOW moved to the policy file');
    expect(problemsOf({ ZALO_OA_ID: OA.ZALO_OA_ID })).toContain('ZALO_OA_APP_ID is required');
  });
});
