// Two pure rules of issue 11: which linked chat a notification goes to (the person's choice, else the policy's
// fallback order, else the oldest link), and where an OA notification goes outside the free window by the policy.
import { describe, expect, it } from 'vitest';
import { routeOutsideWindow } from '../../src/channels/zalo-oa/sender.js';
import { chooseChannel } from '../../src/domain/org/channel-choice.js';
import type { ChannelName } from '../../src/domain/org/types.js';

const linked = (...channels: ChannelName[]) => channels.map((channel, i) => ({ channel, id: i + 1 }));

describe('chooseChannel', () => {
  it('keeps the person’s own choice while it is reachable', () => {
    expect(chooseChannel(linked('TELEGRAM', 'ZALO_OA'), 'ZALO_OA', ['TELEGRAM'])?.channel).toBe('ZALO_OA');
  });
  it('else takes the first channel of the order, else the oldest link', () => {
    expect(chooseChannel(linked('TELEGRAM', 'ZALO', 'ZALO_OA'), 'ZALO_OA', [])?.channel).toBe('ZALO_OA');
    expect(chooseChannel(linked('TELEGRAM', 'ZALO', 'ZALO_OA'), null, [])?.channel).toBe('TELEGRAM');
    expect(chooseChannel(linked('TELEGRAM', 'ZALO', 'ZALO_OA'), null, ['ZALO_OA', 'TELEGRAM'])?.channel).toBe('ZALO_OA');
    expect(chooseChannel(linked('ZALO', 'TELEGRAM'), 'ZALO_OA', ['ZALO_OA', 'TELEGRAM'])?.channel).toBe('TELEGRAM');
    expect(chooseChannel(linked('ZALO', 'TELEGRAM'), null, ['ZALO_OA'])?.channel).toBe('ZALO');
    expect(chooseChannel([], 'TELEGRAM', [])).toBeUndefined();
  });
});

describe('routeOutsideWindow', () => {
  const w = (outsideWindow: 'transaction' | 'other-channel' | 'hold', otherChannel: boolean, cls: 'billed' | 'refused' = 'billed') =>
    ({ class: cls, reason: cls === 'billed' ? 'after-free-window' : 'outside-window', otherChannel, outsideWindow }) as const;
  it.each([
    ['transaction', true, 'billed', true, 'transaction'],
    ['transaction', false, 'refused', true, 'transaction'],
    ['transaction', true, 'billed', false, 'moved'],
    ['other-channel', true, 'billed', false, 'moved'],
    ['other-channel', false, 'billed', false, 'billed-cs'],
    ['other-channel', false, 'refused', true, 'held'],
    ['hold', true, 'billed', true, 'held'],
    ['hold', false, 'refused', false, 'held'],
  ] as const)('%s, other channel %s, %s, template %s → %s', (option, other, cls, template, via) => {
    expect(routeOutsideWindow(w(option, other, cls), template).via).toBe(via);
  });
});
