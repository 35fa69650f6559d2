// Starts the Telegram side: long polling with grammY's runner by default, a webhook when TELEGRAM_WEBHOOK_URL is set.
// First it asks Telegram who the bot is (getMe). A refused token stops the start with a message saying what to do; an
// API that does not answer (network down, Telegram blocked, a proxy not up yet) is asked again with a growing wait,
// each try logged and shown on /healthz, instead of grammY's silent retries.
import { run, type RunnerHandle } from '@grammyjs/runner';
import { Api, GrammyError, HttpError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { Router } from '../../app/interaction/router.js';
import { createTelegramBot, type TelegramBot } from './bot.js';
import type { ReplyOutbox } from '../../app/ports/reply-outbox.js';
import type { SendPacer } from '../../app/ports/pacer.js';
import { publishCommandMenu } from './commands-menu.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import { TOKEN_REFUSED_MESSAGE } from './token-refused.js';
import { retryWithBackoff, type BackoffOptions } from '../retry.js';

export class TelegramTokenRefused extends Error {
  constructor(readonly status: number) {
    super(TOKEN_REFUSED_MESSAGE);
    this.name = 'TelegramTokenRefused';
  }
}

export interface TelegramRuntime {
  bot: TelegramBot;
  username: string;
  mode: 'webhook' | 'polling';
  /** Called after the HTTP server listens (webhook mode registers itself with Telegram then). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Why getMe failed, in a few plain words for the log and /healthz. */
function describeFailure(e: unknown): string {
  if (e instanceof GrammyError) return `Telegram answered ${e.error_code} ${e.description}`;
  if (e instanceof HttpError) {
    const cause = e.error as { code?: string; cause?: { code?: string; message?: string }; message?: string } | undefined;
    const detail = cause?.cause?.code ?? cause?.code ?? cause?.cause?.message ?? cause?.message;
    return `no answer from the Telegram API${detail ? ` (${detail})` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** 401: the token is wrong or revoked; 404: Telegram's answer to a token it cannot read at all. */
const isRefusal = (e: unknown) => e instanceof GrammyError && (e.error_code === 401 || e.error_code === 404);

/** Asks getMe until Telegram answers; throws TelegramTokenRefused when it refuses the token. */
export async function waitForTelegram(
  token: string,
  apiRoot: string,
  o: BackoffOptions & { logger: Logger; onWaiting?: (reason: string) => void },
): Promise<UserFromGetMe> {
  // A plain client: no auto-retry (it would retry a network failure forever without a word), a short timeout.
  const api = new Api(token, { apiRoot, timeoutSeconds: 15 });
  try {
    return await retryWithBackoff(() => api.getMe(o.signal as Parameters<Api['getMe']>[0]), {
      ...o,
      isFatal: isRefusal,
      onFailure(e, attempt, waitMs) {
        const reason = `${describeFailure(e)} at ${apiRoot}; attempt ${attempt} failed, next in ${Math.round(waitMs / 1000)} s`;
        o.logger.warn({ attempt, retryInMs: waitMs, apiRoot }, `waiting for Telegram: ${reason}`);
        o.onWaiting?.(`waiting for Telegram: ${reason}`);
      },
    });
  } catch (e) {
    if (isRefusal(e)) throw new TelegramTokenRefused((e as GrammyError).error_code);
    throw e;
  }
}

/** One bot: the default organisation's from TELEGRAM_* (config.telegram), another's from its organisation row. */
export interface TelegramSettings {
  token: string;
  apiRoot: string;
  /** Where Telegram posts updates and the secret it sends with them; undefined: long polling. */
  webhook: { url: string; secret: string } | undefined;
}

export async function prepareTelegram(
  settings: TelegramSettings,
  deps: {
    router: Router;
    logger: Logger;
    catalogue: Catalogue;
    pacer: SendPacer;
    outbox?: ReplyOutbox;
    onWaiting?: (reason: string) => void;
    retry?: BackoffOptions;
  },
): Promise<TelegramRuntime> {
  const token = settings.token;
  const me = await waitForTelegram(token, settings.apiRoot, {
    logger: deps.logger,
    ...deps.retry,
    ...(deps.onWaiting ? { onWaiting: deps.onWaiting } : {}),
  });
  // grammY knows who it is from getMe above, so it asks nothing more before the first update.
  const bot = createTelegramBot(
    token,
    { router: deps.router, logger: deps.logger, pacer: deps.pacer, ...(deps.outbox ? { outbox: deps.outbox } : {}) },
    { botInfo: me, client: { apiRoot: settings.apiRoot } },
  );
  await publishCommandMenu(bot.api, deps.catalogue).catch((e) => deps.logger.warn({ err: e }, 'could not publish the command menu'));
  const webhook = settings.webhook;
  let runner: RunnerHandle | undefined;
  return {
    bot,
    username: me.username,
    mode: webhook ? 'webhook' : 'polling',
    async start() {
      if (webhook) {
        await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ['message', 'callback_query'] });
        deps.logger.info({ url: webhook.url }, 'telegram webhook set');
      } else {
        // Never both: polling refuses to run while a webhook is set.
        await bot.api.deleteWebhook();
        runner = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query'] } } });
        deps.logger.info('telegram long polling started');
      }
    },
    async stop() {
      if (runner?.isRunning()) await runner.stop();
    },
  };
}
