// The sending half of the channel port: what the delivery worker needs from each platform adapter.
import { splitText as splitGraphemeSafe } from '../../domain/text/graphemes.js';
import type { ChannelCapabilities, ChannelName, OutboundMessage } from './channel.js';

export type SendFailure =
  /** The platform asked us to slow down (429): try again after `retryAfterMs`. */
  | { kind: 'rate-limited'; retryAfterMs: number; reason: string }
  /** The person blocked the bot or the chat is gone (403): stop sending there. */
  | { kind: 'unreachable'; reason: string }
  /** The platform or the network failed (5xx, timeout): back off and retry. */
  | { kind: 'transient'; reason: string }
  /**
   * Not now, by our own rule (the OA's window): keep it queued for `retryAfterMs` (or until something releases it),
   * without holding the chat's other sends or counting as a failure of the platform.
   */
  | { kind: 'held'; retryAfterMs: number; reason: string }
  /** The platform refused this message for good (400): retrying will not help. */
  | { kind: 'rejected'; reason: string };

/**
 * The last error of a message a sender held (`held`) starts with this: such a message waits for something to release
 * it and does not hold the messages queued after it for the chat (they are looked at on their own).
 */
export const HELD_MARK = 'held';

export class SendError extends Error {
  constructor(readonly failure: SendFailure) {
    super(`${failure.kind}: ${failure.reason}`);
    this.name = 'SendError';
  }
}

/**
 * Waits for the chat's turn on the shared pacer (jobs/delivery/pacer.ts) for one call to the platform; the result is
 * called once the platform has answered, whatever it answered.
 */
export type TakeTurn = () => Promise<() => Promise<void>>;

/** One platform call in its own turn: Telegram counts every message, so a text and its photo are two turns. */
export async function inTurn<T>(turn: TakeTurn | undefined, call: () => Promise<T>): Promise<T> {
  const done = await turn?.();
  try {
    return await call();
  } finally {
    await done?.();
  }
}

export interface SendContext {
  /** The linked identity behind the chat, when known (for numbered prompts on channels without buttons). */
  identityId?: number;
  locale: 'vi' | 'en';
  /** How many times this message failed before: a platform without retry hints (Zalo's 429) may wait longer each time. */
  attempt?: number;
  /** Taken before each call to the platform (each part of a split text, the photo after its text). */
  turn?: TakeTurn;
}

export interface ChannelSender {
  readonly channel: ChannelName;
  readonly capabilities: ChannelCapabilities;
  /**
   * Sends one logical message (the adapter may split long text); resolves with the platform's id of the last part.
   * Every call to the platform waits for `context.turn` first.
   */
  send(chatId: string, message: OutboundMessage, context: SendContext): Promise<{ messageId: string }>;
}

/**
 * Splits text into parts of at most `max` UTF-16 units (the platforms' unit): at line ends where it can, else between
 * words, else between characters people see; never inside an emoji or a letter with its marks.
 */
export const splitText: (text: string, max: number) => string[] = splitGraphemeSafe;
