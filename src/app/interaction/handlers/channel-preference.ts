// /kenh telegram|zalo|oa: where notifications go for a person linked on several channels. Without a word it says
// where they go now and offers every linked channel, the OA included, as a button (numbered replies on the Zalo Bot
// Platform). The next channel in the policy's fallback order (channels.fallbackOrder) takes over while the chosen
// one is unreachable (src/app/delivery/reroute.ts); replies work on every channel.
import { encodeAction } from '../../actions.js';
import type { RouterResult } from '../../ports/channel.js';
import { chooseChannel } from '../../../domain/org/channel-choice.js';
import type { ChannelName } from '../../../domain/org/types.js';
import { fold } from '../../../domain/text/normalize.js';
import type { FeatureActions } from '../action-table.js';
import type { Session } from '../session.js';

const WORDS: Record<string, ChannelName> = { telegram: 'TELEGRAM', tg: 'TELEGRAM', zalo: 'ZALO', oa: 'ZALO_OA', zalooa: 'ZALO_OA' };
/** The word a person types for each channel (/kenh oa). */
const WORD_OF: Record<ChannelName, string> = { TELEGRAM: 'telegram', ZALO: 'zalo', ZALO_OA: 'oa' };
const CHANNELS = new Set<string>(Object.values(WORDS));

export async function setPreferredChannel(s: Session, args: string): Promise<RouterResult> {
  const wanted = fold(args.trim());
  if (wanted === '') return channelStatus(s);
  const channel = WORDS[wanted];
  if (!channel) return { replies: [{ text: s.t('channel-usage') }] };
  return choose(s, channel);
}

async function channelStatus(s: Session): Promise<RouterResult> {
  const { stores } = s.app;
  const [preferred, identities] = await Promise.all([stores.org.preferredChannel(s.officialId), stores.identities.linkedChannels(s.officialId)]);
  const name = (c: ChannelName) => s.t(`channel-name-${c}`);
  const linked = identities.map((i) => (i.unreachableAt ? s.t('channel-linked-unreachable', { channel: name(i.channel) }) : name(i.channel))).join(', ');
  // Where notifications go now: the choice while reachable, else the fallback order (identity.repository deliveryTargets).
  const current =
    chooseChannel(
      identities.filter((i) => !i.unreachableAt),
      preferred,
      s.app.policy.channels.fallbackOrder,
    )?.channel ?? s.channel;
  const command = s.t('channel-command');
  const commands = identities.map((i) => `${command} ${WORD_OF[i.channel]}`).join(', ');
  const buttons = identities.map((i) => [
    { label: s.t('btn-channel-choose', { channel: name(i.channel) }), action: encodeAction('channel.choose', i.channel) },
  ]);
  return { replies: [{ text: s.t('channel-status', { current: name(current), linked, commands }), ...(identities.length > 1 ? { buttons } : {}) }] };
}

async function choose(s: Session, channel: ChannelName): Promise<RouterResult> {
  const identities = await s.app.stores.identities.linkedChannels(s.officialId);
  const name = (c: ChannelName) => s.t(`channel-name-${c}`);
  if (!identities.some((i) => i.channel === channel)) return { replies: [{ text: s.t('channel-not-linked', { channel: name(channel) }) }] };
  await s.app.stores.org.setPreferredChannel(s.officialId, channel);
  return { replies: [{ text: s.t('channel-set', { channel: name(channel) }) }] };
}

/** A channel button of /kenh. */
export const CHANNEL_ACTIONS = {
  'channel.choose': async (s, action) => {
    if (!CHANNELS.has(action.arg)) return { replies: [{ text: s.t('channel-usage') }] };
    return choose(s, action.arg as ChannelName);
  },
} satisfies FeatureActions;
