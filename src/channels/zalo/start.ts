// Starts the Zalo side. Receiving: a webhook when ZALO_WEBHOOK_SECRET is set (registered with Zalo when
// ZALO_WEBHOOK_URL is set too, else assumed registered by hand in Zalo Bot Manager), long polling otherwise; never
// both, since Zalo refuses getUpdates while a webhook is set. Sending: the ChannelSender the delivery worker uses.
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { createChannelServices } from '../../app/channel-services.js';
import type { AppContext } from '../../app/context.js';
import type { Router } from '../../app/interaction/router.js';
import type { ChannelSender } from '../../app/ports/sender.js';
import { createZaloInbound, type ZaloInbound } from './bot.js';
import { createZaloClient, type ZaloClient } from './client.js';
import { ZaloApiError } from './errors.js';
import { ZaloOutput } from './output.js';
import { createZaloSender, type ZaloSendPolicy } from './sender.js';
import type { ZaloBotInfo } from './types.js';
import { mountZaloWebhook, ZALO_WEBHOOK_PATH } from './webhook.js';
import { sleep } from '../../sleep.js';

export interface ZaloRuntimeOptions {
  token: string;
  apiRoot: string;
  /** `path`: where it is served (ZALO_WEBHOOK_PATH unless told), for the log. */
  webhook: { url: string | undefined; secret: string; path?: string } | undefined;
  monthlyCap: number;
  app: AppContext;
  logger: Logger;
  /**
   * Given to processes that receive (ROLE all or bot); a worker-only process just sends. Without `http` the webhook
   * route is the caller's (one route for every organisation's bot, src/runtime/organisation-runtime.ts), which hands
   * each event to `inbound.dispatch`.
   */
  receive?: { router: Router; http?: Hono };
  /** The shared pacer's turn for a chat, so replies and notifications to one chat keep one pace. */
  pace?: (chatId: string) => Promise<() => Promise<void>>;
  fetch?: typeof globalThis.fetch;
  sendPolicy?: Partial<ZaloSendPolicy>;
  replyRetryDelaysMs?: number[];
  /** Seconds one getUpdates call waits for an event (default 30). */
  pollTimeoutSeconds?: number;
  fileLinkTtlMs?: number;
}

export interface ZaloRuntime {
  client: ZaloClient;
  output: ZaloOutput;
  sender: ChannelSender;
  inbound: ZaloInbound | undefined;
  mode: 'webhook' | 'polling' | 'send-only';
  /** After the HTTP server listens: checks the token, registers the webhook or starts polling. */
  start(): Promise<ZaloBotInfo | undefined>;
  stop(): Promise<void>;
  /** Every event received so far has been handled and answered. */
  idle(): Promise<void>;
}

export class ZaloTokenRefused extends Error {
  constructor() {
    super(
      'Zalo refused ZALO_BOT_TOKEN (401). Check the token in Zalo Bot Creator (it changes when it is reset).\n' +
        'Zalo từ chối ZALO_BOT_TOKEN (401). Kiểm tra lại mã bot trong Zalo Bot Creator (mã đổi khi được cấp lại).',
    );
    this.name = 'ZaloTokenRefused';
  }
}

export function prepareZalo(o: ZaloRuntimeOptions): ZaloRuntime {
  const { app, logger } = o;
  const client = createZaloClient({ token: o.token, apiRoot: o.apiRoot, ...(o.fetch ? { fetch: o.fetch } : {}) });
  // The adapter reaches the application through this port only (prompts, commands, file links, the monthly count).
  const services = createChannelServices(app, { monthlyCaps: { ZALO: o.monthlyCap }, ...(o.fileLinkTtlMs ? { fileLinkTtlMs: o.fileLinkTtlMs } : {}) });
  const output = new ZaloOutput({ client, services, catalogue: app.catalogue, logger, ...(o.pace ? { pace: o.pace } : {}) });
  const sender = createZaloSender(output, services, o.sendPolicy);
  const inbound = o.receive
    ? createZaloInbound({ router: o.receive.router, output, services, logger, ...(o.replyRetryDelaysMs ? { replyRetryDelaysMs: o.replyRetryDelaysMs } : {}) })
    : undefined;
  const mode: ZaloRuntime['mode'] = !inbound ? 'send-only' : o.webhook ? 'webhook' : 'polling';
  const refusals =
    inbound && o.webhook && o.receive?.http
      ? mountZaloWebhook(o.receive.http, { secret: o.webhook.secret, onUpdate: (u) => inbound.dispatch(u), logger })
      : undefined;

  const stopping = new AbortController();
  let polling: Promise<void> | undefined;

  async function pollLoop(receiver: ZaloInbound): Promise<void> {
    const signal = stopping.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        // One event per call, no offset (docs/zalo.md §1.3): what Zalo hands out is ours to handle.
        const update = await client.getUpdates({ timeoutSeconds: o.pollTimeoutSeconds ?? 30, signal });
        failures = 0;
        if (update) receiver.dispatch(update);
      } catch (e) {
        if (signal.aborted) break;
        failures++;
        const wait = Math.min(30_000, 1000 * 2 ** Math.min(failures - 1, 5));
        logger.warn({ err: e instanceof Error ? e.message : String(e), retryInMs: wait }, 'zalo getUpdates failed');
        await sleep(wait, signal);
      }
    }
  }

  return {
    client,
    output,
    sender,
    inbound,
    mode,
    async start() {
      let me: ZaloBotInfo | undefined;
      try {
        me = await client.getMe();
      } catch (e) {
        if (e instanceof ZaloApiError && e.isUnauthorized) throw new ZaloTokenRefused();
        logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'zalo getMe failed; going on');
      }
      if (mode === 'webhook') {
        if (o.webhook?.url) {
          await client.setWebhook({ url: o.webhook.url, secretToken: o.webhook.secret });
          logger.info({ url: o.webhook.url }, 'zalo webhook set');
        } else {
          logger.info({ path: o.webhook?.path ?? ZALO_WEBHOOK_PATH }, 'zalo webhook endpoint ready (URL registered in Zalo Bot Manager)');
        }
      } else if (mode === 'polling') {
        // Never both: a webhook left from an earlier run would make every getUpdates fail.
        const info = await client.getWebhookInfo().catch(() => undefined);
        if (!info || info.url)
          await client.deleteWebhook().catch((e) => logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'zalo deleteWebhook failed'));
        polling = pollLoop(inbound!);
        logger.info('zalo long polling started');
      }
      return me;
    },
    async stop() {
      stopping.abort(new Error('stopping'));
      refusals?.flush();
      await polling;
      await inbound?.idle();
    },
    async idle() {
      await inbound?.idle();
    },
  };
}
