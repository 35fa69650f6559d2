// The Official Account's window and costs, as the application keeps them (issue 11 §5): the person's window by the
// policy file (`zaloOa`: 48 h and 8 messages without a reply by default), a record of every message the OA sent or
// did not send as a free "tư vấn" message, the month's report per unit with its estimated cost, and one warning to
// the admins a month when the estimate passes the budget's warning share (like the channel quota, channel-quota.ts).
import { classifyOaSend, estimateOaCost, oaWindowPolicyOf, type OaCostEstimate } from '../../domain/oa/window.js';
import type { AppContext } from '../context.js';
import type { OaChatWindow, OaSendKindName, OaWindowPort } from '../ports/oa-window.js';
import { HELD_MARK } from '../ports/sender.js';
import type { OaUsageLine } from '../ports/stores/oa-usage.js';
import { monthKey } from '../../domain/time/local-time.js';
import { alertAdminsOutside } from '../notify.js';

/** The last error a held notification carries; it is released when the person writes on the OA. */
export const OA_HELD_PREFIX = `${HELD_MARK} for the OA window`;

export interface OaMonthReport {
  month: string;
  lines: (OaUsageLine & { unitVnd: number; totalVnd: number })[];
  /** By kind and window over every unit. */
  totals: { cs: { inside: number; outside: number }; transaction: number; moved: number; held: number };
  estimate: OaCostEstimate;
  budgetVnd: number;
}

/** The price of one message of a kind, inside or outside the window (moved and held messages cost the OA nothing). */
export function unitPrice(app: Pick<AppContext, 'policy'>, kind: OaSendKindName, insideWindow: boolean): number {
  const { prices } = app.policy.zaloOa;
  if (kind === 'TRANSACTION') return prices.transactionVnd;
  if (kind === 'CS' && !insideWindow) return prices.billedCsVnd;
  return 0;
}

export async function oaMonthReport(app: Pick<AppContext, 'policy' | 'stores'>, month: string): Promise<OaMonthReport> {
  const raw = await app.stores.oaUsage.month(month);
  const lines = raw.map((l) => {
    const unitVnd = unitPrice(app, l.kind, l.insideWindow);
    return { ...l, unitVnd, totalVnd: unitVnd * l.count };
  });
  const sum = (pick: (l: OaUsageLine) => boolean) => raw.filter(pick).reduce((s, l) => s + l.count, 0);
  const totals = {
    cs: { inside: sum((l) => l.kind === 'CS' && l.insideWindow), outside: sum((l) => l.kind === 'CS' && !l.insideWindow) },
    transaction: sum((l) => l.kind === 'TRANSACTION'),
    moved: sum((l) => l.kind === 'MOVED'),
    held: sum((l) => l.kind === 'HELD'),
  };
  const { prices, monthlyBudgetVnd } = app.policy.zaloOa;
  const estimate = estimateOaCost({ free: totals.cs.inside, billed: totals.cs.outside, transaction: totals.transaction }, prices);
  return { month, lines, totals, estimate, budgetVnd: monthlyBudgetVnd };
}

export function createOaUsageLedger(app: AppContext): OaWindowPort {
  const store = app.stores.oaUsage;

  async function warnPastBudget(month: string): Promise<void> {
    const { monthlyBudgetVnd, budgetWarningShare } = app.policy.zaloOa;
    if (monthlyBudgetVnd <= 0) return;
    const report = await oaMonthReport(app, month);
    if (report.estimate.totalVnd < monthlyBudgetVnd * budgetWarningShare) return;
    // Of several processes crossing the line at once, the one that inserts the month's row warns.
    if (!(await store.claimBudgetWarning(month, app.time.now()))) return;
    app.logger.warn(
      { month, estimateVnd: report.estimate.totalVnd, budgetVnd: monthlyBudgetVnd },
      'zalo oa: estimated cost passed the warning share of the budget',
    );
    const [year, mm] = month.split('-');
    const sent = await alertAdminsOutside(app, 'ZALO_OA', (t) => ({
      text: t('oa-budget-warning', {
        estimate: report.estimate.totalVnd,
        budget: monthlyBudgetVnd,
        percent: Math.floor((report.estimate.totalVnd * 100) / monthlyBudgetVnd),
        month: `${mm}/${year}`,
      }),
    }));
    if (sent === 0) app.logger.warn('zalo oa: no admin could be told about the budget (none linked outside the OA)');
  }

  return {
    heldPrefix: OA_HELD_PREFIX,
    async windowOf(chatId): Promise<OaChatWindow> {
      const facts = await store.facts(chatId);
      const { zaloOa } = app.policy;
      const decision = classifyOaSend({
        lastInboundAt: facts?.lastInboundAt ?? null,
        now: app.time.now(),
        sentSinceInbound: facts?.csSinceInbound ?? 0,
        policy: oaWindowPolicyOf(zaloOa),
      });
      return {
        ...decision,
        identityId: facts?.identityId,
        otherChannel: facts?.otherChannel ?? false,
        outsideWindow: zaloOa.outsideWindow,
        nudge: zaloOa.nudge,
      };
    },
    async record(chatId, kind, insideWindow) {
      const facts = await store.facts(chatId);
      const month = monthKey(app.time.now(), app.policy.calendar.timezone);
      await store.record({ at: app.time.now(), month, identityId: facts?.identityId, unitId: facts?.unitId, kind, insideWindow });
      if (unitPrice(app, kind, insideWindow) > 0) await warnPastBudget(month);
    },
    async released(chatId) {
      // Delivery reads `notBefore` on the real clock (pacing is physical): the held rows are due from now, real time.
      const n = await store.releaseHeld(chatId, OA_HELD_PREFIX, new Date());
      if (n > 0) await app.delivery.kick([{ channel: 'ZALO_OA', chatId }]);
      return n;
    },
  };
}
