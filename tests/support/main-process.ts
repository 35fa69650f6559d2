// The real `src/main.ts` as a child process, as an operator starts it, with its log lines readable as they come.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { sleep } from './wait.js';

const root = path.resolve(import.meta.dirname, '..', '..');

/** A port nobody listens on right now (for our HTTP server, or a stand-in started later). */
/**
 * A port for a child process to listen on. Drawn below the kernel's ephemeral range (32768–60999 on Linux): a port the
 * kernel hands out (what `listen(0)` would give) may be taken as the local port of any outgoing connection (to
 * PostgreSQL, Redis, a stand-in) before the child listens on it, which failed a start with EADDRINUSE in a loaded
 * suite. Parallel files draw at random from 12,000 ports, each checked free by binding it.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = net.createServer();
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (bound) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      return port;
    }
  }
  throw new Error('no free port between 20000 and 32000');
}

export interface MainProcess {
  child: ChildProcess;
  /** Every stdout line so far. */
  readonly stdout: string[];
  readonly stderr: string;
  /** The exit code once it exited (null after a signal). */
  readonly exited: Promise<number | null>;
  /** Log lines (JSON) whose message matches, waiting for `count` of them. */
  waitForLog(pattern: RegExp, options?: { count?: number; timeoutMs?: number }): Promise<string[]>;
  /** Stdout lines that parse as JSON log lines, their `msg`. */
  messages(): string[];
  stop(): Promise<number | null>;
}

/** Generous: it guards against a hang, it is not a timing claim (tsx compiles main.ts first on a busy machine). */
const START_DEADLINE_MS = 120_000;

export function startMain(env: Record<string, string>): MainProcess {
  // `node --import tsx`, not the tsx command: that one relays SIGTERM and, when the child does not confirm within
  // 30 ms (a busy machine), kills it with SIGKILL, so a graceful stop could not be tested.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    stdout.push(...parts);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  const messages = () =>
    stdout.flatMap((line) => {
      try {
        const msg = (JSON.parse(line) as { msg?: unknown }).msg;
        return typeof msg === 'string' ? [msg] : [];
      } catch {
        return [];
      }
    });

  return {
    child,
    stdout,
    get stderr() {
      return stderr;
    },
    exited,
    messages,
    async waitForLog(pattern, options = {}) {
      const count = options.count ?? 1;
      const deadline = Date.now() + (options.timeoutMs ?? START_DEADLINE_MS);
      for (;;) {
        const found = messages().filter((m) => pattern.test(m));
        if (found.length >= count) return found;
        const so = `so far:\n${stdout.slice(-20).join('\n')}\n${stderr}`;
        if (exitCode !== undefined) throw new Error(`main.ts exited (${exitCode}) before logging ${count} line(s) matching ${pattern}; ${so}`);
        if (Date.now() > deadline) throw new Error(`main.ts logged no ${count} line(s) matching ${pattern}; ${so}`);
        await sleep(50);
      }
    },
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      return exited;
    },
  };
}
