// Issue 18: the settings of a deployment on several machines (replica, Sentinel, hash-tagged prefix, stop grace),
// through the one loader; a district's configuration (none of them set) is unchanged.
import { describe, expect, it } from 'vitest';
import { clusterHashPart, QUEUES } from '../../jobs/queues.js';
import { createQueues } from '../../jobs/runtime.js';
import { systemTime } from '../../src/domain/time/time-source.js';
import { TEST_REDIS_URL } from '../support/env.js';
import { describeRedis, sentinelOptions } from '../../jobs/connection.js';
import { ConfigError, createConfig } from '../../src/config.js';

const problems = (env: Record<string, string>): string => {
  try {
    createConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.join('\n');
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('a district: none of the province settings', () => {
  it('reads no replica, uses REDIS_URL alone and the plain prefix', () => {
    const c = createConfig({});
    expect(c.databaseReplicaUrl).toBeUndefined();
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379' });
    expect(c.queuePrefix).toBe('dondoc');
    expect(c.shutdownGraceMs).toBe(25_000);
    expect(sentinelOptions(c.redis)).toBeUndefined();
  });
});

describe('DATABASE_REPLICA_URL', () => {
  it('takes a PostgreSQL URL', () => {
    expect(createConfig({ DATABASE_REPLICA_URL: 'postgresql://reader@replica:5432/dondoc?sslmode=require' }).databaseReplicaUrl).toBe(
      'postgresql://reader@replica:5432/dondoc?sslmode=require',
    );
  });
  it.each(['replica:5432/dondoc', 'mysql://reader@replica/dondoc', 'postgresql://', 'http://replica/dondoc'])('refuses "%s" with a clear line', (bad) => {
    expect(problems({ DATABASE_REPLICA_URL: bad })).toContain(
      'DATABASE_REPLICA_URL must be a PostgreSQL URL such as postgresql://reader@replica-host:5432/dondoc',
    );
  });
});

describe('Redis Sentinel', () => {
  it('builds ioredis Sentinel options: the group and Sentinels from the environment, credentials from REDIS_URL', () => {
    const c = createConfig({
      REDIS_URL: 'redis://queue:s%40cret@ignored:6379/2',
      REDIS_SENTINELS: 'sentinel-1:26379, sentinel-2:26380,sentinel-3,[fd00::7]:26381',
      REDIS_SENTINEL_NAME: 'dondoc-primary',
      REDIS_SENTINEL_PASSWORD: 'sentinel-pass',
    });
    expect(c.redis.sentinel?.addresses).toEqual([
      { host: 'sentinel-1', port: 26379 },
      { host: 'sentinel-2', port: 26380 },
      { host: 'sentinel-3', port: 26379 },
      { host: 'fd00::7', port: 26381 },
    ]);
    expect(sentinelOptions(c.redis)).toEqual({
      sentinels: c.redis.sentinel!.addresses,
      name: 'dondoc-primary',
      sentinelPassword: 'sentinel-pass',
      password: 's@cret',
      username: 'queue',
      db: 2,
    });
    expect(describeRedis(c.redis)).toBe('dondoc-primary via Sentinels sentinel-1:26379, sentinel-2:26380, sentinel-3:26379, fd00::7:26381');
  });
  it('says what is missing or wrong', () => {
    expect(problems({ REDIS_SENTINELS: 'sentinel-1:26379' })).toContain('REDIS_SENTINEL_NAME is required when REDIS_SENTINELS is set');
    expect(problems({ REDIS_SENTINEL_NAME: 'mymaster' })).toContain('REDIS_SENTINELS is required when REDIS_SENTINEL_NAME or REDIS_SENTINEL_PASSWORD is set');
    expect(problems({ REDIS_SENTINELS: 'sentinel-1:99999', REDIS_SENTINEL_NAME: 'm' })).toContain(
      'REDIS_SENTINELS has "sentinel-1:99999", which is not host:port (e.g. sentinel-1:26379)',
    );
    expect(problems({ REDIS_SENTINELS: 'a b', REDIS_SENTINEL_NAME: 'm' })).toContain('REDIS_SENTINELS has "a b"');
  });
});

describe('hash-tagged queue prefix for Redis Cluster', () => {
  it('REDIS_HASH_TAG puts QUEUE_PREFIX inside braces; a prefix written with braces stays as it is', () => {
    expect(createConfig({ REDIS_HASH_TAG: 'true' }).queuePrefix).toBe('{dondoc}');
    expect(createConfig({ REDIS_HASH_TAG: 'yes', QUEUE_PREFIX: 'tinh-a' }).queuePrefix).toBe('{tinh-a}');
    expect(createConfig({ REDIS_HASH_TAG: 'true', QUEUE_PREFIX: '{tinh-a}' }).queuePrefix).toBe('{tinh-a}');
    expect(createConfig({ QUEUE_PREFIX: '{tinh-a}' }).queuePrefix).toBe('{tinh-a}');
    expect(createConfig({ REDIS_HASH_TAG: 'false' }).queuePrefix).toBe('dondoc');
    expect(problems({ REDIS_HASH_TAG: 'maybe' })).toContain('REDIS_HASH_TAG must be true or false');
    expect(problems({ QUEUE_PREFIX: '{a}{b}' })).toContain('QUEUE_PREFIX may use only letters');
  });
  it('every key of every queue BullMQ builds then hashes to the one slot of the tag', async () => {
    const keysOf = async (prefix: string) => {
      const queues = createQueues(TEST_REDIS_URL, prefix, systemTime);
      try {
        return [queues.clocks, queues.delivery, queues.maintenance, queues.webhooks].flatMap((q) => [
          ...Object.values(q.keys),
          q.toKey('123'),
          q.toKey('de:TELEGRAM-1'),
        ]);
      } finally {
        await queues.close();
      }
    };
    const tagged = await keysOf(createConfig({ REDIS_HASH_TAG: 'true' }).queuePrefix);
    expect(tagged.length).toBeGreaterThan(20);
    expect(tagged.every((k) => k.startsWith('{dondoc}:'))).toBe(true);
    expect(new Set(tagged.map(clusterHashPart))).toEqual(new Set(['dondoc']));
    // Without the tag the queues hash apart, which Cluster refuses for BullMQ's scripts over several keys.
    const plain = await keysOf('dondoc');
    expect(new Set(plain.map(clusterHashPart)).size).toBe(plain.length);
    // Every queue there is was looked at above: a new queue must be added to the list.
    expect(Object.values(QUEUES)).toHaveLength(4);
  });
});

describe('SHUTDOWN_GRACE_MS', () => {
  it('is a positive number of milliseconds', () => {
    expect(createConfig({ SHUTDOWN_GRACE_MS: '9000' }).shutdownGraceMs).toBe(9000);
    expect(problems({ SHUTDOWN_GRACE_MS: '-1' })).toContain('SHUTDOWN_GRACE_MS must be a positive whole number');
  });
});
