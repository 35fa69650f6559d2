// The OA cs window as a table: free within 48 h of the last interaction, billed to 7 days, refused after; the
// pre-2026 cap of free messages without a reply as an option; and the cost estimate.
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/domain/policy/load-policy.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { classifyOaSend, DEFAULT_OA_WINDOW_POLICY, estimateOaCost, oaWindowPolicyOf, type OaWindowPolicy } from '../../src/domain/oa/window.js';

const H = 3_600_000;
const last = new Date('2026-12-01T08:00:00+07:00');
const at = (hours: number) => new Date(last.getTime() + hours * H);

describe('classifyOaSend (the time rule, the default)', () => {
  it.each([
    [0, 'free', 'within-free-window'],
    [1, 'free', 'within-free-window'],
    [47.99, 'free', 'within-free-window'],
    [48, 'billed', 'after-free-window'],
    [100, 'billed', 'after-free-window'],
    [7 * 24 - 0.01, 'billed', 'after-free-window'],
    [7 * 24, 'refused', 'outside-window'],
    [30 * 24, 'refused', 'outside-window'],
  ] as const)('%s h after the last interaction → %s', (hours, cls, reason) => {
    const decision = classifyOaSend({ lastInboundAt: last, now: at(hours) });
    expect(decision).toMatchObject({ class: cls, reason });
    expect(decision.freeUntil).toEqual(at(48));
    expect(decision.closesAt).toEqual(at(7 * 24));
  });

  it('no known interaction → refused (Zalo answers -232)', () => {
    expect(classifyOaSend({ lastInboundAt: null, now: at(0) })).toEqual({ class: 'refused', reason: 'never-interacted', freeUntil: null, closesAt: null });
  });

  it('the number of messages sent does not matter without a cap', () => {
    expect(classifyOaSend({ lastInboundAt: last, now: at(1), sentSinceInbound: 500, policy: { ...DEFAULT_OA_WINDOW_POLICY, unansweredCap: null } }).class).toBe(
      'free',
    );
  });

  it('an interaction stamped after now (two machines’ clocks) counts as just now', () => {
    expect(classifyOaSend({ lastInboundAt: at(1), now: at(0) }).class).toBe('free');
  });
});

describe('classifyOaSend with the cap of 8 messages without a reply (the default)', () => {
  const policy: OaWindowPolicy = DEFAULT_OA_WINDOW_POLICY;
  it('the default policy file sets 48 h, 8 messages and 7 days', () => {
    expect(oaWindowPolicyOf(defaultPolicy().zaloOa)).toEqual({ freeWindowMs: 48 * H, paidWindowMs: 7 * 24 * H, unansweredCap: 8 });
    expect(oaWindowPolicyOf(loadPolicy({ format: 'yaml', text: 'zaloOa:\n  freeWindow: 24h wall\n  unansweredCap: 3\n' }).zaloOa)).toMatchObject({
      freeWindowMs: 24 * H,
      unansweredCap: 3,
    });
    expect(() => loadPolicy({ format: 'yaml', text: 'zaloOa:\n  freeWindow: 2d\n' })).toThrow(/zaloOa.freeWindow: "2d" must be wall time/);
    expect(() => loadPolicy({ format: 'yaml', text: 'zaloOa:\n  outsideWindow: later\n' })).toThrow(/not one of transaction, other-channel, hold/);
  });
  it.each([
    [0, 1, 'free', 'within-free-window'],
    [7, 1, 'free', 'within-free-window'],
    [8, 1, 'billed', 'unanswered-cap-reached'],
    [20, 47, 'billed', 'unanswered-cap-reached'],
    [0, 50, 'billed', 'after-free-window'],
    [0, 200, 'refused', 'outside-window'],
  ] as const)('%s sent since the person wrote, %s h later → %s', (sent, hours, cls, reason) => {
    expect(classifyOaSend({ lastInboundAt: last, now: at(hours), sentSinceInbound: sent, policy })).toMatchObject({ class: cls, reason });
  });

  it('windows come from the policy', () => {
    const short: OaWindowPolicy = { freeWindowMs: 24 * H, paidWindowMs: 72 * H, unansweredCap: null };
    expect(classifyOaSend({ lastInboundAt: last, now: at(30), policy: short }).class).toBe('billed');
    expect(classifyOaSend({ lastInboundAt: last, now: at(72), policy: short }).class).toBe('refused');
  });
});

describe('estimateOaCost', () => {
  it('multiplies messages by class by unit prices; free messages cost nothing', () => {
    const estimate = estimateOaCost({ free: 12_000, billed: 340, transaction: 25 }, { billedCsVnd: 55, transactionVnd: 200 });
    expect(estimate.lines).toEqual([
      { class: 'free', count: 12_000, unitVnd: 0, totalVnd: 0 },
      { class: 'billed', count: 340, unitVnd: 55, totalVnd: 18_700 },
      { class: 'transaction', count: 25, unitVnd: 200, totalVnd: 5_000 },
    ]);
    expect(estimate.totalVnd).toBe(23_700);
  });

  it('rounds a fractional price total to the đồng', () => {
    expect(estimateOaCost({ free: 0, billed: 3, transaction: 0 }, { billedCsVnd: 55.5, transactionVnd: 0 }).totalVnd).toBe(167);
  });

  it('refuses negative or fractional counts and negative prices', () => {
    expect(() => estimateOaCost({ free: -1, billed: 0, transaction: 0 }, { billedCsVnd: 1, transactionVnd: 1 })).toThrow(RangeError);
    expect(() => estimateOaCost({ free: 0, billed: 1.5, transaction: 0 }, { billedCsVnd: 1, transactionVnd: 1 })).toThrow(/billed/);
    expect(() => estimateOaCost({ free: 0, billed: 0, transaction: 0 }, { billedCsVnd: -5, transactionVnd: 1 })).toThrow(/billedCsVnd/);
  });
});
