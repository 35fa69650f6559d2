// Starts the Telegram side: long polling with grammY's runner by default, a webhook when TELEGRAM_WEBHOOK_URL is set.
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Router } from '../app/interaction/router.js';
import { createTelegramBot, type TelegramBot } from '../channels/telegram/bot.js';
import type { SendPacer } from '../channels/telegram/shared-pacing.js';
import { publishCommandMenu } from '../channels/telegram/commands-menu.js';
import type { Config } from '../config.js';
import { mountTelegramWebhook } from '../http/telegram-webhook.js';
import type { Catalogue } from '../i18n/catalogue.js';

export interface TelegramRuntime {
  bot: TelegramBot;
  username: string;
  /** Called after the HTTP server listens (webhook mode registers itself with Telegram then). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function prepareTelegram(
  config: Config,
  deps: { router: Router; logger: Logger; catalogue: Catalogue; http: Hono; pacer?: SendPacer },
): Promise<TelegramRuntime> {
  const token = config.telegram.token!;
  const bot = createTelegramBot(token, { router: deps.router, logger: deps.logger, ...(deps.pacer ? { pacer: deps.pacer } : {}) }, { client: { apiRoot: config.telegram.apiRoot } });
  // Before any update arrives: grammY needs to know who it is.
  await bot.init();
  await publishCommandMenu(bot.api, deps.catalogue).catch((e) => deps.logger.warn({ err: e }, 'could not publish the command menu'));
  const webhook = config.telegram.webhook;
  let runner: RunnerHandle | undefined;
  if (webhook) mountTelegramWebhook(deps.http, bot, webhook.secret);
  return {
    bot,
    username: bot.botInfo.username,
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
