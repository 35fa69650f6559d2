import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../src/app/interaction/index.js';
import { createHttpApp } from '../../src/http/server.js';
import { Metrics } from '../../src/http/metrics.js';
import { registerMetrics } from '../../src/runtime/metrics.js';
import { createQueues } from '../../jobs/runtime.js';
import { createHarness, type Harness } from '../support/app-harness.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('/healthz and /metrics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ workers: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('reports each dependency, 503 when one is down', async () => {
    const up = createHttpApp({ metrics: new Metrics(), health: [{ name: 'database', check: async () => (await h.db.db.$queryRaw`SELECT 1`, true) }] });
    const ok = await up.request('/healthz');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, checks: { database: true } });
    const down = createHttpApp({ metrics: new Metrics(), health: [{ name: 'redis', check: async () => false }] });
    expect((await down.request('/healthz')).status).toBe(503);
    // Another organisation's bot still waiting is shown, not counted: the process serves every other organisation.
    const waiting = { ok: false as const, reason: 'waiting for Telegram' };
    const advisory = createHttpApp({ metrics: new Metrics(), health: [{ name: 'telegram:huyen-b', check: async () => waiting, advisory: true }] });
    const shown = await advisory.request('/healthz');
    expect(shown.status).toBe(200);
    expect(await shown.json()).toEqual({ ok: true, checks: { 'telegram:huyen-b': false }, waiting: { 'telegram:huyen-b': 'waiting for Telegram' } });
  });

  it('counts updates and shows the outbox, clocks and queues, for each organisation', async () => {
    const metrics = new Metrics();
    const processMetrics = registerMetrics(metrics);
    const m = processMetrics.forOrganisation({ orgId: 'default', db: h.db.db, queues: h.queues });
    // A second organisation with a job waiting in its own queues: its series are its own, not summed into the first's.
    const otherQueues = createQueues(REDIS_URL, `metrics-b-${process.pid}-${Date.now()}`, h.timeSource);
    const other = processMetrics.forOrganisation({ orgId: 'huyen-b', db: h.db.db, queues: otherQueues });
    try {
      await otherQueues.clocks.add('waiting', { id: 1, generation: 0, level: 0, cycle: 0 });
      const router = m.countingRouter(createAppRouter(h.app));
      await router.handle({ channel: 'TELEGRAM', updateKey: 'm1', externalUserId: '1', chatId: '1', displayName: 'x', event: { type: 'text', text: '/viec' } });
      await m.onSent('TELEGRAM', 3, 0.2);
      await other.onSent('TELEGRAM', 5);
      const res = await createHttpApp({ metrics, health: [] }).request('/metrics');
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toContain('dondoc_updates_total{channel="TELEGRAM",org="default"} 1');
      expect(text).not.toMatch(/^dondoc_updates_total\{[^}]*org="huyen-b"/m);
      expect(text).toContain('dondoc_messages_sent_total{channel="TELEGRAM",org="default"} 3');
      expect(text).toContain('dondoc_messages_sent_total{channel="TELEGRAM",org="huyen-b"} 5');
      expect(text).toContain('dondoc_queue_jobs{queue="clocks",state="waiting",org="default"} 0');
      expect(text).toContain('dondoc_queue_jobs{queue="clocks",state="waiting",org="huyen-b"} 1');
      expect(text).toContain('# TYPE dondoc_clocks_active gauge');
      // Histograms: the update's handling was timed once; the send of 0.2 s falls in the 0.25 s bucket, not 0.1 s.
      expect(text).toContain('# TYPE dondoc_update_handling_seconds histogram');
      expect(text).toContain('dondoc_update_handling_seconds_count{channel="TELEGRAM",org="default"} 1');
      expect(text).toContain('dondoc_send_seconds_bucket{le="0.1",channel="TELEGRAM",org="default"} 0');
      expect(text).toContain('dondoc_send_seconds_bucket{le="0.25",channel="TELEGRAM",org="default"} 1');
      expect(text).toContain('dondoc_send_seconds_sum{channel="TELEGRAM",org="default"} 0.2');
      // Stopped, the organisation's gauges are no longer read.
      other.close();
      const after = await (await createHttpApp({ metrics, health: [] }).request('/metrics')).text();
      expect(after).not.toMatch(/^dondoc_queue_jobs\{[^}]*org="huyen-b"/m);
      expect(after).toContain('dondoc_queue_jobs{queue="clocks",state="waiting",org="default"} 0');
      // Process metrics only where asked for (the running bot).
      expect(text).not.toContain('process_cpu_user_seconds_total');
    } finally {
      await otherQueues.clocks.obliterate({ force: true }).catch(() => {});
      await otherQueues.close();
    }
  });

  it('shows the process metrics and event-loop lag of the running bot; a gauge that cannot be read shows no samples', async () => {
    const metrics = new Metrics({ process: true });
    metrics.gauge('dondoc_test_unreadable', 'A gauge whose source is down', ['x'], async () => {
      throw new Error('database down');
    });
    const res = await createHttpApp({ metrics, health: [] }).request('/metrics');
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(text).toContain('# TYPE dondoc_test_unreadable gauge');
    expect(text).not.toMatch(/^dondoc_test_unreadable\{/m);
  });
});
