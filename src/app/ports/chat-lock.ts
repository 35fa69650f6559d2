// One chat's updates one at a time across every bot process of a deployment (README "A province"): behind a load
// balancer the next update of a chat may reach another process while the first is still being handled, and a dialog's
// answers must not overtake each other. The update claim (processed_update) already keeps each update to one handling.
import type { ChannelName } from './channel.js';

export interface ChatLock {
  /** Runs `work` while no other process (and no other call here) works for the same chat; releases it after. */
  run<T>(channel: ChannelName, chatId: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
