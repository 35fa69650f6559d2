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
