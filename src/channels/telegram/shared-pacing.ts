// Replies and queued notifications are one bot to Telegram: when a shared pacer is given, replies take their turn in
// it too, so together they keep to about 30 a second and 1 a second per chat.
import type { Transformer } from 'grammy';
import type { SendPacer } from '../../app/ports/pacer.js';

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
