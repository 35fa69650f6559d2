// Redis connections as BullMQ recommends: producers fail fast when Redis is down, workers wait for it to return.
// A connection is made from REDIS_URL alone, or through Sentinels (REDIS_SENTINELS) that name the current primary:
// ioredis asks them again after a failover, so queues and workers follow the new primary without a restart.
import { Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from '../src/config/redis-settings.js';

export type { Redis, RedisTarget };

/** A plain URL (tests, the CLI, the benchmarks) or the deployment's target with its Sentinels. */
export type RedisAddress = string | RedisTarget;

/**
 * ioredis options for Sentinel: the primary group and the Sentinels from the target, the password, user and
 * database number from REDIS_URL (the host in it is not used then). Undefined without Sentinels.
 */
export function sentinelOptions(address: RedisAddress): RedisOptions | undefined {
  if (typeof address === 'string' || !address.sentinel) return undefined;
  const url = new URL(address.url);
  const db = Number(url.pathname.replace(/^\//, '') || '0');
  return {
    sentinels: address.sentinel.addresses,
    name: address.sentinel.name,
    ...(address.sentinel.password ? { sentinelPassword: address.sentinel.password } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true } : {}),
  };
}

/** The server a person should be told about: REDIS_URL's host, or the Sentinels' group. */
export function describeRedis(address: RedisAddress): string {
  if (typeof address !== 'string' && address.sentinel)
    return `${address.sentinel.name} via Sentinels ${address.sentinel.addresses.map((a) => `${a.host}:${a.port}`).join(', ')}`;
  return new URL(typeof address === 'string' ? address : address.url).host;
}

function connect(address: RedisAddress, options: RedisOptions): Redis {
  const sentinel = sentinelOptions(address);
  if (sentinel) return new Redis({ ...sentinel, ...options });
  return new Redis(typeof address === 'string' ? address : address.url, options);
}

export function createRedis(address: RedisAddress, role: 'producer' | 'worker'): Redis {
  return connect(address, {
    maxRetriesPerRequest: role === 'worker' ? null : 3,
    enableOfflineQueue: role === 'worker',
    lazyConnect: false,
  });
}

/** Answers within `timeoutMs` whether a Redis server is there (used before starting one of our own). */
export async function redisAnswers(address: RedisAddress, timeoutMs = 1500): Promise<boolean> {
  const client = connect(address, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    sentinelRetryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
