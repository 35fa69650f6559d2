// What /metrics shows: traffic counters, handling and send latencies, and gauges read from the database and the
// queues when scraped.
import { performance } from 'node:perf_hooks';
import type { Router } from '../app/interaction/router.js';
import type { PrismaClient } from '../db/client.js';
import type { ChannelName } from '../domain/org/types.js';
import type { GaugeSample, Metrics } from '../http/metrics.js';
import type { QueueSet } from '../../jobs/runtime.js';

/** One organisation's counters and timings (label `org`). */
export interface AppMetrics {
  /** Counts each update handled and times its handling, by channel. */
  countingRouter(router: Router): Router;
  /** `seconds`: how long the platform took to accept the send. */
  onSent(channel: ChannelName, count: number, seconds?: number): Promise<void>;
  /** The organisation stopped: its gauges are no longer read. */
  close(): void;
}

/** What the gauges read for one running organisation. */
export interface MetricsSource {
  orgId: string;
  db: PrismaClient;
  queues: QueueSet;
}

/**
 * Registered once per process; every organisation it runs adds its source (`forOrganisation`). Every dondoc_ series
 * carries `org`: before, the gauges read the 'default' organisation only while the counters summed them all, so a
 * province's outbox or queues behind elsewhere looked empty.
 */
export interface ProcessMetrics {
  forOrganisation(source: MetricsSource): AppMetrics;
}

export function registerMetrics(metrics: Metrics): ProcessMetrics {
  const sources = new Map<string, MetricsSource>();
  const updates = metrics.counter('dondoc_updates_total', 'Inbound updates handled, by channel', ['channel', 'org']);
  const handling = metrics.histogram('dondoc_update_handling_seconds', 'Time to handle an inbound update (router, database, replies decided), by channel', [
    'channel',
    'org',
  ]);
  const sent = metrics.counter('dondoc_messages_sent_total', 'Messages delivered to chat platforms, by channel', ['channel', 'org']);
  const sending = metrics.histogram('dondoc_send_seconds', 'Time a chat platform took to accept one send from the delivery worker, by channel', [
    'channel',
    'org',
  ]);
  /**
   * One gauge's samples for every running organisation, each labelled with it. An organisation whose database or
   * Redis cannot be read shows no samples; the others still do (one failure failed the whole gauge).
   */
  const perOrganisation = (read: (s: MetricsSource) => Promise<GaugeSample[]>) => async (): Promise<GaugeSample[]> => {
    const rows = await Promise.all(
      [...sources.values()].map((s) =>
        read(s).then(
          (samples) => samples.map((r) => ({ ...r, labels: { ...r.labels, org: s.orgId } })),
          () => [],
        ),
      ),
    );
    return rows.flat();
  };
  metrics.gauge(
    'dondoc_outbox_messages',
    'Outbox messages by channel and status (pending = waiting, sending = handed to the platform, not yet confirmed)',
    ['channel', 'status', 'org'],
    perOrganisation(async ({ db }) => {
      const rows = await db.outbox.groupBy({
        by: ['channel', 'status'],
        _count: { _all: true },
        where: { status: { in: ['PENDING', 'SENDING', 'FAILED', 'UNREACHABLE'] } },
      });
      return rows.map((r) => ({ labels: { channel: r.channel, status: r.status.toLowerCase() }, value: r._count._all }));
    }),
  );
  metrics.gauge(
    'dondoc_clocks_active',
    'Open clocks (reminder ladders) by kind',
    ['kind', 'org'],
    perOrganisation(async ({ db }) => {
      const rows = await db.clock.groupBy({ by: ['kind'], _count: { _all: true }, where: { state: 'ACTIVE' } });
      return rows.map((r) => ({ labels: { kind: r.kind }, value: r._count._all }));
    }),
  );
  metrics.gauge(
    'dondoc_queue_jobs',
    'BullMQ jobs by queue and state',
    ['queue', 'state', 'org'],
    perOrganisation(async ({ queues }) => {
      const out = [];
      for (const q of [queues.clocks, queues.delivery, queues.maintenance]) {
        const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed');
        for (const [state, n] of Object.entries(counts)) out.push({ labels: { queue: q.name, state }, value: n });
      }
      return out;
    }),
  );
  return {
    forOrganisation(source) {
      sources.set(source.orgId, source);
      const org = source.orgId;
      return {
        countingRouter(router) {
          return {
            async handle(envelope, answer) {
              updates({ channel: envelope.channel, org });
              const started = performance.now();
              let measured = false;
              const measure = () => {
                if (measured) return;
                measured = true;
                handling({ channel: envelope.channel, org }, (performance.now() - started) / 1000);
              };
              try {
                // The handling only, up to the answer: how long the platform takes to accept it is not the router's time.
                return await router.handle(envelope, answer && ((result) => (measure(), answer(result))));
              } finally {
                measure();
              }
            },
          };
        },
        async onSent(channel, count, seconds) {
          sent({ channel, org }, count);
          if (seconds !== undefined) sending({ channel, org }, seconds);
        },
        close() {
          if (sources.get(org) === source) sources.delete(org);
        },
      };
    },
  };
}
