// The keys the OA tokens are sealed with (src/channels/zalo-oa/token-crypto.ts), read from the environment. Here, not
// in the adapter, because the configuration checks them at start (src/config.ts) and config must not import channels.
// The webhook signing secrets (issue 17) are sealed the same way under keys of their own (WEBHOOK_SECRET_KEY…), and
// the organisations' bot tokens (issue 18) under ORG_TOKEN_KEY….

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

/** The variables of one keyring and what it seals (for the messages). */
export interface KeyringVariables {
  key: string;
  keyId: string;
  oldKeys: string;
  sealed: string;
}

export const OA_TOKEN_KEYS: KeyringVariables = {
  key: 'ZALO_OA_TOKEN_KEY',
  keyId: 'ZALO_OA_TOKEN_KEY_ID',
  oldKeys: 'ZALO_OA_TOKEN_OLD_KEYS',
  sealed: 'the OA tokens',
};

export const WEBHOOK_SECRET_KEYS: KeyringVariables = {
  key: 'WEBHOOK_SECRET_KEY',
  keyId: 'WEBHOOK_SECRET_KEY_ID',
  oldKeys: 'WEBHOOK_SECRET_OLD_KEYS',
  sealed: 'the webhook signing secrets',
};

/** The organisations' bot tokens (issue 18, `org create --telegram-token`), table organisation. */
export const ORG_TOKEN_KEYS: KeyringVariables = {
  key: 'ORG_TOKEN_KEY',
  keyId: 'ORG_TOKEN_KEY_ID',
  oldKeys: 'ORG_TOKEN_OLD_KEYS',
  sealed: "the organisations' bot tokens",
};

/** The keyring from the environment, or a {@link TokenKeyError} naming the variable at fault. */
export function keyringFromEnvironment(env: TokenKeyEnvironment | Record<string, string | undefined>, names: KeyringVariables = OA_TOKEN_KEYS): TokenKeyring {
  const vars = env as Record<string, string | undefined>;
  const key = vars[names.key];
  if (key === undefined) throw new TokenKeyError(`${names.key} is not set: ${names.sealed} are stored encrypted with it (openssl rand -base64 32)`);
  const currentId = (vars[names.keyId] ?? '1').trim() || '1';
  if (!KEY_ID.test(currentId)) throw new TokenKeyError(`${names.keyId} must be 1–32 characters of A–Z, a–z, 0–9, _ or -, got "${currentId}"`);
  const keys = new Map<string, Buffer>([[currentId, parseTokenKey(key, names.key)]]);
  for (const entry of (vars[names.oldKeys] ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    if (!KEY_ID.test(id)) throw new TokenKeyError(`${names.oldKeys} must list <id>:<key> pairs separated by commas`);
    if (keys.has(id)) throw new TokenKeyError(`${names.oldKeys}: the key id "${id}" is used twice`);
    keys.set(id, parseTokenKey(entry.slice(colon + 1), `${names.oldKeys} (key "${id}")`));
  }
  return { currentId, keys };
}
