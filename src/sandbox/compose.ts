// The sandbox's parts over a composed bot: the people panel's directory, the movable time walked over the workers, and
// the page with its API mounted on the bot's own HTTP server. One composition for `npm start` in sandbox mode
// (./start.ts) and for the tests' harness (`createHarness({ sandbox: true })`), so the tests drive what ships.
import type { Hono } from 'hono';
import type { AppContext } from '../app/context.js';
import type { PrismaClient } from '../db/client.js';
import { createSandboxApp } from './api.js';
import { createPeopleDirectory } from './directory.js';
import type { PeopleDirectory, SandboxPlatforms, SandboxPorts, SandboxTime } from './ports.js';
import { sandboxTime, type QueuesToWatch } from './time-wiring.js';
import type { TimeMove } from './time-moves.js';

export interface SandboxCompositionDeps {
  /** The injected clock every use case and worker reads; `set` moves it forward. */
  time: { now(): Date; set(to: Date): void };
  app: AppContext;
  /** The composition root's database client: the people panel and the time moves read it (the app has only its stores). */
  db: PrismaClient;
  queues: QueuesToWatch;
  /** The workers' reconcile (they may start after this is composed). */
  reconcile(): Promise<unknown>;
  /** The Zalo receiver handling what it received, before time goes on. */
  alsoIdle?: () => Promise<void>;
  platforms: SandboxPlatforms;
  settleTimeoutMs?: number;
}

export interface SandboxComposition {
  ports: SandboxPorts;
  people: PeopleDirectory;
  time: SandboxTime & { move(move: TimeMove): Promise<void> };
  /** Serves the page at `/` and the API under /sandbox/api on `http`; `signal` ends the open event streams. */
  mount(http: Hono, signal: AbortSignal): void;
}

export function composeSandbox(d: SandboxCompositionDeps): SandboxComposition {
  const people = createPeopleDirectory({ db: d.db, org: () => d.app.org() });
  const time = sandboxTime({
    time: d.time,
    app: d.app,
    db: d.db,
    queues: d.queues,
    reconcile: d.reconcile,
    ...(d.alsoIdle ? { alsoIdle: d.alsoIdle } : {}),
    ...(d.settleTimeoutMs ? { settleTimeoutMs: d.settleTimeoutMs } : {}),
  });
  const ports: SandboxPorts = { platforms: d.platforms, people, time, catalogue: d.app.catalogue };
  return {
    ports,
    people,
    time,
    mount(http, signal) {
      http.route('/', createSandboxApp(ports, { signal }));
    },
  };
}
