// A redis-server of the test's own, without persistence, so a test can SIGKILL it and start it again empty on the same
// port under running processes (the shared Redis of the other tests is never touched).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { redisAnswers } from '../../jobs/connection.js';
import { freePort } from './main-process.js';
import { waitUntil } from './wait.js';

export interface OwnRedis {
  url: string;
  port: number;
  /** SIGKILL: whatever it held is gone (no RDB, no AOF). */
  kill(): Promise<void>;
  /** Starts it again, empty, on the same port; resolves once it answers. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const hasRedisServer = (): boolean => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** Generous: it guards against a hang (a busy machine), it is not a timing claim. */
const ANSWER_DEADLINE_MS = 30_000;

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const launch = async () => {
    // noeviction, as BullMQ requires.
    child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
      stdio: 'ignore',
    });
    await waitUntil(() => redisAnswers(url, 300), { timeoutMs: ANSWER_DEADLINE_MS, intervalMs: 50, message: `redis-server on port ${port}` });
  };
  const kill = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGKILL');
    await exited;
  };
  await launch();
  return { url, port, kill, restart: launch, close: kill };
}
