// PKCE and the consent URL as Zalo takes them (S256, base64url, no code_challenge_method).
import { describe, expect, it } from 'vitest';
import { createPkcePair, permissionUrl, pkceChallenge } from '../../src/channels/zalo-oa/oauth.js';

describe('PKCE', () => {
  it('matches RFC 7636’s example', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character verifiers, different each time, with their challenge', () => {
    const a = createPkcePair();
    const b = createPkcePair();
    expect(a.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.challenge).toBe(pkceChallenge(a.verifier));
    expect(a.challenge).not.toContain('=');
  });

  it('refuses a verifier outside RFC 7636', () => {
    expect(() => pkceChallenge('short')).toThrow(/43–128/);
    expect(() => pkceChallenge(`${'a'.repeat(42)}!`)).toThrow(/43–128/);
  });
});

describe('permissionUrl', () => {
  it('is the fact sheet’s example consent link', () => {
    const url = permissionUrl({
      appId: '1234567890123456789',
      redirectUri: 'https://dondoc.example.gov.vn/zalo-oa/callback',
      codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      state: '9f1c2e7a',
    });
    expect(url).toBe(
      'https://oauth.zaloapp.com/v4/oa/permission?app_id=1234567890123456789&redirect_uri=https%3A%2F%2Fdondoc.example.gov.vn%2Fzalo-oa%2Fcallback&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&state=9f1c2e7a',
    );
  });

  it('leaves the challenge out when the console fixes it, and takes another root', () => {
    const url = new URL(permissionUrl({ appId: '1', redirectUri: 'https://x/cb', state: 's', oauthRoot: 'http://127.0.0.1:9/' }));
    expect(url.origin).toBe('http://127.0.0.1:9');
    expect(url.pathname).toBe('/v4/oa/permission');
    expect(url.searchParams.has('code_challenge')).toBe(false);
  });
});
