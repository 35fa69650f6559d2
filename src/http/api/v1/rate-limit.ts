// Calls per minute per API key (issue 17 §2), counted in Redis so that every process serving the API shares them
// (rate-limiter-flexible's fixed window over our ioredis connection).
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export class KeyRateLimits {
  /** One limiter per limit: keys differ in their `ratePerMinute`. */
  private readonly limiters = new Map<number, RateLimiterRedis>();

  constructor(
    private readonly redis: Redis,
    /** The process's queue prefix, so that two deployments (or test files) on one Redis do not share counters. */
    private readonly prefix: string,
  ) {}

  /** Takes one call from the key's minute; when none is left, how many seconds until the next. */
  async take(keyId: number, perMinute: number): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
    let limiter = this.limiters.get(perMinute);
    if (!limiter) {
      limiter = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${this.prefix}:api-rate:${perMinute}`, points: perMinute, duration: 60 });
      this.limiters.set(perMinute, limiter);
    }
    try {
      await limiter.consume(String(keyId));
      return { ok: true };
    } catch (e) {
      if (e instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
      throw e;
    }
  }
}
