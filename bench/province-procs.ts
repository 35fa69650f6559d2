// The province benchmark's processes: the real bot as `npm start` runs it (plain node over dist/main.mjs, built by
// scripts/build.mjs), ROLE=bot or ROLE=worker, each with its own HTTP port and data directory; SIGKILL to kill one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { processCpuMs } from './cpu.js';
import { ROOT } from './common.js';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface Proc {
  name: string;
  role: 'bot' | 'worker';
  port: number;
  /** Its DATA_DIR (a temporary directory; removed by the benchmark at the end). */
  dataDir: string;
  child: ChildProcess;
  ready: Promise<number>;
  exited: Promise<number | null>;
  /** Log lines (JSON) at warn or above, and anything on stderr: what went wrong. */
  problems(): string[];
  /** CPU time used so far (ms), while it runs. */
  cpuMs(): number | undefined;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startProc(name: string, role: 'bot' | 'worker', env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `dondoc-province-${name}-`));
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.mjs'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, ROLE: role, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const problems: string[] = [];
  let partial = '';
  let readyResolve!: (ms: number) => void;
  let readyReject!: (e: Error) => void;
  const ready = new Promise<number>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.includes('"dondoc ready')) readyResolve(Date.now() - t0);
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (level && Number(level) >= 40 && problems.length < 2000) problems.push(line.slice(0, 600));
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    if (problems.length < 2000) problems.push(`stderr: ${chunk.slice(0, 600)}`);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then((code) => readyReject(new Error(`${name} exited (${code}) before it was ready:\n${problems.slice(-20).join('\n')}`)));
  ready.catch(() => {});
  return {
    name,
    role,
    port,
    dataDir,
    child,
    ready,
    exited,
    problems: () => [...problems],
    cpuMs: () => (child.pid === undefined ? undefined : processCpuMs(child.pid)),
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
