// Sends outbox messages on the OA. The delivery worker owns pacing and retries; this decides how a notification may
// go given the person's window (window.ts) and maps the OA's errors onto what delivery can do (SendError kinds).
//
// The window, as the policy says (`outsideWindow`):
// - inside the free window (48 h after the person last wrote): a "tư vấn" (cs) message, free;
// - outside it, `other-channel` (default): when the person has another reachable chat, the OA chat is marked
//   unreachable for now, so delivery moves what was queued there (rerouteUnreachable) and new notifications go to
//   the other chat until the person writes on the OA again; with no other chat, a cs message while Zalo still
//   delivers one (billed, up to 7 days), else the ZBS template when one is configured, else unreachable;
// - outside it, `template`: the approved ZBS template (paid) when configured; else as `other-channel`.
// Not built yet (issue 11 §5): holding a message for the next window, and the one-tap nudge in the digest.
import type { AppContext } from '../../app/context.js';
import { prefixWithinUnits } from '../../domain/text/graphemes.js';
import { SendError, type ChannelSender, type SendContext } from '../../app/ports/sender.js';
import { CAPABILITIES, type OutboundMessage } from '../../app/ports/channel.js';
import { ZaloOaError } from './errors.js';
import type { ZaloOaOutput } from './output.js';
import { classifyOaSend, DEFAULT_OA_WINDOW_POLICY, type OaWindowDecision, type OaWindowPolicy } from './window.js';

export type OaOutsideWindow = 'other-channel' | 'template';

export interface OaSendPolicy {
  outsideWindow: OaOutsideWindow;
  window: OaWindowPolicy;
  /** An approved ZBS template with one text field, the paid route outside the window; none by default. */
  template?: { id: string; field: string; maxLength: number } | undefined;
  /** -32 / HTTP 429 carries no retry hint: wait this long, doubled for each earlier failure. */
  rateLimitBaseMs: number;
  rateLimitMaxMs: number;
}

export const DEFAULT_OA_SEND_POLICY: OaSendPolicy = {
  outsideWindow: 'other-channel',
  window: DEFAULT_OA_WINDOW_POLICY,
  rateLimitBaseMs: 10_000,
  rateLimitMaxMs: 15 * 60_000,
};

/**
 * What a failed OA call means for delivery (`attempt` = earlier failures of this message):
 * - not following, outside the 7 days, never interacted, blocked → unreachable (the other chat takes over);
 * - rate limit and quota → rate-limited, growing back-off; 5xx, network, timeout → transient;
 * - no token, a token still refused after one refresh, setup and billing problems → transient: the message waits in
 *   the outbox for the operator (re-authorisation, permissions), /healthz and the log say what is wrong;
 * - anything else (a field or size Zalo refuses, an unreadable answer) → rejected for good.
 */
export function classifyOaError(e: unknown, attempt: number, policy: OaSendPolicy = DEFAULT_OA_SEND_POLICY): SendError {
  if (!(e instanceof ZaloOaError)) return new SendError({ kind: 'transient', reason: e instanceof Error ? e.message : String(e) });
  const reason = `${e.kind}${e.code ? ` ${e.code}` : ''} ${e.description}`.trim();
  if (e.isRecipientUnreachable) return new SendError({ kind: 'unreachable', reason });
  if (e.kind === 'rate-limited' || e.kind === 'quota') {
    return new SendError({ kind: 'rate-limited', retryAfterMs: Math.min(policy.rateLimitMaxMs, policy.rateLimitBaseMs * 2 ** Math.min(attempt, 16)), reason });
  }
  if (e.isRetryable || e.isTokenProblem || e.kind === 'token-unavailable' || e.kind === 'setup' || e.kind === 'billing') {
    return new SendError({ kind: 'transient', reason });
  }
  return new SendError({ kind: 'rejected', reason });
}

export interface ZaloOaSenderDeps {
  output: ZaloOaOutput;
  app: AppContext;
  policy?: Partial<OaSendPolicy>;
}

export interface ZaloOaSender extends ChannelSender {
  /** The window decision for a chat now (the CLI and the tests read it). */
  windowOf(chatId: string): Promise<OaWindowDecision & { identityId: number | undefined; otherChannel: boolean }>;
}

export function createZaloOaSender(deps: ZaloOaSenderDeps): ZaloOaSender {
  const p: OaSendPolicy = { ...DEFAULT_OA_SEND_POLICY, ...deps.policy };
  const { app, output } = deps;

  async function windowOf(chatId: string) {
    const identity = await app.db.chatIdentity.findFirst({
      where: { channel: 'ZALO_OA', chatId },
      select: { id: true, officialId: true, lastInboundAt: true, official: { select: { identities: { where: { channel: { not: 'ZALO_OA' }, unreachableAt: null }, select: { id: true } } } } },
    });
    const decision = classifyOaSend({ lastInboundAt: identity?.lastInboundAt ?? null, now: app.time.now(), policy: p.window });
    return { ...decision, identityId: identity?.id, otherChannel: (identity?.official.identities.length ?? 0) > 0 };
  }

  async function viaTemplate(chatId: string, message: OutboundMessage): Promise<string> {
    const t = p.template!;
    const sent = await output.client.sendTemplate({ userId: chatId, templateId: t.id, templateData: { [t.field]: prefixWithinUnits(message.text, t.maxLength) } });
    return sent.messageId;
  }

  return {
    channel: 'ZALO_OA',
    capabilities: CAPABILITIES.ZALO_OA,
    windowOf,
    async send(chatId, message, context: SendContext) {
      const attempt = context.attempt ?? 0;
      try {
        const w = await windowOf(chatId);
        if (w.class !== 'free') {
          const wantsTemplate = p.outsideWindow === 'template' && p.template !== undefined;
          if (wantsTemplate) return { messageId: await viaTemplate(chatId, message) };
          if (w.otherChannel) throw new SendError({ kind: 'unreachable', reason: `outside the OA's free window (${w.reason}); moved to the other channel` });
          if (w.class === 'refused') {
            if (p.template) return { messageId: await viaTemplate(chatId, message) };
            throw new SendError({ kind: 'unreachable', reason: `outside the OA's window (${w.reason}) and no other channel nor template` });
          }
          app.logger.info({ chatId: `${chatId.slice(0, 4)}…`, reason: w.reason }, 'zalo oa: sending a billed cs message (no other channel)');
        }
        return { messageId: await output.deliver(chatId, [message], { locale: context.locale, identityId: w.identityId ?? context.identityId, paced: true }) };
      } catch (e) {
        if (e instanceof SendError) throw e;
        throw classifyOaError(e, attempt, p);
      }
    },
  };
}
