// The Telegram adapter: grammY receives updates, the shared router decides, replies go back to the chat.
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, type BotConfig, type Context } from 'grammy';
import type { Logger } from 'pino';
import type { Router } from '../../app/interaction/router.js';
import { sendTelegramMessage } from './sender.js';
import type { SendPacer } from '../../app/ports/pacer.js';
import { sharedPacing } from './shared-pacing.js';
import { toEnvelope } from './to-envelope.js';

export interface TelegramBotDeps {
  router: Router;
  logger: Logger;
  /** Minimum gap between two replies in one chat (Telegram asks for about 1 s); tests shorten it. */
  replyGapMs?: number;
  /** Replies a second over all chats (Telegram allows about 30); benchmarks lift it to measure the pipeline alone. */
  repliesPerSecond?: number;
  /** The delivery worker's shared pacer: replies then count against the same limits as queued messages. */
  pacer?: SendPacer;
}

export function createTelegramBot(token: string, deps: TelegramBotDeps, config?: BotConfig<Context>) {
  const bot = new Bot(token, config);
  // Replies on the request path: throttled to Telegram's limits and retried on 429/5xx by grammY's plugins.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  const gap = deps.replyGapMs ?? 1000;
  const perSecond = deps.repliesPerSecond ?? 30;
  if (deps.pacer) bot.api.config.use(sharedPacing(deps.pacer));
  else
    bot.api.config.use(
      apiThrottler({
        global: { reservoir: perSecond, reservoirRefreshAmount: perSecond, reservoirRefreshInterval: 1000 },
        out: { maxConcurrent: 1, minTime: gap },
      }),
    );

  const guarded = bot.errorBoundary((err) => {
    deps.logger.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram update failed');
  });
  // One chat's updates in order (a dialog's answers must not overtake each other); chats run in parallel.
  guarded.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));

  guarded.on(['message', 'callback_query'], async (ctx) => {
    const envelope = toEnvelope(ctx);
    if (!envelope) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      return;
    }
    const result = await deps.router.handle(envelope);
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery(result.toast ? { text: result.toast } : {}).catch(() => {});
      if (result.clearButtons && ctx.callbackQuery.message) {
        await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => {});
      }
    }
    for (const message of result.replies) await sendTelegramMessage(ctx.api, envelope.chatId, message);
  });
  return bot;
}

export type TelegramBot = ReturnType<typeof createTelegramBot>;
