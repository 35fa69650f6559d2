// The Telegram adapter: grammY receives updates, the shared router decides, replies go back to the chat.
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Api, Bot, type BotConfig, type Context } from 'grammy';
import type { Logger } from 'pino';
import type { Router } from '../../app/interaction/router.js';
import type { ReplyOutbox } from '../../app/ports/reply-outbox.js';
import { createTelegramReplier, type TelegramReplier } from './replies.js';
import { sendTelegramMessage } from './sender.js';
import type { SendPacer } from '../../app/ports/pacer.js';
import { sharedPacing } from './shared-pacing.js';
import { toEnvelope } from './to-envelope.js';

export interface TelegramBotDeps {
  router: Router;
  logger: Logger;
  /**
   * The delivery worker's shared pacer (jobs/delivery/pacer.ts): replies count against the same limits as queued
   * messages. Tests and benchmarks give it their own limits.
   */
  pacer: SendPacer;
  /**
   * Where replies wait when they cannot go at once, so the webhook request never waits for a turn
   * (src/channels/telegram/replies.ts). Without it, replies are sent on the request path, one after the other.
   */
  outbox?: ReplyOutbox;
}

export function createTelegramBot(token: string, deps: TelegramBotDeps, config?: BotConfig<Context>) {
  const bot = new Bot(token, config);
  // Replies on the request path: paced to Telegram's limits by the shared pacer, retried on 429/5xx by auto-retry.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
  bot.api.config.use(sharedPacing(deps.pacer));

  // Replies and edits take their turns explicitly, on an Api that does not pace by itself.
  const replier: TelegramReplier | undefined = deps.outbox
    ? createTelegramReplier(new Api(token, config?.client), { pacer: deps.pacer, outbox: deps.outbox }, deps.logger)
    : undefined;

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
    // The answer goes out (or into the outbox) inside the handling, under the chat's lock when there is one
    // (src/runtime/chat-order.ts): the next update's answer cannot overtake it from another bot process.
    await deps.router.handle(envelope, async (result) => {
      if (ctx.callbackQuery) {
        await ctx.answerCallbackQuery(result.toast ? { text: result.toast } : {}).catch(() => {});
        if (result.clearButtons && ctx.callbackQuery.message) {
          if (replier) await replier.clearButtons(envelope.chatId, ctx.callbackQuery.message.message_id);
          else await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => {});
        }
      }
      if (replier) await replier.send(envelope.chatId, envelope.externalUserId, result.replies);
      else for (const message of result.replies) await sendTelegramMessage(ctx.api, envelope.chatId, message);
    });
  });
  return bot;
}

export type TelegramBot = ReturnType<typeof createTelegramBot>;
