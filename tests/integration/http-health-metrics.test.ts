import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../src/app/interaction/index.js';
import { createHttpApp } from '../../src/http/server.js';
import { Metrics } from '../../src/http/metrics.js';
import { registerMetrics } from '../../src/runtime/metrics.js';
import { createHarness, type Harness } from '../support/app-harness.js';

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
  });

  it('counts updates and shows the outbox, clocks and queues', async () => {
    const metrics = new Metrics();
    const m = registerMetrics(metrics, { db: h.db.db, queues: h.queues });
    const router = m.countingRouter(createAppRouter(h.app));
    await router.handle({ channel: 'TELEGRAM', updateKey: 'm1', externalUserId: '1', chatId: '1', displayName: 'x', event: { type: 'text', text: '/viec' } });
    await m.onSent('TELEGRAM', 3);
    const text = await (await createHttpApp({ metrics, health: [] }).request('/metrics')).text();
    expect(text).toContain('dondoc_updates_total{channel="TELEGRAM"} 1');
    expect(text).toContain('dondoc_messages_sent_total{channel="TELEGRAM"} 3');
    expect(text).toContain('dondoc_queue_jobs{queue="clocks",state="waiting"} 0');
    expect(text).toContain('# TYPE dondoc_clocks_active gauge');
  });
});
