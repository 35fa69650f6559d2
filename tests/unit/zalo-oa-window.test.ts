// The OA cs window as a table: free within 48 h of the last interaction, billed to 7 days, refused after; the
// pre-2026 cap of free messages without a reply as an option; and the cost estimate.
import { describe, expect, it } from 'vitest';
import { classifyOaSend, DEFAULT_OA_WINDOW_POLICY, estimateOaCost, type OaWindowPolicy } from '../../src/channels/zalo-oa/window.js';

const H = 3_600_000;
const last = new Date('2026-12-01T08:00:00+07:00');
const at = (hours: number) => new Date(last.getTime() + hours * H);

describe('classifyOaSend (2026 rule, the default)', () => {
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

  it('the number of messages sent does not matter without the legacy cap', () => {
    expect(classifyOaSend({ lastInboundAt: last, now: at(1), sentSinceInbound: 500 }).class).toBe('free');
  });

  it('an interaction stamped after now (two machines’ clocks) counts as just now', () => {
    expect(classifyOaSend({ lastInboundAt: at(1), now: at(0) }).class).toBe('free');
  });
});

describe('classifyOaSend with the pre-2026 cap of 8', () => {
  const policy: OaWindowPolicy = { ...DEFAULT_OA_WINDOW_POLICY, legacyFreeCap: 8 };
  it.each([
    [0, 1, 'free', 'within-free-window'],
    [7, 1, 'free', 'within-free-window'],
    [8, 1, 'billed', 'free-cap-reached'],
    [20, 47, 'billed', 'free-cap-reached'],
    [0, 50, 'billed', 'after-free-window'],
    [0, 200, 'refused', 'outside-window'],
  ] as const)('%s sent since the person wrote, %s h later → %s', (sent, hours, cls, reason) => {
    expect(classifyOaSend({ lastInboundAt: last, now: at(hours), sentSinceInbound: sent, policy })).toMatchObject({ class: cls, reason });
  });

  it('windows come from the policy', () => {
    const short: OaWindowPolicy = { freeWindowMs: 24 * H, paidWindowMs: 72 * H, legacyFreeCap: null };
    expect(classifyOaSend({ lastInboundAt: last, now: at(30), policy: short }).class).toBe('billed');
    expect(classifyOaSend({ lastInboundAt: last, now: at(72), policy: short }).class).toBe('refused');
  });
});

describe('estimateOaCost', () => {
  it('multiplies messages by class by unit prices; free messages cost nothing', () => {
    const estimate = estimateOaCost({ free: 12_000, billed: 340, template: 25 }, { billedCsVnd: 55, templateVnd: 200 });
    expect(estimate.lines).toEqual([
      { class: 'free', count: 12_000, unitVnd: 0, totalVnd: 0 },
      { class: 'billed', count: 340, unitVnd: 55, totalVnd: 18_700 },
      { class: 'template', count: 25, unitVnd: 200, totalVnd: 5_000 },
    ]);
    expect(estimate.totalVnd).toBe(23_700);
  });

  it('rounds a fractional price total to the đồng', () => {
    expect(estimateOaCost({ free: 0, billed: 3, template: 0 }, { billedCsVnd: 55.5, templateVnd: 0 }).totalVnd).toBe(167);
  });

  it('refuses negative or fractional counts and negative prices', () => {
    expect(() => estimateOaCost({ free: -1, billed: 0, template: 0 }, { billedCsVnd: 1, templateVnd: 1 })).toThrow(RangeError);
    expect(() => estimateOaCost({ free: 0, billed: 1.5, template: 0 }, { billedCsVnd: 1, templateVnd: 1 })).toThrow(/billed/);
    expect(() => estimateOaCost({ free: 0, billed: 0, template: 0 }, { billedCsVnd: -5, templateVnd: 1 })).toThrow(/billedCsVnd/);
  });
});
