// /kenh telegram|zalo|oa: where notifications go for a person linked on both. The other channel takes over while the
// preferred one is unreachable (src/app/delivery/reroute.ts); replies work on either.
import type { RouterResult } from '../../ports/channel.js';
import { identitiesOf } from '../../../db/repositories/identity.repository.js';
import { preferredChannelOf, setPreferredChannel as savePreferredChannel } from '../../../db/repositories/org.repository.js';
import type { ChannelName } from '../../../domain/org/types.js';
import { fold } from '../../../domain/text/normalize.js';
import type { Session } from '../session.js';

const WORDS: Record<string, ChannelName> = { telegram: 'TELEGRAM', tg: 'TELEGRAM', zalo: 'ZALO', oa: 'ZALO_OA', zalooa: 'ZALO_OA' };

export async function setPreferredChannel(s: Session, args: string): Promise<RouterResult> {
  const { db } = s.app;
  const [preferred, identities] = await Promise.all([preferredChannelOf(db, s.officialId), identitiesOf(db, s.officialId)]);
  const name = (c: ChannelName) => s.t(`channel-name-${c}`);
  const wanted = fold(args.trim());
  if (wanted === '') {
    const linked = identities.map((i) => (i.unreachableAt ? s.t('channel-linked-unreachable', { channel: name(i.channel) }) : name(i.channel))).join(', ');
    // Without a choice, notifications go to the first channel linked (identity.repository deliveryTarget).
    const current = preferred ?? identities[0]?.channel ?? s.channel;
    return { replies: [{ text: s.t('channel-status', { current: name(current), linked }) }] };
  }
  const channel = WORDS[wanted];
  if (!channel) return { replies: [{ text: s.t('channel-usage') }] };
  if (!identities.some((i) => i.channel === channel)) return { replies: [{ text: s.t('channel-not-linked', { channel: name(channel) }) }] };
  await savePreferredChannel(db, s.officialId, channel);
  return { replies: [{ text: s.t('channel-set', { channel: name(channel) }) }] };
}
