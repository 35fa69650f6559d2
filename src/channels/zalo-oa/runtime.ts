// Starts the OA side, wired only when ZALO_OA_* is configured: the token store (PostgreSQL, sealed), the client on
// it, the sender the delivery worker uses and, in processes that receive, the signed webhook route.
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { createChannelServices } from '../../app/channel-services.js';
import type { AppContext } from '../../app/context.js';
import type { Router } from '../../app/interaction/router.js';
import type { OaTokenRows } from '../../app/ports/oa-token-rows.js';
import type { HealthCheck } from '../../http/server.js';
import { alertAdminsToReauthorize } from './alert.js';
import { createZaloOaClient, type ZaloOaClient } from './client.js';
import { createZaloOaInbound, type ZaloOaInbound } from './inbound.js';
import { createZaloOaOAuth } from './oauth.js';
import { ZaloOaOutput } from './output.js';
import { createZaloOaSender, type OaSendPolicy, type ZaloOaSender } from './sender.js';
import type { ZaloOaConfig } from '../../config.js';
import { createOaUsageLedger } from '../../app/delivery/oa-usage.js';
import { createTokenCipher } from './token-crypto.js';
import { OaTokenStore } from './token-store.js';
import { mountZaloOaWebhook, ZALO_OA_WEBHOOK_PATH } from './webhook.js';

/** What the runtime reads of the OA's configuration (src/config.ts). */
export type ZaloOaSettings = Pick<ZaloOaConfig, 'appId' | 'secretKey' | 'oaSecretKey' | 'oaId' | 'keyring' | 'apiRoot' | 'oauthRoot' | 'webhookPath'>;

export interface ZaloOaRuntimeOptions {
  settings: ZaloOaSettings;
  app: AppContext;
  /** Where the sealed tokens are kept: createOaTokenRows(db) (src/db/repositories/zalo-oa-token.repository.ts). */
  tokenRows: OaTokenRows;
  logger: Logger;
  receive?: { router: Router; http: Hono };
  pace?: (chatId: string) => Promise<void>;
  fetch?: typeof globalThis.fetch;
  sendPolicy?: Partial<OaSendPolicy>;
  replyRetryDelaysMs?: number[];
  refreshAheadMs?: number;
}

export interface ZaloOaRuntime {
  client: ZaloOaClient;
  tokens: OaTokenStore;
  output: ZaloOaOutput;
  sender: ZaloOaSender;
  inbound: ZaloOaInbound | undefined;
  health: HealthCheck;
  stop(): Promise<void>;
  idle(): Promise<void>;
}

export function prepareZaloOa(o: ZaloOaRuntimeOptions): ZaloOaRuntime {
  const { settings: s, app, logger } = o;
  const fetchOpt = o.fetch ? { fetch: o.fetch } : {};
  const oauth = createZaloOaOAuth({ appId: s.appId, secretKey: s.secretKey, oauthRoot: s.oauthRoot, now: () => app.time.now().getTime(), ...fetchOpt });
  const services = createChannelServices(app);
  const tokens = new OaTokenStore({
    rows: o.tokenRows,
    cipher: createTokenCipher(s.keyring),
    oauth,
    oaId: s.oaId,
    now: () => app.time.now(),
    logger,
    onRefusal: (reason) => alertAdminsToReauthorize(services, logger, reason),
    ...(o.refreshAheadMs !== undefined ? { refreshAheadMs: o.refreshAheadMs } : {}),
  });
  const client = createZaloOaClient({ accessToken: tokens, apiRoot: s.apiRoot, ...fetchOpt });
  const output = new ZaloOaOutput({ client, services, catalogue: app.catalogue, ...(o.pace ? { pace: o.pace } : {}) });
  const window = createOaUsageLedger(app);
  const sender = createZaloOaSender({ output, window, catalogue: app.catalogue, logger, ...(o.sendPolicy ? { policy: o.sendPolicy } : {}) });
  const inbound = o.receive
    ? createZaloOaInbound({
        router: o.receive.router,
        output,
        services,
        window,
        catalogue: app.catalogue,
        logger,
        oaId: s.oaId,
        appId: s.appId,
        ...(o.replyRetryDelaysMs ? { replyRetryDelaysMs: o.replyRetryDelaysMs } : {}),
      })
    : undefined;
  const refusals =
    inbound && o.receive
      ? mountZaloOaWebhook(o.receive.http, {
          keys: { appId: s.appId, oaSecretKey: s.oaSecretKey },
          onEvent: (e) => inbound.dispatch(e),
          logger,
          path: s.webhookPath || ZALO_OA_WEBHOOK_PATH,
        })
      : undefined;
  return {
    client,
    tokens,
    output,
    sender,
    inbound,
    health: { name: 'zalo-oa', check: () => tokens.health() },
    async stop() {
      refusals?.flush();
      await inbound?.idle();
    },
    async idle() {
      await inbound?.idle();
    },
  };
}
