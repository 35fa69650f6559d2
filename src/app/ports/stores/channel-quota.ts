import type { ChannelName } from '../../../domain/org/types.js';

/** The monthly count of messages a bot sent (table channel_quota). Each call stands alone (no transaction). */
export interface ChannelQuotaStore {
  /** Adds `n` to the month's count; the new count and whether the admins were already warned this month. */
  add(channel: ChannelName, month: string, n: number): Promise<{ count: number; warned: boolean }>;
  count(channel: ChannelName, month: string): Promise<number>;
  /** Marks the month's warning as given; false when another process did it first. */
  claimWarning(channel: ChannelName, month: string, now: Date): Promise<boolean>;
}
