// Node CPU of each step of a firing wave (issue 14): N clocks due at once (the engine bench's data), fired by
// sequential waves of the clock worker's size in this process, with each store call and the after-commit effects
// (next levels scheduled, delivery woken) timed by `process.cpuUsage` around it, and the database backends' CPU in
// all. Waves run one at a time, so the CPU used during a call is that call's (and the garbage collection it causes).
// What is left is our own code in the wave: the ladder, the organisation, rendering. No BullMQ clock jobs run: their
// cost is the engine bench's no-op baseline.
//
//   npx tsx bench/wave-steps.ts          BENCH_SCALE=0.2 (default here: 20,000 clocks)
import { fireWave } from '../src/app/clocks/fire-clock.js';
import type { AppContext } from '../src/app/context.js';
import { systemTime } from '../src/domain/time/time-source.js';
import { WAVE_SIZE } from '../jobs/clock.processor.js';
import { createQueues } from '../jobs/runtime.js';
import { benchDatabase, fillDueTaskClocks, fillOrganisation, REDIS_URL, scaled, uniquePrefix } from './common.js';
import { cpuMeter } from './cpu.js';
import { engineApp } from './engine-app.js';

const n = process.env.BENCH_SCALE ? scaled(100_000) : 20_000;
const units = 400;
const cost = new Map<string, { ms: number; calls: number }>();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function timed<A extends unknown[], R>(name: string, f: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const t0 = cpuMs();
    try {
      return await f(...args);
    } finally {
      const c = cost.get(name) ?? { ms: 0, calls: 0 };
      c.ms += cpuMs() - t0;
      c.calls++;
      cost.set(name, c);
    }
  };
}

/** Every function of every store object, timed under `<store>.<function>`. */
function timeStores(app: AppContext): void {
  for (const [storeName, store] of Object.entries(app.stores)) {
    if (!store || typeof store !== 'object') continue;
    const s = store as Record<string, unknown>;
    for (const [k, f] of Object.entries(s))
      if (typeof f === 'function') s[k] = timed(`${storeName}.${k}`, (f as (...a: unknown[]) => Promise<unknown>).bind(s));
  }
}

const bdb = await benchDatabase('steps', 8);
try {
  await fillOrganisation(bdb.sql, units);
  // The engine bench's tasks and clocks (bench/engine.ts).
  await fillDueTaskClocks(bdb.sql, n, units);
  const queues = createQueues(REDIS_URL, uniquePrefix('steps'), systemTime);
  const { app, handlers } = engineApp(bdb.db, queues);
  await app.org();
  await app.calendar();
  timeStores(app);
  const timedApp: AppContext = {
    ...app,
    scheduler: { schedule: timed('effects: next levels scheduled', (c) => queues.scheduler.schedule(c)) },
    delivery: { ...app.delivery, kick: timed('effects: delivery woken', (c) => queues.kicker.kick(c)) },
  };
  await fireWave(timedApp, handlers, [], WAVE_SIZE); // warm-up: query plans, the catalogue
  cost.clear();
  const pgMeter = await cpuMeter(bdb.sql, bdb.name);
  const t0 = cpuMs();
  let fired = 0;
  for (;;) {
    const { fired: wave } = await fireWave(timedApp, handlers, [], WAVE_SIZE);
    if (wave.length === 0) break;
    fired += wave.length;
  }
  const total = cpuMs() - t0;
  const { postgresMs } = await pgMeter();
  const per = (ms: number) => (ms / Math.max(1, fired)).toFixed(4);
  console.log(`${fired} reminders in sequential waves of ${WAVE_SIZE}: Node CPU ${per(total)} ms, PostgreSQL ${per(postgresMs)} ms per reminder`);
  let timedMs = 0;
  for (const [k, v] of [...cost].sort((a, b) => b[1].ms - a[1].ms)) {
    timedMs += v.ms;
    console.log(`  ${per(v.ms)} ms  ${k} (${v.calls} calls)`);
  }
  console.log(`  ${per(total - timedMs)} ms  the rest: our code in the wave (ladder, organisation, rendering), the transaction`);
  for (const q of [queues.clocks, queues.delivery]) await q.obliterate({ force: true }).catch(() => {});
  await queues.close();
} finally {
  await bdb.drop();
}
process.exit(0);
