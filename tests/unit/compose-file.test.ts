// compose.yaml (issue 18 point 4) cannot be run here (no Docker); it is read as YAML instead and held to what the
// code really reads and serves: every variable is one src/config.ts knows and the configuration accepts, each role is
// real, health checks ask /healthz on the port the process listens on, the migrate step is a real CLI command, the
// proxy sends the real webhook paths to the bots, and SIGTERM's grace fits inside compose's.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TELEGRAM_ORG_WEBHOOK_PATH, TELEGRAM_WEBHOOK_PATH } from '../../src/channels/telegram/webhook.js';
import { ZALO_ORG_WEBHOOK_PATH, ZALO_WEBHOOK_PATH } from '../../src/channels/zalo/webhook.js';
import { ZALO_OA_WEBHOOK_PATH } from '../../src/channels/zalo-oa/webhook.js';
import { FILE_LINK_PATH } from '../../src/app/file-links.js';
import { commands } from '../../src/cli/commands/index.js';
import { CONFIG_VARIABLES, createConfig } from '../../src/config.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
  volumes?: string[];
}
const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** What `docker compose` makes of ${VAR}, ${VAR:-default} and ${VAR:?message}, with an operator's values. */
const OPERATOR: Record<string, string> = {
  POSTGRES_PASSWORD: 'a-strong-password',
  TELEGRAM_BOT_TOKEN: '7000000001:AAcompose-file-token-0123456789',
  TELEGRAM_WEBHOOK_SECRET: 'compose-webhook-secret',
  DONDOC_DOMAIN: 'dondoc.tinh.gov.vn',
};
function interpolate(value: string): string {
  return value.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (OPERATOR[name] !== undefined) return OPERATOR[name]!;
    if (kind === '-') return rest ?? '';
    throw new Error(`compose.yaml needs ${name}${kind === '?' ? ` (${rest})` : ''}`);
  });
}
const envOf = (s: Service) => Object.fromEntries(Object.entries(s.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
const durationMs = (d: string) => {
  const m = /^(\d+)(ms|s|m)$/.exec(d)!;
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000 }[m[2] as 'ms' | 's' | 'm'];
};

const ROLES = { 'bot-1': 'bot', 'bot-2': 'bot', 'worker-1': 'worker', 'worker-2': 'worker' } as const;

describe('compose.yaml', () => {
  it('has PostgreSQL, Redis, the migrate step, two bots, two workers and a reverse proxy', () => {
    expect(Object.keys(services).sort()).toEqual(['bot-1', 'bot-2', 'migrate', 'postgres', 'proxy', 'redis', 'worker-1', 'worker-2']);
  });

  it('checks the health of every service that keeps running', () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === 'migrate') continue;
      expect(s.healthcheck?.test, name).toBeDefined();
      expect(s.healthcheck!.test[0], name).toBe('CMD');
    }
    expect(services.postgres!.healthcheck!.test).toContain('pg_isready');
    expect(services.redis!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
  });

  it('configures each bot and worker with variables the configuration knows and accepts, in its role', () => {
    for (const [name, role] of Object.entries(ROLES)) {
      const s = services[name]!;
      const env = envOf(s);
      expect(
        Object.keys(env).filter((k) => !CONFIG_VARIABLES.includes(k)),
        name,
      ).toEqual([]);
      const config = createConfig(env);
      expect(config.role, name).toBe(role);
      expect(config.databaseUrl).toBe('postgresql://dondoc:a-strong-password@postgres:5432/dondoc');
      expect(new URL(config.redisUrl).hostname).toBe('redis');
      expect(new URL(config.telegram.webhook!.url).pathname).toBe(TELEGRAM_WEBHOOK_PATH);
      // Its health check asks /healthz on the port it listens on.
      const probe = s.healthcheck!.test.join(' ');
      expect(probe, name).toContain(`http://127.0.0.1:${config.httpPort}/healthz`);
      // SIGTERM's drain ends before compose's SIGKILL.
      expect(config.shutdownGraceMs, name).toBeLessThan(durationMs(s.stop_grace_period!));
      // Started after the migration and Redis; the same image as every other role.
      expect(s.depends_on?.migrate?.condition).toBe('service_completed_successfully');
      expect(s.depends_on?.redis?.condition).toBe('service_healthy');
      expect(s.image).toBe(services.migrate!.image);
    }
    // The services the URLs name are there.
    expect(services.postgres!.environment!.POSTGRES_DB).toBe('dondoc');
  });

  it('migrates with a real command of package.json and the CLI', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const [npm, run, script, dashes, ...words] = services.migrate!.command!;
    expect([npm, run, dashes]).toEqual(['npm', 'run', '--']);
    expect(scripts[script!]).toBe('tsx src/cli/index.ts');
    expect(commands.map((c) => c.path.join(' '))).toContain(words.join(' '));
    expect(createConfig(envOf(services.migrate!)).databaseUrl).toBeDefined();
  });

  it('builds an image that starts src/main.ts', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toContain('CMD ["node", "--import", "tsx", "src/main.ts"]');
    expect(existsSync(path.join(root, 'src/main.ts'))).toBe(true);
  });

  it('lets the proxy send the webhook paths and the file links to both bots, by their /healthz', () => {
    const proxy = services.proxy!;
    expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    const caddyfile = read('deploy/Caddyfile');
    const matcher = /@dondoc path (.+)/.exec(caddyfile)![1]!.split(/\s+/);
    expect(matcher).toEqual(expect.arrayContaining([TELEGRAM_WEBHOOK_PATH, ZALO_WEBHOOK_PATH, ZALO_OA_WEBHOOK_PATH, `${FILE_LINK_PATH}/*`]));
    // Every other organisation's bots (README "A province"), one path segment for the organisation.
    expect(matcher).toEqual(expect.arrayContaining([TELEGRAM_ORG_WEBHOOK_PATH.replace(':org', '*'), ZALO_ORG_WEBHOOK_PATH.replace(':org', '*')]));
    // Health and metrics stay off the public address (README): the proxy asks /healthz of each bot itself.
    expect(matcher.filter((p) => p.startsWith('/healthz') || p.startsWith('/metrics'))).toEqual([]);
    const port = createConfig(envOf(services['bot-1']!)).httpPort;
    expect(/reverse_proxy (.+) \{/.exec(caddyfile)![1]!.split(' ')).toEqual([`bot-1:${port}`, `bot-2:${port}`]);
    expect(caddyfile).toContain('health_uri /healthz');
    expect(Object.keys(proxy.depends_on ?? {}).sort()).toEqual(['bot-1', 'bot-2']);
  });
});
