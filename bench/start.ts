// A running bot (issue 14): start to ready and resident memory once idle, for the bot as `npm start` runs it now
// (compiled: plain node over dist/main.mjs, scripts/build.mjs) and as it ran before (tsx compiling src/main.ts in the
// process). Each start is a process of its own, polling a Telegram stand-in with the sample district imported
// (samples/huyen-mau.csv), on a benchmark database and Redis prefix; ready is the "dondoc ready" line, memory is
// VmRSS after BENCH_IDLE_S seconds (default 20) of idling. Starts alternate between the two ways, BENCH_STARTS each.
//   npm run bench -- start
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importOrganisation } from '../src/app/org/import-organisation.js';
import { createStores } from '../src/db/stores.js';
import { createTelegramStandIn } from '../tests/support/telegram-stand-in.js';
import { benchDatabase, logger, machine, REDIS_URL, ROOT, round, uniquePrefix, writeResult } from './common.js';

const log = logger('start');
const loadNow = () =>
  os
    .loadavg()
    .map((l) => round(l, 1))
    .join(' ');

interface StartFigures {
  readyMs: number;
  idleRssMb: number;
  cpuMs: number;
}

function statusField(pid: number, field: string, text: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${field}:`));
  if (!line) throw new Error(`no ${field} for ${pid}`);
  return Number(line.split(/\s+/)[1]);
}

/** A port free at this moment (the bot wants a fixed one). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** The process and its descendants (Linux /proc). */
async function processTree(pid: number): Promise<number[]> {
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).trim().split(/\s+/).filter(Boolean).map(Number);
  return [pid, ...(await Promise.all(children.map(processTree))).flat()];
}

/** One start: spawns, waits for the ready line, idles, reads memory and CPU time, stops it. */
async function startOnce(args: string[], env: NodeJS.ProcessEnv, idleSeconds: number): Promise<StartFigures> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const readyMs = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('dondoc ready')) resolve(Math.round(performance.now() - t0));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the bot exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  // tsx's command line runs the bot in a child process of its own: the whole tree counts.
  let idleRssKb = 0;
  let cpuMs = 0;
  for (const pid of await processTree(child.pid!)) {
    idleRssKb += statusField(pid, 'VmRSS', await readFile(`/proc/${pid}/status`, 'utf8'));
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    cpuMs += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  const idleRssMb = Math.round(idleRssKb / 1024);
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { readyMs, idleRssMb, cpuMs };
}

export async function runStartBench(): Promise<Record<string, unknown>> {
  const starts = Number(process.env.BENCH_STARTS ?? '3');
  const idleSeconds = Number(process.env.BENCH_IDLE_S ?? '20');
  const bdb = await benchDatabase('start', 4);
  const m = await machine(bdb.sql);
  log(`machine: ${m.cpus} cores (${m.cpu}), ${m.memoryGb} GB, load ${m.loadAverage}; ${starts} starts each, ${idleSeconds} s idle`);
  const tg = await createTelegramStandIn();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dd-bench-start-'));
  try {
    const sample = path.join(ROOT, 'samples', 'huyen-mau.csv');
    const imported = await importOrganisation(
      { stores: createStores(bdb.db) },
      { file: await readFile(sample), now: new Date(), source: path.basename(sample) },
    );
    log(`sample district imported (${JSON.stringify(imported).slice(0, 120)})`);
    const { ensureBuilt } = (await import(path.join(ROOT, 'scripts', 'build.mjs'))) as { ensureBuilt: (root: string) => Promise<string> };
    const bundle = await ensureBuilt(ROOT);
    const ways = {
      compiled: ['--enable-source-maps', bundle],
      // What the source map costs (npm start keeps it: stack traces in the log point into src/).
      compiledWithoutSourceMaps: [bundle],
      tsx: [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'src', 'main.ts')],
    };
    const figures: Record<string, StartFigures[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
    for (let i = 0; i < starts; i++) {
      for (const [name, args] of Object.entries(ways)) {
        const env: NodeJS.ProcessEnv = {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ENV_FILE: '/dev/null',
          TELEGRAM_BOT_TOKEN: '7000000002:AAbench-start-token-for-the-stand-in-0123',
          TELEGRAM_API_ROOT: tg.url,
          DATABASE_URL: bdb.url,
          REDIS_URL,
          QUEUE_PREFIX: uniquePrefix('start'),
          DATA_DIR: dataDir,
          HTTP_HOST: '127.0.0.1',
          HTTP_PORT: String(await freePort()),
          LOG_FORMAT: 'json',
        };
        const f = await startOnce(args, env, idleSeconds);
        figures[name]!.push(f);
        log(`${name} #${i + 1}: ready in ${f.readyMs} ms, idle RSS ${f.idleRssMb} MB, CPU ${f.cpuMs} ms (load ${loadNow()})`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const summary = Object.fromEntries(
      Object.entries(figures).map(([k, v]) => [
        k,
        { readyMs: median(v.map((x) => x.readyMs)), idleRssMb: median(v.map((x) => x.idleRssMb)), cpuMs: median(v.map((x) => x.cpuMs)), runs: v },
      ]),
    );
    const result = {
      machine: m,
      setup: { starts, idleSeconds, what: 'bot + worker, Telegram polling a stand-in, sample district, PostgreSQL and Redis of the bench' },
      ...summary,
      loadAverageAtEnd: loadNow(),
      target: { idleRssMb: 250, readyMs: 3000, note: 'start to ready < 3 s on a quiet machine' },
    };
    log(`written to ${await writeResult('start', result)}`);
    return result;
  } finally {
    await tg.close();
    await rm(dataDir, { recursive: true, force: true });
    await bdb.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runStartBench();
  process.exit(0);
}
