// Paces sends across every worker process with one shared schedule in Redis: each send reserves the next free
// slot of its chat (default 1 per second) and of the whole bot (default 30 per second) and waits for it.
import type { Redis } from '../connection.js';

// Reserves a slot: returns how many ms to wait. Uses Redis' own clock so all processes agree. Slots are kept in
// microseconds: 30 a second is one every 33.3 ms, and rounding it to 34 ms would give away 2% of the limit.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nextFree)
redis.call('SET', KEYS[1], string.format('%d', at + interval), 'PX', math.ceil(((at - now) + interval) / 1000) + 60000)
return math.ceil((at - now) / 1000)`;

// Pushes a chat's next free slot at least ARGV[1] ms into the future (after a 429 with retry_after).
const BLOCK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local ms = tonumber(ARGV[1])
local untilUs = now + ms * 1000
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilUs > nextFree then redis.call('SET', KEYS[1], string.format('%d', untilUs), 'PX', ms + 60000) end
return ms`;

export interface PacerLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
}

/** A little under the platform limit, so clock jitter between us and the platform never trips it. */
const SAFETY = 1.03;

export class Pacer {
  private readonly globalIntervalUs: number;
  private readonly chatIntervalUs: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    limits: PacerLimits,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.globalIntervalUs = Math.ceil((1_000_000 / limits.globalPerSecond) * SAFETY);
    this.chatIntervalUs = Math.ceil((1_000_000 / limits.perChatPerSecond) * SAFETY);
  }

  private key(channel: string, chat?: string): string {
    return chat === undefined ? `${this.prefix}:pace:${channel}` : `${this.prefix}:pace:${channel}:${chat}`;
  }

  /** Waits until this chat and the whole channel may send once more. */
  async waitTurn(channel: string, chatId: string): Promise<void> {
    const chatWait = Number(await this.redis.eval(RESERVE, 1, this.key(channel, chatId), this.chatIntervalUs));
    if (chatWait > 0) await this.sleep(chatWait);
    const globalWait = Number(await this.redis.eval(RESERVE, 1, this.key(channel), this.globalIntervalUs));
    if (globalWait > 0) await this.sleep(globalWait);
  }

  /** The platform said 429: nothing more to this chat for `ms`. */
  async block(channel: string, chatId: string, ms: number): Promise<void> {
    await this.redis.eval(BLOCK, 1, this.key(channel, chatId), Math.ceil(ms));
  }
}
