// Which linked chat a notification goes to (PRODUCT.md §2, issue 11 §6): the person's own choice (/kenh) while it is
// reachable, else the first reachable channel in the policy's fallback order (channels.fallbackOrder); chats of a
// channel the order does not name come last, oldest link first.
import type { ChannelName } from './types.js';

export function chooseChannel<T extends { channel: ChannelName }>(
  reachable: readonly T[],
  preferred: ChannelName | null | undefined,
  order: readonly ChannelName[],
): T | undefined {
  const own = reachable.find((i) => i.channel === preferred);
  if (own) return own;
  const rank = (c: ChannelName) => {
    const i = order.indexOf(c);
    return i < 0 ? order.length : i;
  };
  // `reachable` comes oldest link first; a stable sort keeps that order within a rank.
  return [...reachable].sort((a, b) => rank(a.channel) - rank(b.channel))[0];
}
