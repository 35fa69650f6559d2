// `npm run bench`: runs every benchmark in turn, or the ones named (`npm run bench -- digest`). Each writes its
// figures to bench/results/<name>.json. Register a benchmark with one line below.
import { applyEnvironment } from '../src/config/environment.js';

// .env as every entry point reads it (the environment wins); the benchmarks read process.env, so it goes there.
applyEnvironment();

const BENCHMARKS: Record<string, () => Promise<unknown>> = {
  engine: async () => (await import('./engine.js')).runEngineBench(),
  delivery: async () => (await import('./delivery.js')).runDeliveryBench(),
  inbound: async () => (await import('./inbound.js')).runInboundBench(),
  rebuild: async () => (await import('./rebuild.js')).runRebuildBench(),
  digest: async () => (await import('./digest.js')).runDigestBench(),
  start: async () => (await import('./start.js')).runStartBench(),
  province: async () => (await import('./province.js')).runProvinceBench(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (known: ${Object.keys(BENCHMARKS).join(', ')})`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHMARKS)) {
  console.log(`== ${name}`);
  await BENCHMARKS[name]!();
}
process.exit(0);
