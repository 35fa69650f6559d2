// Paces sends across every worker process with one shared schedule in Redis, so that the platform never has to say
// 429: at most `globalPerSecond` sends in any second over the whole bot, and `perChatPerSecond` in one chat.
//
// A send (1) waits until its chat may send again, (2) takes the next place in the bot's line, whose places are evenly
// spaced, and waits for it, then (3) takes its chat's turn at that moment. Taking the chat's turn only when sending
// matters: a turn taken while waiting in a long line would let two sends to one chat go out closer than a second.
import type { Redis } from '../connection.js';

// Times are microseconds of Redis' own clock, so all processes agree and 30 a second is one every 33.3 ms exactly.
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])`;

// Takes the next place in the line: returns the ms to wait for it.
const RESERVE = `${NOW}
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nextFree)
redis.call('SET', KEYS[1], string.format('%d', at + interval), 'PX', math.ceil(((at - now) + interval) / 1000) + 60000)
return math.ceil((at - now) / 1000)`;

// Takes the chat's turn if it is free now (returns 0), else returns the ms until it is. ARGV[1] = 0 only looks.
const TAKE_IF_FREE = `${NOW}
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextFree > now then return math.ceil((nextFree - now) / 1000) end
if interval > 0 then redis.call('SET', KEYS[1], string.format('%d', now + interval), 'PX', math.ceil(interval / 1000) + 60000) end
return 0`;

// Pushes a chat's next free time at least ARGV[1] ms into the future (after a 429 with retry_after).
const BLOCK = `${NOW}
local ms = tonumber(ARGV[1])
local untilUs = now + ms * 1000
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilUs > nextFree then redis.call('SET', KEYS[1], string.format('%d', untilUs), 'PX', ms + 60000) end
return ms`;

export interface PacerLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
}

/**
 * Added to the platform's one-second window, so that a send arriving a little late after the one before (a busy
 * event loop, the network) does not make the platform count more than its limit: 30 sends are spread over 1040 ms
 * (28.8 a second, 96% of the limit), one chat's sends 1040 ms apart.
 */
export const JITTER_MARGIN_MS = 40;

export class Pacer {
  private readonly globalIntervalUs: number;
  private readonly chatIntervalUs: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    limits: PacerLimits,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.globalIntervalUs = Math.ceil(((1000 + JITTER_MARGIN_MS) * 1000) / limits.globalPerSecond);
    this.chatIntervalUs = Math.ceil(((1000 + JITTER_MARGIN_MS) * 1000) / limits.perChatPerSecond);
  }

  private key(channel: string, chat?: string): string {
    return chat === undefined ? `${this.prefix}:pace:${channel}` : `${this.prefix}:pace:${channel}:${chat}`;
  }

  /** Waits until this chat and the whole channel may send once more, and takes that turn. */
  async waitTurn(channel: string, chatId: string): Promise<void> {
    const chatKey = this.key(channel, chatId);
    for (;;) {
      // The chat first, so a place in the line is not taken (and lost) while the chat could not use it.
      const chatWait = Number(await this.redis.eval(TAKE_IF_FREE, 1, chatKey, 0));
      if (chatWait > 0) await this.sleep(chatWait);
      const lineWait = Number(await this.redis.eval(RESERVE, 1, this.key(channel), this.globalIntervalUs));
      if (lineWait > 0) await this.sleep(lineWait);
      // One job sends to a chat at a time, so its turn is normally still free; a 429 meanwhile may have pushed it
      // back: then the place in the line is given up and the chat waited for again.
      if (Number(await this.redis.eval(TAKE_IF_FREE, 1, chatKey, this.chatIntervalUs)) === 0) return;
    }
  }

  /** The platform said 429: nothing more to this chat for `ms`. */
  async block(channel: string, chatId: string, ms: number): Promise<void> {
    await this.redis.eval(BLOCK, 1, this.key(channel, chatId), Math.ceil(ms));
  }
}
