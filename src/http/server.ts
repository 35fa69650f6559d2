// The HTTP side: platform webhooks, /healthz and /metrics. Routes are added by the features that need them.
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { Metrics } from './metrics.js';

export interface HealthCheck {
  name: string;
  check(): Promise<boolean>;
}

export function createHttpApp(options: { metrics: Metrics; health: HealthCheck[] }): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const results = await Promise.all(options.health.map(async (h) => [h.name, await h.check().catch(() => false)] as const));
    const ok = results.every(([, v]) => v);
    return c.json({ ok, checks: Object.fromEntries(results) }, ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => c.text(await options.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4' }));
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
