// The OA token store against PostgreSQL and the OA stand-in's OAuth server: two processes (two stores, two
// connection pools) racing to refresh the same expired token make one refresh call; the refresh token is never used
// twice; a refused refresh is recorded, /healthz says what to do, and `zalo-oa authorize` brings it back.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zaloOaAuthorizeCommand, zaloOaStatusCommand } from '../../src/cli/commands/zalo-oa.js';
import { createZaloOaOAuth } from '../../src/channels/zalo-oa/oauth.js';
import { createTokenCipher } from '../../src/channels/zalo-oa/token-crypto.js';
import { OaReauthorizationNeeded, OaTokenStore } from '../../src/channels/zalo-oa/token-store.js';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { createOaTokenRows } from '../../src/db/repositories/zalo-oa-token.repository.js';
import { startZaloOaPlatform, type ZaloOaPlatform } from '../../src/sandbox/platforms/zalo-oa.js';
import { cliRunner } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const START = Date.parse('2026-12-07T02:00:00Z');

describe('OA token store', () => {
  let t: TestDatabase;
  let second: PrismaClient;
  let oa: ZaloOaPlatform;
  let now = START;
  const key = randomBytes(32);
  const store = (db: PrismaClient) =>
    new OaTokenStore({
      rows: createOaTokenRows(db),
      cipher: createTokenCipher({ currentId: '1', keys: new Map([['1', key]]) }),
      oauth: createZaloOaOAuth({ appId: oa.appId, secretKey: oa.appSecretKey, oauthRoot: oa.url, now: () => now }),
      oaId: oa.oaId,
      now: () => new Date(now),
      logger: pino({ level: 'silent' }),
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    second = createPrismaClient(t.url, { poolSize: 3 });
    oa = await startZaloOaPlatform({ now: () => now });
  });
  afterAll(async () => {
    await second?.$disconnect();
    await oa?.close();
    await t?.drop();
  });

  it('two processes refreshing the same stale token at once call Zalo once and get the same new token', async () => {
    const issued = oa.issueTokens();
    const a = store(t.db);
    const b = store(second);
    await a.save({
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      accessExpiresAt: new Date(now + 90_000_000),
      refreshExpiresAt: new Date(now + 90 * 86_400_000),
    });
    expect(await b.current()).toBe(issued.accessToken);
    now += 25 * 3_600_000 + 1000;
    const [fromA, fromB] = await Promise.all([a.refresh(issued.accessToken), b.refresh(issued.accessToken)]);
    expect(fromA).toBe(fromB);
    expect(fromA).not.toBe(issued.accessToken);
    expect(oa.callsTo('access_token').filter((c) => c.params.grant_type === 'refresh_token')).toHaveLength(1);
    expect(oa.refreshTokenUsable(issued.refreshToken)).toBe(false);
    // Nothing in clear at rest.
    const row = await t.db.zaloOaToken.findFirstOrThrow({ where: { oaId: oa.oaId } });
    expect(JSON.stringify(row)).not.toContain(fromA);
    expect(await a.health()).toBe(true);
  });

  it('a refused refresh is recorded, /healthz says how to re-authorise, and authorize with a code restores it', async () => {
    const a = store(t.db);
    // The stored refresh token is spent elsewhere (someone refreshed with a copy): Zalo refuses ours.
    const row = await t.db.zaloOaToken.findFirstOrThrow({ where: { oaId: oa.oaId } });
    const cipher = createTokenCipher({ currentId: '1', keys: new Map([['1', key]]) });
    await createZaloOaOAuth({ appId: oa.appId, secretKey: oa.appSecretKey, oauthRoot: oa.url }).refresh(
      cipher.open(row.refreshSealed!, `oa:${oa.oaId}:refresh`),
    );
    now += 26 * 3_600_000;
    await expect(a.current()).rejects.toBeInstanceOf(OaReauthorizationNeeded);
    const health = await a.health();
    expect(health).toMatchObject({ ok: false });
    expect(health !== true && health !== false && health.reason).toContain('zalo-oa authorize');

    const env = {
      ZALO_OA_APP_ID: oa.appId,
      ZALO_OA_APP_SECRET: oa.appSecretKey,
      ZALO_OA_SECRET_KEY: oa.oaSecretKey,
      ZALO_OA_ID: oa.oaId,
      ZALO_OA_TOKEN_KEY: key.toString('base64'),
      ZALO_OA_API_ROOT: oa.url,
      ZALO_OA_OAUTH_ROOT: oa.url,
      ZALO_OA_REDIRECT_URI: oa.callbackUrl,
    };
    const cli = cliRunner(() => t, { now: new Date(now).toISOString(), env });
    const status = await cli(zaloOaStatusCommand);
    expect(status.code).toBe(1);
    const first = await cli(zaloOaAuthorizeCommand);
    expect(first.code).toBe(0);
    const url = new URL(first.out.find((l) => l.startsWith('http'))!);
    expect(url.pathname).toBe('/v4/oa/permission');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    // The admin approves: the stand-in's consent page redirects with a code.
    const consent = await fetch(url, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    const code = back.searchParams.get('code')!;
    const done = await cli(zaloOaAuthorizeCommand, `--code=${code}`, `--state=${back.searchParams.get('state')!}`);
    expect(done.err).toEqual([]);
    expect(done.code).toBe(0);
    expect(await a.health()).toBe(true);
    const token = await a.current();
    expect(oa.callsTo('access_token').at(-1)!.params.grant_type).toBe('authorization_code');
    expect(token.length).toBeGreaterThan(10);
  });
});
