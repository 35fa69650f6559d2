// Paces sends across every worker process with one shared schedule in Redis: each send reserves the next free
// slot of its chat (default 1 per second) and of the whole bot (default 30 per second) and waits for it.
import type { Redis } from '../connection.js';

// Reserves a slot: returns how many ms to wait. Uses Redis' own clock so all processes agree.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, nextFree)
redis.call('SET', KEYS[1], at + interval, 'PX', (at - now) + interval + 60000)
return at - now`;

// Pushes a chat's next free slot at least `ms` into the future (after a 429 with retry_after).
const BLOCK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until = now + tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if until > nextFree then redis.call('SET', KEYS[1], until, 'PX', tonumber(ARGV[1]) + 60000) end
return until - now`;

export interface PacerLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
}

/** A little under the platform limit, so clock jitter between us and the platform never trips it. */
const SAFETY = 1.03;

export class Pacer {
  private readonly globalIntervalMs: number;
  private readonly chatIntervalMs: number;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    limits: PacerLimits,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.globalIntervalMs = Math.ceil((1000 / limits.globalPerSecond) * SAFETY);
    this.chatIntervalMs = Math.ceil((1000 / limits.perChatPerSecond) * SAFETY);
  }

  private key(channel: string, chat?: string): string {
    return chat === undefined ? `${this.prefix}:pace:${channel}` : `${this.prefix}:pace:${channel}:${chat}`;
  }

  /** Waits until this chat and the whole channel may send once more. */
  async waitTurn(channel: string, chatId: string): Promise<void> {
    const chatWait = Number(await this.redis.eval(RESERVE, 1, this.key(channel, chatId), this.chatIntervalMs));
    if (chatWait > 0) await this.sleep(chatWait);
    const globalWait = Number(await this.redis.eval(RESERVE, 1, this.key(channel), this.globalIntervalMs));
    if (globalWait > 0) await this.sleep(globalWait);
  }

  /** The platform said 429: nothing more to this chat for `ms`. */
  async block(channel: string, chatId: string, ms: number): Promise<void> {
    await this.redis.eval(BLOCK, 1, this.key(channel, chatId), Math.ceil(ms));
  }
}
