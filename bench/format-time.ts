// Cost of reading instants on the organisation's wall clock (issue 14, direction 6): CPU time per formatDateTime in
// Asia/Ho_Chi_Minh over 200,000 instants spread over 2026, as every reminder and task card formats its deadline.
//   node --import tsx bench/format-time.ts
import { formatDateTime } from '../src/domain/time/local-time.js';

const N = 200_000;
const start = Date.UTC(2026, 0, 1);
const instants = Array.from({ length: N }, (_, i) => new Date(start + ((i * 7_919_993) % (365 * 86_400_000))));
let sink = 0;
for (const at of instants.slice(0, 5_000)) sink += formatDateTime(at, 'Asia/Ho_Chi_Minh').length; // warm-up
const cpu0 = process.cpuUsage();
for (const at of instants) sink += formatDateTime(at, 'Asia/Ho_Chi_Minh').length;
const cpu = process.cpuUsage(cpu0);
const us = (cpu.user + cpu.system) / N;
process.stdout.write(`${JSON.stringify({ calls: N, cpuMicrosecondsPerCall: Math.round(us * 100) / 100, sink })}\n`);
