import { webhookCallback, type Bot, type Context } from 'grammy';
import type { Hono } from 'hono';

export const TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

/** Telegram posts updates here with the secret we gave it; a wrong or missing secret gets 401 and no effect. */
export function mountTelegramWebhook(app: Hono, bot: Bot<Context>, secret: string): void {
  const handle = webhookCallback(bot, 'hono', { secretToken: secret, onTimeout: 'return', timeoutMilliseconds: 9_000 });
  app.post(TELEGRAM_WEBHOOK_PATH, (c) => handle(c));
}
