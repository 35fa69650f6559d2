// Queue names and the options every queue and worker of one deployment shares.
import type { QueueOptions } from 'bullmq';
import type { Redis } from './connection.js';

export const QUEUES = {
  /** One delayed job per clock level: `clk-<clock>-<generation>-<level>-<cycle>`. */
  clocks: 'clocks',
  /** One job per chat with messages waiting in the outbox. */
  delivery: 'delivery',
  /** One job per webhook subscription with events to send (issue 17). */
  webhooks: 'webhooks',
  /** Reconciler, outbox sweep, digests (job schedulers). */
  maintenance: 'maintenance',
} as const;

export interface QueueEnv {
  connection: Redis;
  prefix: string;
}

export function queueOptions(env: QueueEnv): QueueOptions {
  return { connection: env.connection, prefix: env.prefix };
}

/**
 * The part of a key Redis Cluster hashes: inside the first non-empty {…}, else the whole key. With a hash-tagged
 * prefix ("{dondoc}", REDIS_HASH_TAG) every key of every queue hashes to one slot, as BullMQ's scripts over several
 * keys of a queue need.
 */
export function clusterHashPart(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  return close === -1 || close === open + 1 ? key : key.slice(open + 1, close);
}
