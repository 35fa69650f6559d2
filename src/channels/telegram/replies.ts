// How the answer to an update goes back to a Telegram chat without holding the webhook request (Telegram waits for
// it, and grammY gives up after a few seconds while the work goes on). Nothing here waits on the pacer:
// - a reply that is one call to Telegram goes at once when the chat's turn is free right now and nothing due for the
//   chat is still queued (it would be overtaken);
// - everything else (the second message of an answer, a long text, a file, a reply when the turn is taken, a reply
//   Telegram refused for now) goes to the outbox, in order, and the delivery worker sends it at 1 a second.
import type { Api } from 'grammy';
import type { Logger } from 'pino';
import type { ReplyOutbox } from '../../app/ports/reply-outbox.js';
import { inTurn, splitText } from '../../app/ports/sender.js';
import { CAPABILITIES, type OutboundMessage } from '../../app/ports/channel.js';
import { classifyTelegramError, sendTelegramMessage } from './sender.js';
import type { SendPacer } from '../../app/ports/pacer.js';

export interface PacedReplies {
  pacer: SendPacer;
  outbox: ReplyOutbox;
}

export interface TelegramReplier {
  /** Sends or queues the answer to a chat, in order; returns once each message is sent or queued. */
  send(chatId: string, externalUserId: string, messages: readonly OutboundMessage[]): Promise<void>;
  /** Removes the buttons of a message whose tap was handled: now if the turn is free, else in the background. */
  clearButtons(chatId: string, messageId: number): Promise<void>;
}

function isOneCall(m: OutboundMessage): boolean {
  return !m.attachment && splitText(m.text, CAPABILITIES.TELEGRAM.maxTextLength).length === 1;
}

/** `api` must not pace by itself (no throttler, no shared-pacing transformer): the turns are taken here. */
export function createTelegramReplier(api: Api, paced: PacedReplies, logger: Logger): TelegramReplier {
  const { pacer, outbox } = paced;

  /** The turn if free now; `null` when Redis does not answer (the reply then goes unpaced rather than not at all). */
  const turnNow = (chatId: string) =>
    pacer.tryAcquire('TELEGRAM', chatId).catch((err: unknown) => (logger.warn({ err }, 'pacer unavailable; replying unpaced'), null));

  async function sendDirect(chatId: string, message: OutboundMessage): Promise<boolean> {
    if (!isOneCall(message) || (await outbox.hasDue('TELEGRAM', chatId))) return false;
    const done = await turnNow(chatId);
    if (done === undefined) return false;
    try {
      await sendTelegramMessage(api, chatId, message);
      return true;
    } catch (e) {
      const f = classifyTelegramError(e).failure;
      if (f.kind === 'rate-limited') await pacer.block?.('TELEGRAM', chatId, f.retryAfterMs).catch(() => {});
      // The outbox deals with it as with any message: retries after a 429 or 5xx, marks a blocked chat unreachable.
      logger.info({ reason: f.reason }, 'reply refused for now; queued');
      return false;
    } finally {
      // Not waited for: the pacer's next call on this connection runs after it, so the webhook answers a round trip sooner.
      void done?.().catch(() => {});
    }
  }

  return {
    async send(chatId, externalUserId, messages) {
      let i = 0;
      while (i < messages.length && (await sendDirect(chatId, messages[i]!))) i++;
      if (i < messages.length) await outbox.queue('TELEGRAM', chatId, externalUserId, messages.slice(i));
    },
    async clearButtons(chatId, messageId) {
      const edit = () => api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } });
      const done = await turnNow(chatId);
      if (done !== undefined) {
        await inTurn(done ? () => Promise.resolve(done) : undefined, edit).catch(() => {});
        return;
      }
      // The chat's turn is taken: the edit waits for the next one after the request has been answered.
      void inTurn(() => pacer.acquire('TELEGRAM', chatId), edit).catch((err: unknown) => logger.debug({ err }, 'could not clear the buttons'));
    },
  };
}
