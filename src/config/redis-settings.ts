// Where Redis is for a deployment bigger than one machine (README "A province"): Sentinel (REDIS_SENTINELS,
// REDIS_SENTINEL_NAME, REDIS_SENTINEL_PASSWORD) and BullMQ's hash-tag prefix (REDIS_HASH_TAG) for Redis Cluster, so
// every key of one queue lands in one slot, as BullMQ's multi-key scripts need. Pure: config.ts reports what is wrong.

/** One Sentinel, as ioredis takes it. */
export interface SentinelAddress {
  host: string;
  port: number;
}

/** How the processes reach Redis: the URL alone, or the Sentinels that name the current primary. */
export interface RedisTarget {
  /** REDIS_URL: the server itself, or (with Sentinels) where the password, user and database number come from. */
  url: string;
  sentinel?: { addresses: SentinelAddress[]; name: string; password?: string };
}

const DEFAULT_SENTINEL_PORT = 26379;

/** "host:port, host2" → addresses (26379 when the port is left out); throws a message naming the bad entry. */
export function parseSentinels(text: string): SentinelAddress[] {
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (entries.length === 0) throw new Error('must list at least one Sentinel as host:port, separated by commas');
  return entries.map((entry) => {
    // [IPv6]:port, host:port or a bare host.
    const m = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9.-]+))(?::(\d{1,5}))?$/.exec(entry);
    const port = m?.[3] === undefined ? DEFAULT_SENTINEL_PORT : Number(m[3]);
    if (!m || port < 1 || port > 65535) throw new Error(`has "${entry}", which is not host:port (e.g. sentinel-1:26379)`);
    return { host: m[1] ?? m[2]!, port };
  });
}

/**
 * The BullMQ prefix: QUEUE_PREFIX as it is, or inside braces when REDIS_HASH_TAG asks for it ("dondoc" →
 * "{dondoc}"). A prefix already written with braces is kept.
 */
export function hashTaggedPrefix(prefix: string, hashTag: boolean): string {
  if (!hashTag || /^\{[^{}]+\}$/.test(prefix)) return prefix;
  return `{${prefix}}`;
}
