// BENCH_PROFILE=1: V8's CPU profile of one stretch of a benchmark (the same profiler as `node --cpu-prof`, started and
// stopped around the part measured, so filling the database does not drown it). Writes the .cpuprofile (open it in
// Chrome DevTools) and returns the functions with the most self time.
import { Session } from 'node:inspector/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './common.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface TopEntry {
  fn: string;
  selfPercent: number;
}

export async function profiled<T>(name: string, run: () => Promise<T>): Promise<{ value: T; top?: TopEntry[]; file?: string }> {
  if (!process.env.BENCH_PROFILE) return { value: await run() };
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  const value = await run();
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  const dir = path.join(ROOT, 'bench', 'results', 'tmp');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.env.BENCH_RUN ?? 'run'}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  return { value, top: topSelf(profile, 15), file: path.relative(ROOT, file) };
}

/** Self time by function (name and where it lives), as a share of all samples. */
export function topSelf(profile: Profile, n: number): TopEntry[] {
  const byNode = new Map(profile.nodes.map((x) => [x.id, x]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const node = byNode.get(id);
    if (!node) continue;
    const f = node.callFrame;
    const where = f.url ? `${f.url.replace(/^.*node_modules\//, '').replace(`file://${ROOT}/`, '')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'}${where ? ' ' + where : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length || 1;
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, c]) => ({ fn, selfPercent: Math.round((c / total) * 1000) / 10 }));
}
