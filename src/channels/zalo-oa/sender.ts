// Sends outbox messages on the OA. The delivery worker owns pacing and retries; this decides how a notification may
// go given the person's window, and maps the OA's errors onto what delivery can do (SendError kinds). The window and
// the choice outside it come from the policy file (`zaloOa`), through the application's OaWindowPort
// (src/app/delivery/oa-usage.ts), which also records how each message went (`zalo-oa usage`): this file reads no
// database.
//
// - Inside the free window (48 h after the person last wrote, at most 8 messages without a reply): a "tư vấn" (cs)
//   message, free. A notification without buttons of its own carries the one-tap reply "👍 Đã nhận" when the policy
//   says `nudge`: pressing it (any press does) reopens the window.
// - Outside it, `zaloOa.outsideWindow`:
//   - `transaction`: a paid transaction message (the approved ZBS template, ZALO_OA_TEMPLATE_ID; without one, as
//     `other-channel`);
//   - `other-channel`: when the person has another reachable chat, the OA chat is marked unreachable for now, so
//     delivery moves what was queued there (rerouteUnreachable) and new notifications go to the other chat until the
//     person writes on the OA again; with no other chat, a billed cs message while Zalo still delivers one (up to
//     7 days), else held;
//   - `hold`: the message waits in the outbox and goes, merged with the rest, when the person next writes on the OA
//     (OaWindowPort.released, called by inbound.ts).
import { prefixWithinUnits } from '../../domain/text/graphemes.js';
import { SendError, type ChannelSender, type SendContext } from '../../app/ports/sender.js';
import { CAPABILITIES, type OutboundMessage } from '../../app/ports/channel.js';
import type { OaChatWindow, OaWindowPort } from '../../app/ports/oa-window.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { Logger } from 'pino';
import { ZaloOaError } from './errors.js';
import type { ZaloOaOutput } from './output.js';

/** The payload of the nudge button (`#dd:oa-ok`): inbound.ts answers it without the router. */
export const OA_NUDGE_ACTION = 'oa-ok';

/** A held notification is looked at again after this long even if the person never writes (real time). */
const HOLD_RECHECK_MS = 24 * 3_600_000;

export interface OaSendPolicy {
  /** An approved ZBS template with one text field: the transaction message outside the window; none by default. */
  template?: { id: string; field: string; maxLength: number } | undefined;
  /** -32 / HTTP 429 carries no retry hint: wait this long, doubled for each earlier failure. */
  rateLimitBaseMs: number;
  rateLimitMaxMs: number;
}

export const DEFAULT_OA_SEND_POLICY: OaSendPolicy = {
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
  window: OaWindowPort;
  catalogue: Catalogue;
  logger: Logger;
  policy?: Partial<OaSendPolicy>;
}

export interface ZaloOaSender extends ChannelSender {
  /** The window decision for a chat now (the CLI and the tests read it). */
  windowOf(chatId: string): Promise<OaChatWindow>;
}

type OutsideRoute = { via: 'transaction' } | { via: 'billed-cs' } | { via: 'moved'; reason: string } | { via: 'held'; reason: string };

/** Where a notification goes when the window is not free (pure, so each option reads in one place). */
export function routeOutsideWindow(w: Pick<OaChatWindow, 'class' | 'reason' | 'otherChannel' | 'outsideWindow'>, hasTemplate: boolean): OutsideRoute {
  if (w.outsideWindow === 'transaction' && hasTemplate) return { via: 'transaction' };
  if (w.outsideWindow === 'hold') return { via: 'held', reason: `outside the OA's free window (${w.reason}); held until the person writes` };
  if (w.otherChannel) return { via: 'moved', reason: `outside the OA's free window (${w.reason}); moved to the other channel` };
  if (w.class === 'billed') return { via: 'billed-cs' };
  return { via: 'held', reason: `outside the OA's window (${w.reason}) and no other channel; held until the person writes` };
}

export function createZaloOaSender(deps: ZaloOaSenderDeps): ZaloOaSender {
  const p: OaSendPolicy = { ...DEFAULT_OA_SEND_POLICY, ...deps.policy };
  const { output, window, logger } = deps;

  async function viaTemplate(chatId: string, message: OutboundMessage): Promise<string> {
    const t = p.template!;
    const sent = await output.client.sendTemplate({
      userId: chatId,
      templateId: t.id,
      templateData: { [t.field]: prefixWithinUnits(message.text, t.maxLength) },
    });
    return sent.messageId;
  }

  /** A notification with nothing to press gets the one-tap reply that reopens the window. */
  function withNudge(message: OutboundMessage, w: OaChatWindow, locale: SendContext['locale']): OutboundMessage {
    if (!w.nudge || (message.buttons ?? []).flat().length > 0 || (message.parts?.length ?? 0) > 0) return message;
    return { ...message, buttons: [[{ label: deps.catalogue.t(locale, 'btn-oa-nudge'), action: OA_NUDGE_ACTION }]] };
  }

  return {
    channel: 'ZALO_OA',
    capabilities: CAPABILITIES.ZALO_OA,
    windowOf: (chatId) => window.windowOf(chatId),
    async send(chatId, message, context: SendContext) {
      const attempt = context.attempt ?? 0;
      try {
        const w = await window.windowOf(chatId);
        // Every message Zalo accepts is recorded (each part of a split text counts towards the 8 and the bill).
        const deliverCs = async (m: OutboundMessage, insideWindow: boolean) =>
          (
            await output.deliver(chatId, [m], {
              locale: context.locale,
              identityId: w.identityId ?? context.identityId,
              paced: true,
              turn: context.turn,
              onSent: () => window.record(chatId, 'CS', insideWindow),
            })
          ).messageId;
        if (w.class === 'free') return { messageId: await deliverCs(withNudge(message, w, context.locale), true) };
        const route = routeOutsideWindow(w, p.template !== undefined);
        switch (route.via) {
          case 'transaction': {
            const messageId = await viaTemplate(chatId, message);
            await window.record(chatId, 'TRANSACTION', false);
            return { messageId };
          }
          case 'billed-cs': {
            logger.info({ chatId: `${chatId.slice(0, 4)}…`, reason: w.reason }, 'zalo oa: sending a billed cs message (no other channel)');
            return { messageId: await deliverCs(withNudge(message, w, context.locale), false) };
          }
          case 'moved':
            await window.record(chatId, 'MOVED', false);
            throw new SendError({ kind: 'unreachable', reason: route.reason });
          case 'held':
            await window.record(chatId, 'HELD', false);
            throw new SendError({ kind: 'held', retryAfterMs: HOLD_RECHECK_MS, reason: `${window.heldPrefix}: ${route.reason}` });
        }
      } catch (e) {
        if (e instanceof SendError) throw e;
        throw classifyOaError(e, attempt, p);
      }
    },
  };
}
