// The OA adapter's receiving half: each webhook event goes to the shared router one chat at a time in arrival order
// (a dialog's answers must not overtake each other), chats in parallel; the router's replies go straight back
// through ZaloOaOutput. Follow and unfollow are recorded on the identity here: they are no router input.
import type { Logger } from 'pino';
import type { Router } from '../../app/interaction/router.js';
import type { OutboundMessage } from '../../app/ports/channel.js';
import type { ChannelServices } from '../../app/ports/channel-services.js';
import type { OaWindowPort } from '../../app/ports/oa-window.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import { ZaloOaError } from './errors.js';
import { OA_NUDGE_ACTION } from './sender.js';
import type { ZaloOaOutput } from './output.js';
import { oaExternalUserId, oaToEnvelope } from './to-envelope.js';
import type { OaEvent } from './webhook-event.js';
import { sleep } from '../../sleep.js';

export interface ZaloOaInboundDeps {
  router: Router;
  output: ZaloOaOutput;
  /** Who writes, and the follow and unfollow records (src/app/channel-services.ts). */
  services: ChannelServices;
  /** The person's window: what was held for it goes when they write (src/app/delivery/oa-usage.ts). */
  window: OaWindowPort;
  catalogue: Catalogue;
  logger: Logger;
  /** Events for another OA (a webhook shared by mistake) are dropped. */
  oaId: string;
  /** Events that name another app are dropped too (the signature is over our app id, so Zalo would not sign them). */
  appId: string;
  /** Waits before retrying a reply the OA refused for a passing reason. Default 1, 2 and 4 s. */
  replyRetryDelaysMs?: number[];
}

export interface ZaloOaInbound {
  /** Queues an event behind the earlier ones of its chat and returns at once. */
  dispatch(event: OaEvent): void;
  /** Resolves when every event dispatched so far has been handled and answered. */
  idle(): Promise<void>;
}

export function createZaloOaInbound(deps: ZaloOaInboundDeps): ZaloOaInbound {
  const { services, logger } = deps;
  const chains = new Map<string, Promise<void>>();
  const delays = deps.replyRetryDelaysMs ?? [1000, 2000, 4000];

  async function reply(chatId: string, messages: OutboundMessage[], externalUserId: string): Promise<void> {
    const { locale, identityId } = await services.recipient('ZALO_OA', externalUserId);
    // The parts already out are not sent again when a later one is retried.
    const progress = { sent: 0 };
    for (let attempt = 0; ; attempt++) {
      try {
        // A reply right after the person wrote: inside the window, and each message counts towards the cap.
        await deps.output.deliver(chatId, messages, { locale, identityId, progress, onSent: () => deps.window.record(chatId, 'CS', true) });
        return;
      } catch (e) {
        const retryable = e instanceof ZaloOaError ? e.isRetryable || e.isTokenProblem || e.kind === 'token-unavailable' : true;
        if (!retryable || attempt >= delays.length) throw e;
        await sleep(delays[attempt]!);
      }
    }
  }

  async function followed(event: Extract<OaEvent, { kind: 'follow' | 'unfollow' }>): Promise<void> {
    if (!(await services.claimEvent('ZALO_OA', event.dedupeKey))) return;
    const { identityId } = await services.recipient('ZALO_OA', oaExternalUserId(event.oaId, event.userId));
    if (event.kind === 'unfollow') {
      if (identityId === undefined) return;
      // Nothing more can reach them on the OA (Zalo answers -213): new notifications go to their other chat, and
      // what is queued here moves there when delivery meets the refusal (rerouteUnreachable).
      await services.unreachable('ZALO_OA', event.userId, 'unfollowed the Official Account');
      logger.info({ identityId }, 'zalo oa: unfollowed; the chat is unreachable until they follow again');
      return;
    }
    if (identityId !== undefined) {
      // Following (again) opens their window and makes the chat reachable.
      await services.touched(identityId);
      await deps.window.released(event.userId);
      return;
    }
    // A new follower: tell them how to link (the invite code), in Vietnamese until we know who they are.
    await reply(event.userId, [{ text: deps.catalogue.t('vi', 'link-required') }], oaExternalUserId(event.oaId, event.userId));
  }

  /** The one-tap reply of a digest or reminder: it reopens the window; the router has nothing to do with it. */
  async function nudged(chatId: string, externalUserId: string, dedupeKey: string): Promise<void> {
    if (!(await services.claimEvent('ZALO_OA', dedupeKey))) return;
    const { identityId, locale } = await services.recipient('ZALO_OA', externalUserId);
    if (identityId === undefined) return;
    await services.touched(identityId);
    await deps.window.released(chatId);
    await reply(chatId, [{ text: deps.catalogue.t(locale, 'oa-nudge-thanks') }], externalUserId);
  }

  async function handle(event: OaEvent): Promise<void> {
    if ('oaId' in event && event.oaId !== undefined && event.oaId !== deps.oaId && event.kind !== 'echo') {
      logger.warn({ event: event.eventName }, 'zalo oa: event for another OA ignored');
      return;
    }
    if ('appId' in event && event.appId !== undefined && event.appId !== deps.appId) {
      logger.warn({ event: event.eventName }, 'zalo oa: event for another app ignored');
      return;
    }
    if (event.kind === 'follow' || event.kind === 'unfollow') return followed(event);
    const envelope = oaToEnvelope(event);
    if (!envelope) return;
    if (event.kind === 'action' && event.action === OA_NUDGE_ACTION) return nudged(event.userId, envelope.externalUserId, event.dedupeKey);
    // Answered inside the handling, under the chat's lock when there is one (src/runtime/chat-order.ts).
    await deps.router.handle(envelope, async (result) => {
      // They wrote (or pressed): their window is open again, so what was held for it goes now, merged where it can be.
      await deps.window.released(envelope.chatId);
      const messages = [...result.replies];
      // The OA has no toast: a notice meant for a pressed button becomes a short reply.
      if (messages.length === 0 && result.toast) messages.push({ text: result.toast });
      if (messages.length > 0) await reply(envelope.chatId, messages, envelope.externalUserId);
    });
  }

  return {
    dispatch(event) {
      const key = 'userId' in event ? (event.userId ?? '') : '';
      const previous = chains.get(key) ?? Promise.resolve();
      const next = previous
        .then(() => handle(event))
        .catch((err) => {
          // A unit's OA is public: anyone may write to it without following, and Zalo refuses every answer to them
          // (-213). That is the person's step to take (follow, then send the code), not a fault to page anyone about.
          if (err instanceof ZaloOaError && err.kind === 'not-follower')
            logger.info({ event: event.kind }, 'zalo oa: cannot answer someone who does not follow the OA');
          else logger.error({ err, event: event.kind }, 'zalo oa event failed');
        })
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
