// OA tokens at rest: AES-256-GCM round trip, keys as hex or base64, clear errors for a wrong key, values bound to
// their row and column, and a key id for rotation.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenCipher, TokenDecryptError } from '../../src/channels/zalo-oa/token-crypto.js';
import { keyringFromEnvironment, parseTokenKey, TokenKeyError } from '../../src/config/token-keyring.js';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const TOKEN = 'RfBh5NdqsWzhcX8bDDe_1A463Z34Fhy1GVi63AoTU1InwujqF';
const CONTEXT = 'oa:3881328087880864500:access';

describe('token keys', () => {
  it('reads 32 bytes as hex, base64 and base64url', () => {
    expect(parseTokenKey(keyA.toString('hex'))).toEqual(keyA);
    expect(parseTokenKey(keyA.toString('base64'))).toEqual(keyA);
    expect(parseTokenKey(keyA.toString('base64url'))).toEqual(keyA);
    expect(parseTokenKey(` ${keyA.toString('base64')}\n`)).toEqual(keyA);
  });

  it.each([
    ['', /empty/],
    ['short', /decodes to 3 bytes/],
    [randomBytes(16).toString('hex'), /decodes to/],
    [randomBytes(33).toString('base64'), /decodes to 33 bytes/],
    ['not a key!', /neither hex nor base64/],
  ])('says what is wrong with %j', (text, message) => {
    expect(() => parseTokenKey(text)).toThrow(TokenKeyError);
    expect(() => parseTokenKey(text)).toThrow(message);
    expect(() => parseTokenKey(text)).toThrow(/ZALO_OA_TOKEN_KEY must be 32 random bytes/);
  });

  it('the keyring from the environment: current key and id, old keys for rotation', () => {
    expect(() => keyringFromEnvironment({})).toThrow(/ZALO_OA_TOKEN_KEY is not set/);
    const ring = keyringFromEnvironment({
      ZALO_OA_TOKEN_KEY: keyB.toString('base64'),
      ZALO_OA_TOKEN_KEY_ID: '2',
      ZALO_OA_TOKEN_OLD_KEYS: `1:${keyA.toString('hex')}`,
    });
    expect(ring.currentId).toBe('2');
    expect([...ring.keys.keys()]).toEqual(['2', '1']);
    expect(keyringFromEnvironment({ ZALO_OA_TOKEN_KEY: keyA.toString('hex') }).currentId).toBe('1');
    expect(() => keyringFromEnvironment({ ZALO_OA_TOKEN_KEY: keyA.toString('hex'), ZALO_OA_TOKEN_KEY_ID: 'a b' })).toThrow(/ZALO_OA_TOKEN_KEY_ID/);
    expect(() => keyringFromEnvironment({ ZALO_OA_TOKEN_KEY: keyA.toString('hex'), ZALO_OA_TOKEN_OLD_KEYS: 'nokeyid' })).toThrow(/<id>:<key>/);
    expect(() => keyringFromEnvironment({ ZALO_OA_TOKEN_KEY: keyA.toString('hex'), ZALO_OA_TOKEN_OLD_KEYS: '0:abc' })).toThrow(/key "0"/);
    expect(() => keyringFromEnvironment({ ZALO_OA_TOKEN_KEY: keyA.toString('hex'), ZALO_OA_TOKEN_OLD_KEYS: `1:${keyB.toString('hex')}` })).toThrow(
      /used twice/,
    );
  });
});

describe('sealing tokens', () => {
  const cipher = createTokenCipher({ currentId: 'k1', keys: new Map([['k1', keyA]]) });

  it('round-trips, with a fresh IV each time, and never shows the token', () => {
    const one = cipher.seal(TOKEN, CONTEXT);
    const two = cipher.seal(TOKEN, CONTEXT);
    expect(one).not.toBe(two);
    expect(one).toMatch(/^zoa1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(one).not.toContain(TOKEN.slice(0, 10));
    expect(cipher.open(one, CONTEXT)).toBe(TOKEN);
    expect(cipher.open(cipher.seal('', CONTEXT), CONTEXT)).toBe('');
    expect(cipher.open(cipher.seal('Đồng chí 🇻🇳', CONTEXT), CONTEXT)).toBe('Đồng chí 🇻🇳');
  });

  it('a wrong key gives a clear error, not garbage', () => {
    const sealed = cipher.seal(TOKEN, CONTEXT);
    const wrong = createTokenCipher({ currentId: 'k1', keys: new Map([['k1', keyB]]) });
    expect(() => wrong.open(sealed, CONTEXT)).toThrow(TokenDecryptError);
    expect(() => wrong.open(sealed, CONTEXT)).toThrow(/key "k1": the key is not the one it was sealed with/);
  });

  it('a value moved to another row or column, or altered, does not open', () => {
    const sealed = cipher.seal(TOKEN, CONTEXT);
    expect(() => cipher.open(sealed, 'oa:3881328087880864500:refresh')).toThrow(TokenDecryptError);
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString('base64url');
    expect(() => cipher.open(parts.join('.'), CONTEXT)).toThrow(TokenDecryptError);
    expect(() => cipher.open('plain-token', CONTEXT)).toThrow(/not a sealed OA token/);
  });

  it('rotation: old values open with the old key listed, new ones are sealed with the current key', () => {
    const old = cipher.seal(TOKEN, CONTEXT);
    const rotated = createTokenCipher({
      currentId: 'k2',
      keys: new Map([
        ['k2', keyB],
        ['k1', keyA],
      ]),
    });
    expect(rotated.open(old, CONTEXT)).toBe(TOKEN);
    expect(rotated.needsResealing(old)).toBe(true);
    const fresh = rotated.seal(TOKEN, CONTEXT);
    expect(rotated.keyIdOf(fresh)).toBe('k2');
    expect(rotated.needsResealing(fresh)).toBe(false);
    const dropped = createTokenCipher({ currentId: 'k2', keys: new Map([['k2', keyB]]) });
    expect(() => dropped.open(old, CONTEXT)).toThrow(/key "k1", which is not configured/);
  });
});
