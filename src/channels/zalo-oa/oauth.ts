// OAuth v4 for an Official Account: PKCE, the permission (consent) URL, the code exchange and the refresh, on
// `${oauthRoot}/v4/oa/access_token` with the App Secret in the `secret_key` header and a form body.
//
// Zalo's rules that shape this file (fact sheet §2):
// - the answer is top level `{ access_token, refresh_token, expires_in: "90000" }` (a string of seconds);
// - errors are `{ error, error_name, error_reason, error_description }`, sometimes with HTTP 200: an answer without
//   `access_token` is a failure whatever its status;
// - a refresh token works once and is replaced by the new one. A refresh answered without a token is therefore
//   terminal: retrying with the same refresh token cannot work, the OA admin must authorise again. Only a transport
//   failure or a 5xx may be tried again (the token was probably not consumed; if Zalo did consume it and the answer
//   was lost, the next try is refused and ends the same way).
import { createHash, randomBytes } from 'node:crypto';
import { OA_REFRESH_TOKEN_TTL_SECONDS, oaOAuthErrorSchema, oaTokenResponseSchema, parseJsonLossless, ZALO_OA_OAUTH_ROOT } from './types.js';

// ---- PKCE (RFC 7636, S256; Zalo takes no `code_challenge_method`) ----

export interface PkcePair {
  /** 43 characters of base64url: keep it until the code comes back. */
  verifier: string;
  /** base64url(sha256(verifier)), no padding. */
  challenge: string;
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function pkceChallenge(verifier: string): string {
  if (!VERIFIER.test(verifier)) throw new Error('a PKCE code verifier is 43–128 characters of A–Z, a–z, 0–9, "-", ".", "_" or "~"');
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A fresh pair from 32 random bytes (as Zalo's PHP SDK does). */
export function createPkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

// ---- Consent ----

export interface PermissionUrlInput {
  appId: string;
  /** Must equal the "Official Account Callback URL" saved in Zalo's developer console (else -14003). */
  redirectUri: string;
  /** Omitted only when the app's console fixes the challenge itself (see the fact sheet: conflicting). */
  codeChallenge?: string;
  /** Echoed back on the callback; check it. */
  state: string;
  oauthRoot?: string;
}

/** Where the OA admin approves the app. The callback gets `?code=…&oa_id=…&state=…` (the code lives 10 minutes). */
export function permissionUrl(input: PermissionUrlInput): string {
  const url = new URL('/v4/oa/permission', (input.oauthRoot ?? ZALO_OA_OAUTH_ROOT).replace(/\/+$/, ''));
  url.searchParams.set('app_id', input.appId);
  url.searchParams.set('redirect_uri', input.redirectUri);
  if (input.codeChallenge !== undefined) url.searchParams.set('code_challenge', input.codeChallenge);
  url.searchParams.set('state', input.state);
  return url.toString();
}

// ---- Tokens ----

export interface OaTokenPair {
  accessToken: string;
  /**
   * The next refresh token. Null when Zalo gave none: reported for OAs that are not verified ("dùng thử"); the
   * access token then works until it expires and the admin must authorise again.
   */
  refreshToken: string | null;
  accessExpiresAt: Date;
  /** Computed (Zalo stopped returning it): 90 days from now unless Zalo says otherwise. */
  refreshExpiresAt: Date | null;
}

/**
 * - `refused`: the code exchange was answered without a token (bad or used code, wrong verifier, wrong redirect);
 * - `reauthorize`: the refresh was answered without a token: the refresh token is dead, authorise again;
 * - `server` (HTTP 5xx), `network`, `timeout`: no verdict; the same request may be tried again;
 * - `invalid-response`: an answer we could not read.
 */
export type ZaloOaAuthErrorKind = 'refused' | 'reauthorize' | 'server' | 'network' | 'timeout' | 'invalid-response';

export class ZaloOaAuthError extends Error {
  override readonly name = 'ZaloOaAuthError';
  readonly kind: ZaloOaAuthErrorKind;
  /** Zalo's `error` (e.g. -14003 invalid redirect URI), the HTTP status, or 0. */
  readonly code: number;
  readonly errorName: string | undefined;
  readonly description: string;

  constructor(init: { kind: ZaloOaAuthErrorKind; code: number; description: string; errorName?: string; cause?: unknown }) {
    super(
      `Zalo OA OAuth failed (${init.kind}${init.code ? ` ${init.code}` : ''}): ${init.description}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.kind = init.kind;
    this.code = init.code;
    this.errorName = init.errorName;
    this.description = init.description;
  }

  /** Nothing will work until the OA admin approves the app again (`zalo-oa authorize`). */
  get needsReauthorization(): boolean {
    return this.kind === 'reauthorize';
  }

  get isRetryable(): boolean {
    return this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }
}

export interface ZaloOaOAuthOptions {
  appId: string;
  /** The app's "App Secret Key" (not the OA secret key, which signs webhooks). */
  secretKey: string;
  oauthRoot?: string;
  fetch?: typeof globalThis.fetch;
  /** Default 15 s. */
  timeoutMs?: number;
  /** To date the tokens; the domain clock in the app, `Date.now` by default. */
  now?: () => number;
}

export interface ZaloOaOAuth {
  /** Trades the callback's `code` (and the PKCE verifier of the consent URL) for the first token pair. */
  exchangeCode(input: { code: string; codeVerifier?: string }): Promise<OaTokenPair>;
  /** Trades a refresh token for a new pair. The old refresh token is dead once this succeeds. */
  refresh(refreshToken: string): Promise<OaTokenPair>;
}

export function createZaloOaOAuth(options: ZaloOaOAuthOptions): ZaloOaOAuth {
  const { appId, secretKey, timeoutMs = 15_000, now = Date.now } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const endpoint = `${(options.oauthRoot ?? ZALO_OA_OAUTH_ROOT).replace(/\/+$/, '')}/v4/oa/access_token`;

  async function tokenCall(form: Record<string, string>, refusal: 'refused' | 'reauthorize'): Promise<OaTokenPair> {
    // The code, the verifier and the refresh token are secrets too: none of them goes into an error text.
    const secrets = [form.code, form.code_verifier, form.refresh_token].filter((v): v is string => v !== undefined && v !== '');
    const redact = (text: string): string => [secretKey, ...secrets].reduce((t, s) => t.split(s).join('<secret>'), text);
    const deadline = AbortSignal.timeout(timeoutMs);
    let status: number;
    let text: string;
    try {
      const response = await fetchFn(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: secretKey },
        body: new URLSearchParams(form).toString(),
        signal: deadline,
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (deadline.aborted) throw new ZaloOaAuthError({ kind: 'timeout', code: 0, description: `no answer within ${timeoutMs} ms`, cause: error });
      throw new ZaloOaAuthError({ kind: 'network', code: 0, description: redact(error instanceof Error ? error.message : String(error)), cause: error });
    }

    let body: unknown;
    try {
      body = parseJsonLossless(text);
    } catch {
      body = undefined;
    }
    const snippet = redact(text.slice(0, 200).replace(/\s+/g, ' ').trim());
    if (status >= 500) throw new ZaloOaAuthError({ kind: 'server', code: status, description: `HTTP ${status}: ${snippet}` });

    const tokens = oaTokenResponseSchema.safeParse(body);
    if (tokens.success) {
      const t = tokens.data;
      const issuedAt = now();
      const accessTtl = t.expires_in ?? 90_000;
      const refreshTtl = t.refresh_token_expires_in ?? OA_REFRESH_TOKEN_TTL_SECONDS;
      return {
        accessToken: t.access_token,
        refreshToken: t.refresh_token ?? null,
        accessExpiresAt: new Date(issuedAt + accessTtl * 1000),
        refreshExpiresAt: t.refresh_token === undefined ? null : new Date(issuedAt + refreshTtl * 1000),
      };
    }
    const error = oaOAuthErrorSchema.safeParse(body);
    if (!error.success || body === undefined) {
      throw new ZaloOaAuthError({ kind: 'invalid-response', code: status, description: `HTTP ${status}, not a Zalo answer: ${snippet}` });
    }
    const e = error.data;
    const words = [e.error_name, e.error_reason, e.error_description ?? e.message].filter((w): w is string => typeof w === 'string' && w !== '');
    const init: ConstructorParameters<typeof ZaloOaAuthError>[0] = {
      kind: refusal,
      code: e.error ?? status,
      description: redact(words.length > 0 ? words.join(': ') : `answer without access_token (HTTP ${status})`),
    };
    if (e.error_name !== undefined) init.errorName = e.error_name;
    throw new ZaloOaAuthError(init);
  }

  return {
    exchangeCode({ code, codeVerifier }) {
      const form: Record<string, string> = { app_id: appId, code, grant_type: 'authorization_code' };
      if (codeVerifier !== undefined) form.code_verifier = codeVerifier;
      return tokenCall(form, 'refused');
    },
    refresh: (refreshToken) => tokenCall({ app_id: appId, refresh_token: refreshToken, grant_type: 'refresh_token' }, 'reauthorize'),
  };
}
