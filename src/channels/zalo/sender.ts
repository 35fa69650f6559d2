// Sends outbox messages to Zalo. The delivery worker owns pacing and retries; this maps Zalo's answers onto what
// delivery can do about them (SendError kinds).
import type { ChannelServices } from '../../app/ports/channel-services.js';
import { SendError, type ChannelSender, type SendContext } from '../../app/ports/sender.js';
import { CAPABILITIES } from '../../app/ports/channel.js';
import { ZaloApiError } from './errors.js';
import type { ZaloOutput } from './output.js';

export interface ZaloSendPolicy {
  /**
   * Zalo's error table labels 403 "Internal server error" (sic) and documents nothing for a user who blocked the bot.
   * A 403 is therefore retried like a 5xx, and only a message refused with 403 this many times in a row (its earlier
   * failures included) marks the chat unreachable, so the person's other channel takes over. Default 3 (about 6 s of
   * back-off in between with the delivery defaults).
   */
  forbiddenStrikes: number;
  /** Zalo's 429 ("quota exceeded") carries no retry_after: wait this long, doubled for each earlier failure. */
  rateLimitBaseMs: number;
  rateLimitMaxMs: number;
}

export const DEFAULT_ZALO_SEND_POLICY: ZaloSendPolicy = { forbiddenStrikes: 3, rateLimitBaseMs: 10_000, rateLimitMaxMs: 15 * 60_000 };

/**
 * What a failed Zalo call means for delivery. `attempt` = how many times this message failed before.
 * - 429 → rate-limited (back-off grows with the attempts);
 * - 403 → transient until `forbiddenStrikes`, then unreachable (see {@link ZaloSendPolicy});
 * - 401 → transient: the token was reset or is wrong, nothing to do with the message; it waits for the operator;
 * - 5xx, 408, network failures and timeouts → transient;
 * - anything else (400: text too long, bad chat id; 404) → rejected for good.
 */
export function classifyZaloError(e: unknown, attempt: number, policy: ZaloSendPolicy = DEFAULT_ZALO_SEND_POLICY): SendError {
  if (!(e instanceof ZaloApiError)) return new SendError({ kind: 'transient', reason: e instanceof Error ? e.message : String(e) });
  const reason = `${e.errorCode || e.kind} ${e.description}`.trim();
  if (e.kind === 'network' || e.kind === 'timeout') return new SendError({ kind: 'transient', reason });
  if (e.kind === 'invalid-response') return new SendError({ kind: 'rejected', reason });
  if (e.isRateLimited) {
    const retryAfterMs = Math.min(policy.rateLimitMaxMs, policy.rateLimitBaseMs * 2 ** Math.min(attempt, 16));
    return new SendError({ kind: 'rate-limited', retryAfterMs, reason });
  }
  if (e.isForbidden) return new SendError({ kind: attempt + 1 >= policy.forbiddenStrikes ? 'unreachable' : 'transient', reason });
  if (e.isUnauthorized || e.errorCode === 408 || e.errorCode >= 500) return new SendError({ kind: 'transient', reason });
  return new SendError({ kind: 'rejected', reason });
}

export function createZaloSender(output: ZaloOutput, services: Pick<ChannelServices, 'attemptsOfHead'>, policy: Partial<ZaloSendPolicy> = {}): ChannelSender {
  const p: ZaloSendPolicy = { ...DEFAULT_ZALO_SEND_POLICY, ...policy };
  return {
    channel: 'ZALO',
    capabilities: CAPABILITIES.ZALO,
    async send(chatId, message, context: SendContext) {
      try {
        return {
          messageId: await output.deliver(chatId, [message], {
            locale: context.locale,
            identityId: context.identityId,
            ...(context.turn ? { turn: context.turn } : {}),
          }),
        };
      } catch (e) {
        const attempt = context.attempt ?? (await services.attemptsOfHead('ZALO', chatId).catch(() => 0));
        throw classifyZaloError(e, attempt, p);
      }
    },
  };
}
