// The HTTP side: platform webhooks, /healthz and /metrics. Routes are added by the features that need them.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Metrics } from './metrics.js';
import { secretMatches } from './secret.js';

/** Fine, or not; when not, a reason in plain words helps ("waiting for Telegram: …"). */
export type HealthResult = boolean | { ok: false; reason: string };

export interface HealthCheck {
  name: string;
  check(): Promise<HealthResult>;
  /**
   * Shown but not counted in `ok`: another organisation's bot still waiting for its platform (its own webhook answers
   * 503 meanwhile) must not take the whole process out of the load balancer, which serves every other organisation.
   */
  advisory?: boolean;
}

export interface HttpAppOptions {
  metrics: Metrics;
  health: HealthCheck[];
  /** When set, /metrics answers only `Authorization: Bearer <token>` (401 otherwise). */
  metricsToken?: string | undefined;
}

export function createHttpApp(options: HttpAppOptions): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const results = await Promise.all(
      options.health.map(async (h) => [h.name, await h.check().catch((): HealthResult => false), h.advisory === true] as const),
    );
    const ok = results.every(([, v, advisory]) => v === true || advisory);
    const checks = Object.fromEntries(results.map(([name, v]) => [name, v === true]));
    const reasons = results.flatMap(([name, v]) => (typeof v === 'object' ? [[name, v.reason] as const] : []));
    return c.json({ ok, checks, ...(reasons.length > 0 ? { waiting: Object.fromEntries(reasons) } : {}) }, ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    if (options.metricsToken !== undefined) {
      const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
      if (!secretMatches(given, options.metricsToken))
        return c.text('Unauthorized: /metrics needs the METRICS_TOKEN as a bearer token\n', 401, { 'www-authenticate': 'Bearer realm="metrics"' });
    }
    return c.text(await options.metrics.render(), 200, { 'content-type': options.metrics.contentType });
  });
  return app;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export function startHttpServer(app: Hono, port: number, hostname = '0.0.0.0'): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port, hostname }, (info) => {
        resolve({
          port: info.port,
          close: () => new Promise<void>((r) => server.close(() => r())),
        });
      });
      server.on('error', reject);
    } catch (e) {
      reject(e);
    }
  });
}
