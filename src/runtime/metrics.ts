// What /metrics shows: traffic counters and gauges read from the database and the queues when scraped.
import type { Router } from '../app/interaction/router.js';
import type { PrismaClient } from '../db/client.js';
import type { ChannelName } from '../domain/org/types.js';
import { labelsKey, type Metrics } from '../http/metrics.js';
import type { QueueSet } from '../../jobs/runtime.js';

export interface AppMetrics {
  /** Counts each update handled, by channel. */
  countingRouter(router: Router): Router;
  onSent(channel: ChannelName, count: number): Promise<void>;
}

export function registerMetrics(metrics: Metrics, deps: { db: PrismaClient; queues: QueueSet }): AppMetrics {
  const updates = metrics.counter('dondoc_updates_total', 'Inbound updates handled, by channel');
  const sent = metrics.counter('dondoc_messages_sent_total', 'Messages delivered to chat platforms, by channel');
  metrics.gauge('dondoc_outbox_messages', 'Outbox messages by channel and status (pending = waiting, sending = handed to the platform, not yet confirmed)', async () => {
    const rows = await deps.db.outbox.groupBy({ by: ['channel', 'status'], _count: { _all: true }, where: { status: { in: ['PENDING', 'SENDING', 'FAILED', 'UNREACHABLE'] } } });
    return new Map(rows.map((r) => [labelsKey({ channel: r.channel, status: r.status.toLowerCase() }), r._count._all]));
  });
  metrics.gauge('dondoc_clocks_active', 'Open clocks (reminder ladders) by kind', async () => {
    const rows = await deps.db.clock.groupBy({ by: ['kind'], _count: { _all: true }, where: { state: 'ACTIVE' } });
    return new Map(rows.map((r) => [labelsKey({ kind: r.kind }), r._count._all]));
  });
  metrics.gauge('dondoc_queue_jobs', 'BullMQ jobs by queue and state', async () => {
    const out = new Map<string, number>();
    for (const q of [deps.queues.clocks, deps.queues.delivery, deps.queues.maintenance]) {
      const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, n] of Object.entries(counts)) out.set(labelsKey({ queue: q.name, state }), n);
    }
    return out;
  });
  return {
    countingRouter(router) {
      return {
        async handle(envelope) {
          updates({ channel: envelope.channel });
          return router.handle(envelope);
        },
      };
    },
    async onSent(channel, count) {
      sent({ channel }, count);
    },
  };
}
