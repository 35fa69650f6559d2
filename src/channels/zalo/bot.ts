// The Zalo adapter's receiving half: each event from the webhook or the long poll goes to the shared router, one
// chat at a time and in arrival order (a dialog's answers must not overtake each other), chats in parallel; the
// router's replies go straight back through ZaloOutput (numbered choices, split text, counted).
import type { Logger } from 'pino';
import type { Router } from '../../app/interaction/router.js';
import type { ChannelServices } from '../../app/ports/channel-services.js';
import type { OutboundMessage } from '../../app/ports/channel.js';
import { ZaloApiError } from './errors.js';
import type { ZaloOutput } from './output.js';
import { zaloToEnvelope } from './to-envelope.js';
import type { ZaloUpdate } from './types.js';
import { sleep } from '../../sleep.js';

export interface ZaloInboundDeps {
  router: Router;
  output: ZaloOutput;
  services: Pick<ChannelServices, 'recipient'>;
  logger: Logger;
  /** Waits before retrying a reply Zalo refused with 429, 403 or 5xx (or that got no answer). Default 1, 2 and 4 s. */
  replyRetryDelaysMs?: number[];
}

export interface ZaloInbound {
  /** Queues an event behind the earlier ones of its chat and returns at once. */
  dispatch(update: ZaloUpdate): void;
  /** Resolves when every event dispatched so far has been handled and answered. */
  idle(): Promise<void>;
}

export function createZaloInbound(deps: ZaloInboundDeps): ZaloInbound {
  const chains = new Map<string, Promise<void>>();
  const delays = deps.replyRetryDelaysMs ?? [1000, 2000, 4000];

  async function reply(chatId: string, messages: OutboundMessage[], externalUserId: string): Promise<void> {
    // Who is this now (the update may just have linked the account), and in which language do they read?
    const { identityId, locale } = await deps.services.recipient('ZALO', externalUserId);
    for (let attempt = 0; ; attempt++) {
      try {
        await deps.output.deliver(chatId, messages, { locale, identityId });
        return;
      } catch (e) {
        // Several messages go as several calls: a retry may repeat the parts already sent. Rare, and better than
        // an answer lost.
        const retryable = e instanceof ZaloApiError ? e.isRetryable : true;
        if (!retryable || attempt >= delays.length) throw e;
        await sleep(delays[attempt]!);
      }
    }
  }

  async function handle(update: ZaloUpdate): Promise<void> {
    const envelope = zaloToEnvelope(update);
    if (!envelope) {
      deps.logger.debug({ event: update.event_name }, 'zalo event ignored');
      return;
    }
    // Answered inside the handling, under the chat's lock when there is one (src/runtime/chat-order.ts).
    await deps.router.handle(envelope, async (result) => {
      const messages = [...result.replies];
      // Zalo has no toast: a notice meant for a tapped button becomes a short reply.
      if (messages.length === 0 && result.toast) messages.push({ text: result.toast });
      if (messages.length > 0) await reply(envelope.chatId, messages, envelope.externalUserId);
    });
  }

  return {
    dispatch(update) {
      const key = update.message?.chat.id ?? '';
      const previous = chains.get(key) ?? Promise.resolve();
      const next = previous
        .then(() => handle(update))
        .catch((err) => deps.logger.error({ err, event: update.event_name }, 'zalo update failed'))
        .finally(() => {
          if (chains.get(key) === next) chains.delete(key);
        });
      chains.set(key, next);
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}
