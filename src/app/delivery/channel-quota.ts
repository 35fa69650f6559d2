// The monthly count of messages a bot sent (table channel_quota), and one warning to the admins when it passes a
// share of the plan's cap. Zalo's free Basic plan is reported (not confirmed) at 3,000 messages a month, so the cap
// is a setting (ZALO_MONTHLY_CAP). Every message counts: replies, notifications, each part of a split text, photos.
import type { AppContext } from '../context.js';
import { notify } from '../notify.js';
import { inTransaction } from '../transaction.js';
import type { ChannelName } from '../../domain/org/types.js';
import { monthKey } from '../../domain/time/local-time.js';

/** Share of the cap at which the admins are warned, once a month. */
export const QUOTA_WARNING_SHARE = 0.8;

export interface QuotaStatus {
  /** "2026-12": the month in the organisation's time zone (the platform does not say which one it counts in). */
  month: string;
  count: number;
  cap: number;
}

export class ChannelQuotaCounter {
  constructor(
    private readonly app: AppContext,
    readonly channel: ChannelName,
    readonly cap: number,
  ) {}

  /** Adds `n` sent messages; the first call past the warning share warns every active admin (once a month). */
  async count(n = 1): Promise<QuotaStatus> {
    const { stores, time, policy } = this.app;
    const month = monthKey(time.now(), policy.calendar.timezone);
    const { count, warned } = await stores.channelQuota.add(this.channel, month, n);
    const status = { month, count, cap: this.cap };
    if (count >= Math.ceil(this.cap * QUOTA_WARNING_SHARE) && !warned) await this.warnOnce(status);
    return status;
  }

  async status(): Promise<QuotaStatus> {
    const month = monthKey(this.app.time.now(), this.app.policy.calendar.timezone);
    return { month, count: await this.app.stores.channelQuota.count(this.channel, month), cap: this.cap };
  }

  private async warnOnce(status: QuotaStatus): Promise<void> {
    const { app } = this;
    // Of several processes crossing the line at once, the one that sets warnedAt warns.
    if (!(await app.stores.channelQuota.claimWarning(this.channel, status.month, app.time.now()))) return;
    app.logger.warn({ channel: this.channel, ...status }, 'monthly message count passed the warning share of the cap');
    const percent = Math.floor((status.count * 100) / status.cap);
    const [year, month] = status.month.split('-');
    const sent = await inTransaction(app, async (tx, effects) => {
      const admins = (await app.stores.officials.activeAdminIds(tx)).map((id) => ({ id }));
      let queued = 0;
      for (const a of admins) {
        const id = await notify(app, tx, effects, a.id, (t) => ({
          text: t('quota-warning', { channel: t(`channel-name-${this.channel}`), count: status.count, cap: status.cap, percent, month: `${month}/${year}` }),
        }));
        if (id !== null) queued++;
      }
      return queued;
    });
    if (sent === 0) app.logger.warn({ channel: this.channel }, 'no admin could be told about the message count (none linked)');
  }
}
