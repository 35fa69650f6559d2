// The sample district's monthly OA cost estimate (scripts/oa-cost-sample.ts, quoted in the README and the issue's
// closing note), recomputed: December 2026 has four Mondays after a weekend, and each Monday the messages before the
// person's first answer (the heads' 07:30 digest, everyone's 09:00 item) fall outside the 48 h window.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleDistrictCost } from '../../scripts/oa-cost-sample.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';

const csv = readFileSync(new URL('../../samples/huyen-mau.csv', import.meta.url), 'utf8');

describe('the sample district’s OA cost for a month at the default policy', () => {
  it('December 2026: 248 messages outside the window, 86,800 đ at the reported 350 đ', () => {
    const r = sampleDistrictCost(defaultPolicy(), '2026-12', csv);
    expect(r).toMatchObject({ officials: 47, heads: 15 });
    expect(r.counts.billed).toBe(4 * (r.heads * 2 + (r.officials - r.heads)));
    expect(r.counts.billed).toBe(248);
    expect(r.totalVnd).toBe(248 * 350);
  });
  it('holding costs nothing; a transaction policy costs the same messages at the transaction price', () => {
    const p = defaultPolicy();
    expect(sampleDistrictCost({ ...p, zaloOa: { ...p.zaloOa, outsideWindow: 'hold' } }, '2026-12', csv).totalVnd).toBe(0);
    const tx = sampleDistrictCost(
      { ...p, zaloOa: { ...p.zaloOa, outsideWindow: 'transaction', prices: { billedCsVnd: 0, transactionVnd: 500 } } },
      '2026-12',
      csv,
    );
    expect(tx.counts.transaction).toBe(248);
    expect(tx.totalVnd).toBe(124_000);
  });
});
