// `npm run cli -- zalo-oa usage --month 2026-12`: what the Official Account sent in a month, by unit, kind (tư vấn,
// transaction, moved to another channel, held) and window (inside / outside the free window), with the estimated
// cost at the policy file's unit prices (zaloOa.prices: reported figures by default) against its monthly budget.
// Reads only the database: it works without ZALO_OA_* (a report on a server that no longer runs the OA).
import { oaMonthReport, type OaMonthReport } from '../../app/delivery/oa-usage.js';
import { monthKey } from '../../domain/time/local-time.js';
import { loadConfiguredPolicy } from '../../config/policy-file.js';
import { createStores } from '../../db/stores.js';
import { defineCommand } from '../define-command.js';

const USAGE = 'zalo-oa usage [--month YYYY-MM] [--json]';

const KIND: Record<string, string> = {
  CS: 'tư vấn / consultation',
  TRANSACTION: 'giao dịch / transaction',
  MOVED: 'chuyển kênh / moved',
  HELD: 'giữ lại / held',
};
const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;

/** The report as the admin reads it, one line each. */
export function formatOaUsage(r: OaMonthReport): string[] {
  const out = [`Zalo OA ${r.month}: tin nhắn theo đơn vị, loại và khung miễn phí / messages by unit, kind and free window`];
  if (r.lines.length === 0) out.push('  (không có tin nhắn nào / no messages)');
  for (const l of r.lines) {
    const unit = l.unitCode ? `${l.unitCode} ${l.unitName ?? ''}`.trim() : '(không rõ đơn vị / unknown unit)';
    const window = l.kind === 'CS' ? (l.insideWindow ? 'trong khung / inside' : 'ngoài khung / outside') : 'ngoài khung / outside';
    out.push(`  ${unit} | ${KIND[l.kind] ?? l.kind} | ${window} | ${l.count} × ${vnd(l.unitVnd)} = ${vnd(l.totalVnd)}`);
  }
  const t = r.totals;
  out.push(
    `Tổng / total: tư vấn ${t.cs.inside} trong khung + ${t.cs.outside} ngoài khung, giao dịch ${t.transaction}, chuyển kênh ${t.moved}, giữ lại ${t.held}`,
  );
  out.push(
    `Chi phí ước tính / estimated cost: ${vnd(r.estimate.totalVnd)} (ngân sách / budget ${vnd(r.budgetVnd)}; đơn giá trong tệp chính sách, mặc định là giá được báo cáo, chưa xác nhận / unit prices from the policy file, defaults reported, not confirmed)`,
  );
  return out;
}

export const zaloOaUsageCommand = defineCommand({
  path: ['zalo-oa', 'usage'],
  usage: USAGE,
  summary: 'Zalo OA messages of a month by unit, kind and window, with the estimated cost',
  options: { month: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx, { values, positionals }) {
    const policy = loadConfiguredPolicy(ctx.config);
    const month = values.month ?? monthKey(ctx.time.now(), policy.calendar.timezone);
    const m = /^(\d{4})-(\d{2})$/.exec(month);
    if (positionals.length > 0 || !m || Number(m[2]) < 1 || Number(m[2]) > 12) {
      ctx.err(`Tháng không hợp lệ: "${month}". Viết theo dạng 2026-12. / Not a month: write it as 2026-12.`);
      ctx.err(`usage: npm run cli -- ${USAGE}`);
      return 2;
    }
    const opened = await ctx.openDatabase();
    try {
      const report = await oaMonthReport({ policy, stores: createStores(opened.db) }, month);
      if (values.json) ctx.out(JSON.stringify(report));
      else for (const line of formatOaUsage(report)) ctx.out(line);
      return 0;
    } finally {
      await opened.close();
    }
  },
});
