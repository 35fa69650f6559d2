// Starts tests/support/worker-process.ts as a child process (real workers on the system clock) and controls it.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_REDIS_URL } from './env.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ChildWorker {
  name: string;
  pid: number;
  /** Resolves once the workers run (the reconciler and the outbox sweep have run once). */
  ready: Promise<void>;
  /** How long it took from the spawn to ready (compiling, connecting, the first rebuild): how busy the machine is. */
  startMs(): number | undefined;
  /** Resolves with the exit code (null after a signal). */
  exited: Promise<number | null>;
  /** SIGKILL: no clean-up at all, as when the machine loses the process. */
  kill(): Promise<void>;
  /** SIGTERM: finishes the jobs in hand, then exits. */
  stop(): Promise<void>;
  output(): string;
}

export interface ChildWorkerEnv {
  DATABASE_URL: string;
  QUEUE_PREFIX: string;
  TELEGRAM_API_ROOT: string;
  WORKER_QUEUES?: string;
  [name: string]: string | undefined;
}

export function startWorkerProcess(name: string, env: ChildWorkerEnv): ChildWorker {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/support/worker-process.ts')], {
    cwd: root,
    // Time compressed as in the rest of the fault tests: the stalled-job check every second, the reconciler every 5 s
    // and the outbox sweep every 10 s (production: 30 s, 5 min, 1 min). A process's own job locks (30 s) and holds on
    // the messages it sends (2 min) stay the production ones: shorter than a pause or a slow send on a busy machine,
    // they let another job take over a job or a message its holder is still working on (a stall at best, a message
    // sent twice at worst). A test gives short ones (LOCK_MS, LEASE_MS) to the process it is going to kill, so what
    // that one held is taken back soon after the kill.
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL, STALLED_MS: '1000', MAINTENANCE_EVERY_MS: '5000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const spawned = Date.now();
  let startMs: number | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) {
        startMs ??= Date.now() - spawned;
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => reject(new Error(`worker ${name} exited (${code}) before it was ready:\n${out}`)));
  });
  ready.catch(() => {});
  return {
    name,
    pid: child.pid!,
    ready,
    exited,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    startMs: () => startMs,
    output: () => out,
  };
}
