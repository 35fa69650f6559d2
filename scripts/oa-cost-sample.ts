// The sample district's estimated Zalo OA cost for one month at the policy's default clocks (issue 11, closing note).
//   npx tsx scripts/oa-cost-sample.ts [--month 2026-12] [--policy FILE]
// A model, not a measurement: it walks every day of the month on the real working calendar (holidays included) and
// asks the real window rule (src/domain/oa/window.ts, values from the policy) how each message would go, then prices
// them with the policy's unit prices (reported figures by default). Its assumptions, printed with the result:
// - every official of samples/huyen-mau.csv is on the OA, and ONLY there (the worst case: with another channel, the
//   default `other-channel` moves what falls outside the window, at no cost);
// - heads (HEAD) get the morning digest at digest.time on every working day;
// - every official gets one new task or consultation a working day at 09:00 and answers it (a button press) at 09:30:
//   that reply is the interaction that opens their window; a progress reminder every progressInterval (NORMAL) at
//   15:00; nobody writes on days off;
// - outside the free window the policy's option applies: `other-channel` with no other channel sends a billed cs
//   message while Zalo delivers one (7 days), `transaction` a transaction message, `hold` costs nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkingCalendar } from '../src/domain/calendar/working-calendar.js';
import { classifyOaSend, estimateOaCost, oaWindowPolicyOf, type OaUsageCounts } from '../src/domain/oa/window.js';
import { validateOrgCsv } from '../src/domain/org/org-import.js';
import { loadPolicy } from '../src/domain/policy/load-policy.js';
import { defaultPolicy } from '../src/domain/policy/resolve-policy.js';
import type { Policy } from '../src/domain/policy/types.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface SampleCostResult {
  month: string;
  officials: number;
  heads: number;
  counts: OaUsageCounts & { held: number };
  totalVnd: number;
  perOfficialVnd: number;
}

export function sampleDistrictCost(policy: Policy, month: string, csv: string): SampleCostResult {
  const validation = validateOrgCsv(csv);
  if (!validation.ok) throw new Error(`samples/huyen-mau.csv is not valid: ${JSON.stringify(validation.errors[0])}`);
  const officials = validation.plan.officials;
  const calendar = createWorkingCalendar(policy.calendar);
  const window = oaWindowPolicyOf(policy.zaloOa);
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  // Working days counted for the progress reminder (every progressInterval of working time, in working days).
  const progressEveryDays = Math.max(
    1,
    Math.round(
      policy.clocks.NORMAL.progressInterval.ms /
        calendar.workingMsBetween(calendar.instantOf(`${year}-01-05`, '00:00'), calendar.instantOf(`${year}-01-06`, '00:00')) || 1,
    ),
  );
  const counts = { free: 0, billed: 0, transaction: 0, held: 0 };
  for (const o of officials) {
    // The month starts after an ordinary working day: the person answered on the last working day before it.
    let lastInbound: Date | null = null;
    let sentSince = 0;
    for (let back = 1; back <= 20 && lastInbound === null; back++) {
      const d = new Date(Date.UTC(year, mm - 1, 1 - back)).toISOString().slice(0, 10);
      if (calendar.isWorkingDay(d)) lastInbound = calendar.instantOf(d, '09:30');
    }
    const send = (at: Date) => {
      const decision = classifyOaSend({ lastInboundAt: lastInbound, now: at, sentSinceInbound: sentSince, policy: window });
      if (decision.class === 'free') counts.free++;
      else if (policy.zaloOa.outsideWindow === 'hold') counts.held++;
      else if (policy.zaloOa.outsideWindow === 'transaction') counts.transaction++;
      else if (decision.class === 'billed') counts.billed++;
      else counts.held++;
      sentSince++;
    };
    let workingDay = 0;
    for (let day = 1; day <= days; day++) {
      const date = `${year}-${String(mm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (!calendar.isWorkingDay(date)) continue;
      workingDay++;
      if (o.role === 'HEAD') send(calendar.instantOf(date, policy.digest.time));
      send(calendar.instantOf(date, '09:00'));
      lastInbound = calendar.instantOf(date, '09:30');
      sentSince = 0;
      send(calendar.instantOf(date, '09:30')); // the reply to their answer
      if (workingDay % progressEveryDays === 0) send(calendar.instantOf(date, '15:00'));
    }
  }
  const estimate = estimateOaCost({ free: counts.free, billed: counts.billed, transaction: counts.transaction }, policy.zaloOa.prices);
  return {
    month,
    officials: officials.length,
    heads: officials.filter((o) => o.role === 'HEAD').length,
    counts,
    totalVnd: estimate.totalVnd,
    perOfficialVnd: Math.round(estimate.totalVnd / Math.max(1, officials.length)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const file = arg('policy');
  const policy = file ? loadPolicy({ text: readFileSync(file, 'utf8'), format: file.endsWith('.json') ? 'json' : 'yaml', source: file }) : defaultPolicy();
  const month = arg('month') ?? '2026-12';
  const csv = readFileSync(path.join(root, 'samples/huyen-mau.csv'), 'utf8');
  for (const option of ['other-channel', 'transaction', 'hold'] as const) {
    const p = { ...policy, zaloOa: { ...policy.zaloOa, outsideWindow: option } };
    const r = sampleDistrictCost(p, month, csv);
    console.log(
      `${month} outsideWindow=${option}${option === policy.zaloOa.outsideWindow ? ' (policy)' : ''}: ${r.officials} officials (${r.heads} heads), ` +
        `free ${r.counts.free}, billed cs ${r.counts.billed}, transaction ${r.counts.transaction}, held ${r.counts.held} → ` +
        `${r.totalVnd.toLocaleString('vi-VN')} đ (${r.perOfficialVnd.toLocaleString('vi-VN')} đ per official; prices billed cs ${p.zaloOa.prices.billedCsVnd} đ, transaction ${p.zaloOa.prices.transactionVnd} đ, reported)`,
    );
  }
}
