// The keys the OA tokens are sealed with (src/channels/zalo-oa/token-crypto.ts), read from the environment. Here, not
// in the adapter, because the configuration checks them at start (src/config.ts) and config must not import channels.

/** The form of a key id, stored in every sealed value. */
export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A key or keyring that cannot be used; the message says which variable and what is expected. */
export class TokenKeyError extends Error {
  override readonly name = 'TokenKeyError';
}

/** 32 bytes written as 64 hex digits, or as base64 / base64url (with or without padding). */
export function parseTokenKey(text: string, variable = 'ZALO_OA_TOKEN_KEY'): Buffer {
  const value = text.trim();
  const hint = `${variable} must be 32 random bytes as 64 hex digits or as base64 (e.g. openssl rand -base64 32)`;
  if (value === '') throw new TokenKeyError(`${hint}; it is empty`);
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
    throw new TokenKeyError(`${hint}; it decodes to ${bytes.length} bytes`);
  }
  throw new TokenKeyError(`${hint}; it is neither hex nor base64`);
}

export interface TokenKeyring {
  /** The key new values are sealed with. */
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export interface TokenKeyEnvironment {
  /** The current key. */
  ZALO_OA_TOKEN_KEY?: string | undefined;
  /** Its id, stored in every value it seals. Default "1". */
  ZALO_OA_TOKEN_KEY_ID?: string | undefined;
  /** Keys being rotated out, still able to open old values: `<id>:<key>` separated by commas. */
  ZALO_OA_TOKEN_OLD_KEYS?: string | undefined;
}

/** The keyring from the environment, or a {@link TokenKeyError} naming the variable at fault. */
export function keyringFromEnvironment(env: TokenKeyEnvironment): TokenKeyring {
  if (env.ZALO_OA_TOKEN_KEY === undefined)
    throw new TokenKeyError('ZALO_OA_TOKEN_KEY is not set: the OA tokens are stored encrypted with it (openssl rand -base64 32)');
  const currentId = (env.ZALO_OA_TOKEN_KEY_ID ?? '1').trim() || '1';
  if (!KEY_ID.test(currentId)) throw new TokenKeyError(`ZALO_OA_TOKEN_KEY_ID must be 1–32 characters of A–Z, a–z, 0–9, _ or -, got "${currentId}"`);
  const keys = new Map<string, Buffer>([[currentId, parseTokenKey(env.ZALO_OA_TOKEN_KEY)]]);
  for (const entry of (env.ZALO_OA_TOKEN_OLD_KEYS ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    if (!KEY_ID.test(id)) throw new TokenKeyError('ZALO_OA_TOKEN_OLD_KEYS must list <id>:<key> pairs separated by commas');
    if (keys.has(id)) throw new TokenKeyError(`ZALO_OA_TOKEN_OLD_KEYS: the key id "${id}" is used twice`);
    keys.set(id, parseTokenKey(entry.slice(colon + 1), `ZALO_OA_TOKEN_OLD_KEYS (key "${id}")`));
  }
  return { currentId, keys };
}
