// CPU time spent by one stretch of a benchmark, in this Node process and in the PostgreSQL backends serving the
// benchmark's database. On a machine other people load, wall-clock rates swing with their work; CPU time per unit of
// work does much less, so the benchmarks report both.
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** utime + stime of a process in ms (Linux /proc; undefined where it cannot be read). */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ": utime is field 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

async function backendCpu(sql: pg.Client, dbName: string): Promise<Map<number, number>> {
  const rows = (await sql.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName])).rows;
  const out = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) out.set(pid, ms);
  }
  return out;
}

export interface CpuFigures {
  /** This Node process (user + system), ms. */
  nodeMs: number;
  /** The PostgreSQL backends connected to the database (a backend that ended meanwhile is not counted), ms. */
  postgresMs: number;
}

/**
 * Starts measuring; the returned function stops and gives the CPU time used since. The backends are read every
 * 250 ms as well, so one that a pool closes in between (idle timeout) still counts up to its last reading.
 */
export async function cpuMeter(sql: pg.Client, dbName: string): Promise<() => Promise<CpuFigures>> {
  const node0 = process.cpuUsage();
  const pg0 = await backendCpu(sql, dbName);
  const last = new Map(pg0);
  let reading: Promise<void> = Promise.resolve();
  const read = () =>
    (reading = reading.then(async () => {
      for (const [pid, ms] of await backendCpu(sql, dbName)) last.set(pid, ms);
    }));
  const timer = setInterval(() => void read().catch(() => {}), 250);
  return async () => {
    clearInterval(timer);
    const node = process.cpuUsage(node0);
    await read();
    let postgresMs = 0;
    for (const [pid, ms] of last) postgresMs += ms - (pg0.get(pid) ?? 0);
    return { nodeMs: Math.round((node.user + node.system) / 1000), postgresMs: Math.round(postgresMs) };
  };
}
/** CPU time per unit, ms with 3 decimals. */
export function perUnit(cpu: CpuFigures, units: number): { nodeMs: number; postgresMs: number } {
  const r = (n: number) => Math.round((n / Math.max(1, units)) * 1000) / 1000;
  return { nodeMs: r(cpu.nodeMs), postgresMs: r(cpu.postgresMs) };
}
