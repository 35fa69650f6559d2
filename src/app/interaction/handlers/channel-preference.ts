// /kenh telegram|zalo|oa: where notifications go for a person linked on both. The other channel takes over while the
// preferred one is unreachable (src/app/delivery/reroute.ts); replies work on either.
import type { RouterResult } from '../../../channels/types.js';
import type { ChannelName } from '../../../domain/org/types.js';
import { fold } from '../../../domain/text/normalize.js';
import type { Session } from '../session.js';

const WORDS: Record<string, ChannelName> = { telegram: 'TELEGRAM', tg: 'TELEGRAM', zalo: 'ZALO', oa: 'ZALO_OA', zalooa: 'ZALO_OA' };

export async function setPreferredChannel(s: Session, args: string): Promise<RouterResult> {
  const { db } = s.app;
  const [official, identities] = await Promise.all([
    db.official.findUniqueOrThrow({ where: { id: s.officialId }, select: { preferredChannel: true } }),
    db.chatIdentity.findMany({ where: { officialId: s.officialId }, orderBy: { linkedAt: 'asc' } }),
  ]);
  const name = (c: ChannelName) => s.t(`channel-name-${c}`);
  const wanted = fold(args.trim());
  if (wanted === '') {
    const linked = identities.map((i) => (i.unreachableAt ? s.t('channel-linked-unreachable', { channel: name(i.channel) }) : name(i.channel))).join(', ');
    // Without a choice, notifications go to the first channel linked (identity.repository deliveryTarget).
    const current = official.preferredChannel ?? identities[0]?.channel ?? s.channel;
    return { replies: [{ text: s.t('channel-status', { current: name(current), linked }) }] };
  }
  const channel = WORDS[wanted];
  if (!channel) return { replies: [{ text: s.t('channel-usage') }] };
  if (!identities.some((i) => i.channel === channel)) return { replies: [{ text: s.t('channel-not-linked', { channel: name(channel) }) }] };
  await db.official.update({ where: { id: s.officialId }, data: { preferredChannel: channel } });
  return { replies: [{ text: s.t('channel-set', { channel: name(channel) }) }] };
}
