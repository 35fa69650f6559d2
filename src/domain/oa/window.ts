// The OA's window for tư vấn (cs) messages, as a pure rule (fact sheet §7; the values come from the policy file,
// `zaloOa`):
// - within 48 h of the person's last interaction and for at most 8 messages without a reply: free;
// - past either, up to 7 days after the interaction: still delivered, but billed;
// - after 7 days (or never): refused by Zalo (-230 / -232); only a paid transaction message (or another channel)
//   reaches them.
// The 8-message cap is reported by Zalo's help centre and the ZNS price terms (docs.abot.vn); one 2026 source says it
// was dropped. It is a policy value (`unansweredCap`).
//
// Intervals are half-open: a send exactly 48 h after the interaction is billed, exactly 7 days after is refused
// ("trong vòng 48 giờ / 7 ngày" read as strictly within).

import type { ZaloOaPolicy } from '../policy/types.js';
import { DAY_MS, HOUR_MS } from '../time/duration.js';

export interface OaWindowPolicy {
  /** Free window after the last interaction. Default 48 h. */
  freeWindowMs: number;
  /** Window in which Zalo still delivers cs messages (billed after `freeWindowMs`). Default 7 days. */
  paidWindowMs: number;
  /** At most this many free messages since the person last wrote (default 8); null = no cap. */
  unansweredCap: number | null;
}

export const DEFAULT_OA_WINDOW_POLICY: OaWindowPolicy = { freeWindowMs: 48 * HOUR_MS, paidWindowMs: 7 * DAY_MS, unansweredCap: 8 };

/** The window rule's values from the policy file's `zaloOa` section. */
export function oaWindowPolicyOf(p: Pick<ZaloOaPolicy, 'freeWindowMs' | 'deliveryWindowMs' | 'unansweredCap'>): OaWindowPolicy {
  return { freeWindowMs: p.freeWindowMs, paidWindowMs: p.deliveryWindowMs, unansweredCap: p.unansweredCap };
}

export type OaSendClass = 'free' | 'billed' | 'refused';

export type OaWindowReason =
  | 'within-free-window'
  /** Within the free window, but the cap of messages without a reply is reached. */
  | 'unanswered-cap-reached'
  | 'after-free-window'
  | 'outside-window'
  | 'never-interacted';

export interface OaWindowDecision {
  class: OaSendClass;
  reason: OaWindowReason;
  /** Until when a send is free (the end of the 48 h), when there was an interaction. */
  freeUntil: Date | null;
  /** From when a cs send is refused (the end of the 7 days), when there was an interaction. */
  closesAt: Date | null;
}

export interface OaWindowInput {
  /** The person's last interaction with the OA (message, button press, follow); null if none is known. */
  lastInboundAt: Date | null;
  now: Date;
  /** cs messages the OA sent since `lastInboundAt` (read against the cap). */
  sentSinceInbound?: number;
  policy?: OaWindowPolicy;
}

/** What a cs send to this person costs now, or whether Zalo will refuse it. */
export function classifyOaSend(input: OaWindowInput): OaWindowDecision {
  const policy = input.policy ?? DEFAULT_OA_WINDOW_POLICY;
  if (input.lastInboundAt === null) return { class: 'refused', reason: 'never-interacted', freeUntil: null, closesAt: null };
  const last = input.lastInboundAt.getTime();
  const freeUntil = new Date(last + policy.freeWindowMs);
  const closesAt = new Date(last + policy.paidWindowMs);
  // A last interaction "after now" (clocks of two machines) counts as just now.
  const elapsed = Math.max(0, input.now.getTime() - last);
  if (elapsed >= policy.paidWindowMs) return { class: 'refused', reason: 'outside-window', freeUntil, closesAt };
  if (elapsed >= policy.freeWindowMs) return { class: 'billed', reason: 'after-free-window', freeUntil, closesAt };
  if (policy.unansweredCap !== null && (input.sentSinceInbound ?? 0) >= policy.unansweredCap) {
    return { class: 'billed', reason: 'unanswered-cap-reached', freeUntil, closesAt };
  }
  return { class: 'free', reason: 'within-free-window', freeUntil, closesAt };
}

// ---- Cost estimate ----

export interface OaUsageCounts {
  /** cs messages inside the free window. */
  free: number;
  /** cs messages between the free window and 7 days. */
  billed: number;
  /** Transaction messages (a ZBS template by user id since 2026-03-01, reported). */
  transaction: number;
}

/** Unit prices in đồng. Zalo's current prices are not confirmed: they come from the policy file. */
export interface OaUnitPrices {
  billedCsVnd: number;
  transactionVnd: number;
}

export interface OaCostLine {
  class: keyof OaUsageCounts;
  count: number;
  unitVnd: number;
  totalVnd: number;
}

export interface OaCostEstimate {
  lines: OaCostLine[];
  /** Rounded to the đồng. */
  totalVnd: number;
}

/** Messages by class × unit prices. Free messages cost 0. */
export function estimateOaCost(counts: OaUsageCounts, prices: OaUnitPrices): OaCostEstimate {
  for (const [name, value] of Object.entries(counts)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  for (const [name, value] of Object.entries(prices)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a price ≥ 0, got ${value}`);
  }
  const line = (cls: keyof OaUsageCounts, unitVnd: number): OaCostLine => ({ class: cls, count: counts[cls], unitVnd, totalVnd: counts[cls] * unitVnd });
  const lines = [line('free', 0), line('billed', prices.billedCsVnd), line('transaction', prices.transactionVnd)];
  return { lines, totalVnd: Math.round(lines.reduce((sum, l) => sum + l.totalVnd, 0)) };
}
