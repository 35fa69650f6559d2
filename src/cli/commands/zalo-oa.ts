// `npm run cli -- zalo-oa authorize`: the OA admin's consent, OAuth v4 with PKCE. Without --code it makes a PKCE
// pair, keeps the verifier (sealed, in `setting`) and prints the permission URL; the admin opens it, approves, and
// Zalo sends the browser to ZALO_OA_REDIRECT_URI?code=…&oa_id=…&state=…. Then `zalo-oa authorize --code <code>`
// trades the code (valid 10 minutes, once) and the verifier for the first token pair, stored sealed.
// `zalo-oa status` says what is stored and whether the last refresh failed.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { createZaloOaOAuth, createPkcePair, permissionUrl, ZaloOaAuthError } from '../../channels/zalo-oa/oauth.js';
import { createTokenCipher } from '../../channels/zalo-oa/token-crypto.js';
import { OaTokenStore } from '../../channels/zalo-oa/token-store.js';
import type { ZaloOaConfig } from '../../config.js';
import type { PrismaClient } from '../../db/client.js';
import { readSetting, writeSetting } from '../../db/repositories/setting.repository.js';
import { createOaTokenRows } from '../../db/repositories/zalo-oa-token.repository.js';
import type { CliContext } from '../context.js';
import { defineCommand } from '../define-command.js';

const PKCE_SETTING = 'zalo-oa.pkce';
const NOT_CONFIGURED =
  'Zalo OA is not configured: set ZALO_OA_APP_ID, ZALO_OA_APP_SECRET, ZALO_OA_SECRET_KEY, ZALO_OA_ID and ZALO_OA_TOKEN_KEY (README "Zalo Official Account"). / Chưa cấu hình Zalo OA.';

function storeFor(ctx: CliContext, oa: ZaloOaConfig, db: PrismaClient): OaTokenStore {
  const oauth = createZaloOaOAuth({ appId: oa.appId, secretKey: oa.secretKey, oauthRoot: oa.oauthRoot, now: () => ctx.time.now().getTime() });
  return new OaTokenStore({
    rows: createOaTokenRows(db),
    cipher: createTokenCipher(oa.keyring),
    oauth,
    oaId: oa.oaId,
    now: () => ctx.time.now(),
    logger: pino({ level: 'silent' }),
  });
}

export const zaloOaAuthorizeCommand = defineCommand({
  path: ['zalo-oa', 'authorize'],
  usage: 'zalo-oa authorize [--code CODE [--state STATE]]',
  summary: 'authorise the app on the Zalo Official Account (prints the permission URL, then takes the code)',
  options: { code: { type: 'string' }, state: { type: 'string' } },
  async run(ctx, { values }) {
    const oa = ctx.config.zaloOa;
    if (!oa) {
      ctx.err(NOT_CONFIGURED);
      return 2;
    }
    if (!oa.redirectUri) {
      ctx.err('ZALO_OA_REDIRECT_URI is not set: it must equal the "Official Account Callback URL" of the app at developers.zalo.me.');
      return 2;
    }
    const cipher = createTokenCipher(oa.keyring);
    const context = `oa:${oa.oaId}:pkce`;
    const opened = await ctx.openDatabase();
    try {
      if (values.code === undefined) {
        const pkce = createPkcePair();
        const state = randomBytes(12).toString('base64url');
        await writeSetting(opened.db, PKCE_SETTING, cipher.seal(JSON.stringify({ verifier: pkce.verifier, state }), context));
        ctx.out('1. Mở địa chỉ này bằng tài khoản quản trị OA và bấm đồng ý / Open this URL as the OA admin and approve:');
        ctx.out(permissionUrl({ appId: oa.appId, redirectUri: oa.redirectUri, codeChallenge: pkce.challenge, state, oauthRoot: oa.oauthRoot }));
        ctx.out('2. Zalo chuyển về địa chỉ có ?code=…; trong 10 phút, chạy / Zalo sends you back to an address with ?code=…; within 10 minutes run:');
        ctx.out(`   npm run cli -- zalo-oa authorize --code=<code> --state=${state}`);
        return 0;
      }
      const sealed = await readSetting(opened.db, PKCE_SETTING);
      if (!sealed) {
        ctx.err('No consent in progress: run `npm run cli -- zalo-oa authorize` first. / Chưa có yêu cầu cấp quyền: chạy lệnh không có --code trước.');
        return 1;
      }
      const pending = JSON.parse(cipher.open(sealed, context)) as { verifier: string; state: string };
      if (values.state !== undefined && values.state !== pending.state) {
        ctx.err('The state does not match the last permission URL printed: start again. / Tham số state không khớp: làm lại từ đầu.');
        return 1;
      }
      const store = storeFor(ctx, oa, opened.db);
      const oauth = createZaloOaOAuth({ appId: oa.appId, secretKey: oa.secretKey, oauthRoot: oa.oauthRoot, now: () => ctx.time.now().getTime() });
      try {
        const pair = await oauth.exchangeCode({ code: values.code, codeVerifier: pending.verifier });
        await store.save(pair);
      } catch (e) {
        if (!(e instanceof ZaloOaAuthError)) throw e;
        ctx.err(`Zalo refused the code: ${e.message}. The code works once, for 10 minutes: run \`npm run cli -- zalo-oa authorize\` again.`);
        return 1;
      }
      await opened.db.setting.deleteMany({ where: { key: PKCE_SETTING } });
      const status = await store.status();
      ctx.out(
        `Đã lưu mã truy cập OA / OA tokens stored: access until ${status.accessExpiresAt?.toISOString()}, refresh ${status.refreshExpiresAt ? `until ${status.refreshExpiresAt.toISOString()}` : 'none (is the OA verified?)'}`,
      );
      return 0;
    } finally {
      await opened.close();
    }
  },
});

export const zaloOaStatusCommand = defineCommand({
  path: ['zalo-oa', 'status'],
  usage: 'zalo-oa status',
  summary: 'what OA tokens are stored and whether they still work',
  options: {},
  async run(ctx) {
    const oa = ctx.config.zaloOa;
    if (!oa) {
      ctx.err(NOT_CONFIGURED);
      return 2;
    }
    const opened = await ctx.openDatabase();
    try {
      const store = storeFor(ctx, oa, opened.db);
      const s = await store.status();
      const health = await store.health();
      ctx.out(
        `OA ${oa.oaId}: ${s.authorised ? `access until ${s.accessExpiresAt?.toISOString()}, refresh ${s.refreshExpiresAt?.toISOString() ?? 'none'}` : 'not authorised'}`,
      );
      if (health !== true) ctx.out(health === false ? 'not healthy' : health.reason);
      return health === true ? 0 : 1;
    } finally {
      await opened.close();
    }
  },
});
