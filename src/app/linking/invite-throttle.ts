// Guessing invite codes is slowed down per chat: after 5 wrong codes within 15 minutes the chat is told when it may
// try again, and its codes are not even looked at until then. Attempts are rows in PostgreSQL, so a restart (or a
// second bot process) forgets nothing. An attempt is counted as wrong from the moment it starts (so codes sent in
// parallel cannot slip past the count) and forgotten when the code turns out right.
import type { ChannelName } from '../../domain/org/types.js';
import { MINUTE_MS } from '../../domain/time/duration.js';
import type { AppContext } from '../context.js';

export interface InviteThrottleLimits {
  /** Wrong codes a chat may send within the window. */
  maxWrong: number;
  windowMs: number;
}

export const INVITE_THROTTLE: InviteThrottleLimits = { maxWrong: 5, windowMs: 15 * MINUTE_MS };

export type InviteAttempt = { allowed: true; id: number } | { allowed: false; retryAt: Date };

/** Starts an attempt from this chat: allowed (and counted as wrong until `forgetInviteAttempt`), or refused until `retryAt`. */
export async function startInviteAttempt(
  { stores }: Pick<AppContext, 'stores'>,
  chat: { channel: ChannelName; chatId: string },
  now: Date,
  limits: InviteThrottleLimits = INVITE_THROTTLE,
): Promise<InviteAttempt> {
  const since = new Date(now.getTime() - limits.windowMs);
  // What has left the window is of no use to anyone: the table stays as small as the last 15 minutes.
  await stores.invites.pruneAttempts(since);
  const id = await stores.invites.addAttempt(chat, now);
  const counted = await stores.invites.oldestAttempts(chat, since, limits.maxWrong);
  if (counted.some((r) => r.id === id)) return { allowed: true, id };
  // Over the limit: this one is not checked and not counted. A slot frees when the oldest counted one leaves the window.
  await stores.invites.dropAttempt(id);
  return { allowed: false, retryAt: new Date((counted[0]?.at ?? now).getTime() + limits.windowMs) };
}

/** The code was right: the attempt was no guess. */
export async function forgetInviteAttempt({ stores }: Pick<AppContext, 'stores'>, id: number): Promise<void> {
  await stores.invites.dropAttempt(id);
}
