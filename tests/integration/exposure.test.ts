// What other people on the network or on the machine can reach: /metrics behind a token, and the embedded database
// behind a random password kept in files only the dondoc user can read.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/open.js';
import { Metrics } from '../../src/http/metrics.js';
import { createHttpApp } from '../../src/http/server.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'f3a9c0d1e2b34c5d6e7f8091a2b3c4d5';

  it('is read from the environment, and refused when too short to be a secret', () => {
    expect(createConfig({ TELEGRAM_BOT_TOKEN: '123:abcdefghijklmnopqrstuvwxyz', METRICS_TOKEN: token }).metricsToken).toBe(token);
    expect(createConfig({}).metricsToken).toBeUndefined();
    expect(() => createConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });

  it('answers 401 without the bearer token or with a wrong one, the metrics with it', async () => {
    const http = createHttpApp({ metrics: new Metrics(), health: [], metricsToken: token });
    const none = await http.request('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await http.request('/metrics', { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    expect((await http.request('/metrics', { headers: { authorization: `Basic ${token}` } })).status).toBe(401);
    const good = await http.request('/metrics', { headers: { authorization: `Bearer ${token}` } });
    expect(good.status).toBe(200);
    expect(good.headers.get('content-type')).toContain('text/plain');
  });

  it('stays open when no token is set (a private network or a proxy keeps it off the public address)', async () => {
    expect((await createHttpApp({ metrics: new Metrics(), health: [] }).request('/metrics')).status).toBe(200);
  });
});

describe('the embedded PostgreSQL on a shared machine', () => {
  it('has a random password, kept in a 0600 file in a 0700 data directory, and refuses a wrong or missing one', async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'dondoc-exp-')), 'data');
    dirs.push(path.dirname(dataDir));
    // An operator created the directory with the usual umask, and an old run left a world-readable address file.
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(path.join(dataDir, 'pglite.address'), 'postgresql://postgres@127.0.0.1:1/postgres\n', { mode: 0o644 });

    const db = await openDatabase({ databaseUrl: undefined, dataDir, poolSize: 2, migrate: true, publishEmbedded: true });
    try {
      expect(mode(dataDir)).toBe('700');
      expect(mode(path.join(dataDir, 'pglite'))).toBe('700');
      const addressFile = path.join(dataDir, 'pglite.address');
      expect(mode(addressFile)).toBe('600');
      const url = new URL(readFileSync(addressFile, 'utf8').trim());
      expect(url.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(url.toString()).toBe(db.url);

      const connect = async (password: string | undefined) => {
        const client = new pg.Client({
          host: '127.0.0.1',
          port: Number(url.port),
          user: 'postgres',
          database: 'postgres',
          ...(password === undefined ? {} : { password }),
        });
        client.on('error', () => {});
        try {
          await client.connect();
          return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM official')).rows[0]!.n;
        } finally {
          await client.end().catch(() => {});
        }
      };
      await expect(connect('not-the-password')).rejects.toThrow(/password authentication failed/);
      await expect(connect('')).rejects.toThrow();
      await expect(connect(undefined)).rejects.toThrow();
      expect(await connect(decodeURIComponent(url.password))).toBe(0);
      // Prisma and the migration engine went through the same door.
      expect(await db.db.official.count()).toBe(0);
    } finally {
      await db.close();
    }
  });
});
