// Replies and queued notifications are one bot to Telegram: when a shared pacer is given, replies take their turn in
// it too, so together they keep to about 30 a second and 1 a second per chat.
import type { Transformer } from 'grammy';

/** The pacer of the delivery worker (jobs/delivery/pacer.ts), seen from a channel adapter. */
export interface SendPacer {
  /** Waits for this chat's and the whole bot's turn; call the result once the platform answered. */
  acquire(channel: string, chatId: string): Promise<() => Promise<void>>;
  /** The turn if it is free right now, else undefined (never waits). */
  tryAcquire(channel: string, chatId: string): Promise<(() => Promise<void>) | undefined>;
  /** The platform said 429: nothing more to this chat for `ms`. */
  block?(channel: string, chatId: string, ms: number): Promise<void>;
}

const PACED = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'copyMessage', 'forwardMessage', 'editMessageText', 'editMessageReplyMarkup']);

export function sharedPacing(pacer: SendPacer): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = payload && typeof payload === 'object' && 'chat_id' in payload ? String((payload as { chat_id: unknown }).chat_id) : undefined;
    if (!chatId || !PACED.has(method)) return prev(method, payload, signal);
    // Redis away for a moment must not silence the bot: the reply then goes unpaced (auto-retry still honours 429).
    const done = await pacer.acquire('TELEGRAM', chatId).catch(() => undefined);
    try {
      return await prev(method, payload, signal);
    } finally {
      await done?.().catch(() => {});
    }
  };
}
