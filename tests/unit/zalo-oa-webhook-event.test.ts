// Webhook bodies → normalised events: ids beyond 2^53 kept digit for digit, button presses recognised, follow and
// unfollow in both known shapes, echoes and receipts set aside, broken bodies reported without throwing.
import { describe, expect, it } from 'vitest';
import { parseOaWebhook, type OaEvent } from '../../src/channels/zalo-oa/webhook-event.js';

const OA = '3881328087880864500';
const USER = '2468458835296117922';

function event(body: string | object): OaEvent {
  const parsed = parseOaWebhook(typeof body === 'string' ? body : JSON.stringify(body));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.event;
}

const message = (eventName: string, msg: object, extra: object = {}) => ({
  app_id: '1234567890123456789',
  user_id_by_app: '5520000000000000001',
  event_name: eventName,
  timestamp: '1795000000000',
  sender: { id: USER },
  recipient: { id: OA },
  message: msg,
  ...extra,
});

describe('OA webhook events', () => {
  it('a user text: who, which OA, the text, and msg_id as the dedupe key', () => {
    expect(event(message('user_send_text', { msg_id: 'a1b2c3d4e5f6a7b8c9d0', text: 'MOI-7Q4K2' }))).toEqual({
      kind: 'text',
      eventName: 'user_send_text',
      appId: '1234567890123456789',
      oaId: OA,
      userId: USER,
      timestampMs: 1795000000000,
      dedupeKey: 'a1b2c3d4e5f6a7b8c9d0',
      msgId: 'a1b2c3d4e5f6a7b8c9d0',
      text: 'MOI-7Q4K2',
    });
  });

  it('keeps every digit of ids sent as JSON numbers beyond 2^53', () => {
    const raw = `{"app_id":1234567890123456789,"event_name":"user_send_text","timestamp":1795000000000,"sender":{"id":${USER}},"recipient":{"id":${OA}},"message":{"msg_id":"m1","text":"xin chào"}}`;
    // What JSON.parse would have made of them:
    expect(String(JSON.parse(raw).sender.id)).not.toBe(USER);
    const e = event(raw);
    expect(e).toMatchObject({ kind: 'text', userId: USER, oaId: OA, appId: '1234567890123456789', timestampMs: 1795000000000 });
  });

  it('a button press arrives as user_send_text with the payload: it becomes the action', () => {
    expect(event(message('user_send_text', { msg_id: '96d3cdf3af150460909', text: '#dd:ta:4812' }))).toMatchObject({
      kind: 'action',
      action: 'ta:4812',
      userId: USER,
      dedupeKey: '96d3cdf3af150460909',
    });
    // Text that only looks like a payload stays text.
    expect(event(message('user_send_text', { msg_id: 'm2', text: '#dd:' }))).toMatchObject({ kind: 'text', text: '#dd:' });
    expect(event(message('user_send_text', { msg_id: 'm3', text: '#dd:ta 1 và việc khác' }))).toMatchObject({ kind: 'text' });
  });

  it('a press reported as user_click_button (another source’s name) is read the same way', () => {
    expect(event(message('user_click_button', { msg_id: 'c1', text: '#dd:ta:4812' }))).toMatchObject({ kind: 'action', action: 'ta:4812', dedupeKey: 'c1' });
  });

  it('keeps the quoted message id of a reply', () => {
    expect(event(message('user_send_text', { msg_id: 'm4', text: 'Đồng ý', quote_msg_id: 'q1' }))).toMatchObject({ kind: 'text', quoteMsgId: 'q1' });
  });

  it('an image (and a gif) with its URL and caption; a file with its name and size', () => {
    const img = message('user_send_image', {
      msg_id: 'i1',
      text: 'Ảnh hiện trường',
      attachments: [{ type: 'image', payload: { url: 'https://zalo.example/a.jpg', thumbnail: 'https://zalo.example/t.jpg' } }],
    });
    expect(event(img)).toMatchObject({ kind: 'image', url: 'https://zalo.example/a.jpg', caption: 'Ảnh hiện trường', dedupeKey: 'i1' });
    const gif = message('user_send_gif', { msg_id: 'g1', attachments: [{ type: 'gif', payload: { url: 'https://zalo.example/a.gif' } }] });
    expect(event(gif)).toMatchObject({ kind: 'image', url: 'https://zalo.example/a.gif' });
    const file = message('user_send_file', {
      msg_id: 'f1',
      attachments: [{ type: 'file', payload: { url: 'https://zalo.example/bc.pdf', name: 'Báo cáo.pdf', size: '20480' } }],
    });
    expect(event(file)).toMatchObject({ kind: 'file', url: 'https://zalo.example/bc.pdf', name: 'Báo cáo.pdf', size: 20480 });
  });

  it('stickers, voice and locations are unsupported messages (still deduped by msg_id)', () => {
    expect(
      event(message('user_send_sticker', { msg_id: 's1', attachments: [{ type: 'sticker', payload: { id: '1', url: 'https://x/s.png' } }] })),
    ).toMatchObject({ kind: 'unsupported', dedupeKey: 's1' });
    expect(
      event(
        message('user_send_location', {
          msg_id: 'l1',
          attachments: [{ type: 'location', payload: { coordinates: { latitude: '21.0', longitude: '105.8' } } }],
        }),
      ),
    ).toMatchObject({ kind: 'unsupported' });
  });

  it('follow and unfollow: top-level oa_id and follower.id (and goclaw’s user_follow with sender)', () => {
    const follow = {
      oa_id: OA,
      follower: { id: USER },
      user_id_by_app: '5520000000000000001',
      event_name: 'follow',
      source: 'oa_profile',
      app_id: '1234567890123456789',
      timestamp: '1794999990000',
    };
    expect(event(follow)).toEqual({
      kind: 'follow',
      eventName: 'follow',
      appId: '1234567890123456789',
      oaId: OA,
      userId: USER,
      timestampMs: 1794999990000,
      dedupeKey: `follow:${OA}:${USER}:1794999990000`,
      source: 'oa_profile',
    });
    expect(event({ ...follow, event_name: 'unfollow' })).toMatchObject({ kind: 'unfollow', userId: USER });
    expect(event({ event_name: 'user_follow', timestamp: '1794999990000', sender: { id: USER }, recipient: { id: OA } })).toMatchObject({
      kind: 'follow',
      userId: USER,
      oaId: OA,
    });
  });

  it('our own messages echoed back are echoes (to drop); seen and received receipts are ignored', () => {
    const echo = {
      app_id: '1',
      event_name: 'oa_send_text',
      timestamp: '1795000001300',
      sender: { id: OA },
      recipient: { id: USER },
      message: { msg_id: '63ecf43f0df7dba892e6', text: 'Việc #4812' },
    };
    expect(event(echo)).toEqual({ kind: 'echo', eventName: 'oa_send_text', oaId: OA, userId: USER, msgId: '63ecf43f0df7dba892e6' });
    const seen = {
      app_id: '1',
      event_name: 'user_seen_message',
      timestamp: '1795000009000',
      sender: { id: OA },
      recipient: { id: USER },
      message: { msg_ids: ['a', 'b'] },
    };
    expect(event(seen)).toEqual({ kind: 'ignored', eventName: 'user_seen_message', reason: 'seen', msgIds: ['a', 'b'] });
    expect(event({ ...seen, message: { msg_id: 'c' } })).toMatchObject({ reason: 'seen', msgIds: ['c'] });
    expect(event({ ...seen, event_name: 'user_received_message' })).toMatchObject({ kind: 'ignored', reason: 'received' });
    expect(event({ ...seen, event_name: 'anonymous_send_text' })).toMatchObject({ kind: 'ignored', reason: 'anonymous' });
    expect(event({ ...seen, event_name: 'user_submit_info' })).toMatchObject({ kind: 'ignored', reason: 'other' });
  });

  it('group chats (GMF) are ignored as groups, whichever field carries the group, never read as a private message', () => {
    const GROUP = '7770001112223334445';
    for (const body of [
      message('user_send_group_text', { msg_id: 'g1', text: '/viec' }, { recipient: { id: GROUP } }),
      message('user_send_group_text', { msg_id: 'g2', text: '/viec' }, { recipient: { id: OA, group_id: GROUP } }),
      message('user_send_group_image', {
        msg_id: 'g3',
        conversation_id: GROUP,
        attachments: [{ type: 'image', payload: { url: 'https://zalo.example/a.jpg' } }],
      }),
      message('oa_send_group_text', { msg_id: 'g4', text: 'Chào nhóm' }, { sender: { id: OA }, recipient: { id: GROUP } }),
      { app_id: '1', event_name: 'user_join_group', timestamp: '1795000000000', sender: { id: USER }, recipient: { id: GROUP } },
      { app_id: '1', event_name: 'create_group', timestamp: '1795000000000', oa_id: OA },
    ]) {
      expect(event(body)).toMatchObject({ kind: 'ignored', eventName: body.event_name, reason: 'group' });
    }
  });

  it('timestamps in seconds are read as seconds', () => {
    expect(event(message('user_send_text', { msg_id: 'm5', text: 'a' }, { timestamp: '1795000000' }))).toMatchObject({ timestampMs: 1795000000000 });
  });

  it.each([
    ['not JSON', '{"event_name":'],
    ['no event name', JSON.stringify({ timestamp: '1' })],
    ['no timestamp', JSON.stringify({ event_name: 'user_send_text' })],
    ['text without msg_id', JSON.stringify(message('user_send_text', { text: 'a' }))],
    ['text without sender', JSON.stringify({ ...message('user_send_text', { msg_id: 'x', text: 'a' }), sender: undefined })],
    ['text without text', JSON.stringify(message('user_send_text', { msg_id: 'x' }))],
    ['follow without follower', JSON.stringify({ event_name: 'follow', oa_id: OA, timestamp: '1' })],
    ['an array', '[1,2]'],
  ])('reports a body it cannot use (%s) without throwing', (_name, raw) => {
    const parsed = parseOaWebhook(raw);
    expect(parsed.ok).toBe(false);
  });
});
