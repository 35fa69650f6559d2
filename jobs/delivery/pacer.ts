// Paces sends across every worker process with one shared schedule in Redis, so that the platform never has to say
// 429: at most `globalPerSecond` sends in any second over the whole bot, and `perChatPerSecond` in one chat.
//
// A send (1) waits until its chat may send again, (2) takes the next place in the bot's line, whose places are evenly
// spaced, and waits for it, then (3) takes its turn at that moment, only if its chat is free and fewer than the limit
// of the bot's sends count in the last second; (4) once the platform has answered, it counts from the moment of the
// answer. Why each step:
// - The chat's turn is taken when sending, not while waiting in a long line: else two sends to one chat could go out
//   closer than a second apart.
// - The platform counts a send when it arrives, which we cannot see: somewhere between taking the turn and the answer.
//   Counting each send until one second after its answer (and a send still on its way as counting now) makes the rule
//   hold whatever happened in between (a process waking late, a garbage collection, a slow network): if the platform
//   saw 30 sends in the second before a new one arrives, each of them was answered less than a second before that new
//   one's turn was taken, so the turn was not given.
import { randomBytes } from 'node:crypto';
import type { Redis } from '../connection.js';
import { sleep as realSleep } from '../../src/sleep.js';

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

// ms to wait before looking at the chat again (0 when it may send now): at most ARGV[1] ms, since a send on its way
// holds the chat until its answer (TAKE), which usually comes long before the hold would end.
const CHAT_WAIT = `${NOW}
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextFree > now then return math.min(tonumber(ARGV[1]), math.ceil((nextFree - now) / 1000)) end
return 0`;

// The turn. KEYS: the chat, the bot's recent sends (a sorted set scored by when each stops counting). ARGV: chat
// interval µs, window µs, limit, this send's id, how long a send may stay unanswered µs. Returns 0 (taken), -ms (the
// chat is not free yet) or +ms (the bot has sent its limit in the window: wait).
const TAKE = `${NOW}
local chatNext = tonumber(redis.call('GET', KEYS[1]) or '0')
if chatNext > now then return -math.ceil((chatNext - now) / 1000) end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', string.format('%d', now - window))
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
  local first = tonumber(redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')[2])
  -- All still on their way: look again shortly. Else wait until the earliest answered one stops counting.
  if first > now then return 20 end
  return math.max(1, math.ceil((first + window - now) / 1000))
end
local flight = tonumber(ARGV[5])
redis.call('ZADD', KEYS[2], string.format('%d', now + flight), ARGV[4])
redis.call('PEXPIRE', KEYS[2], math.ceil((window + flight) / 1000) + 1000)
redis.call('SET', KEYS[1], string.format('%d', now + flight), 'PX', math.ceil(flight / 1000) + 60000)
return 0`;

// The platform answered: the send counts from now, and the chat's next turn is one interval after now (its hold while
// on its way ends), or later if a 429 blocked the chat meanwhile (KEYS[3], kept by BLOCK).
const DONE = `${NOW}
redis.call('ZADD', KEYS[2], 'XX', string.format('%d', now), ARGV[2])
local interval = tonumber(ARGV[1])
local nextFree = math.max(now + interval, tonumber(redis.call('GET', KEYS[3]) or '0'))
redis.call('SET', KEYS[1], string.format('%d', nextFree), 'PX', math.ceil((nextFree - now) / 1000) + 60000)
return 0`;

// Pushes a chat's next free time at least ARGV[1] ms into the future (after a 429 with retry_after), and keeps that
// time in KEYS[2] so that the answer of a send on its way (DONE) does not bring the chat's turn back before it.
const BLOCK = `${NOW}
local ms = tonumber(ARGV[1])
local untilUs = now + ms * 1000
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilUs > nextFree then redis.call('SET', KEYS[1], string.format('%d', untilUs), 'PX', ms + 60000) end
redis.call('SET', KEYS[2], string.format('%d', untilUs), 'PX', ms + 1000)
return ms`;

// The fast path, one call: when the chat is free, the line has no one waiting and the bot has room in the window, take
// the line's place and the turn at once (what RESERVE then TAKE would do with no wait between). KEYS: the chat, the
// line, the window. ARGV: as TAKE, then the line's interval µs. Returns 0 (taken) or 1 (not now: take the slow path;
// nothing was changed).
const FAST = `${NOW}
local chatNext = tonumber(redis.call('GET', KEYS[1]) or '0')
if chatNext > now then return 1 end
local lineNext = tonumber(redis.call('GET', KEYS[2]) or '0')
if lineNext > now then return 1 end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', string.format('%d', now - window))
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[3]) then return 1 end
local lineInterval = tonumber(ARGV[6])
redis.call('SET', KEYS[2], string.format('%d', now + lineInterval), 'PX', math.ceil(lineInterval / 1000) + 60000)
local flight = tonumber(ARGV[5])
redis.call('ZADD', KEYS[3], string.format('%d', now + flight), ARGV[4])
redis.call('PEXPIRE', KEYS[3], math.ceil((window + flight) / 1000) + 1000)
redis.call('SET', KEYS[1], string.format('%d', now + flight), 'PX', math.ceil(flight / 1000) + 60000)
return 0`;

/**
 * The scripts as ioredis commands: sent by their SHA (EVALSHA), the text only once per connection (ioredis falls back
 * to EVAL when Redis answers NOSCRIPT, after a restart or a SCRIPT FLUSH).
 */
type Arg = string | number;
interface PacerCommands {
  paceChatWait(chat: string, capMs: Arg): Promise<number>;
  paceReserve(line: string, intervalUs: Arg): Promise<number>;
  paceTake(chat: string, window: string, ...args: Arg[]): Promise<number>;
  paceFast(chat: string, line: string, window: string, ...args: Arg[]): Promise<number>;
  paceDone(chat: string, window: string, blocked: string, ...args: Arg[]): Promise<number>;
  paceBlock(chat: string, blocked: string, ms: Arg): Promise<number>;
}

function withPacerCommands(redis: Redis): Redis & PacerCommands {
  const r = redis as Redis & Partial<PacerCommands>;
  if (!r.paceFast) {
    redis.defineCommand('paceChatWait', { numberOfKeys: 1, lua: CHAT_WAIT });
    redis.defineCommand('paceReserve', { numberOfKeys: 1, lua: RESERVE });
    redis.defineCommand('paceTake', { numberOfKeys: 2, lua: TAKE });
    redis.defineCommand('paceFast', { numberOfKeys: 3, lua: FAST });
    redis.defineCommand('paceDone', { numberOfKeys: 3, lua: DONE });
    redis.defineCommand('paceBlock', { numberOfKeys: 2, lua: BLOCK });
  }
  return r as Redis & PacerCommands;
}

export interface PacerLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
}

/** Added to the platform's one-second window against the granularity of clocks. */
export const JITTER_MARGIN_MS = 10;
/** A send still unanswered after this (a process that died while sending) stops holding its place and its chat. */
const MAX_FLIGHT_MS = 60_000;
/** How often a send waiting for its chat looks again while the chat is held by a send on its way (or blocked). */
const CHAT_POLL_MS = 100;

/** Call when the platform has answered (or the send failed): from then on the send counts from that moment. */
export type SendDone = () => Promise<void>;

export class Pacer {
  private readonly windowUs = (1000 + JITTER_MARGIN_MS) * 1000;
  private readonly globalLimit: number;
  private readonly globalIntervalUs: number;
  private readonly chatIntervalUs: number;

  private readonly redis: Redis & PacerCommands;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    limits: PacerLimits,
    private readonly sleep: (ms: number) => Promise<void> = realSleep,
  ) {
    this.redis = withPacerCommands(redis);
    this.globalLimit = Math.max(1, Math.floor(limits.globalPerSecond));
    this.globalIntervalUs = Math.ceil(this.windowUs / limits.globalPerSecond);
    this.chatIntervalUs = Math.ceil(this.windowUs / limits.perChatPerSecond);
  }

  private key(channel: string, chat?: string): string {
    return chat === undefined ? `${this.prefix}:pace:${channel}` : `${this.prefix}:pace:${channel}:${chat}`;
  }

  private windowKey(channel: string): string {
    return `${this.prefix}:pace-window:${channel}`;
  }

  /**
   * The release of a turn: the send counts from the moment Redis runs it. Callers need not wait for it (the delivery
   * worker and the replies do not): later commands of this process on the connection run after it, and counting from a
   * little later than the answer only counts longer.
   */
  private release(chatKey: string, windowKey: string, id: string): SendDone {
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      await this.redis.paceDone(chatKey, windowKey, `${chatKey}:blocked`, this.chatIntervalUs, id);
    };
  }

  /**
   * Waits until this chat and the whole channel may send once more and takes that turn; call the returned function
   * once the platform has answered. Delivery uses this. When nothing waits, that is one call to Redis (`FAST`).
   */
  async acquire(channel: string, chatId: string): Promise<SendDone> {
    const chatKey = this.key(channel, chatId);
    const lineKey = this.key(channel);
    const windowKey = this.windowKey(channel);
    const id = randomBytes(6).toString('hex');
    const fast = Number(
      await this.redis.paceFast(
        chatKey,
        lineKey,
        windowKey,
        this.chatIntervalUs,
        this.windowUs,
        this.globalLimit,
        id,
        MAX_FLIGHT_MS * 1000,
        this.globalIntervalUs,
      ),
    );
    if (fast === 0) return this.release(chatKey, windowKey, id);
    for (;;) {
      // The chat first, so a place in the line is not taken (and lost) while the chat could not use it.
      const chatWait = Number(await this.redis.paceChatWait(chatKey, CHAT_POLL_MS));
      if (chatWait > 0) await this.sleep(chatWait);
      const lineWait = Number(await this.redis.paceReserve(lineKey, this.globalIntervalUs));
      if (lineWait > 0) await this.sleep(lineWait);
      for (;;) {
        const r = Number(await this.redis.paceTake(chatKey, windowKey, this.chatIntervalUs, this.windowUs, this.globalLimit, id, MAX_FLIGHT_MS * 1000));
        if (r === 0) return this.release(chatKey, windowKey, id);
        // The chat was pushed back meanwhile (a 429): give up the place and wait for the chat again.
        if (r < 0) break;
        await this.sleep(r);
      }
    }
  }

  /**
   * The turn now or never: the chat is free and the bot has room in this second, without waiting in the line (a reply
   * to the person who just wrote goes before queued notifications of other chats; the limits hold all the same).
   * Undefined when it would have to wait. For the webhook's request path, which must not wait on the pacer.
   */
  async tryAcquire(channel: string, chatId: string): Promise<SendDone | undefined> {
    const chatKey = this.key(channel, chatId);
    const windowKey = this.windowKey(channel);
    const id = randomBytes(6).toString('hex');
    const r = Number(await this.redis.paceTake(chatKey, windowKey, this.chatIntervalUs, this.windowUs, this.globalLimit, id, MAX_FLIGHT_MS * 1000));
    return r === 0 ? this.release(chatKey, windowKey, id) : undefined;
  }

  /** As `acquire`, for callers that do not report the answer: the send counts from the moment it was taken. */
  async waitTurn(channel: string, chatId: string): Promise<void> {
    await (await this.acquire(channel, chatId))();
  }

  /** The platform said 429: nothing more to this chat for `ms`. */
  async block(channel: string, chatId: string, ms: number): Promise<void> {
    const chatKey = this.key(channel, chatId);
    await this.redis.paceBlock(chatKey, `${chatKey}:blocked`, Math.ceil(ms));
  }
}
