// The OA webhook signature against the fact sheet's worked examples (§11.3–11.5), computed independently there over
// the exact bytes shown, and against forged, missing and altered variants.
import { describe, expect, it } from 'vitest';
import { bodyTimestamp, signOaWebhook, verifyOaSignature } from '../../src/channels/zalo-oa/signature.js';

const keys = { appId: '1234567890123456789', oaSecretKey: 'OaSecretKeyExample123' };

const TEXT_BODY =
  '{"app_id":"1234567890123456789","user_id_by_app":"5520000000000000001","event_name":"user_send_text","timestamp":"1795000000000","sender":{"id":"2468458835296117922"},"recipient":{"id":"3881328087880864500"},"message":{"msg_id":"a1b2c3d4e5f6a7b8c9d0","text":"MOI-7Q4K2"}}';
const TEXT_MAC = 'mac=bd739360f0f87b3357ac2d6e0c96f1c85bae54c5357266dcd60ed5b5df341fb0';
const PRESS_BODY =
  '{"app_id":"1234567890123456789","user_id_by_app":"5520000000000000001","event_name":"user_send_text","timestamp":"1795000000123","sender":{"id":"2468458835296117922"},"recipient":{"id":"3881328087880864500"},"message":{"msg_id":"96d3cdf3af150460909","text":"#dd:t:4812:done"}}';
const PRESS_MAC = 'mac=70c059f92cfdfb012a48a581785e1139a45d2c1dea71ca06c3ef7c45cb236e49';
const FOLLOW_BODY =
  '{"oa_id":"3881328087880864500","follower":{"id":"2468458835296117922"},"user_id_by_app":"5520000000000000001","event_name":"follow","source":"oa_profile","app_id":"1234567890123456789","timestamp":"1794999990000"}';
const FOLLOW_MAC = 'mac=f16469b3fadf3dca7f21fef4f505446a68a378d95c71a712c1c39fe8ba36d2f5';

describe('X-ZEvent-Signature', () => {
  it.each([
    ['user text', TEXT_BODY, TEXT_MAC],
    ['button press', PRESS_BODY, PRESS_MAC],
    ['follow', FOLLOW_BODY, FOLLOW_MAC],
  ])('accepts the worked example: %s', (_name, body, mac) => {
    expect(verifyOaSignature(body, mac, keys)).toEqual({ ok: true });
    expect(verifyOaSignature(Buffer.from(body), mac, keys)).toEqual({ ok: true });
    expect(signOaWebhook(body, bodyTimestamp(Buffer.from(body))!, keys)).toBe(mac);
  });

  it('accepts the bare hex (no "mac=") and upper-case hex, as implementations differ', () => {
    expect(verifyOaSignature(TEXT_BODY, TEXT_MAC.slice(4), keys)).toEqual({ ok: true });
    expect(verifyOaSignature(TEXT_BODY, `mac=${TEXT_MAC.slice(4).toUpperCase()}`, keys)).toEqual({ ok: true });
    expect(verifyOaSignature(TEXT_BODY, [TEXT_MAC], keys)).toEqual({ ok: true });
  });

  it('refuses a missing or empty header', () => {
    expect(verifyOaSignature(TEXT_BODY, undefined, keys)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyOaSignature(TEXT_BODY, '  ', keys)).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses a value that is not 64 hex digits', () => {
    expect(verifyOaSignature(TEXT_BODY, 'mac=abc', keys)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyOaSignature(TEXT_BODY, `sha256=${TEXT_MAC.slice(4)}`, keys)).toEqual({ ok: false, reason: 'malformed' });
  });

  it("refuses another body's signature, a forged key, the App Secret and the oa_id-first variant", () => {
    expect(verifyOaSignature(TEXT_BODY, PRESS_MAC, keys)).toEqual({ ok: false, reason: 'mismatch' });
    const forged = signOaWebhook(TEXT_BODY, '1795000000000', { ...keys, oaSecretKey: 'guessed' });
    expect(verifyOaSignature(TEXT_BODY, forged, keys)).toEqual({ ok: false, reason: 'mismatch' });
    const oaFirst = signOaWebhook(TEXT_BODY, '1795000000000', { appId: '3881328087880864500', oaSecretKey: keys.oaSecretKey });
    expect(verifyOaSignature(TEXT_BODY, oaFirst, keys)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('is over the exact bytes: one changed character or re-serialised JSON does not verify', () => {
    expect(verifyOaSignature(TEXT_BODY.replace('MOI-7Q4K2', 'MOI-7Q4K3'), TEXT_MAC, keys)).toEqual({ ok: false, reason: 'mismatch' });
    const pretty = JSON.stringify(JSON.parse(TEXT_BODY), null, 1);
    expect(verifyOaSignature(pretty, TEXT_MAC, keys)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyOaSignature(`${TEXT_BODY}\n`, TEXT_MAC, keys)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('uses the body timestamp: a body without one, or not JSON, cannot verify', () => {
    const noTimestamp = TEXT_BODY.replace('"timestamp":"1795000000000",', '');
    expect(verifyOaSignature(noTimestamp, signOaWebhook(noTimestamp, '', keys), keys)).toEqual({ ok: false, reason: 'no-timestamp' });
    expect(verifyOaSignature('not json', TEXT_MAC, keys)).toEqual({ ok: false, reason: 'no-timestamp' });
    expect(bodyTimestamp(Buffer.from('{"timestamp":1795000000000}'))).toBe('1795000000000');
    expect(bodyTimestamp(Buffer.from('{"message":{"timestamp":"1"}}'))).toBeUndefined();
  });
});
